//! Whom the client trusts, and what a failed handshake means in words an IT person can act on.
//! The platform's store by default (Windows, macOS, Linux with `SSL_CERT_FILE`/`SSL_CERT_DIR`),
//! so that a root an antivirus or office proxy installed is trusted as the browser trusts it.

use std::path::Path;
use std::sync::Arc;

use ureq::tls::{Certificate, RootCerts};

/// The largest CA file read; a bundle of every public root is about 200 KiB.
const MAX_CA_FILE: u64 = 1024 * 1024;

/// The roots to verify the service with: the platform's verifier, or, when a `ca_file` names
/// an extra root, the system's roots and that file's.
pub fn roots(ca_file: Option<&Path>) -> Result<RootCerts, String> {
    let Some(path) = ca_file else {
        return Ok(RootCerts::PlatformVerifier);
    };
    let shown = path.display();
    let text = crate::private::read_capped(path, MAX_CA_FILE)
        .map_err(|e| format!("cannot read the CA file {shown}: {e}"))?;
    let mut certs: Vec<Certificate<'static>> = Vec::new();
    for item in ureq::tls::parse_pem(text.as_bytes()) {
        if let Ok(ureq::tls::PemItem::Certificate(c)) = item {
            certs.push(c);
        }
    }
    if certs.is_empty() {
        return Err(format!("the CA file {shown} holds no PEM certificate"));
    }
    // The system's roots stay trusted beside the extra one (a shop's antivirus root, say).
    let system = rustls_native_certs::load_native_certs();
    certs.extend(
        system
            .certs
            .iter()
            .map(|c| Certificate::from_der(c.as_ref()).to_owned()),
    );
    Ok(RootCerts::Specific(Arc::new(certs)))
}

/// The handshake's failure, if the error is one: in words, with what to do.
pub fn handshake_failure(err: &(dyn std::error::Error + 'static), host: &str) -> Option<String> {
    tls_cause(err).map(|tls| describe(tls, host))
}

/// The TLS error behind an error, however deep it is wrapped.
pub fn tls_cause<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = source {
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        // An io::Error's `source` skips the error it wraps: look at that one too.
        source = match e.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    None
}

/// What is wrong with the certificate or the handshake, and what to do about it.
pub fn describe(err: &rustls::Error, host: &str) -> String {
    format!(
        "{} (if an antivirus or proxy inspects HTTPS here, install its root certificate in the system store or set ca_file)",
        what_failed(err, host)
    )
}

/// What is wrong with the certificate or the handshake, in words.
pub fn what_failed(err: &rustls::Error, host: &str) -> String {
    use rustls::CertificateError as C;
    match err {
        rustls::Error::InvalidCertificate(c) => match c {
            C::UnknownIssuer => {
                format!("the certificate of {host} is from an issuer this computer does not trust")
            }
            C::Expired | C::ExpiredContext { .. } => format!("the certificate of {host} has expired"),
            C::NotValidYet | C::NotValidYetContext { .. } => {
                format!("the certificate of {host} is not valid yet (is this computer's clock right?)")
            }
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                format!("the certificate {host} presented is for another name")
            }
            C::Revoked => format!("the certificate of {host} has been revoked"),
            other => format!("the certificate of {host} is not valid ({other:?})"),
        },
        other => format!("the secure connection to {host} failed ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_failures_are_told_apart() {
        let say = |c: rustls::CertificateError| describe(&rustls::Error::InvalidCertificate(c), "h.example");
        assert!(say(rustls::CertificateError::UnknownIssuer).contains("does not trust"));
        assert!(say(rustls::CertificateError::Expired).contains("has expired"));
        assert!(say(rustls::CertificateError::NotValidForName).contains("for another name"));
        assert!(say(rustls::CertificateError::UnknownIssuer).contains("set ca_file"));
        let wrapped = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::Expired),
        );
        assert!(handshake_failure(&wrapped, "h").unwrap().contains("expired"));
        assert!(handshake_failure(&std::io::Error::other("reset"), "h").is_none());
    }

    #[test]
    fn a_ca_file_must_hold_a_certificate() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "").unwrap();
        assert!(
            roots(Some(&empty))
                .unwrap_err()
                .contains("holds no PEM certificate")
        );
        assert!(
            roots(Some(&dir.path().join("missing.pem")))
                .unwrap_err()
                .contains("cannot read the CA file")
        );
        assert!(matches!(roots(None), Ok(RootCerts::PlatformVerifier)));
    }
}
