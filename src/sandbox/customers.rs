//! The simulated service's customers: the seed's three test users, the scripted faults chosen
//! by username, and `active-N` for as many customers as a soak needs.

use serde_json::{Value, json};

use crate::api::wire;
use crate::money::Npr;

const ACTIVE: &str = include_str!("fixtures/active.json");
const EXPIRED: &str = include_str!("fixtures/expired.json");
const NEW: &str = include_str!("fixtures/new.json");

/// A fault or kind of customer chosen by username.
pub(super) fn customer_answer(username: &str) -> Option<Value> {
    let parse = |s: &str| serde_json::from_str::<Value>(s).ok();
    let mut v = match username {
        "new" => return parse(NEW),
        "active" | "9779869045195" => return parse(ACTIVE),
        "expired" | "9779803074977" => return parse(EXPIRED),
        "due" | "queued" | "slow" | "cut" | "late" | "boom" | "fail" | "dribble" | "nepali" => parse(ACTIVE)?,
        _ if numbered(username).is_some() => parse(ACTIVE)?,
        _ => return None,
    };
    let name = match (username, numbered(username)) {
        ("nepali", _) => "चन्द्रमणि न्यौपाने".to_string(),
        (_, Some(n)) => format!("Customer {n}"),
        (other, None) => format!("{}{} Tester", other[..1].to_uppercase(), &other[1..]),
    };
    v["customer"]["username"] = json!(username);
    v["customer"]["name"] = json!(name);
    if username == "due" {
        v["due"] = json!({"amount": "1500.00000", "message": "Due Amount is Rs. 1500"});
        v["customer"]["status"] = json!("Expired");
        v["current_subscription"]["status"] = json!("Expired");
    }
    Some(v)
}

/// `active-N` (N up to nine digits): as many customers like `active` as a soak needs.
fn numbered(username: &str) -> Option<&str> {
    username
        .strip_prefix("active-")
        .filter(|n| (1..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The packages an answer offers, with their amounts, as the commit checks them.
pub(super) fn wire_packages(answer: &Value) -> Vec<(String, Npr)> {
    answer["packages"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|p| {
                    Some((
                        wire::text(p.get("package_id"))?,
                        wire::money(p.get("amount"), "").ok()??,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}
