//! A `postgres://user@host:port/db?sslmode=…` journal: its parts, its password (never from
//! the command line: `PGPASSWORD`, the libpq password file, or the config file's URL), and its
//! TLS through rustls (no OpenSSL).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use postgres::config::{Host, SslMode};

/// How the connection is protected, as libpq names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    Disable,
    /// Encrypted; the server's certificate is not checked (libpq's `require`).
    Require,
    /// Encrypted, and the certificate checked against the platform's roots and the host name.
    VerifyFull,
}

/// A parsed journal URL.
#[derive(Debug, Clone)]
pub struct Target {
    config: postgres::Config,
    tls: Tls,
    /// `sslrootcert`: the only roots `verify-full` trusts (a shop's own CA), as libpq.
    root_cert: Option<PathBuf>,
    /// The server's host, as certificate messages name it.
    host: String,
    shown: String,
}

/// The URL's scheme, user info and what follows it. The user info ends at the *last* `@`, so
/// that a password with an unencoded `/`, `?` or `@` is still seen as one: better to mask too
/// much than too little.
fn split_userinfo(url: &str) -> Option<(&str, &str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let (userinfo, after) = rest.rsplit_once('@')?;
    Some((scheme, userinfo, after))
}

/// Where a `password=` setting starts in the URL, in any case.
fn password_setting(url: &str) -> Option<usize> {
    url.to_ascii_lowercase().find("password=")
}

/// Whether a URL carries a password (`user:password@host`, or a `password=` setting).
pub fn has_password(url: &str) -> bool {
    split_userinfo(url).is_some_and(|(_, userinfo, _)| userinfo.contains(':'))
        || password_setting(url).is_some()
}

/// The URL with its password, if any, masked: what `config show` and `doctor` print.
pub fn without_password(url: &str) -> String {
    let mut shown = match split_userinfo(url) {
        Some((scheme, userinfo, after)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:****@{after}")
        }
        _ => url.to_string(),
    };
    if let Some(at) = password_setting(&shown) {
        let value = at + "password=".len();
        let end = shown[value..].find(['&', ' ']).map_or(shown.len(), |e| value + e);
        shown.replace_range(value..end, "****");
    }
    shown
}

impl Target {
    pub fn parse(url: &str) -> Result<Target, String> {
        // The scheme in any case, as URLs allow.
        let lowered;
        let url = match url.split_once("://") {
            Some((scheme, rest)) if scheme.chars().any(|c| c.is_ascii_uppercase()) => {
                lowered = format!("{}://{rest}", scheme.to_ascii_lowercase());
                lowered.as_str()
            }
            _ => url,
        };
        if split_userinfo(url).is_some_and(|(_, userinfo, _)| userinfo.contains(['@', '/', '?', '#'])) {
            return Err("the journal URL's user or password holds a character that must be percent-encoded (@ / ? # as %40 %2F %3F %23)".into());
        }
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut tls = None;
        let mut root_cert = None;
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "sslmode" => {
                    tls = Some(match v.as_ref() {
                        "disable" => Tls::Disable,
                        "require" => Tls::Require,
                        "verify-full" => Tls::VerifyFull,
                        _ => {
                            return Err(
                                "the journal URL's sslmode must be disable, require or verify-full".into(),
                            );
                        }
                    })
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(v.as_ref())),
                _ => {
                    // The name only when it is one: a mangled URL may put a password here.
                    let plain = k.len() <= 32 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    let named = if plain { format!("'{k}'") } else { "such a".into() };
                    return Err(format!(
                        "the journal URL takes no {named} setting (only sslmode and sslrootcert)"
                    ));
                }
            }
        }
        let mut config = postgres::Config::from_str(base).map_err(|_| {
            "the journal URL is not a PostgreSQL URL (postgres://user@host:port/database)".to_string()
        })?;
        let host = config.get_hosts().first().map(|h| match h {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        });
        let Some(host) = host else {
            return Err("the journal URL names no host".into());
        };
        let loopback = crate::endpoint::is_loopback_host(&host) || host.starts_with('/');
        let tls = match (tls, &root_cert) {
            (None | Some(Tls::VerifyFull), Some(_)) => Tls::VerifyFull,
            (Some(_), Some(_)) => {
                return Err(
                    "the journal URL's sslrootcert is for sslmode=verify-full (or no sslmode)".into(),
                );
            }
            (Some(t), None) => t,
            (None, None) if loopback => Tls::Disable,
            (None, None) => Tls::Require,
        };
        // As libpq and psql: without a user in the URL, the user logged in here.
        let user = match config.get_user() {
            Some(u) => u.to_string(),
            None => ["USER", "USERNAME"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|u| !u.is_empty()))
                .unwrap_or_else(|| "postgres".into()),
        };
        if config.get_password().is_none()
            && let Some(p) = password_for(
                &host,
                config.get_ports().first().copied().unwrap_or(5432),
                config.get_dbname(),
                &user,
            )
        {
            config.password(p);
        }
        if config.get_user().is_none() {
            config.user(&user);
        }
        let port = config
            .get_ports()
            .first()
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        // The server takes a missing database to be the user's own.
        let db = config.get_dbname().unwrap_or(&user);
        let bracketed = if host.contains(':') && !host.starts_with('/') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        let shown = format!("postgres://{user}@{bracketed}{port}/{db}");
        config.ssl_mode(if tls == Tls::Disable {
            SslMode::Disable
        } else {
            SslMode::Require
        });
        config.connect_timeout(std::time::Duration::from_secs(10));
        stall_limits(&mut config);
        Ok(Target {
            config,
            tls,
            root_cert,
            host,
            shown,
        })
    }

    /// The URL without its password: what messages name.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn connect(&self) -> Result<postgres::Client, String> {
        let result = match self.tls {
            Tls::Disable => self.config.connect(postgres::NoTls),
            tls => self
                .config
                .connect(tokio_postgres_rustls::MakeRustlsConnect::new(client_config(
                    tls,
                    self.root_cert.as_deref(),
                )?)),
        };
        let mut client = result.map_err(|e| match crate::api::tls::tls_cause(&e) {
            Some(tls) => format!(
                "{}; give the shop's CA with ?sslrootcert=PATH in the journal URL",
                crate::api::tls::what_failed(tls, &self.host)
            ),
            None => super::postgres::pg_error(e),
        })?;
        client
            .batch_execute(&server_limits(super::postgres::deadline()))
            .map_err(super::postgres::pg_error)?;
        Ok(client)
    }
}

