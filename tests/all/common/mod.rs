//! Shared test harness: an isolated home for each test, the binary, and readers for the
//! sandbox's own record and the journal (read with SQL, not through konnect's code).
#![allow(dead_code)]

pub mod pg;
mod scratch;
#[cfg(unix)]
pub mod terminal;

pub use scratch::scratch;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::Command;
use konnect::sandbox::{Options, Reply, Request, Server, Simulator};
use serde_json::Value;

pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: scratch("konnect-home"),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// konnect with this home, no inherited KONNECT_*, XDG_* or proxy settings, fast sandbox
    /// faults, no colour.
    pub fn cmd(&self) -> Command {
        let mut c = Command::from_std(std_cmd(self));
        c.env("KONNECT_SANDBOX_SLOW_SECS", "3")
            .env("KONNECT_SANDBOX_SETTLE_SECS", "0")
            .timeout(std::time::Duration::from_secs(60));
        c
    }

    /// `konnect --sandbox <args>`.
    pub fn sandbox(&self, args: &[&str]) -> Command {
        let mut c = self.cmd();
        c.arg("--sandbox").args(args);
        c
    }

    pub fn state_path(&self) -> PathBuf {
        self.path().join("data/konnect/sandbox/state.json")
    }

    pub fn journal_path(&self) -> PathBuf {
        self.path().join("data/konnect/sandbox/journal.sqlite3")
    }

    /// The sandbox's state file: credits, transactions, and every commit it received.
    pub fn state(&self) -> Value {
        let text = std::fs::read_to_string(self.state_path()).unwrap_or_else(|_| "{}".into());
        serde_json::from_str(&text).expect("state is JSON")
    }

    /// How many commit requests the sandbox received, in all or for one reference.
    pub fn commits(&self, reference: Option<&str>) -> usize {
        let state = self.state();
        let list = state["commits"].as_array().cloned().unwrap_or_default();
        list.iter()
            .filter(|c| reference.is_none_or(|r| c["reference"] == r))
            .count()
    }

    /// Adds `n` settled TEST payments of customer `old`, from long ago (1970), in one
    /// transaction: a journal with a history, written with SQL, not through konnect.
    pub fn add_old_payments(&self, n: i64) {
        let conn = rusqlite::Connection::open(self.journal_path()).expect("open journal");
        conn.execute_batch("BEGIN").expect("begin");
        for i in 0..n {
            conn.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer, package_id, amount, outcome) \
                 VALUES (?1, ?2, 'TEST', 'izone', 'old', 'old', 'p', '100', 'success')",
                rusqlite::params![format!("{i:032x}"), 1_000_000 + i],
            )
            .expect("insert");
        }
        conn.execute_batch("COMMIT").expect("commit");
    }

    /// Journal rows as (reference, outcome, amount, transaction_id), newest last.
    pub fn journal(&self) -> Vec<(String, String, String, Option<String>)> {
        let path = self.journal_path();
        if !path.exists() {
            return Vec::new();
        }
        let conn = rusqlite::Connection::open(path).expect("open journal");
        let mut stmt = conn
            .prepare("SELECT reference, outcome, amount, transaction_id FROM payments ORDER BY created_ms, reference")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    }
}

/// `pay --isp izone --user USER --package PACKAGE EXTRA…`: a payment as a person types it.
pub fn order<'a>(user: &'a str, package: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["pay", "--isp", "izone", "--user", user, "--package", package];
    args.extend_from_slice(extra);
    args
}

/// `--json pay --isp izone --user USER --package PACKAGE --yes EXTRA…`: a scripted payment.
pub fn pay_args<'a>(user: &'a str, package: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--json"];
    args.extend(order(user, package, &["--yes"]));
    args.extend_from_slice(extra);
    args
}

/// What a `reconcile --json` document says a payment became.
pub fn reconciled(doc: &Value, reference: &str) -> Value {
    let changes = doc["changes"].as_array().expect("changes");
    let change = changes.iter().find(|c| c["reference"] == reference);
    change.unwrap_or_else(|| panic!("no change for {reference}: {doc}"))["after"].clone()
}

