//! `konnect pay` against the sandbox, one test per outcome. Each checks the exit code, the JSON
//! document, the journal row, and through the sandbox's own record that exactly one commit was
//! sent per payment (none for dry runs, refusals and declines).

use crate::common;

use common::{Home, run, run_json};
use serde_json::Value;

const ACTIVE_PKG: &str = "1-13286-5-3";

fn pay(home: &Home, user: &str, package: &str, extra: &[&str]) -> (i32, Value, String) {
    run_json(home.sandbox(&common::pay_args(user, package, extra)))
}

/// The one journal row of a test and the commits the sandbox saw for it.
fn only_row(home: &Home) -> (String, String, String, Option<String>) {
    let rows = home.journal();
    assert_eq!(rows.len(), 1, "one journal row: {rows:?}");
    rows[0].clone()
}

#[test]
fn active_customer_pays_once_and_gets_a_receipt() {
    let home = Home::new();
    let (code, doc, err) = pay(&home, "active", ACTIVE_PKG, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["outcome"], "success");
    assert_eq!(doc["isp"], "izone");
    assert_eq!(doc["user"], "active");
    assert_eq!(doc["package"]["id"], ACTIVE_PKG);
    assert_eq!(doc["package"]["amount"], "5999.00");
    assert_eq!(doc["credits_consumed"], "5999.00");
    assert_eq!(doc["credits_available"], "94001.00");
    assert_eq!(doc["message"], "Successfully Completed Transaction");
    assert!(doc.get("error").is_none());
    let reference = doc["reference"].as_str().unwrap().to_string();
    assert!(reference.len() <= 50 && reference.chars().all(|c| c.is_ascii_alphanumeric()));
    let (r, outcome, amount, txn) = only_row(&home);
    assert_eq!(
        (r.as_str(), outcome.as_str(), amount.as_str()),
        (reference.as_str(), "success", "5999")
    );
    assert_eq!(txn.as_deref(), doc["transaction_id"].as_str());
    assert_eq!(home.commits(Some(&reference)), 1);
    assert_eq!(home.commits(None), 1);
    assert_eq!(home.state()["credits_available"], "94001.00");

    // The human receipt of a second customer.
    let (code, out, err) = run(home.sandbox(&common::order("expired", "1-4412-8-12", &["--yes"])));
    assert_eq!(code, 0, "{err}");
    for needle in [
        "PAYMENT RECEIPT",
        "koshish bortaula",
        "Rs. 18,500.00",
        "Txn id",
        "BS",
    ] {
        assert!(out.contains(needle), "{needle}: {out}");
    }
    assert!(
        !out.contains("75,501") && !out.contains("Credits"),
        "never the shop's float: {out}"
    );
    assert_eq!(home.commits(None), 2);
}

#[test]
fn amount_flag_must_match_and_unknown_packages_are_refused() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "active", ACTIVE_PKG, &["--amount", "5000"]);
    assert_eq!(code, 2);
    assert_eq!(doc["error"]["kind"], "usage");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not match")
    );
    let (code, doc, _) = pay(&home, "active", "no-such-package", &[]);
    assert_eq!(code, 2);
    assert!(
        doc["error"]["message"].as_str().unwrap().contains("1-13286-5-12"),
        "lists the packages"
    );
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
    let (code, doc, _) = pay(&home, "active", ACTIVE_PKG, &["--amount", "5,999.00"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(home.commits(None), 1);
}

#[test]
fn expired_and_due_customers_can_pay() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "expired", "1-4412-8-1", &[]);
    assert_eq!((code, doc["outcome"].as_str()), (0, Some("success")));
    let (code, doc, _) = pay(&home, "due", "1-13286-5-12", &[]);
    assert_eq!((code, doc["package"]["amount"].as_str()), (0, Some("15500.00")));
    assert_eq!(home.commits(None), 2);
    assert_eq!(home.journal().iter().filter(|r| r.1 == "success").count(), 2);
}

