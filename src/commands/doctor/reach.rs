//! The way to the service, step by step (proxy, name, connection, TLS, the balance), and this
//! computer's clock against the service's: what `doctor` says when a counter cannot reach it.

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Area, Check};
use crate::context::Ctx;
use crate::endpoint::{BaseUrl, Scheme};

/// The most the clocks may differ before payments' times and certificates go wrong.
const CLOCK_SKEW: Duration = Duration::from_secs(60);

/// The way to the service, step by step; stops at the first step that fails.
pub(super) fn service(ctx: &mut Ctx) -> Vec<Check> {
    let client = match ctx.client() {
        Ok(c) => c,
        Err(f) => {
            return vec![Check::fail(
                "service",
                Area::Setup,
                f.message,
                "see `konnect config show`",
            )];
        }
    };
    let Ok(url) = ctx.settings.endpoint() else {
        return Vec::new();
    };
    let mut checks = vec![proxy(&url)];
    let through_proxy = checks[0].detail.starts_with("through");
    if !through_proxy {
        let timeout = ctx.settings.timeout.value;
        match resolve(&url) {
            Err(c) => return [checks, vec![c]].concat(),
            Ok((addr, c)) => {
                checks.push(c);
                let (tcp, c) = connect(addr, timeout);
                checks.push(c);
                let Some(tcp) = tcp else { return checks };
                if url.scheme() == Scheme::Https {
                    checks.push(handshake(ctx, &url, tcp));
                }
            }
        }
        if checks.iter().any(|c| !c.ok) {
            return checks;
        }
    }
    let started = Instant::now();
    match client.balance_dated() {
        Ok((b, date)) => {
            checks.push(
                Check::pass(
                    "balance",
                    Area::Reach,
                    format!("{} available", b.credits_available.lakh()),
                )
                .timed(started),
            );
            checks.push(clock(date.as_deref()));
        }
        Err(e) => checks.push(
            Check::fail(
                "balance",
                Area::Reach,
                e.to_string(),
                "see the line above; if all pass, check the token with the aggregator",
            )
            .timed(started),
        ),
    }
    checks
}

fn proxy(url: &BaseUrl) -> Check {
    let from_env = ureq::Proxy::try_from_env().filter(|_| !url.is_loopback());
    match from_env {
        Some(p) => Check::pass(
            "proxy",
            Area::Reach,
            format!("through {}:{} (from the environment)", p.host(), p.port()),
        ),
        None => Check::pass("proxy", Area::Reach, "none: konnect connects directly"),
    }
}

fn resolve(url: &BaseUrl) -> Result<(SocketAddr, Check), Check> {
    let started = Instant::now();
    let host = url.host().trim_start_matches('[').trim_end_matches(']');
    match (host, url.port()).to_socket_addrs().map(|mut a| a.next()) {
        Ok(Some(addr)) => Ok((
            addr,
            Check::pass("DNS", Area::Reach, format!("{} is {}", url.host(), addr.ip())).timed(started),
        )),
        _ => Err(Check::fail(
            "DNS",
            Area::Reach,
            format!("could not resolve {}", url.host()),
            "check the network connection and the DNS server (can a browser open any site?)",
        )
        .timed(started)),
    }
}

fn connect(addr: SocketAddr, timeout: Duration) -> (Option<TcpStream>, Check) {
    let started = Instant::now();
    match TcpStream::connect_timeout(&addr, timeout) {
        Ok(tcp) => (
            Some(tcp),
            Check::pass("TCP", Area::Reach, format!("connected to {addr}")).timed(started),
        ),
        Err(e) => (
            None,
            Check::fail(
                "TCP",
                Area::Reach,
                format!("could not connect to {addr}: {e}"),
                "a firewall may block it; allow konnect out to this address",
            )
            .timed(started),
        ),
    }
}