/// Variables of the test's own environment that must not reach konnect: its settings,
/// XDG folders, and proxies (every test stays on loopback).
pub fn inherited() -> Vec<String> {
    std::env::vars()
        .map(|(k, _)| k)
        .filter(|k| {
            k.starts_with("KONNECT_")
                || k.starts_with("XDG_")
                || k.to_ascii_lowercase().ends_with("_proxy")
                // A tester's Nepali locale would make every test read Nepali.
                || ["LANG", "LC_ALL", "LC_MESSAGES"].contains(&k.as_str())
        })
        .collect()
}

/// A plain `std::process::Command` for konnect, isolated like [`Home::cmd`].
pub fn std_cmd(home: &Home) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("konnect"));
    for k in inherited() {
        c.env_remove(k);
    }
    // The same folders on every platform: XDG's on Linux, and named outright for Windows,
    // whose known folders no environment variable moves.
    c.env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("KONNECT_DATA_DIR", home.path().join("data").join("konnect"))
        .env(
            "KONNECT_CONFIG",
            home.path().join("config").join("konnect").join("config.toml"),
        )
        .env("NO_COLOR", "1");
    c
}

/// Starts a process through `start` (a command's `spawn` or `output`), trying again when
/// Wine refuses the start itself. Wine 8, where CI runs the Windows suite, now and then fails
/// a CreateProcess with ERROR_INTERNAL_ERROR (1359): the new process died while Wine set it
/// up, before konnect's `main` ran (CI failed on it in two of its Windows runs, one test in
/// ~120 each time). A real Windows does not; every other error, and whatever the process
/// does once started, stays the test's.
pub fn started<T>(mut start: impl FnMut() -> std::io::Result<T>) -> T {
    const WINE_REFUSED_THE_START: i32 = 1359;
    for _ in 0..2 {
        match start() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(WINE_REFUSED_THE_START) => {
                eprintln!("the process did not start ({e}): starting it again");
                std::thread::sleep(Duration::from_millis(200));
            }
            other => return other.expect("start a process"),
        }
    }
    start().expect("start a process")
}

/// Runs a command and returns (exit code, stdout, stderr); fails the test on a panic (101).
pub fn run(mut c: Command) -> (i32, String, String) {
    let out = started(|| c.output());
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(code, 101, "konnect panicked:\n{stderr}");
    assert!(!stderr.contains("panicked"), "konnect panicked:\n{stderr}");
    (code, stdout, stderr)
}

/// Runs a `--json` command: stdout must be exactly one JSON document.
pub fn run_json(c: Command) -> (i32, Value, String) {
    let (code, stdout, stderr) = run(c);
    let doc: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{stdout}\nstderr:\n{stderr}"));
    assert_eq!(
        stdout.trim().lines().count(),
        1,
        "one document on one line:\n{stdout}"
    );
    (code, doc, stderr)
}

/// `konnect sandbox` in its own process, killed when dropped.
pub struct SandboxProcess {
    child: std::process::Child,
    pub base_url: String,
    pub token: String,
}

impl SandboxProcess {
    pub fn start(home: &Home, state: Option<&std::path::Path>) -> SandboxProcess {
        SandboxProcess::start_with(home, state, &[])
    }

    /// As [`SandboxProcess::start`], with extra environment (`KONNECT_SANDBOX_*` options).
    pub fn start_with(home: &Home, state: Option<&std::path::Path>, env: &[(&str, &str)]) -> SandboxProcess {
        use std::io::BufRead;
        let mut cmd = std_cmd(home);
        cmd.env("KONNECT_SANDBOX_SLOW_SECS", "3")
            .env("KONNECT_SANDBOX_SETTLE_SECS", "0")
            .envs(env.iter().copied())
            .args(["sandbox", "--addr", "127.0.0.1:0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        if let Some(s) = state {
            cmd.arg("--state").arg(s);
        }
        let mut child = started(|| cmd.spawn());
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let mut next = |prefix: &str| {
            let line = lines.next().expect("a line").expect("readable");
            line.strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{prefix}: {line}"))
                .to_string()
        };
        let base_url = next("KONNECT_BASE_URL=");
        let token = next("KONNECT_TOKEN=");
        SandboxProcess {
            child,
            base_url,
            token,
        }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A gate a server's handler waits at until the test opens it (or 30 s pass): a request
/// stays in flight exactly as long as the test needs, with no sleeps.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    pub fn wait(&self) {
        let (open, opened) = &*self.0;
        let guard = open.lock().unwrap();
        let _ = opened
            .wait_timeout_while(guard, Duration::from_secs(30), |o| !*o)
            .unwrap();
    }

    pub fn open(&self) {
        *self.0.0.lock().unwrap() = true;
        self.0.1.notify_all();
    }
}

/// Waits until `paths` (from [`altered`]) holds `path`: a request has reached the server.
pub fn wait_for_request(paths: &Mutex<Vec<String>>, path: &str) {
    let started = std::time::Instant::now();
    while !paths.lock().unwrap().iter().any(|p| p == path) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{path} never arrived"
        );
        std::thread::yield_now();
    }
}