#[test]
fn new_customer_is_refused_before_any_commit() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "new", ACTIVE_PKG, &[]);
    assert_eq!(code, 3);
    assert_eq!(doc["error"]["code"], "4000");
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

#[test]
fn failed_state_means_nothing_charged() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "fail", ACTIVE_PKG, &[]);
    assert_eq!(code, 3);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["outcome"], "failed");
    assert_eq!(doc["error"]["kind"], "rejected");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Nothing was charged: give the customer's money back")
    );
    assert_eq!(only_row(&home).1, "failed");
    assert_eq!(home.commits(doc["reference"].as_str()), 1);
    assert_eq!(home.state()["credits_available"], "100000.00");
}

#[test]
fn insufficient_credits_is_looked_up_and_failed() {
    let home = Home::new();
    let mut c = home.sandbox(&common::pay_args("active", ACTIVE_PKG, &[]));
    c.env("KONNECT_SANDBOX_CREDITS", "100");
    let (code, doc, _) = run_json(c);
    assert_eq!(code, 3, "{doc}");
    assert_eq!(doc["outcome"], "failed");
    assert_eq!(doc["error"]["code"], "1016");
    assert!(
        doc["message"].as_str().unwrap().contains("enough credits"),
        "{doc}"
    );
    assert_eq!(only_row(&home).1, "failed");
    assert_eq!(home.commits(None), 1);
}

fn assert_pending(home: &Home, doc: &Value, code: i32) {
    assert_eq!(code, 4, "{doc}");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["outcome"], "pending");
    assert_eq!(doc["error"]["kind"], "pending");
    let reference = doc["reference"].as_str().unwrap();
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("Keep the customer's Rs. ")
            && message.contains("do NOT pay again")
            && message.contains(&format!("konnect status {reference}")),
        "{message}"
    );
    assert_eq!(only_row(home).1, "pending");
    assert_eq!(
        home.commits(Some(reference)),
        1,
        "exactly one commit, never retried"
    );
    assert_eq!(home.commits(None), 1);
}

#[test]
fn queued_is_pending() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "queued", ACTIVE_PKG, &[]);
    assert_pending(&home, &doc, code);
    assert_eq!(doc["message"], "Transaction queued");
    // Paying that customer again while it is pending: told it may go through, never told
    // how to force a second payment.
    let (code, again, _) = pay(&home, "queued", ACTIVE_PKG, &[]);
    assert_eq!(code, 7, "{again}");
    let message = again["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("is being paid") && message.contains("Do NOT pay again"),
        "{message}"
    );
    assert!(!message.contains("--allow-repeat"), "{message}");
    assert_eq!(home.commits(None), 1);
}

#[test]
fn slow_answer_is_pending_although_the_service_charged() {
    let home = Home::new();
    let mut c = home.sandbox(&common::pay_args("slow", ACTIVE_PKG, &[]));
    c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
    let (code, doc, _) = run_json(c);
    assert_pending(&home, &doc, code);
    let reference = doc["reference"].as_str().unwrap();
    assert_eq!(
        home.state()["txns"][reference]["state"],
        "Success",
        "the service did take it"
    );
}

#[test]
fn cut_connection_is_pending() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "cut", ACTIVE_PKG, &[]);
    assert_pending(&home, &doc, code);
}

#[test]
fn bad_gateway_is_pending() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "boom", ACTIVE_PKG, &[]);
    assert_pending(&home, &doc, code);
    assert!(doc["message"].as_str().unwrap().contains("HTTP 502"), "{doc}");
}

