//! How a call to the service can fail, told apart by what it means for the money.

use std::io;

use super::wire::ServiceError;

/// A failed call. `NotSent` proves nothing left the machine; `NoAnswer` means it may have arrived.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    #[error("{reason}; nothing was sent")]
    NotSent { host: String, reason: String },
    #[error("no answer from {host} after the request was sent: {reason}")]
    NoAnswer { host: String, reason: String },
    #[error("the service refused: {0}")]
    Rejected(Box<ServiceError>),
    #[error("the service answered HTTP {status} without an error object{}", snippet_suffix(.snippet))]
    Http { status: u16, snippet: String },
    #[error("the service's answer (HTTP {status}) could not be read: {reason}")]
    Malformed { status: u16, reason: String },
    /// konnect never follows a redirect: a payment API that moves is a wrong base URL or an attack.
    #[error(
        "the service answered HTTP {status}, a redirect to {location}; konnect never follows redirects: check the base URL"
    )]
    Redirect { status: u16, location: String },
}

fn snippet_suffix(snippet: &str) -> String {
    if snippet.is_empty() {
        String::new()
    } else {
        format!(" ({snippet})")
    }
}

impl ApiError {
    /// The same failure in a cashier's words: no status codes, hosts or page types, which
    /// stay in the message for `--verbose`, JSON and the journal.
    pub fn plain(&self) -> String {
        use crate::t;
        match self {
            ApiError::NotSent { .. } => t!("why-not-sent"),
            ApiError::NoAnswer { .. } => t!("why-no-answer"),
            ApiError::Rejected(e) => t!("why-service-said", sentence = e.sentence()),
            ApiError::Http {
                status: 401 | 403, ..
            } => t!("why-token-refused"),
            ApiError::Http { status, .. } if *status >= 500 => t!("why-service-trouble"),
            ApiError::Http { .. } => t!("why-cannot-take"),
            ApiError::Malformed { .. } => t!("why-unreadable"),
            ApiError::Redirect { .. } => t!("why-moved"),
        }
    }

    /// Sorts a ureq error into sent or not sent. When unsure, it says sent: a payment then
    /// stays pending and is looked up, which is safe; the opposite could make a cashier pay twice.
    pub(crate) fn from_ureq(err: ureq::Error, host: &str) -> ApiError {
        use ureq::Error as E;
        use ureq::Timeout as T;
        // A reason may quote what the server sent (a bad status line, say): neutralise it.
        let clean = |reason: String| crate::text::clean(&reason).into_owned();
        let not_sent = |reason: String| ApiError::NotSent {
            host: host.to_string(),
            reason: clean(reason),
        };
        let no_answer = |reason: String| ApiError::NoAnswer {
            host: host.to_string(),
            reason: clean(reason),
        };
        match err {
            E::HostNotFound => not_sent(format!("could not resolve {host} (DNS)")),
            E::ConnectionFailed => not_sent(format!("could not connect to {host}")),
            E::Timeout(T::Resolve) => not_sent(format!("could not resolve {host} in time (DNS)")),
            E::Timeout(T::Connect) => not_sent(format!("could not connect to {host} in time")),
            E::Timeout(T::Global) => no_answer("timed out waiting for the answer".into()),
            E::Timeout(t) => no_answer(format!("timed out ({t:?})")),
            E::Io(e) if is_connect_error(&e) => not_sent(format!("could not connect to {host}: {e}")),
            // A failed handshake sent nothing: the request is written only after it.
            E::Io(e) => match super::tls::handshake_failure(&e, host) {
                Some(why) => ApiError::NotSent {
                    host: host.to_string(),
                    reason: why,
                },
                None => no_answer(e.to_string()),
            },
            E::Rustls(e) => ApiError::NotSent {
                host: host.to_string(),
                reason: super::tls::describe(&e, host),
            },
            e @ (E::Tls(_) | E::Pem(_) | E::TlsRequired) => not_sent(format!("TLS with {host} failed: {e}")),
            e @ (E::BadUri(_)
            | E::Http(_)
            | E::InvalidProxyUrl
            | E::ConnectProxyFailed(_)
            | E::RequireHttpsOnly(_)) => not_sent(format!("could not send to {host}: {e}")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_never_left_says_so_and_what_may_have_left_does_not() {
        let dns = ApiError::from_ureq(ureq::Error::HostNotFound, "services.example");
        assert_eq!(
            dns.to_string(),
            "could not resolve services.example (DNS); nothing was sent"
        );
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        let refused = ApiError::from_ureq(ureq::Error::Io(refused), "h:1");
        assert!(matches!(refused, ApiError::NotSent { .. }), "{refused}");
        assert!(refused.to_string().starts_with("could not connect to h:1"));
        let connect = ApiError::from_ureq(ureq::Error::Timeout(ureq::Timeout::Connect), "h");
        assert!(matches!(connect, ApiError::NotSent { .. }));
        // A reset on a reused connection may come after the request's bytes were written.
        let reset = io::Error::from(io::ErrorKind::ConnectionReset);
        assert!(matches!(
            ApiError::from_ureq(ureq::Error::Io(reset), "h"),
            ApiError::NoAnswer { .. }
        ));
        let global = ApiError::from_ureq(ureq::Error::Timeout(ureq::Timeout::Global), "h");
        assert!(matches!(global, ApiError::NoAnswer { .. }));
        assert!(!global.to_string().contains("Global"), "{global}");
    }
}
