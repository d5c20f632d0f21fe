//! Nepali rupees as an exact decimal: money never passes through a float.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of Nepali rupees, exact to the paisa and beyond (the service sends up to five places).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Npr(Decimal);

/// Why a text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("an amount is empty")]
    Empty,
    #[error("'{0}' is not an amount of rupees (write it like 5999 or 5999.00)")]
    NotANumber(String),
    #[error("'{0}' is negative; amounts of money here are never below zero")]
    Negative(String),
    #[error(
        "'{0}' is not an amount: write digits with at most two decimals, commas only as groups (5999, 5,999.00, 1,00,000 or 100,000.00)"
    )]
    Typed(String),
}

/// A text for an error message: short, whatever its source.
fn quoted(text: &str) -> String {
    let mut cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

/// Whether comma groups are placed as thousands (`100,000`) or lakhs (`1,00,000`) place them.
fn well_grouped(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    let Some((last, rest)) = groups.split_last() else {
        return false;
    };
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits(g)) || last.len() != 3 {
        return rest.is_empty() && digits(last);
    }
    let Some((first, middle)) = rest.split_first() else {
        return true;
    };
    let thousands = first.len() <= 3 && middle.iter().all(|g| g.len() == 3);
    let lakhs = first.len() <= 2 && middle.iter().all(|g| g.len() == 2);
    thousands || lakhs
}

impl Npr {
    pub const ZERO: Npr = Npr(Decimal::ZERO);

    pub fn new(value: Decimal) -> Self {
        Npr(value.normalize())
    }

    /// Parses what a cashier or the service writes: `5999`, `5999.0`, `"0.00000"`, `5,999.00`, `1.5e3`.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        let plain: String = t.chars().filter(|c| *c != ',').collect();
        let d = if plain.contains(['e', 'E']) {
            Decimal::from_scientific(&plain)
        } else {
            Decimal::from_str(&plain)
        }
        .map_err(|_| MoneyError::NotANumber(quoted(t)))?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(MoneyError::Negative(quoted(t)));
        }
        Ok(Npr::new(d.abs()))
    }

    /// What a person types (`--amount`, a config value): digits with at most two decimals,
    /// optionally grouped with commas in the right places. Anything else is refused, never
    /// guessed at: `59,99` is not 5999, and `5550.001` is not rounded.
    pub fn parse_typed(text: &str) -> Result<Self, MoneyError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        let refuse = || MoneyError::Typed(quoted(t));
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        if !well_grouped(int) {
            return Err(refuse());
        }
        if let Some(f) = frac
            && (f.is_empty() || f.len() > 2 || !f.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(refuse());
        }
        let plain: String = t.chars().filter(|c| *c != ',').collect();
        Decimal::from_str(&plain).map(Npr::new).map_err(|_| refuse())
    }

    /// Same as [`Npr::parse`] but allows a negative amount, as a balance can be.
    pub fn parse_signed(text: &str) -> Result<Self, MoneyError> {
        let t = text.trim();
        match t.strip_prefix('-') {
            Some(rest) => Npr::parse(rest).map(|n| Npr(-n.0)),
            None => Npr::parse(t),
        }
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Two places, no grouping: the form of every amount in JSON and CSV (`"5999.00"`).
    pub fn fixed2(self) -> String {
        let r = self
            .0
            .round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
        format!("{r:.2}")
    }

    /// The form counters in Nepal write: `Rs. 1,00,000.00` (last three digits, then pairs);
    /// 5999 is `Rs. 5,999.00`.
    pub fn lakh(self) -> String {
        format!("Rs. {}", group_lakh(&self.fixed2()))
    }

    /// The amount as the wire wants it: a JSON number, exact (e.g. `5999` or `5999.5`).
    pub fn to_json_number(self) -> serde_json::Value {
        let text = self.0.normalize().to_string();
        serde_json::Number::from_str(&text)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::String(text))
    }

    pub fn checked_add(self, other: Npr) -> Option<Npr> {
        self.0.checked_add(other.0).map(Npr::new)
    }

    pub fn checked_sub(self, other: Npr) -> Option<Npr> {
        self.0.checked_sub(other.0).map(Npr::new)
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Reads a JSON value leniently: a number (kept exact) or a decimal string.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, MoneyError> {
        match value {
            serde_json::Value::Number(n) => Npr::parse_signed(&n.to_string()),
            serde_json::Value::String(s) => Npr::parse_signed(s),
            other => Err(MoneyError::NotANumber(quoted(&other.to_string()))),
        }
    }
}

