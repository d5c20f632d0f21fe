//! What an answer to a payment means, by the aggregator's own rules (service-api-facts.md).

use serde::Serialize;

/// The three ends a payment can have, as the cashier must act on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Paid: take the customer's money.
    Success,
    /// May or may not have gone through: hold, look the reference up later, never pay again.
    Pending,
    /// Nothing was charged.
    Failed,
}

impl Outcome {
    /// Decides on `state`, never on `status`; an unknown or missing state is pending.
    pub fn of_state(state: Option<&str>) -> Outcome {
        let s = state.map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
        match s.as_str() {
            "success" => Outcome::Success,
            "error" | "failed" | "expired" | "status error" => Outcome::Failed,
            _ => Outcome::Pending,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Pending => "pending",
            Outcome::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        match text {
            "success" => Some(Outcome::Success),
            "pending" | "sending" => Some(Outcome::Pending),
            "failed" => Some(Outcome::Failed),
            _ => None,
        }
    }
}

/// What an HTTP status says about a commit before its body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpVerdict {
    /// 2xx: the body's `state` decides.
    ByState,
    /// 400 and other 4xx but 404: the reference must be looked up before acting.
    LookUp,
    /// 404: the service was not found; nothing was charged.
    Failed,
    /// 5xx and anything else: hold.
    Pending,
}

impl HttpVerdict {
    pub fn of(status: u16) -> HttpVerdict {
        match status {
            200..=299 => HttpVerdict::ByState,
            404 => HttpVerdict::Failed,
            400..=499 => HttpVerdict::LookUp,
            _ => HttpVerdict::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_outcome_table() {
        assert_eq!(Outcome::of_state(Some("Success")), Outcome::Success);
        assert_eq!(Outcome::of_state(Some("Queued")), Outcome::Pending);
        assert_eq!(Outcome::of_state(Some("Processing")), Outcome::Pending);
        for s in ["Error", "Failed", "Expired", "Status Error"] {
            assert_eq!(Outcome::of_state(Some(s)), Outcome::Failed, "{s}");
        }
        assert_eq!(Outcome::of_state(Some("Whatever")), Outcome::Pending);
        assert_eq!(Outcome::of_state(None), Outcome::Pending);
        assert_eq!(HttpVerdict::of(200), HttpVerdict::ByState);
        assert_eq!(HttpVerdict::of(400), HttpVerdict::LookUp);
        assert_eq!(HttpVerdict::of(404), HttpVerdict::Failed);
        assert_eq!(HttpVerdict::of(502), HttpVerdict::Pending);
        assert_eq!(HttpVerdict::of(301), HttpVerdict::Pending);
    }
}
