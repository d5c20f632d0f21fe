//! The one error type the commands end with: a kind (which fixes the exit code) and a one-line message.

use serde::Serialize;

/// What went wrong, as scripts see it: each kind has one stable exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Usage,
    Rejected,
    Pending,
    Network,
    Auth,
    Internal,
    Cancelled,
    /// The repeat guard: this customer was paid, or is being paid, already; nothing was sent.
    Repeat,
}

impl Kind {
    /// The documented exit code of this kind (README, `--help`).
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Internal => 1,
            Kind::Usage => 2,
            Kind::Rejected => 3,
            Kind::Pending => 4,
            Kind::Network => 5,
            Kind::Auth => 6,
            Kind::Repeat => 7,
            Kind::Cancelled => 130,
        }
    }
}

/// The exit code of a payment's outcome: 0 paid, 3 failed (nothing charged), 4 pending.
pub fn outcome_exit_code(outcome: crate::api::Outcome) -> u8 {
    match outcome {
        crate::api::Outcome::Success => 0,
        crate::api::Outcome::Failed => Kind::Rejected.exit_code(),
        crate::api::Outcome::Pending => Kind::Pending.exit_code(),
    }
}

/// A failure that ends a command: printed as one line (or a JSON document) and mapped to an exit code.
#[derive(Debug, Clone, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct Failure {
    pub kind: Kind,
    /// The service's `error_code`, when the service said no.
    pub code: Option<String>,
    pub message: String,
    /// The service's own sentence, when it gave one.
    pub details: Option<String>,
    /// The repeat guard's earlier payment, by its whole reference.
    pub earlier_reference: Option<Box<str>>,
    /// The message in a cashier's words, where it differs: shown on a terminal instead of
    /// `message` (which `--verbose` and JSON keep).
    #[serde(skip)]
    pub plain: Option<Box<str>>,
}

impl Failure {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            code: None,
            message: message.into(),
            details: None,
            earlier_reference: None,
            plain: None,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(Kind::Usage, message)
    }
    pub fn auth(message: impl Into<String>) -> Self {
        Failure::new(Kind::Auth, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Failure::new(Kind::Internal, message)
    }
    pub fn cancelled() -> Self {
        Failure::new(Kind::Cancelled, "cancelled; nothing was sent")
            .with_plain(Some(crate::t!("interrupt-cancelled")))
    }
    pub fn with_code(mut self, code: Option<String>) -> Self {
        self.code = code;
        self
    }
    pub fn with_details(mut self, details: Option<String>) -> Self {
        self.details = details;
        self
    }
    pub fn with_plain(mut self, plain: Option<String>) -> Self {
        self.plain = plain.map(String::into_boxed_str);
        self
    }
}

/// The exit-code table, shown by `--help` and kept equal to the README's.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    done (payment succeeded; lookup found the customer)
  1    internal error (journal unwritable, bug)
  2    usage error (bad or missing arguments, unknown ISP)
  3    rejected: the service refused; nothing was charged
  4    pending: the payment may have gone through; do NOT pay again, run `konnect status REF` later
  5    network error: nothing was charged; safe to try again
  6    authentication or configuration error (token, environment)
  7    already paid, or being paid, for this customer: nothing was sent (--allow-repeat)
  130  cancelled by the cashier (declined, Ctrl-C)";

impl From<crate::api::ApiError> for Failure {
    /// The mapping for calls that charge nothing (lookup, status, balance): any failure to get an
    /// answer is safe to retry. A commit is classified by `flow::pay` instead, never through this.
    fn from(err: crate::api::ApiError) -> Self {
        use crate::api::ApiError as E;
        use crate::i18n::{Lang, message_in};
        // What to do next, after what happened: `then` names the catalogue's message.
        let (kind, then) = match &err {
            E::NotSent { .. } => (Kind::Network, Some("why-safe-again")),
            E::NoAnswer { .. } => (Kind::Network, Some("why-charges-nothing")),
            E::Rejected(e) if e.is_auth() => (Kind::Auth, Some("why-check-token")),
            E::Rejected(_) => (Kind::Rejected, None),
            E::Http {
                status: 401 | 403, ..
            } => (Kind::Auth, Some("why-check-token-url")),
            E::Http { status, .. } if *status >= 500 => (Kind::Network, Some("why-try-shortly")),
            E::Http { .. } => (Kind::Rejected, Some("why-check-url")),
            E::Malformed { .. } => (Kind::Network, Some("why-nothing-charged")),
            E::Redirect { .. } => (Kind::Auth, None),
        };
        let joined = |lang: Lang, why: String| match then {
            Some(key) => message_in(lang, key, &[("why", &why)]),
            None => why,
        };
        let failure = Failure::new(kind, joined(Lang::En, err.to_string()))
            .with_plain(Some(joined(crate::i18n::lang(), err.plain())));
        match err {
            E::Rejected(e) => failure.with_code(e.code.clone()).with_details(e.details.clone()),
            _ => failure,
        }
    }
}
