//! The account token: kept out of every printout by construction.

use std::fmt;

/// The service token. It has no `Display`, its `Debug` is masked, and only [`Secret::expose`] reveals it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(token: impl Into<String>) -> Self {
        Secret(token.into().trim().to_string())
    }

    /// The token itself, for the one place that needs it: the request body or query.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_test(&self) -> bool {
        self.0.starts_with("TEST:")
    }

    /// `TEST:****mnop`: enough to tell two tokens apart, never enough to use one.
    pub fn masked(&self) -> String {
        let prefix = if self.is_test() { "TEST:" } else { "" };
        let chars: Vec<char> = self.0.chars().collect();
        let body_len = chars.len() - prefix.len();
        let tail: String = if body_len >= 12 {
            chars[chars.len() - 4..].iter().collect()
        } else {
            String::new()
        };
        format!("{prefix}****{tail}")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_all_but_the_tail() {
        let s = Secret::new("TEST:O7QxjFcdueNzAh9aBOsD");
        assert_eq!(s.masked(), "TEST:****BOsD");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(Secret::new("short").masked(), "****");
        assert!(!Secret::new("tqZbd7v9ei3iDczA3osT").is_test());
    }
}
