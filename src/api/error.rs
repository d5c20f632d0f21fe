//! How a call to the service can fail, told apart by what it means for the money.

use std::io;

use super::wire::ServiceError;

/// A failed call. `NotSent` proves nothing left the machine; `NoAnswer` means it may have arrived.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("could not reach {host}: {reason}; nothing was sent")]
    NotSent { host: String, reason: String },
    #[error("no answer from {host} after the request was sent: {reason}")]
    NoAnswer { host: String, reason: String },
    #[error("the service refused: {0}")]
    Rejected(Box<ServiceError>),
    #[error("the service answered HTTP {status} without an error object{}", snippet_suffix(.snippet))]
    Http { status: u16, snippet: String },
    #[error("the service's answer (HTTP {status}) could not be read: {reason}")]
    Malformed { status: u16, reason: String },
}

fn snippet_suffix(snippet: &str) -> String {
    if snippet.is_empty() {
        String::new()
    } else {
        format!(" ({snippet})")
    }
}

impl ApiError {
    /// Sorts a ureq error into sent or not sent. When unsure, it says sent: a payment then
    /// stays pending and is looked up, which is safe; the opposite could make a cashier pay twice.
    pub(crate) fn from_ureq(err: ureq::Error, host: &str) -> ApiError {
        use ureq::Error as E;
        use ureq::Timeout as T;
        let not_sent = |reason: String| ApiError::NotSent {
            host: host.to_string(),
            reason,
        };
        let no_answer = |reason: String| ApiError::NoAnswer {
            host: host.to_string(),
            reason,
        };
        match err {
            E::HostNotFound => not_sent("host not found (DNS)".into()),
            E::ConnectionFailed => not_sent("connection failed".into()),
            E::Timeout(t @ (T::Resolve | T::Connect)) => {
                not_sent(format!("timed out while connecting ({t:?})"))
            }
            E::Timeout(t) => no_answer(format!("timed out ({t:?})")),
            E::Io(e) if is_connect_error(&e) => not_sent(e.to_string()),
            E::Io(e) => no_answer(e.to_string()),
            e @ (E::Tls(_) | E::Rustls(_) | E::Pem(_) | E::TlsRequired) => not_sent(format!("TLS: {e}")),
            e @ (E::BadUri(_)
            | E::Http(_)
            | E::InvalidProxyUrl
            | E::ConnectProxyFailed(_)
            | E::RequireHttpsOnly(_)) => not_sent(e.to_string()),
            E::BodyExceedsLimit(limit) => ApiError::Malformed {
                status: 0,
                reason: format!("the answer is larger than {limit} bytes"),
            },
            E::LargeResponseHeader(..) => ApiError::Malformed {
                status: 0,
                reason: "its headers are too large".into(),
            },
            other => no_answer(other.to_string()),
        }
    }
}

fn is_connect_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::NetworkDown
            | io::ErrorKind::AddrNotAvailable
            | io::ErrorKind::AddrInUse
    )
}
