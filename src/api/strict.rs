//! JSON read strictly where it matters for money: a key given twice with different values is an
//! error, not "the last one wins" (serde_json's default), so a self-contradicting answer is never decided.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// serde_json's private key for a number kept exact (the `arbitrary_precision` feature).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Parses one JSON document; an object with one key twice, with different values, is refused.
pub fn parse(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let Strict(v) = Strict::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_TOKEN {
                let text: String = map.next_value()?;
                return text
                    .parse::<Number>()
                    .map(Value::Number)
                    .map_err(de::Error::custom);
            }
            let Strict(value) = map.next_value()?;
            if out.get(&key).is_some_and(|prev| *prev != value) {
                return Err(de::Error::custom(format!(
                    "the key \"{}\" appears twice with different values",
                    key.escape_default()
                )));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refuses_a_key_given_twice_with_different_values() {
        let e = parse(br#"{"state":"Success","amount":1,"state":"Failed"}"#).unwrap_err();
        assert!(e.to_string().contains("\"state\" appears twice"), "{e}");
        let nested = br#"{"detail":[{"state":"Queued","state":"Success"}]}"#;
        assert!(parse(nested).is_err());
        let same = parse(br#"{"state":"Success","state":"Success"}"#).unwrap();
        assert_eq!(same["state"], "Success");
    }

    #[test]
    fn keeps_numbers_exact_and_refuses_trailing_text() {
        let v = parse(br#"{"a": 1921.0000, "b": [5999, -1, 1e3], "c": null}"#).unwrap();
        assert_eq!(v["a"].to_string(), "1921.0000");
        let plain: Value =
            serde_json::from_str(r#"{"a": 1921.0000, "b": [5999, -1, 1e3], "c": null}"#).unwrap();
        assert_eq!(v, plain, "the same value serde_json reads");
        assert!(parse(b"{} {}").is_err());
        assert!(parse(b"").is_err());
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_documents_without_duplicate_keys(v in any_json()) {
            let text = v.to_string();
            let parsed = parse(text.as_bytes()).unwrap();
            prop_assert_eq!(parsed, serde_json::from_str::<Value>(&text).unwrap());
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            "[a-z\\u{0900}-\\u{097F}\"\\\\]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z]{1,4}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
