//! A journal write that stalls before the commit leaves (a slow disk, a suspended laptop, a LAN
//! outage while PostgreSQL holds the COMMIT): the payment stays pending until the service knows
//! it, and nobody is told that nothing was charged. The stall is real: a delayed fsync (strace)
//! on SQLite, a proxy that holds the COMMIT on PostgreSQL.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::{self, Home, SandboxProcess, against, commits_in, output, pg};

const PKG: &str = "1-13286-5-3";
/// Longer than the journal's allowance for a write (1 s) and than the commit's time-out plus the
/// grace would have been from the row's first stamp.
const STALL: Duration = Duration::from_millis(1200);

/// Pays `late` (charged, the answer cut, known to look-ups only 0.8 s later) with the journal's
/// write-ahead stalled by `pay`'s wrapping; then looks it up until the service knows it.
fn a_stalled_write_stays_pending_until_the_service_knows(
    home: &Home,
    journal: &Path,
    stalled: impl FnOnce(Command) -> Command,
) {
    let state = home.path().join("state.json");
    let server = SandboxProcess::start_with(home, Some(&state), &[("KONNECT_SANDBOX_LATE_SECS", "0.8")]);
    let konnect = |args: &[&str]| {
        let mut c = against(home, &server.base_url, &server.token, journal, args);
        c.env("KONNECT_TIMEOUT_MS", "300");
        c
    };
    // The service records a payment within the grace (1 s > 0.8 s). Counted from the row's
    // first stamp (time-out 0.3 s), the grace would have run out 0.7 s before the service knew
    // the payment: the commit left only after the stall.
    let (code, _, err) = output(konnect(&["config", "set", "lookup_grace_secs", "1"]));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = output(stalled(konnect(&common::pay_args("late", PKG, &[]))));
    assert_eq!(code, 4, "charged, answer cut: pending\n{out}{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reference = doc["reference"].as_str().unwrap().to_string();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut pending_seen = 0;
    let (code, out, err) = loop {
        let (code, out, err) = output(konnect(&["status", &reference]));
        assert!(
            !err.contains("give it back") && !out.contains("nothing was charged"),
            "told to give back a charged payment:\n{out}{err}"
        );
        if code != 4 || Instant::now() > deadline {
            break (code, out, err);
        }
        pending_seen += 1;
    };
    assert_eq!(code, 0, "settled as the success it was:\n{out}{err}");
    assert!(
        pending_seen > 0,
        "the first look-up came after the service knew it"
    );
    let (code, out, _) = output(konnect(&["--json", "history"]));
    assert_eq!(code, 0);
    let history: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(history["payments"][0]["outcome"], "success", "{history}");
    assert_eq!(commits_in(&state), 1);
}

/// Whether strace runs here; CI must have it (its fault injection is the stalled disk).
#[cfg(target_os = "linux")]
fn strace_at_hand() -> bool {
    let ok = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "strace is required in CI");
        eprintln!("skipped the stalled-fsync test: no strace");
    }
    ok
}

/// The same command run under strace, its first fsync (the write-ahead row's COMMIT) held.
#[cfg(target_os = "linux")]
fn with_first_fsync_delayed(c: Command, by: Duration) -> Command {
    let mut s = Command::new("strace");
    s.args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e"])
        .arg(format!("inject=fsync:delay_enter={}:when=1", by.as_micros()))
        .arg(c.get_program())
        .args(c.get_args());
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => s.env(k, v),
            None => s.env_remove(k),
        };
    }
    s.stdin(std::process::Stdio::null());
    s
}

#[cfg(target_os = "linux")]
#[test]
fn a_stalled_fsync_before_the_commit_never_turns_a_charged_payment_into_a_refund() {
    if !strace_at_hand() {
        return;
    }
    let home = Home::new();
    let journal = home.path().join("j.sqlite3");
    // An existing journal, as at a counter that has paid before.
    let (code, _, err) = output(against(
        &home,
        "http://127.0.0.1:9",
        "TEST:x",
        &journal,
        &["history"],
    ));
    assert_eq!(code, 0, "{err}");
    a_stalled_write_stays_pending_until_the_service_knows(&home, &journal, |c| {
        with_first_fsync_delayed(c, STALL)
    });
}

