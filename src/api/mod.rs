//! The typed, blocking client of the service API: one ureq agent, one method per endpoint.

pub mod error;
pub mod outcome;
pub mod strict;
pub mod tls;
pub mod wire;

use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub use error::ApiError;
pub use outcome::{HttpVerdict, Outcome};
pub use wire::{Balance, CommitAnswer, Details, ServiceError, TxnStatus};

use crate::endpoint::BaseUrl;
use crate::money::Npr;
use crate::secret::Secret;

/// The largest answer read from the service; a larger one is refused, not buffered.
pub const MAX_BODY: u64 = 1024 * 1024;
/// The most worker threads a batch lookup may use, and so the connections kept alive.
pub const MAX_WORKERS: usize = 16;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub const DETAILS_PATH: &str = "/api/servicegroup/details/konnect/";
pub const COMMIT_PATH: &str = "/api/servicegroup/commit/konnect/";
pub const STATUS_PATH: &str = "/api/service/status/";
pub const BULK_STATUS_PATH: &str = "/api/service/bulk/status/";
pub const BALANCE_PATH: &str = "/api/balance";

/// One HTTP answer, read whole (up to [`MAX_BODY`]).
#[derive(Debug, Clone)]
pub struct Exchange {
    pub status: u16,
    pub body: Vec<u8>,
    /// Where a 3xx answer points; kept to name it, never followed.
    pub location: Option<String>,
    /// The service's clock (`Date`), for `doctor`.
    pub date: Option<String>,
}

impl Exchange {
    /// The body as JSON, or why not (with the start of the body when it is, say, an HTML page).
    pub fn json(&self) -> Result<Value, ApiError> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::Malformed {
                status: self.status,
                reason: "the body is empty".into(),
            });
        }
        strict::parse(&self.body).map_err(|e| {
            let head = self.snippet();
            if e.is_data() {
                ApiError::Malformed {
                    status: self.status,
                    reason: format!("it contradicts itself ({e})"),
                }
            } else if (200..300).contains(&self.status) || head.starts_with(['{', '[']) {
                ApiError::Malformed {
                    status: self.status,
                    reason: format!("not valid JSON ({e})"),
                }
            } else {
                ApiError::Http {
                    status: self.status,
                    snippet: head,
                }
            }
        })
    }

    /// The first line of the body, short and printable, for an error message.
    pub fn snippet(&self) -> String {
        if self.body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
            return "an HTML page, not JSON".into();
        }
        let text = String::from_utf8_lossy(&self.body[..self.body.len().min(200)]);
        let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        line.chars()
            .filter(|c| !crate::text::is_unsafe(*c))
            .take(80)
            .collect()
    }

    /// A redirect as an error naming its target: only a commit's 3xx is kept (as pending).
    fn refuse_redirect(&self) -> Result<(), ApiError> {
        if (300..400).contains(&self.status) {
            return Err(ApiError::Redirect {
                status: self.status,
                location: self
                    .location
                    .clone()
                    .unwrap_or_else(|| "nowhere (no Location)".into()),
            });
        }
        Ok(())
    }

    /// An answer that must be a success object: the service's error object becomes `Rejected`.
    fn success_json(&self) -> Result<Value, ApiError> {
        self.refuse_redirect()?;
        let v = self.json()?;
        if let Some(err) = ServiceError::from_value(self.status, &v) {
            return Err(ApiError::Rejected(Box::new(err)));
        }
        if !(200..300).contains(&self.status) {
            return Err(ApiError::Http {
                status: self.status,
                snippet: self.snippet(),
            });
        }
        Ok(v)
    }
}

/// What the cashier chose to pay: sent once, by [`Client::commit`].
#[derive(Debug, Clone)]
pub struct CommitRequest<'a> {
    pub reference: &'a str,
    pub package_id: &'a str,
    pub amount: Npr,
    pub session_id: &'a str,
}