/// A TLS handshake verified as the client verifies, naming the certificate's issuer.
fn handshake(ctx: &Ctx, url: &BaseUrl, mut tcp: TcpStream) -> Check {
    let started = Instant::now();
    let ca = ctx.settings.ca_file.as_ref().map(|c| c.value.as_path());
    let result = tls_config(ca).and_then(|config| {
        let host = url
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let name = rustls::pki_types::ServerName::try_from(host).map_err(|e| e.to_string())?;
        let mut conn = rustls::ClientConnection::new(config, name).map_err(|e| e.to_string())?;
        let _ = tcp.set_read_timeout(Some(ctx.settings.timeout.value));
        while conn.is_handshaking() {
            conn.complete_io(&mut tcp).map_err(|e| {
                crate::api::tls::handshake_failure(&e, &url.host_port()).unwrap_or_else(|| e.to_string())
            })?;
        }
        Ok(conn
            .peer_certificates()
            .and_then(|c| c.first())
            .map(|der| issuer(der.as_ref())))
    });
    match result {
        Ok(issuer) => Check::pass(
            "TLS",
            Area::Reach,
            format!(
                "certificate trusted, issued by {}",
                issuer.unwrap_or_else(|| "an unnamed issuer".into())
            ),
        )
        .timed(started),
        Err(why) => Check::fail(
            "TLS",
            Area::Reach,
            why,
            "install the inspecting root certificate in the system store, or set ca_file",
        )
        .timed(started),
    }
}

fn tls_config(ca_file: Option<&std::path::Path>) -> Result<Arc<rustls::ClientConfig>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let config = match crate::api::tls::roots(ca_file)? {
        ureq::tls::RootCerts::Specific(certs) => {
            let mut store = rustls::RootCertStore::empty();
            store.add_parsable_certificates(
                certs
                    .iter()
                    .map(|c| rustls::pki_types::CertificateDer::from(c.der().to_vec())),
            );
            builder.with_root_certificates(store).with_no_client_auth()
        }
        _ => {
            let verifier = rustls_platform_verifier::Verifier::new(provider).map_err(|e| e.to_string())?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verifier))
                .with_no_client_auth()
        }
    };
    Ok(Arc::new(config))
}

/// The issuer's name, as a person reads it ("CN=R11, O=Let's Encrypt, C=US").
fn issuer(der: &[u8]) -> String {
    x509_parser::parse_x509_certificate(der)
        .map(|(_, cert)| crate::text::clean(&cert.issuer().to_string()).into_owned())
        .unwrap_or_else(|_| "an issuer whose name cannot be read".into())
}

fn clock(date: Option<&str>) -> Check {
    let Some(date) = date else {
        return Check::pass("clock", Area::Setup, "the service sent no Date; not compared");
    };
    let Ok(theirs) = jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(date) else {
        return Check::pass(
            "clock",
            Area::Setup,
            "the service's Date cannot be read; not compared",
        );
    };
    let skew = (jiff::Timestamp::now().as_millisecond() - theirs.as_millisecond()).unsigned_abs();
    let secs = skew / 1000;
    if Duration::from_millis(skew) <= CLOCK_SKEW {
        Check::pass("clock", Area::Setup, format!("within {secs} s of the service's"))
    } else {
        Check::fail(
            "clock",
            Area::Setup,
            format!("{secs} s away from the service's"),
            "set this computer's date, time and time zone (automatic time from the internet)",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_is_compared_with_the_services_date() {
        let now = jiff::Timestamp::now();
        let http = |t: jiff::Timestamp| {
            jiff::fmt::rfc2822::DateTimePrinter::new()
                .timestamp_to_rfc9110_string(&t)
                .unwrap()
        };
        assert!(clock(Some(&http(now))).ok);
        let late = now.checked_add(jiff::SignedDuration::from_secs(600)).unwrap();
        let c = clock(Some(&http(late)));
        assert!(
            !c.ok && c.detail.contains("600 s away") || c.detail.contains("599 s away"),
            "{}",
            c.detail
        );
        assert!(clock(None).ok);
        assert!(clock(Some("yesterday")).ok, "unreadable: not compared");
    }
}
