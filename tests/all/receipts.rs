//! References a person can use, receipts a customer can keep, and the end of the day.

use crate::common::{self, Home, run, run_json};

const PKG: &str = "1-13286-5-3";

fn pay(home: &Home, user: &str, extra: &[&str]) -> serde_json::Value {
    let (code, doc, err) = run_json(home.sandbox(&common::pay_args(user, PKG, extra)));
    assert!(code == 0 || code == 4, "{err}");
    doc
}

#[test]
fn short_references_tell_payments_of_the_same_minute_apart_and_find_them() {
    let home = Home::new();
    let refs: Vec<String> = (0..4)
        .map(|_| {
            pay(&home, "active", &["--allow-repeat"])["reference"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let (_, out, _) = run(home.sandbox(&["history"]));
    let shown: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    let distinct: std::collections::HashSet<&&str> = shown.iter().collect();
    assert_eq!(distinct.len(), 4, "four payments, four short references: {out}");
    for (line, short) in shown.iter().enumerate() {
        assert!(
            short.len() >= 8 && refs.iter().any(|r| r.ends_with(short)),
            "{line}: {short}"
        );
    }
    assert!(out.contains("Chandra Mani"), "the customer's name: {out}");
    assert!(out.lines().all(|l| console::measure_text_width(l) <= 80), "{out}");
    // The short form, or the start of the reference, finds the payment.
    let (code, out, err) = run(home.sandbox(&["receipt", shown[0]]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(shown[0]) && out.contains("COPY"),
        "a reprint says so: {out}"
    );
    let head = &refs[0][..14];
    let (code, doc, _) = run_json(home.sandbox(&["--json", "receipt", head]));
    assert_eq!(
        (code, doc["reference"].as_str()),
        (0, Some(refs[0].as_str())),
        "JSON keeps the full reference"
    );
    // A start shared by several lists them.
    let (code, _, err) = run(home.sandbox(&["receipt", &refs[0][..6]]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("matches several payments") && err.contains(&refs[0]),
        "{err}"
    );
    let (code, _, err) = run(home.sandbox(&["status", "0123456789abcdef"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no payment 0123456789abcdef in this journal") && !err.contains("money"),
        "{err}"
    );
}

#[test]
fn receipts_carry_the_shop_never_the_float_and_keep_the_reference_on_one_line() {
    let home = Home::new();
    for (key, value) in [
        ("shop_name", "Sharma Cyber & Recharge"),
        ("shop_address", "Newroad, Kathmandu"),
        ("shop_phone", "01-5555555"),
        ("shop_pan", "301234567"),
        ("receipt_width", "32"),
    ] {
        assert_eq!(run(home.sandbox(&["config", "set", key, value])).0, 0, "{key}");
    }
    let (code, out, err) = run(home.sandbox(&common::order("active", PKG, &["--yes"])));
    assert_eq!(code, 0, "{err}");
    for needle in [
        "Sharma Cyber & Recharge",
        "Newroad, Kathmandu",
        "Tel 01-5555555",
        "PAN 301234567",
        "PAYMENT RECEIPT",
    ] {
        assert!(out.contains(needle), "{needle}: {out}");
    }
    assert!(
        !out.contains("COPY") && !out.contains("Credits") && !out.contains("94,001"),
        "{out}"
    );
    assert!(
        out.lines().all(|l| console::measure_text_width(l) <= 32),
        "the configured width: {out}"
    );
    let ref_line = out.lines().find(|l| l.starts_with("Ref")).unwrap();
    assert!(
        ref_line.split_whitespace().nth(1).unwrap().len() >= 8,
        "{ref_line}"
    );
    // --width overrides the config; --last reprints the newest payment.
    let (code, out, _) = run(home.sandbox(&["receipt", "--last", "--width", "48"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("COPY") && out.lines().any(|l| console::measure_text_width(l) > 32),
        "{out}"
    );
    assert!(out.lines().all(|l| console::measure_text_width(l) <= 48), "{out}");
    let (code, _, err) = run(home.sandbox(&["config", "set", "receipt_width", "40"]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn days_are_named_as_people_name_them() {
    let home = Home::new();
    pay(&home, "active", &[]);
    let today_bs = {
        let (_, doc, _) = run_json(home.sandbox(&["--json", "report"]));
        doc["date_bs"]
            .as_str()
            .unwrap()
            .trim_end_matches(" BS")
            .to_string()
    };
    for day in ["today", &format!("{today_bs}bs")] {
        let (code, doc, err) = run_json(home.sandbox(&["--json", "history", "--since", day]));
        assert_eq!(code, 0, "{day}: {err}");
        assert_eq!(doc["payments"].as_array().unwrap().len(), 1, "{day}");
    }
    let (_, doc, _) = run_json(home.sandbox(&["--json", "history", "--until", "yesterday"]));
    assert_eq!(doc["payments"].as_array().unwrap().len(), 0);
    let (code, _, err) = run(home.sandbox(&["history", "--since", "last tuesday"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("today, yesterday, YYYY-MM-DD (AD) or YYYY-MM-DDbs (BS)"),
        "{err}"
    );
}