/// A [`CommitRequest`] that owns its text, for a thread of its own (a counter's commit).
#[derive(Debug, Clone)]
pub struct OwnedCommit {
    reference: String,
    package_id: String,
    amount: Npr,
    session_id: String,
}

impl OwnedCommit {
    pub fn request(&self) -> CommitRequest<'_> {
        CommitRequest {
            reference: &self.reference,
            package_id: &self.package_id,
            amount: self.amount,
            session_id: &self.session_id,
        }
    }
}

impl CommitRequest<'_> {
    pub fn owned(&self) -> OwnedCommit {
        OwnedCommit {
            reference: self.reference.to_string(),
            package_id: self.package_id.to_string(),
            amount: self.amount,
            session_id: self.session_id.to_string(),
        }
    }

    /// The body as sent, with the token given; `--dry-run` shows it with the token masked.
    pub fn body(&self, token: &str) -> Value {
        json!({
            "token": token,
            "reference": self.reference,
            "package_id": self.package_id,
            "amount": self.amount.to_json_number(),
            "session_id": id_value(self.session_id),
        })
    }
}

/// Sends a numeric id back as a number, as the service gave it, and anything else as text.
fn id_value(id: &str) -> Value {
    match id.parse::<u64>() {
        Ok(n) if !id.starts_with('0') || id == "0" => json!(n),
        _ => json!(id),
    }
}

/// The blocking client. Cheap to clone; clones share one connection pool.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    base: String,
    host: String,
    token: Secret,
    verbose: bool,
    timeout: Duration,
}

impl Client {
    /// `timeout` bounds each whole call; connecting alone gets at most half of it (ten seconds at
    /// most), so a connection that never opens is told apart from an answer that never came.
    pub fn new(base_url: &BaseUrl, token: Secret, timeout: Duration, verbose: bool) -> Client {
        Client::with_roots(
            base_url,
            token,
            timeout,
            verbose,
            ureq::tls::RootCerts::PlatformVerifier,
        )
    }