#[test]
fn repeat_guard_refuses_a_second_payment_without_allow_repeat() {
    let home = Home::new();
    assert_eq!(pay(&home, "active", ACTIVE_PKG, &[]).0, 0);
    let (code, doc, _) = pay(&home, "active", "1-13286-5-12", &[]);
    // Its own kind, code and exit: a script tells it from a mistyped flag, and finds the
    // earlier payment by its reference.
    assert_eq!(code, 7);
    assert_eq!(doc["error"]["kind"], "repeat", "{doc}");
    assert_eq!(doc["error"]["code"], "already_paid", "{doc}");
    assert_eq!(
        doc["error"]["earlier_reference"],
        home.journal()[0].0.as_str(),
        "{doc}"
    );
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--allow-repeat")
    );
    assert_eq!(home.commits(None), 1, "nothing sent for the refused repeat");
    // A pending payment guards as well.
    assert_eq!(pay(&home, "queued", ACTIVE_PKG, &[]).0, 4);
    assert_eq!(pay(&home, "queued", ACTIVE_PKG, &[]).0, 7);
    assert_eq!(home.commits(None), 2);
    let (code, _, _) = pay(&home, "active", "1-13286-5-12", &["--allow-repeat"]);
    assert_eq!(code, 0);
    assert_eq!(home.commits(None), 3);
}

#[test]
fn dry_run_sends_nothing_and_masks_the_token() {
    let home = Home::new();
    let (code, doc, err) = run_json(
        home.sandbox(
            &[
                &["--json"][..],
                &common::order("active", ACTIVE_PKG, &["--dry-run"]),
            ]
            .concat(),
        ),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["dry_run"], true);
    let body = &doc["request"]["body"];
    assert_eq!(body["package_id"], ACTIVE_PKG);
    assert_eq!(body["amount"], 5999);
    assert_eq!(body["session_id"], 179);
    assert!(body["token"].as_str().unwrap().starts_with("TEST:****"));
    assert!(
        !doc.to_string().contains("sandbox-not-a-real-token") && !err.contains("sandbox-not-a-real-token")
    );
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
    let (code, out, _) = run(home.sandbox(&common::order("active", ACTIVE_PKG, &["--dry-run"])));
    assert_eq!(code, 0);
    assert!(
        out.contains("nothing was sent") && out.contains("/api/servicegroup/commit/konnect/"),
        "{out}"
    );
}

#[test]
fn without_a_terminal_yes_is_required() {
    let home = Home::new();
    let (code, _, err) = run(home.sandbox(&common::order("active", ACTIVE_PKG, &[])));
    assert_eq!(code, 2);
    assert!(err.contains("--yes"), "{err}");
    let (code, _, err) = run(home.sandbox(&["pay", "--isp", "izone", "--user", "active", "--yes"]));
    assert_eq!(code, 2);
    assert!(err.contains("missing --package"), "{err}");
    assert_eq!(home.commits(None), 0);
}

#[test]
fn a_commit_that_never_left_is_safe_to_retry() {
    use std::io::{BufRead, BufReader, Read, Write};
    // A one-shot server: answers the details call, closes, and stops listening, so the
    // commit's connection is refused and provably nothing left the machine.
    let listener = common::listener_on_a_quiet_port();
    let addr = listener.local_addr().unwrap();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        // Stop listening before answering: a commit sent after the answer is then refused for
        // certain, never left in the backlog to be reset.
        drop(listener);
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = include_str!("../../src/sandbox/fixtures/active.json");
        let mut out = stream;
        write!(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}", answer.len()).unwrap();
        let _ = done.send(());
    });
    let home = Home::new();
    let mut c = home.cmd();
    c.env("KONNECT_TOKEN", "TEST:abcdefghijklmnop").args([
        "--base-url",
        &format!("http://{addr}"),
        "--journal",
        home.path().join("j.sqlite3").to_str().unwrap(),
        "--json",
        "pay",
        "--isp",
        "izone",
        "--user",
        "active",
        "--package",
        ACTIVE_PKG,
        "--yes",
    ]);
    let (code, doc, _) = run_json(c);
    finished
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the one-shot server answered the lookup");
    assert_eq!(code, 5, "{doc}");
    assert_eq!(doc["error"]["kind"], "network");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was sent")
    );
    let conn = rusqlite::Connection::open(home.path().join("j.sqlite3")).unwrap();
    let outcome: String = conn
        .query_row("SELECT outcome FROM payments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(outcome, "failed");
}

