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

/// Each reference's shortest unique tail of at least [`SHORT`] characters among `all`.
pub fn short_forms(all: &[String]) -> std::collections::HashMap<String, String> {
    use std::collections::HashMap;
    let tail = |r: &str, n: usize| r[r.len().saturating_sub(n)..].to_string();
    let mut forms: HashMap<String, String> = HashMap::new();
    let mut pending: Vec<&String> = all.iter().collect();
    let mut n = SHORT;
    while !pending.is_empty() {
        let mut count: HashMap<String, usize> = HashMap::new();
        for r in &pending {
            *count.entry(tail(r, n)).or_default() += 1;
        }
        let longest = pending.iter().map(|r| r.len()).max().unwrap_or(0);
        pending.retain(|r| {
            let t = tail(r, n);
            if count[&t] == 1 || n >= longest {
                forms.insert((*r).clone(), if n >= r.len() { (*r).clone() } else { t });
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
