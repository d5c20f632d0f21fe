//! Request references: unique, time-ordered, at most 50 letters and digits (a UUIDv7 without hyphens).

/// A fresh reference, 32 hex digits, ordered by creation time.
pub fn new() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// Whether a text could be a reference konnect or the service would accept.
pub fn is_valid(text: &str) -> bool {
    (1..=50).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The shortest tail a reference is shown by: the head of a UUIDv7 is its time, so payments
/// made in the same minute share it; the tail is random.
pub const SHORT: usize = 8;

/// The last `n` characters of a reference (all of it when shorter), counted as SQLite's
/// `substr` counts them: a journal's row may hold any text, and a tail must never cut one.
pub fn tail(reference: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        None => "",
        Some(last) => reference
            .char_indices()
            .rev()
            .nth(last)
            .map_or(reference, |(i, _)| &reference[i..]),
    }
}

/// Each reference's shortest unique tail of at least [`SHORT`] characters among `all`.
pub fn short_forms(all: &[String]) -> std::collections::HashMap<String, String> {
    use std::collections::HashMap;
    let tail = |r: &str, n: usize| tail(r, n).to_string();
    let mut forms: HashMap<String, String> = HashMap::new();
    let mut pending: Vec<&String> = all.iter().collect();
    let mut n = SHORT;
    while !pending.is_empty() {
        let mut count: HashMap<String, usize> = HashMap::new();
        for r in &pending {
            *count.entry(tail(r, n)).or_default() += 1;
        }
        let longest = pending.iter().map(|r| r.chars().count()).max().unwrap_or(0);
        pending.retain(|r| {
            let t = tail(r, n);
            if count[&t] == 1 || n >= longest {
                forms.insert((*r).clone(), t);
                false
            } else {
                true
            }
        });
        n += 1;
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tail_never_cuts_a_character() {
        assert_eq!(tail("0123456789", 8), "23456789");
        assert_eq!(tail("abc", 8), "abc");
        assert_eq!(tail("xxxxxxxxé1234567", 8), "é1234567");
        assert_eq!(tail("x", 0), "");
        let forms = short_forms(&["xxxxxxxxé1234567".to_string(), "yyyyyyyyé1234567".to_string()]);
        assert_eq!(forms["xxxxxxxxé1234567"], "xé1234567");
    }

    #[test]
    fn references_are_unique_ordered_and_valid() {
        let a = new();
        let b = new();
        assert_ne!(a, b);
        assert!(a < b, "{a} {b}");
        assert!(is_valid(&a) && a.len() == 32 && a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert!(!is_valid("") && !is_valid(&"a".repeat(51)) && !is_valid("a b"));
    }

    #[test]
    fn short_forms_are_unique_tails_of_at_least_eight() {
        let refs: Vec<String> = (0..200).map(|_| new()).collect();
        let forms = short_forms(&refs);
        let distinct: std::collections::HashSet<&String> = forms.values().collect();
        assert_eq!(distinct.len(), 200, "all different");
        assert!(forms.values().all(|f| f.len() >= SHORT));
        let twins = vec![
            "aaaa0000deadbeef".to_string(),
            "bbbb1111deadbeef".to_string(),
            "short".to_string(),
        ];
        let forms = short_forms(&twins);
        assert_eq!(forms["aaaa0000deadbeef"], "0deadbeef");
        assert_eq!(forms["bbbb1111deadbeef"], "1deadbeef");
        assert_eq!(forms["short"], "short");
    }
}