/// Starts `konnect --sandbox pay` for the slow user and waits until its commit has arrived.
fn pay_in_flight(home: &Home) -> std::process::Child {
    let mut c = common::std_cmd(home);
    c.env("KONNECT_SANDBOX_SLOW_SECS", "30")
        .arg("--sandbox")
        .args(common::pay_args("slow", ACTIVE_PKG, &[]))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = common::started(|| c.spawn());
    // Generous: under Wine, on two busy cores, a process can take many seconds to start.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while home.commits(None) == 0 {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            panic!(
                "pay ended ({status}) before its commit arrived: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(std::time::Instant::now() < deadline, "the commit never arrived");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child
}

#[test]
fn a_killed_payment_stays_pending_and_is_reported() {
    let home = Home::new();
    let mut child = pay_in_flight(&home);
    // SIGKILL between write-ahead and settle: no handler runs.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(only_row(&home).1, "sending");
    let (code, out, err) = run(home.sandbox(&common::order("active", ACTIVE_PKG, &["--dry-run"])));
    assert_eq!(code, 0, "{out}");
    assert!(
        err.contains("1 payment(s) are not settled") && err.contains("konnect reconcile"),
        "{err}"
    );
    // And it guards the customer against a second payment.
    let (code, doc, _) = pay(&home, "slow", ACTIVE_PKG, &[]);
    assert_eq!(code, 7, "{doc}");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not settled yet"),
        "{doc}"
    );
}