/// `KONNECT_TIMEOUT_MS` for an answer that is meant never to come in time: short, so that
/// the suite does not wait; longer under Wine, where a busy machine can take that long to
/// answer what does come.
pub const NEVER_IN_TIME_MS: &str = if cfg!(windows) { "2000" } else { "400" };

/// A listener on a port that no `bind(…:0)` hands out: below the ephemeral ports of Linux
/// (32768-60999) and Windows (49152-65535). Once a test drops it, no other server of the
/// suite can come to listen there, so connecting to it is refused for certain.
pub fn listener_on_a_quiet_port() -> std::net::TcpListener {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let start = std::process::id() as usize;
    (0..10_000)
        .map(|i| 20_000 + (start + NEXT.fetch_add(1, Ordering::SeqCst) + i) % 10_000)
        .find_map(|port| std::net::TcpListener::bind(("127.0.0.1", port as u16)).ok())
        .expect("a free port between 20000 and 30000")
}

/// An address on loopback where nothing listens, nor will while the tests run.
pub fn closed_address() -> std::net::SocketAddr {
    listener_on_a_quiet_port().local_addr().unwrap()
}

/// The token tests send to servers of their own.
pub const TOKEN: &str = "TEST:a-token-for-altered-servers";

/// A server that is the simulator, except where `alter` answers instead.
pub fn altered(
    alter: impl Fn(&Request, &Simulator) -> Option<Reply> + Send + Sync + 'static,
) -> (Server, Arc<Mutex<Vec<String>>>) {
    let sim = Simulator::new(Options {
        settle: Duration::ZERO,
        ..Options::default()
    });
    let paths = Arc::new(Mutex::new(Vec::new()));
    let seen = paths.clone();
    let server = Server::spawn(
        "127.0.0.1:0",
        Arc::new(move |r: &Request| {
            seen.lock().unwrap().push(r.path.clone());
            alter(r, &sim).unwrap_or_else(|| sim.handle(r))
        }),
    )
    .unwrap();
    (server, paths)
}

/// How many commit requests a sandbox with its state in `state` received.
pub fn commits_in(state: &Path) -> usize {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(state).unwrap()).unwrap();
    v["commits"].as_array().map_or(0, Vec::len)
}

/// konnect against a server of ours with a journal of the test's.
pub fn against(
    home: &Home,
    base_url: &str,
    token: &str,
    journal: &Path,
    args: &[&str],
) -> std::process::Command {
    let mut c = std_cmd(home);
    c.env("KONNECT_TOKEN", token)
        .args(["--base-url", base_url, "--journal", journal.to_str().unwrap()])
        .args(args)
        .stdin(std::process::Stdio::null());
    c
}

/// Runs a command: (exit code, stdout, stderr); fails the test on a panic.
pub fn output(mut c: std::process::Command) -> (i32, String, String) {
    let out = started(|| c.output());
    let code = out.status.code().unwrap_or(-1);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(code != 101 && !stderr.contains("panicked"), "{stderr}");
    (code, stdout, stderr)
}

/// Starts every command before waiting for any, as cashiers at several counters would:
/// (exit code, stdout, stderr) of each, in order.
pub fn all_at_once(commands: impl IntoIterator<Item = std::process::Command>) -> Vec<(i32, String, String)> {
    let children: Vec<_> = commands
        .into_iter()
        .map(|mut c| {
            c.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            started(|| c.spawn())
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

/// A scripted payment against a server of ours: (exit code, the JSON document, stderr).
pub fn pay_at(
    home: &Home,
    base_url: &str,
    journal: &Path,
    user: &str,
    extra: &[&str],
) -> (i32, Value, String) {
    let (code, out, err) = output(against(
        home,
        base_url,
        TOKEN,
        journal,
        &pay_args(user, "1-13286-5-3", extra),
    ));
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("one JSON document ({e}): {out}{err}"));
    (code, doc, err)
}
