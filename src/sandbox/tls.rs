//! Certificates made at start for the sandbox's HTTPS: a CA of its own and server certificates
//! signed by it (valid, expired, or for another name), so that tests speak real TLS.

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// What a server certificate is like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// For `localhost`, 127.0.0.1 and ::1, valid now.
    Valid,
    /// For the same names, but it expired in 2020.
    Expired,
    /// Valid now, for `other.example` only.
    OtherName,
}

/// A certificate authority made for this run; its PEM is what a client must trust.
pub struct Authority {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Authority {
    pub fn new() -> Result<Authority, rcgen::Error> {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(DnType::CommonName, "konnect sandbox CA (not for real use)");
        Ok(Authority {
            issuer: CertifiedIssuer::self_signed(params, KeyPair::generate()?)?,
        })
    }

    /// The CA certificate, PEM: what `ca_file` or `SSL_CERT_FILE` names for a client to trust it.
    pub fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server configuration presenting a certificate of this kind, for `names` (host names or
    /// IP addresses) or, by default, this machine's loopback names.
    pub fn server(&self, leaf: Leaf, names: &[&str]) -> Result<Arc<rustls::ServerConfig>, String> {
        let loopback = ["localhost", "127.0.0.1", "::1"];
        let names: Vec<String> = match leaf {
            Leaf::OtherName => vec!["other.example".into()],
            _ if names.is_empty() => loopback.iter().map(|n| n.to_string()).collect(),
            _ => names.iter().map(|n| n.to_string()).collect(),
        };
        let mut params = CertificateParams::new(names).map_err(|e| e.to_string())?;
        params
            .distinguished_name
            .push(DnType::CommonName, "konnect sandbox");
        if leaf == Leaf::Expired {
            params.not_before = rcgen::date_time_ymd(2019, 1, 1);
            params.not_after = rcgen::date_time_ymd(2020, 1, 1);
        }
        let key = KeyPair::generate().map_err(|e| e.to_string())?;
        let cert = params.signed_by(&key, &self.issuer).map_err(|e| e.to_string())?;
        let chain = vec![CertificateDer::from(cert.der().to_vec())];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map(Arc::new)
            .map_err(|e| e.to_string())
    }
}