/// A TCP proxy to PostgreSQL that holds each connection's first COMMIT after an INSERT INTO
/// payments (a write-ahead row) for `hold`, as a LAN outage would, until released.
struct CommitHold {
    port: u16,
    held: Arc<AtomicUsize>,
    released: Arc<AtomicBool>,
}

impl Drop for CommitHold {
    fn drop(&mut self) {
        self.released.store(true, Ordering::SeqCst);
    }
}

impl CommitHold {
    fn start(upstream: u16, hold: Duration) -> CommitHold {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let held = Arc::new(AtomicUsize::new(0));
        let released = Arc::new(AtomicBool::new(false));
        let (h, r) = (held.clone(), released.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let (mut from_server, mut to_client) =
                    (server.try_clone().unwrap(), client.try_clone().unwrap());
                std::thread::spawn(move || std::io::copy(&mut from_server, &mut to_client));
                let (h, r) = (h.clone(), r.clone());
                std::thread::spawn(move || forward_holding(client, server, hold, &h, &r));
            }
        });
        CommitHold { port, held, released }
    }

    fn release(&self) {
        self.released.store(true, Ordering::SeqCst);
    }
}

fn forward_holding(
    mut client: TcpStream,
    mut server: TcpStream,
    hold: Duration,
    held: &AtomicUsize,
    released: &AtomicBool,
) {
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    let mut buf = [0u8; 65536];
    let mut tail: Vec<u8> = Vec::new();
    let mut wrote_ahead = false;
    loop {
        let n = match client.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let mut seen = std::mem::take(&mut tail);
        seen.extend_from_slice(&buf[..n]);
        wrote_ahead |= contains(&seen, b"INSERT INTO payments");
        if wrote_ahead && contains(&seen, b"COMMIT\0") {
            wrote_ahead = false;
            held.fetch_add(1, Ordering::SeqCst);
            let until = Instant::now() + hold;
            while Instant::now() < until && !released.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        tail = seen[seen.len().saturating_sub(32)..].to_vec();
        if server.write_all(&buf[..n]).is_err() {
            return;
        }
    }
}

/// The journal's URL with its port moved to the proxy's.
fn through(url: &str, port: u16) -> String {
    let (head, rest) = url.rsplit_once(':').unwrap();
    let (_, db) = rest.split_once('/').unwrap();
    format!("{head}:{port}/{db}")
}

fn port_of(url: &str) -> u16 {
    let (_, rest) = url.rsplit_once(':').unwrap();
    rest.split_once('/').unwrap().0.parse().unwrap()
}

#[test]
fn a_commit_held_by_the_network_never_turns_a_charged_payment_into_a_refund() {
    let Some(url) = pg::database("stalled_commit") else {
        return;
    };
    let home = Home::new();
    let proxy = CommitHold::start(port_of(&url), STALL);
    let journal = through(&url, proxy.port);
    a_stalled_write_stays_pending_until_the_service_knows(&home, Path::new(&journal), |c| c);
    assert_eq!(
        proxy.held.load(Ordering::SeqCst),
        1,
        "the write-ahead's COMMIT was held"
    );
}

#[test]
fn a_journal_that_stops_answering_fails_the_payment_with_nothing_sent() {
    let Some(url) = pg::database("dead_journal") else {
        return;
    };
    let home = Home::new();
    let state = home.path().join("state.json");
    let server = SandboxProcess::start_with(&home, Some(&state), &[]);
    // Held far longer than anyone waits: a network gone quiet under the COMMIT.
    let proxy = CommitHold::start(port_of(&url), Duration::from_secs(60));
    let journal = through(&url, proxy.port);
    let konnect = |args: &[&str]| against(&home, &server.base_url, &server.token, Path::new(&journal), args);
    let mut pay = konnect(&common::pay_args("active", PKG, &[]));
    pay.env("KONNECT_JOURNAL_TIMEOUT_MS", "700");
    let (code, out, err) = output(pay);
    assert_eq!(code, 5, "a stalled journal, like a stalled network: {out}{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("did not answer within 0.7 s")
            && message.contains("nothing was sent, it is safe to try again")
            && message.contains("being paid")
            && message.contains("run `konnect reconcile` after"),
        "{message}"
    );
    assert!(err.lines().count() <= 2, "one clear line: {err}");
    assert_eq!(commits_in(&state), 0, "nothing was sent");
    // The network comes back and the held COMMIT lands after all: the row it writes was never
    // sent, and is settled failed once its due time and the grace are over.
    proxy.release();
    let mut db = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while db.query("SELECT 1 FROM payments", &[]).unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the held COMMIT never landed");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Trying again, as the message said: the late row holds the customer as being paid.
    let (code, out, err) = output(konnect(&common::pay_args("active", PKG, &[])));
    assert_eq!(code, 7, "{out}{err}");
    assert!(
        out.contains("is being paid") && out.contains("Do NOT pay again"),
        "{out}"
    );
    assert_eq!(commits_in(&state), 0, "nothing was sent");
    db.execute("UPDATE payments SET answer_due_ms = answer_due_ms - 60000", &[])
        .unwrap();
    let (code, _, err) = output(konnect(&["config", "set", "lookup_grace_secs", "0"]));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = output(konnect(&["--json", "reconcile"]));
    assert_eq!(code, 0, "{out}{err}");
    let row = db.query_one("SELECT outcome FROM payments", &[]).unwrap();
    assert_eq!(row.get::<_, String>(0), "failed");
    assert_eq!(commits_in(&state), 0);
}

/// A reader that saw the write-ahead's first stamp and then the sender stamp it again: the
/// verdict it reached by the first stamp is void, because the commit may have left since.
#[test]
fn a_look_up_judged_by_a_stamp_the_sender_moved_since_decides_nothing() {
    use konnect::api::{BULK_STATUS_PATH, COMMIT_PATH, STATUS_PATH};
    let home = Home::new();
    let journal = home.path().join("j.sqlite3");
    let gate = common::Gate::default();
    let held = gate.clone();
    let at = journal.clone();
    let (server, paths) = common::altered(move |r, _| {
        if r.path == COMMIT_PATH {
            held.wait();
        }
        if r.path == STATUS_PATH || r.path == BULK_STATUS_PATH {
            // While the reader's look-up is out, the sender's second stamp lands: the row is
            // now due in a minute, and the commit is (still) on its way.
            let in_a_minute = konnect::clock::now_ms() + 60_000;
            set_due(&at, in_a_minute);
        }
        None
    });
    let base = server.base_url();
    let konnect = |args: &[&str]| output(against(&home, &base, common::TOKEN, &journal, args));
    assert_eq!(konnect(&["config", "set", "lookup_grace_secs", "0"]).0, 0);
    let mut paying = against(
        &home,
        &base,
        common::TOKEN,
        &journal,
        &common::pay_args("active", PKG, &[]),
    );
    paying
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    let paying = common::started(|| paying.spawn());
    common::wait_for_request(&paths, COMMIT_PATH);
    // The first stamp, as a reader finds it after a long stall: long past, grace and all.
    set_due(&journal, konnect::clock::now_ms() - 60_000);
    let reference = only_row(&journal).0;
    let (code, out, err) = konnect(&["status", &reference]);
    assert_eq!(code, 4, "judged by a moved stamp, still pending:\n{out}{err}");
    assert!(
        out.contains("not yet known") && !out.contains("nothing was charged"),
        "{out}{err}"
    );
    assert_eq!(
        only_row(&journal).1,
        "pending",
        "unsettled, as the look-up left it"
    );
    set_due(&journal, konnect::clock::now_ms() - 60_000);
    let (code, _, err) = konnect(&["reconcile"]);
    assert_eq!(code, 4, "reconcile judges the same way: {err}");
    assert_eq!(only_row(&journal).1, "pending");
    gate.open();
    let out = paying.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(only_row(&journal).1, "success");
}

fn set_due(journal: &Path, due_ms: i64) {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    let n = conn
        .execute("UPDATE payments SET answer_due_ms = ?1", [due_ms])
        .unwrap();
    assert_eq!(n, 1);
}

fn only_row(journal: &Path) -> (String, String) {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.query_row("SELECT reference, outcome FROM payments", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .unwrap()
}