/// Inserts Indian-style grouping into a plain decimal text: `-12345678.90` becomes
/// `-1,23,45,678.90`.
pub fn group_lakh(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut groups: Vec<&str> = Vec::new();
    let (mut head, tail) = int.split_at(int.len().saturating_sub(3));
    while head.len() > 2 {
        let (h, g) = head.split_at(head.len() - 2);
        groups.push(g);
        head = h;
    }
    if !head.is_empty() {
        groups.push(head);
    }
    groups.reverse();
    groups.push(tail);
    let mut out = format!("{sign}{}", groups.join(","));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

impl fmt::Display for Npr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lakh())
    }
}

impl FromStr for Npr {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Npr::parse(s)
    }
}

impl Serialize for Npr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.fixed2())
    }
}

impl<'de> Deserialize<'de> for Npr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        Npr::from_json(&v).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_the_service_sends() {
        assert_eq!(Npr::parse("0.00000").unwrap(), Npr::ZERO);
        assert_eq!(Npr::parse("5999").unwrap().fixed2(), "5999.00");
        assert_eq!(Npr::parse("1921.0000").unwrap().fixed2(), "1921.00");
        assert_eq!(Npr::parse("9998.37").unwrap().fixed2(), "9998.37");
        assert_eq!(Npr::parse("5,999.00").unwrap().fixed2(), "5999.00");
        assert_eq!(Npr::parse("1.5e3").unwrap().fixed2(), "1500.00");
        assert!(matches!(Npr::parse(""), Err(MoneyError::Empty)));
        assert!(matches!(Npr::parse("abc"), Err(MoneyError::NotANumber(_))));
        assert!(matches!(Npr::parse("-5"), Err(MoneyError::Negative(_))));
        assert_eq!(Npr::parse_signed("-5").unwrap().fixed2(), "-5.00");
    }

    #[test]
    fn a_typed_amount_is_taken_only_in_the_forms_people_write() {
        for (text, want) in [
            ("5999", "5999.00"),
            ("5,999", "5999.00"),
            ("5999.5", "5999.50"),
            ("1,00,000.00", "100000.00"),
            ("100,000.00", "100000.00"),
            ("10,00,00,000", "100000000.00"),
            ("1,000,000", "1000000.00"),
            (" 999 ", "999.00"),
            ("0.05", "0.05"),
        ] {
            assert_eq!(
                Npr::parse_typed(text).map(Npr::fixed2).as_deref(),
                Ok(want),
                "{text}"
            );
        }
        for text in [
            "59,99",
            ",,5999,,",
            "5550.001",
            "1e3",
            "-5550",
            "",
            "5999.",
            ".5",
            "5,9999",
            "1,00,0000",
            "10,000,00",
            "1,0,000",
            "Rs. 5999",
            "5 999",
            "0x10",
            "5999.00000000000000000000000000001",
            "NaN",
            "+5",
        ] {
            assert!(Npr::parse_typed(text).is_err(), "{text:?} was taken");
        }
        let e = Npr::parse_typed("59,99").unwrap_err().to_string();
        assert!(e.contains("1,00,000") && e.contains("100,000.00"), "{e}");
    }

    #[test]
    fn json_numbers_stay_exact() {
        let v: serde_json::Value = serde_json::from_str("9998.37").unwrap();
        assert_eq!(Npr::from_json(&v).unwrap().decimal().to_string(), "9998.37");
        let v: serde_json::Value = serde_json::from_str("0.1").unwrap();
        let sum = Npr::from_json(&v)
            .unwrap()
            .checked_add(Npr::parse("0.2").unwrap())
            .unwrap();
        assert_eq!(sum, Npr::parse("0.3").unwrap());
        assert_eq!(Npr::parse("5999").unwrap().to_json_number().to_string(), "5999");
        assert_eq!(
            Npr::parse("5999.50").unwrap().to_json_number().to_string(),
            "5999.5"
        );
    }

    #[test]
    fn groups_in_lakhs() {
        assert_eq!(Npr::parse("100000").unwrap().lakh(), "Rs. 1,00,000.00");
        assert_eq!(Npr::parse("5999").unwrap().lakh(), "Rs. 5,999.00");
        assert_eq!(Npr::parse("999").unwrap().lakh(), "Rs. 999.00");
        assert_eq!(Npr::parse("0").unwrap().lakh(), "Rs. 0.00");
        assert_eq!(Npr::parse("12345678.9").unwrap().lakh(), "Rs. 1,23,45,678.90");
        assert_eq!(group_lakh("-1000000"), "-10,00,000");
        assert_eq!(group_lakh("-12345678.90"), "-1,23,45,678.90");
    }

    #[test]
    fn rounds_half_to_even_only_for_display() {
        let n = Npr::parse("0.125").unwrap();
        assert_eq!(n.fixed2(), "0.12");
        assert_eq!(n.decimal().to_string(), "0.125");
    }
}
