//! Request references: unique, time-ordered, at most 50 letters and digits (a UUIDv7 without hyphens).

/// A fresh reference, 32 hex digits, ordered by creation time.
pub fn new() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// Whether a text could be a reference konnect or the service would accept.
pub fn is_valid(text: &str) -> bool {
    (1..=50).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
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
}