    /// A client that verifies the service with these roots (see [`tls::roots`]).
    pub fn with_roots(
        base_url: &BaseUrl,
        token: Secret,
        timeout: Duration,
        verbose: bool,
        roots: ureq::tls::RootCerts,
    ) -> Client {
        let base = base_url.to_string();
        let host = base_url.host_port();
        // Proxies from the environment are honoured, except for loopback (the sandbox).
        let proxy = if base_url.is_loopback() {
            None
        } else {
            ureq::Proxy::try_from_env()
        };
        let config = ureq::Agent::config_builder()
            .proxy(proxy)
            .http_status_as_error(false)
            // A redirect is never followed: a commit must reach the service it was meant for.
            .max_redirects(0)
            .tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build())
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout / 2)))
            .timeout_global(Some(timeout))
            .user_agent(concat!("konnect/", env!("CARGO_PKG_VERSION")))
            // Batch lookups run up to 16 workers; each keeps its connection alive.
            .max_idle_connections(MAX_WORKERS)
            .max_idle_connections_per_host(MAX_WORKERS)
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            NameResolver::default(),
        );
        Client {
            agent,
            base,
            host,
            token,
            verbose,
            timeout,
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub fn token(&self) -> &Secret {
        &self.token
    }

    /// Finds the customer and the packages on offer. The reference is fresh for each call.
    pub fn details(&self, slug: &str, username: &str, reference: &str) -> Result<Details, ApiError> {
        let body = json!({
            "token": self.token.expose(),
            "username": username,
            "reference": reference,
            "service_slug": slug,
        });
        let v = self.post(DETAILS_PATH, &body)?.success_json()?;
        Details::from_value(&v).map_err(|reason| ApiError::Malformed { status: 200, reason })
    }

    /// Sends one commit and returns the raw answer: the caller classifies it, since even a
    /// 5xx or an unreadable body must become a pending payment, not an error to retry.
    pub fn commit(&self, request: &CommitRequest<'_>) -> Result<Exchange, ApiError> {
        self.post(COMMIT_PATH, &request.body(self.token.expose()))
    }

    /// Looks one reference up. An unknown reference is `Ok` with `found: false`.
    pub fn status(&self, reference: &str) -> Result<TxnStatus, ApiError> {
        let ex = self.get(STATUS_PATH, &[("reference", reference)])?;
        ex.refuse_redirect()?;
        let v = ex.json()?;
        if let Some(err) = ServiceError::from_value(ex.status, &v)
            && !err.is_unknown_reference()
        {
            return Err(ApiError::Rejected(Box::new(err)));
        }
        if ex.status >= 500 {
            return Err(ApiError::Http {
                status: ex.status,
                snippet: ex.snippet(),
            });
        }
        let answer = TxnStatus::from_value(&v).map_err(|reason| ApiError::Malformed {
            status: ex.status,
            reason,
        })?;
        // An answer about another payment says nothing about this one.
        if answer.reference.as_deref().is_some_and(|r| r != reference) {
            return Err(ApiError::Malformed {
                status: ex.status,
                reason: "it is about another reference".into(),
            });
        }
        Ok(answer)
    }

    /// Looks several references up in one call (the caller keeps batches small).
    pub fn bulk_status(&self, references: &[String]) -> Result<Vec<TxnStatus>, ApiError> {
        let joined = references.join(",");
        let count = references.len().to_string();
        let ex = self.get(
            BULK_STATUS_PATH,
            &[("references", &joined), ("reference_length", &count)],
        )?;
        let v = ex.success_json()?;
        let items = match v.get("detail") {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(ApiError::Malformed {
                    status: ex.status,
                    reason: "no detail list in the answer".into(),
                });
            }
        };
        items
            .iter()
            .map(|item| {
                TxnStatus::from_value(item).map_err(|reason| ApiError::Malformed {
                    status: ex.status,
                    reason,
                })
            })
            .collect()
    }

    /// The account's credits.
    pub fn balance(&self) -> Result<Balance, ApiError> {
        self.balance_dated().map(|(b, _)| b)
    }

    /// The account's credits and the service's `Date` header, when it sent one.
    pub fn balance_dated(&self) -> Result<(Balance, Option<String>), ApiError> {
        let ex = self.get(BALANCE_PATH, &[])?;
        let v = ex.success_json()?;
        let balance =
            Balance::from_value(&v).map_err(|reason| ApiError::Malformed { status: 200, reason })?;
        Ok((balance, ex.date))
    }

    fn post(&self, path: &str, body: &Value) -> Result<Exchange, ApiError> {
        let url = format!("{}{path}", self.base);
        let started = Instant::now();
        let result = self
            .agent
            .post(&url)
            .header("Accept", "application/json")
            .send_json(body);
        self.finish("POST", path, started, result)
    }

    fn get(&self, path: &str, query: &[(&str, &str)]) -> Result<Exchange, ApiError> {
        let url = format!("{}{path}", self.base);
        let started = Instant::now();
        let mut request = self
            .agent
            .get(&url)
            .header("Accept", "application/json")
            .query("token", self.token.expose());
        for (k, v) in query {
            request = request.query(*k, *v);
        }
        self.finish("GET", path, started, request.call())
    }

    fn finish(
        &self,
        method: &str,
        path: &str,
        started: Instant,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Exchange, ApiError> {
        let outcome = result
            .map_err(|e| self.in_words(ApiError::from_ureq(e, &self.host)))
            .and_then(|response| {
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .map(|v| printable(&String::from_utf8_lossy(v.as_bytes())))
                };
                let (location, date) = (header("location"), header("date"));
                let body = response
                    .into_body()
                    .with_config()
                    .limit(MAX_BODY)
                    .read_to_vec()
                    .map_err(|e| match ApiError::from_ureq(e, &self.host) {
                        ApiError::Malformed { reason, .. } => ApiError::Malformed { status, reason },
                        other => self.in_words(other),
                    })?;
                Ok(Exchange {
                    status,
                    body,
                    location,
                    date,
                })
            });
        if self.verbose {
            let ms = started.elapsed().as_millis();
            let how = match &outcome {
                Ok(ex) => format!("HTTP {}", ex.status),
                Err(e) => format!("failed: {e}"),
            };
            // Only method, path and timing are logged: the token lives in bodies and queries, never here.
            eprintln!(
                "konnect: {method} {}{path}?token=*** -> {how} ({ms} ms)",
                self.host
            );
        }
        outcome
    }
}