/// The server ends a statement or a lock wait a fifth before the client's deadline (so the
/// client usually hears why, and the connection survives), and a session left inside a
/// transaction (a counter gone mid-payment) so that its locks are freed. Set after connecting,
/// not as a startup `options` parameter, which connection poolers such as PgBouncer refuse.
fn server_limits(deadline: std::time::Duration) -> String {
    let client_ms = deadline.as_millis();
    let ms = (client_ms - client_ms / 5).max(1);
    format!(
        "SET statement_timeout = {ms}; SET lock_timeout = {ms}; \
         SET idle_in_transaction_session_timeout = {}",
        client_ms.max(60_000)
    )
}

/// A stalled network fails a call instead of hanging it: the socket gives up on a peer that
/// stopped acknowledging (Linux) or answering keepalives.
fn stall_limits(config: &mut postgres::Config) {
    let deadline = super::postgres::deadline();
    config
        .keepalives(true)
        .keepalives_idle(std::time::Duration::from_secs(5))
        .keepalives_interval(std::time::Duration::from_secs(2))
        .keepalives_retries(3)
        .tcp_user_timeout(deadline);
}

/// The password from `PGPASSWORD`, else from the libpq password file (`PGPASSFILE`,
/// `~/.pgpass`, or `%APPDATA%\postgresql\pgpass.conf` on Windows).
fn password_for(host: &str, port: u16, db: Option<&str>, user: &str) -> Option<String> {
    if let Some(p) = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()) {
        return Some(p);
    }
    let file = std::env::var_os("PGPASSFILE").map(PathBuf::from).or_else(|| {
        let base = directories::BaseDirs::new()?;
        Some(if cfg!(windows) {
            base.config_dir().join("postgresql").join("pgpass.conf")
        } else {
            base.home_dir().join(".pgpass")
        })
    })?;
    let text = crate::private::read_capped(&file, 64 * 1024).ok()?;
    let port = port.to_string();
    let fields = [host, port.as_str(), db.unwrap_or(user), user];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let parts: Vec<&str> = line.splitn(5, ':').collect();
            let [h, p, d, u, password] = parts[..] else {
                return None;
            };
            let wanted = [h, p, d, u];
            wanted
                .iter()
                .zip(fields)
                .all(|(w, f)| *w == "*" || *w == f)
                .then(|| password.to_string())
        })
}

fn client_config(tls: Tls, root_cert: Option<&Path>) -> Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> = match (tls, root_cert) {
        (Tls::VerifyFull, Some(path)) => {
            let roots = Arc::new(root_store(path)?);
            rustls::client::WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| e.to_string())?
        }
        (Tls::VerifyFull, None) => {
            Arc::new(rustls_platform_verifier::Verifier::new(provider).map_err(|e| e.to_string())?)
        }
        _ => Arc::new(Unchecked(provider)),
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

