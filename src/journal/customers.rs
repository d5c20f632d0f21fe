//! The customers a counter has paid before: for the name a cashier mistyped, the earlier
//! customers it is close to. Read from the newest rows only, so a year of rows costs no more.

use super::{Journal, Value};
use crate::failure::Failure;

/// How many of an ISP's newest payments are read for its customers.
const NEWEST_ROWS: i64 = 2000;

/// A customer paid before at an ISP: the handle the cashier typed then, and the name the
/// service gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub username: String,
    pub name: Option<String>,
    pub isp: String,
}

impl Journal {
    /// The customers paid at `isp` (any outcome), the most recent first, each once.
    pub fn customers_at(&self, isp: &str) -> Result<Vec<Known>, Failure> {
        self.customers(Some(isp))
    }

    /// The customers paid at `isp`, or at any ISP, the most recent first, each once per ISP.
    pub fn customers(&self, isp: Option<&str>) -> Result<Vec<Known>, Failure> {
        let mut args: Vec<Value> = vec![self.env.as_str().into()];
        args.extend(isp.map(Value::from));
        let at_isp = if isp.is_some() { "AND isp = ?2" } else { "" };
        let sql = format!(
            "SELECT username, customer_name, isp FROM payments WHERE env = ?1 {at_isp} \
             ORDER BY created_ms DESC LIMIT {NEWEST_ROWS}"
        );
        let rows = self.rows(&sql, &args)?;
        let mut seen = std::collections::HashSet::new();
        Ok(rows
            .iter()
            .filter_map(|r| {
                let username = r.first().and_then(Value::text)?;
                let name = r.get(1).and_then(Value::text);
                let isp = r.get(2).and_then(Value::text)?;
                seen.insert((isp.clone(), username.clone()))
                    .then_some(Known { username, name, isp })
            })
            .collect())
    }
}

/// The customers of `known` whose handle starts with `typed` (any case), in their order (the
/// most recent first): what a Tab completes, at a shell and at the counter's prompt.
pub fn starting_with<'k>(typed: &str, known: &'k [Known]) -> impl Iterator<Item = &'k Known> {
    let typed = typed.to_lowercase();
    known
        .iter()
        .filter(move |k| k.username.to_lowercase().starts_with(&typed))
}

/// Up to three of `known` that `typed` is a slip of: within two edits (a missed, doubled
/// or swapped key), the closest first, then the most recent.
pub fn close_to<'k>(typed: &str, known: &'k [Known]) -> Vec<&'k Known> {
    let typed = typed.trim().to_lowercase();
    let mut close: Vec<(usize, usize, &Known)> = known
        .iter()
        .enumerate()
        .filter_map(|(recency, k)| {
            let distance = strsim::damerau_levenshtein(&typed, &k.username.to_lowercase());
            (distance > 0 && distance <= 2).then_some((distance, recency, k))
        })
        .collect();
    close.sort_by_key(|(distance, recency, _)| (*distance, *recency));
    close.into_iter().take(3).map(|(_, _, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> Vec<Known> {
        names
            .iter()
            .map(|n| Known {
                username: (*n).into(),
                name: None,
                isp: "izone".into(),
            })
            .collect()
    }

    #[test]
    fn a_slip_of_the_keys_finds_the_customer_meant_and_no_stranger() {
        let k = known(&["9779869045195", "active", "expired", "9779869045159", "due"]);
        let names =
            |typed: &str| -> Vec<String> { close_to(typed, &k).iter().map(|k| k.username.clone()).collect() };
        // A swapped pair and a missed key, the closest first.
        assert_eq!(names("actve"), ["active"]);
        assert_eq!(names("977986904519"), ["9779869045195", "9779869045159"]);
        assert_eq!(names("9779869045915"), ["9779869045195", "9779869045159"]);
        assert!(names("zzzzzz").is_empty());
        // What was typed exactly is not a suggestion of itself.
        assert!(!names("active").contains(&"active".to_string()));
    }
}