impl Client {
    /// A failure said as a cashier would say it ("none came within 30 s"), not in a library's terms.
    fn in_words(&self, e: ApiError) -> ApiError {
        match e {
            ApiError::NoAnswer { host, reason } => {
                let lower = reason.to_ascii_lowercase();
                let reason = if lower.contains("timed out") {
                    format!("none came within {} s", self.timeout.as_secs().max(1))
                } else if lower.contains("disconnected")
                    || lower.contains("reset")
                    || lower.contains("closed")
                {
                    "the connection was cut before it came".into()
                } else {
                    reason
                };
                ApiError::NoAnswer { host, reason }
            }
            other => other,
        }
    }
}

/// A header value, short and neutralised, for a message.
fn printable(text: &str) -> String {
    crate::text::clean(text).chars().take(200).collect()
}

/// The system resolver, with its failures reported as what they are: the name could not be
/// resolved, so nothing was sent (ureq reports them as plain I/O errors).
#[derive(Debug, Default)]
struct NameResolver(ureq::unversioned::resolver::DefaultResolver);

impl ureq::unversioned::resolver::Resolver for NameResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        self.0.resolve(uri, config, timeout).map_err(|e| match e {
            ureq::Error::Io(_) => ureq::Error::HostNotFound,
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_body_keeps_ids_and_amounts_exact() {
        let r = CommitRequest {
            reference: "r1",
            package_id: "1-13286-5-3",
            amount: Npr::parse("5999").unwrap(),
            session_id: "179",
        };
        let body = r.body("TEST:x");
        assert_eq!(body["session_id"], json!(179));
        assert_eq!(body["amount"].to_string(), "5999");
        assert_eq!(id_value("0179"), json!("0179"));
        assert_eq!(id_value("abc"), json!("abc"));
    }

    #[test]
    fn classifies_bodies() {
        let html = Exchange {
            status: 502,
            body: b"<html><body>Bad Gateway</body></html>".to_vec(),
            location: None,
            date: None,
        };
        assert!(matches!(html.json(), Err(ApiError::Http { status: 502, .. })));
        let empty = Exchange {
            status: 200,
            body: b"  ".to_vec(),
            location: None,
            date: None,
        };
        assert!(matches!(empty.json(), Err(ApiError::Malformed { .. })));
        let truncated = Exchange {
            status: 200,
            body: b"{\"customer\": {".to_vec(),
            location: None,
            date: None,
        };
        assert!(matches!(truncated.json(), Err(ApiError::Malformed { .. })));
        let refused = Exchange {
            status: 400,
            body: br#"{"status": false, "error_code": "1013"}"#.to_vec(),
            location: None,
            date: None,
        };
        assert!(matches!(refused.success_json(), Err(ApiError::Rejected(_))));
        let odd = Exchange {
            status: 503,
            body: br#"{"status": true}"#.to_vec(),
            location: None,
            date: None,
        };
        assert!(matches!(
            odd.success_json(),
            Err(ApiError::Http { status: 503, .. })
        ));
    }

    #[test]
    fn refused_connection_is_not_sent() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let c = Client::new(
            &BaseUrl::parse(&format!("http://{addr}")).unwrap(),
            Secret::new("TEST:x"),
            Duration::from_secs(2),
            false,
        );
        assert!(
            matches!(c.balance(), Err(ApiError::NotSent { .. })),
            "{:?}",
            c.balance().err()
        );
    }
}
