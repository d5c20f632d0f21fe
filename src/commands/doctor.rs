//! `konnect doctor`: what a shop's IT person checks when konnect will not work at a counter,
//! each as one line with what was found and, when it fails, the fix. Read-only: the only
//! call to the service is the balance.

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::json;

use crate::context::Ctx;
use crate::endpoint::{BaseUrl, Scheme};
use crate::failure::Kind;
use crate::journal::Journal;

/// The most the clocks may differ before payments' times and certificates go wrong.
const CLOCK_SKEW: Duration = Duration::from_secs(60);

/// What a failed check says about the setup: the counter's own (exit 6) or the way to the
/// service (exit 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Area {
    Setup,
    Reach,
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
struct Check {
    name: &'static str,
    ok: bool,
    area: Area,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ms: Option<u128>,
    /// Works, but should be seen to: shown with its fix, the exit code unchanged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    warning: bool,
}

impl Check {
    fn pass(name: &'static str, area: Area, detail: impl Into<String>) -> Check {
        Check {
            name,
            ok: true,
            area,
            detail: detail.into(),
            fix: None,
            ms: None,
            warning: false,
        }
    }

    fn warn(name: &'static str, area: Area, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            warning: true,
            fix: Some(fix.into()),
            ..Check::pass(name, area, detail)
        }
    }

    fn fail(name: &'static str, area: Area, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            ok: false,
            fix: Some(fix.into()),
            ..Check::pass(name, area, detail)
        }
    }

    fn timed(mut self, started: Instant) -> Check {
        self.ms = Some(started.elapsed().as_millis());
        self
    }
}

