//! Property tests: the parsers never panic on anything, money round-trips, and lakh grouping
//! agrees with an independent implementation.

use konnect::api::Exchange;
use konnect::api::wire::{Balance, CommitAnswer, Details, ServiceError, TxnStatus};
use konnect::money::{Npr, group_lakh};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        "[a-z0-9.,:e\\- ]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("status"),
            Just("packages"),
            Just("amount"),
            Just("session_id"),
            Just("customer")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("customer".to_string()),
            Just("packages".to_string()),
            Just("package_id".to_string()),
            Just("amount".to_string()),
            Just("session_id".to_string()),
            Just("status".to_string()),
            Just("state".to_string()),
            Just("due".to_string()),
            Just("refunds".to_string()),
            Just("credits_available".to_string()),
            Just("detail".to_string()),
            Just("current".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn parse_everything(v: &Value) {
    let _ = Details::from_value(v);
    let _ = CommitAnswer::from_value(v);
    let _ = TxnStatus::from_value(v);
    let _ = Balance::from_value(v);
    let _ = ServiceError::from_value(400, v);
    if let Ok(d) = Details::from_value(v) {
        let _ = d.current_package();
    }
}

/// Indian grouping by arithmetic on the number, not on its text.
fn reference_lakh(n: u64) -> String {
    fn pairs(m: u64) -> String {
        if m < 100 {
            m.to_string()
        } else {
            format!("{},{:02}", pairs(m / 100), m % 100)
        }
    }
    if n < 1000 {
        n.to_string()
    } else {
        format!("{},{:03}", pairs(n / 1000), n % 1000)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_on_json_values(v in json_value()) {
        parse_everything(&v);
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), status in 100u16..600) {
        let ex = Exchange { status, body: bytes, location: None, date: None };
        let _ = ex.snippet();
        if let Ok(v) = ex.json() {
            parse_everything(&v);
        }
    }

    #[test]
    fn money_round_trips(mantissa in 0i64..1_000_000_000_000_000, scale in 0u32..=5) {
        let d = Decimal::new(mantissa, scale);
        let n = Npr::new(d);
        prop_assert_eq!(Npr::parse(&d.to_string()).unwrap(), n);
        prop_assert_eq!(Npr::from_json(&n.to_json_number()).unwrap(), n);
        let text = serde_json::to_string(&n).unwrap();
        let back: Npr = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, Npr::new(d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointNearestEven)));
        prop_assert_eq!(Npr::parse(&n.lakh()[4..]).unwrap(), back, "the lakh form parses back");
    }

    #[test]
    fn lakh_grouping_matches_a_reference_for_integers(n in 0u64..=1_000_000_000_000) {
        prop_assert_eq!(group_lakh(&n.to_string()), reference_lakh(n));
        prop_assert_eq!(Npr::new(Decimal::from(n)).lakh(), format!("Rs. {}.00", reference_lakh(n)));
    }

    #[test]
    fn lakh_grouping_matches_a_reference_for_paisa(rupees in 0u64..=1_000_000_000_000, paisa in 0u64..100) {
        let d = Decimal::from(rupees) + Decimal::new(paisa as i64, 2);
        prop_assert_eq!(Npr::new(d).lakh(), format!("Rs. {}.{:02}", reference_lakh(rupees), paisa));
    }
}