/// The certificates of an `sslrootcert` file (PEM).
fn root_store(path: &Path) -> Result<rustls::RootCertStore, String> {
    let shown = path.display();
    let text = crate::private::read_capped(path, 1024 * 1024)
        .map_err(|e| format!("cannot read the journal's sslrootcert {shown}: {e}"))?;
    let mut roots = rustls::RootCertStore::empty();
    for item in ureq::tls::parse_pem(text.as_bytes()) {
        if let Ok(ureq::tls::PemItem::Certificate(c)) = item {
            roots
                .add(rustls::pki_types::CertificateDer::from(c.der().to_vec()))
                .map_err(|e| format!("the journal's sslrootcert {shown}: {e}"))?;
        }
    }
    if roots.is_empty() {
        return Err(format!(
            "the journal's sslrootcert {shown} holds no PEM certificate"
        ));
    }
    Ok(roots)
}

/// libpq's `require`: encrypted, the certificate not checked (`verify-full` checks it).
#[derive(Debug)]
struct Unchecked(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_gives_up_before_the_client_does() {
        let limits = server_limits(std::time::Duration::from_secs(15));
        assert!(limits.contains("statement_timeout = 12000;"), "{limits}");
        assert!(limits.contains("lock_timeout = 12000;"), "{limits}");
        assert!(
            limits.ends_with("idle_in_transaction_session_timeout = 60000"),
            "{limits}"
        );
        let short = server_limits(std::time::Duration::from_millis(700));
        assert!(short.contains("statement_timeout = 560;"), "{short}");
    }

    #[test]
    fn the_scheme_is_read_in_any_case() {
        assert!(Target::parse("POSTGRES://shop@127.0.0.1/k").is_ok());
        assert!(crate::journal::is_postgres(std::path::Path::new(
            "PostgreSQL://h/k"
        )));
    }

    #[test]
    fn a_password_is_masked_wherever_the_url_is_shown() {
        assert_eq!(
            without_password("postgres://shop:s3cret@db.lan:5432/k?sslmode=require"),
            "postgres://shop:****@db.lan:5432/k?sslmode=require"
        );
        assert_eq!(
            without_password("postgres://shop@db.lan/k"),
            "postgres://shop@db.lan/k"
        );
        assert_eq!(without_password("postgresql://a:b:c@h"), "postgresql://a:****@h");
        // Unencoded characters in the password: still masked, still detected, never echoed.
        for url in [
            "postgres://k:Sup3r/S3cret@h:1/db",
            "postgres://k:Sup3r?S3cret@h/db",
            "postgres://k:Sup3r@S3cret@h/db",
        ] {
            assert!(has_password(url), "{url}");
            assert!(!without_password(url).contains("S3cret"), "{url}");
            let e = Target::parse(url).err().unwrap();
            assert!(!e.contains("S3cret") && e.contains("percent-encoded"), "{e}");
        }
        let setting = "postgres://k@h/db?sslmode=require&password=S3cret";
        assert!(has_password(setting));
        assert_eq!(
            without_password(setting),
            "postgres://k@h/db?sslmode=require&password=****"
        );
    }

    #[test]
    fn urls_are_read_and_shown_without_their_password() {
        let t = Target::parse("postgres://shop:secret@127.0.0.1:5433/konnect").unwrap();
        assert_eq!(t.shown(), "postgres://shop@127.0.0.1:5433/konnect");
        assert_eq!(t.tls, Tls::Disable, "loopback needs no TLS by default");
        let remote = Target::parse("postgresql://shop@db.example/konnect").unwrap();
        assert_eq!(remote.tls, Tls::Require);
        let full = Target::parse("postgres://shop@db.example/konnect?sslmode=verify-full").unwrap();
        assert_eq!(full.tls, Tls::VerifyFull);
        assert!(
            Target::parse("postgres://db.example/k?sslmode=maybe")
                .unwrap_err()
                .contains("sslmode")
        );
        assert!(has_password("postgres://shop:secret@db/k") && !has_password("postgres://shop@db/k"));
    }

    #[test]
    fn an_ipv6_host_is_shown_in_brackets_and_a_missing_database_is_the_users() {
        let t = Target::parse("postgres://shop@[::1]:5433/konnect").unwrap();
        assert_eq!(t.shown(), "postgres://shop@[::1]:5433/konnect");
        assert_eq!(t.tls, Tls::Disable, "::1 is loopback");
        let t = Target::parse("postgres://shop@db.example").unwrap();
        assert_eq!(t.shown(), "postgres://shop@db.example:5432/shop");
    }
}