pub fn run(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    ctx.ensure_sandbox()?;
    let mut checks = vec![token(ctx), config_file(ctx), journal(ctx), backups(ctx)];
    if let Some(ca) = ca_file(ctx) {
        checks.push(ca);
    }
    if checks.iter().all(|c| c.ok) {
        checks.extend(service(ctx));
    }
    report(ctx, &checks);
    let failed = |area| checks.iter().any(|c| !c.ok && c.area == area);
    let code = if failed(Area::Setup) {
        Kind::Auth.exit_code()
    } else if failed(Area::Reach) {
        Kind::Network.exit_code()
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

fn token(ctx: &Ctx) -> Check {
    match ctx.settings.require_service() {
        Ok(t) => {
            let kind = if t.is_test() { "TEST" } else { "live" };
            let source = ctx
                .settings
                .token
                .as_ref()
                .map(|s| s.source.to_string())
                .unwrap_or_default();
            Check::pass(
                "token",
                Area::Setup,
                format!(
                    "a {kind} token from {source}, for {}",
                    ctx.settings.banner_in(crate::i18n::Lang::En, true)
                ),
            )
        }
        Err(f) if ctx.settings.token.is_none() => Check::fail(
            "token",
            Area::Setup,
            f.message,
            "run `konnect config set-token` and paste the token (or set KONNECT_TOKEN); `--sandbox` plays without one",
        ),
        Err(f) => Check::fail("token", Area::Setup, f.message, "see `konnect config show`"),
    }
}

fn config_file(ctx: &Ctx) -> Check {
    let path = &ctx.settings.config_path;
    if !path.exists() {
        return Check::pass(
            "config",
            Area::Setup,
            format!("no config file ({})", path.display()),
        );
    }
    match crate::private::loose_mode(path) {
        None => Check::pass("config", Area::Setup, format!("{} is private", path.display())),
        Some(mode) => Check::fail(
            "config",
            Area::Setup,
            format!("{} can be read by others (mode {mode:o})", path.display()),
            format!("chmod 600 {}", path.display()),
        ),
    }
}

fn journal(ctx: &Ctx) -> Check {
    let path = &ctx.settings.journal.value;
    let journal = match Journal::open(path, ctx.settings.env_label()) {
        Ok(j) => j,
        Err(f) => {
            let fix = if f.code.as_deref() == Some(crate::journal::DAMAGED) {
                "restore a copy with `konnect journal restore FILE` (the line above names the newest); the damaged file is kept aside"
            } else if crate::journal::is_postgres(path) {
                "check that the server is up and reachable, the user and password (PGPASSWORD or ~/.pgpass) and sslmode"
            } else {
                "check the folder's permissions and free space, or set --journal"
            };
            return Check::fail("journal", Area::Setup, f.message, fix);
        }
    };
    // Every row is read, as history and report will: a row that cannot be read is found now,
    // not at the end of the day.
    match journal
        .check_pages()
        .and_then(|()| journal.query(&crate::journal::Filter::default()))
    {
        Ok(rows) => Check::pass(
            "journal",
            Area::Setup,
            format!(
                "{} is writable; {} payment(s) read, {} unsettled",
                crate::journal::shown(path),
                rows.len(),
                rows.iter().filter(|r| !r.is_settled()).count()
            ),
        ),
        Err(f) if f.code.as_deref() == Some(crate::journal::DAMAGED) => Check::fail(
            "journal",
            Area::Setup,
            f.message,
            "restore the copy it names; the damaged file is kept aside",
        ),
        Err(f) => Check::fail(
            "journal",
            Area::Setup,
            f.message,
            "repair that row with sqlite3 or psql (the service's record of the reference has its true values), or restore a copy with `konnect journal restore FILE`",
        ),
    }
}

/// A SQLite journal with payments and no recent copy is one dead disk away from lost books.
fn backups(ctx: &Ctx) -> Check {
    const STALE: Duration = Duration::from_secs(2 * crate::journal::backup::DAY.as_secs());
    let path = &ctx.settings.journal.value;
    if crate::journal::is_postgres(path) {
        return Check::pass(
            "backups",
            Area::Setup,
            "a PostgreSQL journal: the shop's pg_dump keeps its copies",
        );
    }
    let kept = ctx.settings.backups_kept;
    let fix = if kept == 0 {
        "run `konnect journal backup`; daily copies are off: `konnect config set backups_kept 7` turns them on"
    } else {
        "run `konnect journal backup` (any command that uses the journal then keeps a daily copy)"
    };
    let made = crate::clock::file_time;
    match crate::journal::backup::newest(path) {
        Some((copy, at)) if at.elapsed().is_ok_and(|age| age < STALE) => Check::pass(
            "backups",
            Area::Setup,
            format!(
                "the newest copy is {} (made {}); daily copies kept: {kept}",
                copy.display(),
                made(at)
            ),
        ),
        Some((copy, at)) => Check::warn(
            "backups",
            Area::Setup,
            format!(
                "the newest copy, {}, is older than 2 days (made {})",
                copy.display(),
                made(at)
            ),
            fix,
        ),
        None => {
            let rows = Journal::open(path, ctx.settings.env_label()).and_then(|j| j.row_count());
            match rows {
                Ok(0) => Check::pass(
                    "backups",
                    Area::Setup,
                    "no copies yet: the journal has no payments",
                ),
                _ => Check::warn(
                    "backups",
                    Area::Setup,
                    format!(
                        "the journal has no copy in {}",
                        crate::journal::backup::folder(path).display()
                    ),
                    fix,
                ),
            }
        }
    }
}

fn ca_file(ctx: &Ctx) -> Option<Check> {
    let ca = ctx.settings.ca_file.as_ref()?;
    Some(match crate::api::tls::roots(Some(&ca.value)) {
        Ok(_) => Check::pass(
            "ca_file",
            Area::Setup,
            format!("{} ({})", ca.value.display(), ca.source),
        ),
        Err(e) => Check::fail(
            "ca_file",
            Area::Setup,
            e,
            "point ca_file at a PEM file with the root certificate",
        ),
    })
}

/// The way to the service, step by step; stops at the first step that fails.
fn service(ctx: &mut Ctx) -> Vec<Check> {
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

fn report(ctx: &Ctx, checks: &[Check]) {
    let ok = checks.iter().all(|c| c.ok);
    if ctx.ui.json {
        ctx.print_json(&json!({"ok": ok, "checks": checks}));
        return;
    }
    let (tick, cross) = crate::ui::marks(ctx.ui.unicode || !ctx.ui.stderr_tty);
    let width = crate::ui::stdout_columns();
    for c in checks {
        let mark = if c.warning {
            console::style(if tick == "OK" { "!!" } else { "!" })
                .yellow()
                .to_string()
        } else if c.ok {
            console::style(tick).green().to_string()
        } else {
            console::style(cross).red().to_string()
        };
        let ms = c.ms.map(|ms| format!(" ({ms} ms)")).unwrap_or_default();
        // Wrapped at words on a terminal, under the check's name.
        // The indents follow the head, whose mark is one column (✓) or two (OK).
        let head = format!("{mark} {} ", crate::render::pad(&name_of(c.name), 8));
        let under = " ".repeat(console::measure_text_width(&head));
        let mut lines = crate::text::hanging(&head, &under, &format!("{}{ms}", c.detail), width);
        if let Some(fix) = &c.fix {
            let fix_head = format!("{under}{} ", crate::t!("doctor-fix"));
            let fix_under = " ".repeat(console::measure_text_width(&fix_head));
            lines.extend(crate::text::hanging(&fix_head, &fix_under, fix, width));
        }
        for line in lines {
            println!("{line}");
        }
    }
    if ok && checks.iter().any(|c| c.warning) {
        println!("{}", crate::t!("doctor-ok-but"));
    } else if ok {
        println!("{}", crate::t!("doctor-ok"));
    }
}

/// A check's name as a person reads it (JSON keeps `name` as it is).
fn name_of(name: &str) -> String {
    let key = format!("doctor-{}", name.to_ascii_lowercase());
    let said = crate::i18n::message(&key, &[]);
    if said == key { name.to_string() } else { said }
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
