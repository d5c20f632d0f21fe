//! A payment is made once, and never refunded by mistake: the guard by customer and across
//! processes, the grace period before "unknown reference" means anything, TEST and LIVE apart,
//! final rows that stay final, and answers that are redirected or contradict themselves.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use common::{
    Gate, Home, SandboxProcess, TOKEN, against, all_at_once, altered, commits_in, output, pay_at, run,
    run_json, wait_for_request,
};
use konnect::api::{BULK_STATUS_PATH, COMMIT_PATH, DETAILS_PATH, STATUS_PATH};
use konnect::sandbox::{Reply, Request, Server};
use serde_json::Value;

const PKG: &str = "1-13286-5-3";

fn pay_args<'a>(user: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    common::pay_args(user, PKG, extra)
}

/// `konnect --sandbox --json pay … --yes`.
fn pay(home: &Home, user: &str, extra: &[&str]) -> (i32, Value, String) {
    run_json(home.sandbox(&pay_args(user, extra)))
}

fn rows(journal: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let mut stmt = conn
        .prepare("SELECT reference, outcome FROM payments ORDER BY created_ms, reference")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn one_customer_under_two_handles_is_paid_once() {
    let home = Home::new();
    let (code, doc, err) = pay(&home, "active", &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        doc["customer"], "9779869045195",
        "the service's own id of the customer"
    );
    // The same customer by the number the service knows them by.
    let (code, doc, _) = pay(&home, "9779869045195", &[]);
    assert_eq!(code, 7, "{doc}");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("was already paid as active") && message.contains("--allow-repeat"),
        "{message}"
    );
    assert_eq!(home.commits(None), 1, "the second payment sent nothing");
    assert_eq!(home.journal().len(), 1);
    let (code, _, err) = pay(&home, "9779869045195", &["--allow-repeat"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(home.commits(None), 2);
    // The customer's history, by either handle and in any case, holds both payments.
    for user in ["active", "ACTIVE", "9779869045195"] {
        let (code, doc, _) = run_json(home.sandbox(&["--json", "history", "--user", user]));
        assert_eq!(code, 0);
        assert_eq!(
            doc["payments"].as_array().unwrap().len(),
            2,
            "--user {user}: {doc}"
        );
    }
}

#[test]
fn four_cashiers_paying_one_customer_at_the_same_moment_send_one_commit() {
    let home = Home::new();
    let state = home.path().join("state.json");
    // Each details answer is held until all four have asked, so all four pass the first
    // check together; only the guard inside the write-ahead transaction can stop three.
    let server = SandboxProcess::start_with(&home, Some(&state), &[("KONNECT_SANDBOX_HOLD", "4")]);
    let journal = home.path().join("shared.sqlite3");
    let payers = ["active", "9779869045195", "active", "9779869045195"].map(|user| {
        against(
            &home,
            &server.base_url,
            &server.token,
            &journal,
            &pay_args(user, &[]),
        )
    });
    let mut codes = Vec::new();
    for (code, _, stderr) in all_at_once(payers) {
        if code == 2 {
            let refused = stderr.contains("was already paid") || stderr.contains("is being paid");
            assert!(refused, "{stderr}");
        }
        codes.push(code);
    }
    codes.sort();
    assert_eq!(codes, [0, 7, 7, 7], "one pays, three are refused");
    assert_eq!(commits_in(&state), 1, "exactly one commit reached the service");
    let rows = rows(&journal);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1, "success");
}

#[test]
fn a_fresh_journal_opened_by_two_processes_at_once_never_fails() {
    let home = Home::new();
    let server = SandboxProcess::start_with(&home, None, &[("KONNECT_SANDBOX_CREDITS", "10000000")]);
    for round in 0..20 {
        let journal = home.path().join(format!("pay-{round}.sqlite3"));
        let pays = [("active", PKG), ("expired", "1-4412-8-1")].map(|(user, package)| {
            let args = common::pay_args(user, package, &[]);
            against(&home, &server.base_url, &server.token, &journal, &args)
        });
        // The journal's own test races many openers in one process, which finds the race far
        // more often; here real processes do what cashiers do.
        let fresh = home.path().join(format!("history-{round}.sqlite3"));
        let histories = [0, 1].map(|_| against(&home, &server.base_url, &server.token, &fresh, &["history"]));
        for (code, _, stderr) in all_at_once(pays.into_iter().chain(histories)) {
            assert!(code == 0, "round {round}: {stderr}");
            assert!(!stderr.contains("locked"), "round {round}: {stderr}");
        }
        assert_eq!(rows(&journal).len(), 2, "round {round}");
    }
}

#[test]
fn unknown_reference_means_nothing_charged_only_after_the_grace_period() {
    let home = Home::new();
    let late = |args: &[&str], secs: &str| {
        let mut c = home.sandbox(args);
        c.env("KONNECT_SANDBOX_LATE_SECS", secs);
        c
    };
    // The commit's answer is lost and the service records the payment a while later.
    let (code, doc, _) = run_json(late(&pay_args("late", &[]), "3600"));
    assert_eq!(code, 4, "{doc}");
    let reference = doc["reference"].as_str().unwrap().to_string();
    let (code, out, err) = run(late(&["status", &reference], "3600"));
    assert_eq!(code, 4, "still pending within the grace period: {out}{err}");
    assert!(
        out.contains("not yet known") && out.contains("conclusive from"),
        "{out}"
    );
    assert!(!err.contains("money back"), "{err}");
    assert_eq!(home.journal()[0].1, "pending");
    let (code, doc, _) = run_json(late(&["--json", "reconcile"], "3600"));
    assert_eq!((code, doc["still_pending"].as_u64()), (4, Some(1)), "{doc}");
    // The customer cannot be paid again meanwhile.
    let (code, doc, _) = run_json(late(&pay_args("late", &[]), "3600"));
    assert_eq!(code, 7, "{doc}");
    assert_eq!(home.commits(None), 1);

    // Once the grace period is over (here: set to nothing), unknown means never charged.
    assert_eq!(
        run(home.sandbox(&["config", "set", "lookup_grace_secs", "0"])).0,
        0
    );
    let (code, out, _) = run(late(&["status", &reference], "3600"));
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("nothing was charged"), "{out}");
    assert_eq!(home.journal()[0].1, "failed");

    // A later answer that contradicts the final row is shown and noted, never applied; and
    // nobody is told to hand money back or to pay again while it is disputed.
    let (code, out, err) = run(late(&["status", &reference], "0"));
    assert_eq!(code, 4, "{out}{err}");
    assert!(
        err.contains("Disputed") && !err.contains("give the money back"),
        "{err}"
    );
    let (code, doc, err) = run_json(late(&["--json", "status", &reference], "0"));
    assert_eq!(code, 4, "{doc}");
    assert_eq!(
        (
            doc["state"].as_str(),
            doc["outcome"].as_str(),
            doc["disputed"].as_bool()
        ),
        (Some("Success"), Some("pending"), Some(true))
    );
    assert_eq!(doc["journal"]["after"], "failed");
    assert!(
        err.contains("the service now says SUCCESS") && err.contains("kept failed"),
        "{err}"
    );
    let conn = rusqlite::Connection::open(home.journal_path()).unwrap();
    let (outcome, note): (String, String) = conn
        .query_row("SELECT outcome, note FROM payments", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(outcome, "failed");
    assert!(note.contains("a later answer said success"), "{note}");
    let (code, doc, _) = run_json(late(&pay_args("late", &[]), "0"));
    assert_eq!(
        code, 7,
        "a payment the service says went through still guards: {doc}"
    );
}

#[test]
fn a_look_up_while_the_commit_is_out_is_never_conclusive() {
    let home = Home::new();
    // The commit is held until the test lets it go: a real commit in flight, no sleeps.
    let gate = Gate::default();
    let held = gate.clone();
    let (server, paths) = altered(move |r, _| {
        if r.path == COMMIT_PATH {
            held.wait();
        }
        None
    });
    let journal = home.path().join("j.sqlite3");
    let base = server.base_url();
    let config = |args: &[&str]| output(against(&home, &base, TOKEN, &journal, args));
    assert_eq!(config(&["config", "set", "lookup_grace_secs", "0"]).0, 0);
    let mut paying = against(&home, &base, TOKEN, &journal, &pay_args("active", &[]));
    paying
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    let paying = common::started(|| paying.spawn());
    wait_for_request(&paths, COMMIT_PATH);
    let reference = rows(&journal)[0].0.clone();
    let (code, out, err) = config(&["status", &reference]);
    assert_eq!(
        code, 4,
        "unknown while the commit is out proves nothing: {out}{err}"
    );
    assert!(
        out.contains("not yet known") && !err.contains("money back"),
        "{out}{err}"
    );
    let (code, _, err) = config(&["reconcile"]);
    assert_eq!(code, 4, "{err}");
    gate.open();
    let out = paying.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(rows(&journal)[0].1, "success");
}

#[test]
fn an_answer_about_another_payment_decides_nothing() {
    let home = Home::new();
    let (server, _) = altered(|r, _| {
        (r.path == STATUS_PATH).then(|| {
            Reply::json(200, &serde_json::json!({"status": true, "state": "Failed", "reference": "someone-else", "response_id": 3}))
        })
    });
    let journal = home.path().join("j.sqlite3");
    let (code, doc, _) = pay_at(&home, &server.base_url(), &journal, "queued", &[]);
    assert_eq!(code, 4, "{doc}");
    let reference = doc["reference"].as_str().unwrap();
    let (code, _, err) = output(against(
        &home,
        &server.base_url(),
        TOKEN,
        &journal,
        &["status", reference],
    ));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("another reference"), "{err}");
    assert_eq!(rows(&journal)[0].1, "pending");
}

