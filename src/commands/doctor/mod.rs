//! `konnect doctor`: what a shop's IT person checks when konnect will not work at a counter,
//! each as one line with what was found and, when it fails, the fix. Read-only: the only
//! call to the service is the balance.

mod reach;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::json;

use crate::context::Ctx;
use crate::failure::Kind;
use crate::journal::Journal;

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
        checks.extend(reach::service(ctx));
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