#[cfg(unix)]
#[test]
fn an_interrupt_during_the_commit_leaves_it_pending() {
    // Ctrl-C, a terminal closing (SIGHUP) and a service manager stopping it (SIGTERM) alike.
    for (name, signal) in [
        ("SIGINT", libc::SIGINT),
        ("SIGTERM", libc::SIGTERM),
        ("SIGHUP", libc::SIGHUP),
    ] {
        let home = Home::new();
        let child = pay_in_flight(&home);
        // SAFETY: sending a signal to a child process we spawned and still own.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(4),
            "{name}: pending, not 'cancelled': {stderr}"
        );
        assert!(
            stderr.contains("PENDING")
                && stderr.contains("Do NOT pay again")
                && !stderr.contains("nothing was sent"),
            "{name}: {stderr}"
        );
        let (reference, outcome, ..) = only_row(&home);
        assert_eq!(
            outcome, "sending",
            "{name}: the row stays unsettled, counted as pending"
        );
        assert!(
            stderr.contains(&format!("konnect status {reference}")),
            "{name}: {stderr}"
        );
        // --json still gets its one document: the pending payment.
        let doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: one JSON document ({e}): {:?}", out.stdout));
        assert_eq!(
            (
                doc["outcome"].as_str(),
                doc["reference"].as_str(),
                doc["error"]["kind"].as_str()
            ),
            (Some("pending"), Some(reference.as_str()), Some("pending")),
            "{name}: {doc}"
        );
        assert_eq!(home.commits(None), 1, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn an_interrupt_before_anything_was_sent_is_a_cancellation_with_its_json_document() {
    let home = Home::new();
    let mut c = common::std_cmd(&home);
    c.arg("--sandbox")
        .args(common::pay_args("dribble", ACTIVE_PKG, &[]))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = common::started(|| c.spawn());
    // The details answer is on its way, one byte a second: nothing has been paid.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while home.state()["sessions"].as_object().is_none_or(|s| s.is_empty()) {
        assert!(std::time::Instant::now() < deadline, "the lookup never arrived");
        std::thread::yield_now();
    }
    // SAFETY: sending a signal to a child process we spawned and still own.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("nothing was sent"), "{stderr}");
    assert!(
        !stderr.contains("\u{1b}[?25h"),
        "no cursor codes when stderr is not a terminal"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["error"]["kind"], "cancelled");
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

/// A server of ours whose commit answers HTTP 400 although the simulator took the payment,
/// so that the look-up after the refusal finds it.
fn refusing_after_taking(home: &Home, user: &str, still_queued: bool) -> (i32, Value) {
    let (server, _) = common::altered(move |r, sim| match r.path.as_str() {
        konnect::api::COMMIT_PATH => {
            let _ = sim.handle(r);
            let refusal =
                serde_json::json!({"status": false, "error_code": "1017", "details": "Server error."});
            Some(konnect::sandbox::Reply::json(400, &refusal))
        }
        konnect::api::STATUS_PATH if still_queued => {
            let queued = serde_json::json!({"status": true, "state": "Queued", "reference": r.param("reference"), "response_id": 1});
            Some(konnect::sandbox::Reply::json(200, &queued))
        }
        _ => None,
    });
    let journal = home.path().join("j.sqlite3");
    let (code, doc, _) = common::pay_at(home, &server.base_url(), &journal, user, &[]);
    (code, doc)
}

#[test]
fn a_refusal_whose_look_up_finds_the_payment_follows_the_look_up() {
    let (code, doc) = refusing_after_taking(&Home::new(), "active", false);
    assert_eq!((code, doc["outcome"].as_str()), (0, Some("success")), "{doc}");
    let (code, doc) = refusing_after_taking(&Home::new(), "queued", true);
    assert_eq!((code, doc["outcome"].as_str()), (4, Some("pending")), "{doc}");
}

#[test]
fn a_commit_answered_404_failed_and_one_answered_with_an_unreadable_200_is_pending() {
    for (status, body, code, outcome) in [
        (404, "<h1>Not Found</h1>", 3, "failed"),
        (200, "{\"state\": \"Succ", 4, "pending"),
    ] {
        let home = Home::new();
        let (server, _) = common::altered(move |r, _| {
            (r.path == konnect::api::COMMIT_PATH).then(|| konnect::sandbox::Reply::Full {
                status,
                content_type: "application/json",
                body: body.as_bytes().to_vec(),
            })
        });
        let journal = home.path().join("j.sqlite3");
        let (got, doc, _) = common::pay_at(&home, &server.base_url(), &journal, "active", &[]);
        assert_eq!(
            (got, doc["outcome"].as_str()),
            (code, Some(outcome)),
            "HTTP {status}: {doc}"
        );
    }
}

/// A sandbox journal that refuses one kind of write, as a full disk or a locked file would.
fn journal_refusing(home: &Home, statement: &str) {
    let (code, _, err) = run(home.sandbox(&["history"]));
    assert_eq!(code, 0, "{err}");
    let conn = rusqlite::Connection::open(home.journal_path()).unwrap();
    conn.execute_batch(&format!(
        "CREATE TRIGGER refuse BEFORE {statement} ON payments BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;"
    ))
    .unwrap();
}

#[test]
fn a_write_ahead_that_fails_sends_nothing() {
    let home = Home::new();
    journal_refusing(&home, "INSERT");
    let (code, doc, _) = pay(&home, "active", ACTIVE_PKG, &[]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["error"]["kind"], "internal");
    assert_eq!(home.commits(None), 0, "no row, no commit");
}

#[test]
fn a_settle_that_fails_warns_and_keeps_the_outcome() {
    let home = Home::new();
    journal_refusing(&home, "UPDATE");
    let (code, doc, err) = pay(&home, "active", ACTIVE_PKG, &[]);
    assert_eq!((code, doc["outcome"].as_str()), (0, Some("success")), "{doc}");
    assert!(
        err.contains("stays unsettled in the journal") && err.contains("konnect reconcile"),
        "{err}"
    );
    assert_eq!(only_row(&home).1, "sending", "unsettled, for reconcile to settle");
    assert_eq!(home.commits(None), 1);
}

#[test]
fn a_balance_below_the_amount_is_warned_about_before_paying() {
    let home = Home::new();
    let mut balance = home.sandbox(&["balance"]);
    balance.env("KONNECT_SANDBOX_CREDITS", "100");
    assert_eq!(run(balance).0, 0);
    let mut c = home.sandbox(&common::order("active", ACTIVE_PKG, &["--dry-run"]));
    c.env("KONNECT_SANDBOX_CREDITS", "100");
    let (code, _, err) = run(c);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the last known balance Rs. 100.00 is below the package's amount Rs. 5,999.00"),
        "{err}"
    );
}