#[test]
fn a_package_that_costs_nothing_is_never_paid() {
    let home = Home::new();
    let (server, paths) = altered(|r, sim| {
        if r.path != DETAILS_PATH {
            return None;
        }
        let Reply::Full { body, .. } = sim.handle(r) else {
            return None;
        };
        let mut v: Value = serde_json::from_slice(&body).unwrap();
        v["packages"][0]["amount"] = serde_json::json!(-5999);
        Some(Reply::json(200, &v))
    });
    let journal = home.path().join("j.sqlite3");
    let (code, doc, _) = pay_at(&home, &server.base_url(), &journal, "active", &[]);
    assert_eq!(code, 5, "{doc}");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing can be paid")
    );
    assert!(!paths.lock().unwrap().iter().any(|p| p == COMMIT_PATH));
}

#[test]
fn test_and_live_rows_never_mix() {
    let home = Home::new();
    let server = SandboxProcess::start_with(&home, None, &[("KONNECT_SANDBOX_LATE_SECS", "3600")]);
    let journal = home.path().join("shared.sqlite3");
    let konnect = |env: &str, args: &[&str]| {
        let mut c = against(&home, &server.base_url, &server.token, &journal, &["--env", env]);
        c.args(args);
        c
    };
    // Even with no grace at all, a TEST reconcile must not touch a LIVE payment.
    assert_eq!(
        output(konnect("test", &["config", "set", "lookup_grace_secs", "0"])).0,
        0
    );
    let (code, out, err) = output(konnect("live", &pay_args("late", &[])));
    assert_eq!(code, 4, "{out}{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let reference = doc["reference"].as_str().unwrap().to_string();

    let (code, out, err) = output(konnect("test", &["reconcile"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Nothing to reconcile") && !err.contains("not settled"),
        "{out}{err}"
    );
    let (code, out, _) = output(konnect("test", &["--json", "history"]));
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["payments"],
        serde_json::json!([])
    );
    let (code, _, err) = output(konnect("test", &["status", &reference]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("was made on LIVE"), "{err}");
    assert_eq!(rows(&journal)[0].1, "pending", "untouched by TEST");

    let (_, out, err) = output(konnect("live", &["--json", "history"]));
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["payments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(err.contains("1 payment(s) are not settled"), "{err}");
}

#[test]
fn reconcile_pairs_answers_with_payments_by_reference_only() {
    let home = Home::new();
    let (server, _) = altered(|r, sim| {
        if r.path != BULK_STATUS_PATH {
            return None;
        }
        let Reply::Full { status, body, .. } = sim.handle(r) else {
            return None;
        };
        let mut v: Value = serde_json::from_slice(&body).unwrap();
        let list = v["detail"].as_array_mut().unwrap();
        list.reverse(); // [third, second, first]
        list.remove(0); // the third is left out
        list[0].as_object_mut().unwrap().remove("reference"); // the second's has no reference
        Some(Reply::json(status, &v))
    });
    let journal = home.path().join("j.sqlite3");
    let base = server.base_url();
    let mut references = Vec::new();
    for user in ["queued", "cut", "queued"] {
        let (_, doc, _) = pay_at(&home, &base, &journal, user, &["--allow-repeat"]);
        assert_eq!(doc["outcome"], "pending", "{doc}");
        references.push(doc["reference"].as_str().unwrap().to_string());
    }
    let (code, out, _) = output(against(&home, &base, TOKEN, &journal, &["--json", "reconcile"]));
    assert_eq!(code, 4);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let after = |r: &str| common::reconciled(&doc, r);
    assert_eq!(
        after(&references[0]),
        "success",
        "found by its reference, wherever it stood"
    );
    assert_eq!(
        after(&references[1]),
        "pending",
        "an answer without a reference is nobody's"
    );
    assert_eq!(
        after(&references[2]),
        "pending",
        "a reference left out stays pending"
    );
    let states: Vec<String> = rows(&journal).into_iter().map(|r| r.1).collect();
    assert_eq!(states, ["success", "pending", "pending"]);
}

fn redirect(to: &str) -> Reply {
    Reply::Raw(format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n").into_bytes())
}

#[test]
fn redirects_are_never_followed() {
    let home = Home::new();
    let (server, paths) = altered(|r, _| match r.path.as_str() {
        COMMIT_PATH => Some(redirect("/paid")),
        "/paid" => Some(Reply::json(
            200,
            &serde_json::json!({"status": true, "state": "Success"}),
        )),
        STATUS_PATH => Some(redirect("/elsewhere/status")),
        _ => None,
    });
    let journal = home.path().join("j.sqlite3");
    let (code, doc, err) = pay_at(&home, &server.base_url(), &journal, "active", &[]);
    assert_eq!(code, 4, "a redirected commit is pending: {doc}{err}");
    assert!(
        doc["message"]
            .as_str()
            .unwrap()
            .contains("redirect to /paid, not followed"),
        "{doc}"
    );
    assert_eq!(rows(&journal)[0].1, "pending");
    // The status look-up is redirected too: a failed look-up, still pending.
    let reference = doc["reference"].as_str().unwrap();
    let (code, _, err) = output(against(
        &home,
        &server.base_url(),
        TOKEN,
        &journal,
        &["status", reference],
    ));
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("the look-up failed") && err.contains("/elsewhere/status"),
        "{err}"
    );
    assert!(
        !paths
            .lock()
            .unwrap()
            .iter()
            .any(|p| p == "/paid" || p.starts_with("/elsewhere"))
    );

    let (moved, _) = altered(|r, _| (r.path == DETAILS_PATH).then(|| redirect("https://example.invalid/x")));
    let args = ["lookup", "--isp", "izone", "--user", "active"];
    let (code, _, err) = output(against(&home, &moved.base_url(), TOKEN, &journal, &args));
    assert_eq!(code, 6, "{err}");
    assert!(
        err.contains("redirect to https://example.invalid/x") && err.contains("check the base URL"),
        "{err}"
    );
}

#[test]
fn a_commit_answer_that_contradicts_itself_is_pending() {
    let answers = [
        r#"{"status": true, "state": "Success", "message": "ok", "id": 1, "state": "Failed"}"#,
        r#"{"status": false, "state": "Success", "message": "ok", "id": 1}"#,
        r#"{"status": true, "state": "Success", "error_code": "1017", "id": 1}"#,
    ];
    for answer in answers {
        let home = Home::new();
        let (server, _) = altered(move |r, _| {
            (r.path == COMMIT_PATH).then(|| Reply::Full {
                status: 200,
                content_type: "application/json",
                body: answer.as_bytes().to_vec(),
            })
        });
        let journal = home.path().join("j.sqlite3");
        let (code, doc, err) = pay_at(&home, &server.base_url(), &journal, "active", &[]);
        assert_eq!(code, 4, "{answer}: {err}");
        assert_eq!(doc["outcome"], "pending", "{answer}");
        assert!(
            doc["message"].as_str().unwrap().contains("contradicts itself"),
            "{answer}: {doc}"
        );
        assert_eq!(rows(&journal)[0].1, "pending", "{answer}");
    }
}

#[test]
fn a_failed_status_look_up_leaves_the_payment_pending() {
    let home = Home::new();
    let mut c = home.sandbox(&pay_args("queued", &[]));
    c.env("KONNECT_SANDBOX_SETTLE_SECS", "3600");
    let reference = run_json(c).1["reference"].as_str().unwrap().to_string();
    let journal = home.journal_path();
    let closed = format!("http://{}", common::closed_address());
    let unavailable = Server::spawn(
        "127.0.0.1:0",
        Arc::new(|_: &Request| Reply::Full {
            status: 503,
            content_type: "text/html",
            body: b"<h1>Service Unavailable</h1>".to_vec(),
        }),
    )
    .unwrap();
    for base in [closed, unavailable.base_url()] {
        let (code, _, err) = output(against(&home, &base, TOKEN, &journal, &["status", &reference]));
        assert_eq!(code, 4, "{base}: {err}");
        assert!(
            err.contains("the look-up failed")
                && err.contains("still pending")
                && !err.contains("nothing was charged"),
            "{base}: {err}"
        );
        let (code, _, err) = output(against(&home, &base, TOKEN, &journal, &["reconcile"]));
        assert_eq!(code, 4, "{base}: {err}");
    }
    assert_eq!(home.journal()[0].1, "pending");
}

#[test]
fn an_unreadable_amount_is_an_error_never_a_zero() {
    let home = Home::new();
    let (code, doc, _) = pay(&home, "active", &[]);
    assert_eq!(code, 0);
    let reference = doc["reference"].as_str().unwrap();
    let conn = rusqlite::Connection::open(home.journal_path()).unwrap();
    conn.execute("UPDATE payments SET amount = 'lots'", []).unwrap();
    for args in [&["history"][..], &["report"], &["--json", "report"]] {
        let (code, out, err) = run(home.sandbox(args));
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(
            err.contains(&format!("row {reference}: its amount 'lots' cannot be read")),
            "{err}"
        );
    }
    // doctor finds it before the end of the day does.
    let (code, doc, err) = run_json(home.sandbox(&["--json", "doctor"]));
    let checks = doc["checks"].as_array().unwrap();
    let journal = checks.iter().find(|c| c["name"] == "journal").unwrap();
    assert_eq!((code, &journal["ok"]), (6, &Value::Bool(false)), "{doc}{err}");
    assert!(
        journal["detail"].as_str().unwrap().contains(reference)
            && journal["fix"].as_str().unwrap().contains("repair that row"),
        "{journal}"
    );
}
