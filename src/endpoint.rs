//! The service's base URL, parsed once by `http::Uri` (through ureq) and checked: the rules
//! about hosts (loopback, the live and staging hosts) all work on its normalised host.

use std::fmt;

use ureq::http::Uri;

/// http or https: nothing else carries the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

/// A base URL that passed every check: scheme, host, port, no user info, no query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    scheme: Scheme,
    /// Lower case, without a trailing dot; an IPv6 address keeps its brackets.
    host: String,
    port: Option<u16>,
    /// Without a trailing slash; empty for the root.
    path: String,
}

/// Why a text is not a base URL. The messages never repeat user info (it may hold a password).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("is not a URL ({0})")]
    Invalid(String),
    #[error("must start with https:// (or http:// for loopback)")]
    Scheme,
    #[error("has no host")]
    NoHost,
    #[error("carries user info (user@host); konnect sends the token itself, remove it")]
    UserInfo,
    #[error("has a port that is not a number from 1 to 65535")]
    Port,
    #[error("must not carry a query or a fragment")]
    Query,
}

impl BaseUrl {
    pub fn parse(text: &str) -> Result<BaseUrl, UrlError> {
        let text = text.trim();
        if text.contains(['#', '?']) {
            return Err(UrlError::Query);
        }
        let uri: Uri = text
            .parse()
            .map_err(|e: ureq::http::uri::InvalidUri| UrlError::Invalid(e.to_string()))?;
        let scheme = match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
            Some("https") => Scheme::Https,
            Some("http") => Scheme::Http,
            _ => return Err(UrlError::Scheme),
        };
        let authority = uri.authority().ok_or(UrlError::NoHost)?;
        if authority.as_str().contains('@') {
            return Err(UrlError::UserInfo);
        }
        let host = authority.host().trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() || host == "[]" {
            return Err(UrlError::NoHost);
        }
        let port = match authority.as_str().rsplit_once(':') {
            // `[::1]` has colons of its own: only a colon after the closing bracket is a port.
            Some((before, digits))
                if !digits.contains(']') && (before.ends_with(']') || !before.contains(':')) =>
            {
                Some(
                    digits
                        .parse::<u16>()
                        .ok()
                        .filter(|p| *p != 0)
                        .ok_or(UrlError::Port)?,
                )
            }
            _ => None,
        };
        Ok(BaseUrl {
            scheme,
            host,
            port,
            path: uri.path().trim_end_matches('/').to_string(),
        })
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// `host` or `host:port`, as the banner and messages name the service.
    pub fn host_port(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }

    /// The host, lower case; an IPv6 address keeps its brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, or the scheme's own.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.scheme {
            Scheme::Http => 80,
            Scheme::Https => 443,
        })
    }

    /// Whether the host is this machine: `localhost` or a loopback address.
    pub fn is_loopback(&self) -> bool {
        is_loopback_host(&self.host)
    }

    /// Whether this URL's host is `host` (case, a trailing dot and the port do not matter).
    pub fn is_host(&self, host: &str) -> bool {
        self.host == host.trim_end_matches('.').to_ascii_lowercase()
    }

    /// The URL of an endpoint below the base.
    pub fn join(&self, path: &str) -> String {
        format!("{self}{path}")
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = match self.scheme {
            Scheme::Http => "http",
            Scheme::Https => "https",
        };
        write!(f, "{scheme}://{}{}", self.host_port(), self.path)
    }
}

/// Whether a bare host (an IPv6 address with or without brackets) names this machine.
pub fn is_loopback_host(host: &str) -> bool {
    let bare = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether `host:port` (a listening address) is on loopback.
pub fn is_loopback_addr(addr: &str) -> bool {
    addr.parse::<std::net::SocketAddr>()
        .map(|a| a.ip().is_loopback())
        .unwrap_or_else(|_| {
            addr.rsplit_once(':')
                .is_some_and(|(host, port)| port.parse::<u16>().is_ok() && is_loopback_host(host))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_hosts_and_keeps_ports() {
        let u = BaseUrl::parse("HTTPS://Services.Khalti.com.:8443/").unwrap();
        assert_eq!(u.to_string(), "https://services.khalti.com:8443");
        assert!(u.is_host("services.khalti.com"));
        assert!(u.is_host("SERVICES.KHALTI.COM."));
        let v6 = BaseUrl::parse("http://[::1]:8080/api").unwrap();
        assert_eq!(
            (v6.host_port(), v6.to_string()),
            ("[::1]:8080".to_string(), "http://[::1]:8080/api".to_string())
        );
        assert!(v6.is_loopback());
        assert_eq!(BaseUrl::parse("http://[::1]").unwrap().port, None);
        assert!(BaseUrl::parse("http://localhost:1").unwrap().is_loopback());
        assert!(BaseUrl::parse("http://127.0.0.2").unwrap().is_loopback());
        assert!(
            !BaseUrl::parse("http://127.0.0.1.example.com")
                .unwrap()
                .is_loopback()
        );
        assert!(!BaseUrl::parse("https://example.com").unwrap().is_loopback());
    }

    #[test]
    fn refuses_what_could_send_the_token_astray() {
        for (text, want) in [
            ("http://127.0.0.1:99999", UrlError::Port),
            ("http://127.0.0.1:0", UrlError::Port),
            ("http://127.0.0.1:", UrlError::Port),
            ("https://user:pw@services.khalti.com", UrlError::UserInfo),
            ("ftp://x", UrlError::Scheme),
            ("services.khalti.com", UrlError::Scheme),
            ("https://", UrlError::Invalid(String::new())),
            ("https://host?x=1", UrlError::Query),
            ("https://host#top", UrlError::Query),
        ] {
            let got = BaseUrl::parse(text);
            match (&got, &want) {
                (Err(UrlError::Invalid(_)), UrlError::Invalid(_)) => {}
                _ => assert_eq!(got, Err(want), "{text}"),
            }
        }
        assert!(!UrlError::UserInfo.to_string().contains("pw"));
    }

    #[test]
    fn knows_loopback_listening_addresses() {
        assert!(is_loopback_addr("127.0.0.1:0"));
        assert!(is_loopback_addr("[::1]:8080"));
        assert!(is_loopback_addr("localhost:80"));
        assert!(!is_loopback_addr("0.0.0.0:80"));
        assert!(!is_loopback_addr("10.0.0.1:80"));
    }
}
