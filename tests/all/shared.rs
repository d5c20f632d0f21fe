//! One journal, two backends: the journal's behaviours run against SQLite and against a real
//! PostgreSQL (a throwaway cluster, see `common::pg`), so that they cannot drift; and a shop's
//! counters sharing one PostgreSQL journal pay a customer once between them.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{
    Gate, Home, SandboxProcess, TOKEN, against, all_at_once, altered, commits_in, output, pg,
    wait_for_request,
};
use konnect::api::COMMIT_PATH;
use konnect::api::Outcome;
use konnect::journal::{Attempt, Begun, Filter, Journal, RowState, Settled, Settlement, WRITE_SLACK};
use konnect::money::Npr;
use serde_json::Value;

const PKG: &str = "1-13286-5-3";

fn attempt(reference: &str, user: &str, customer: &str) -> Attempt {
    Attempt {
        reference: reference.into(),
        isp: "izone".into(),
        username: user.into(),
        customer: customer.into(),
        customer_name: Some("A".into()),
        package_id: "p".into(),
        package_name: "P".into(),
        amount: Npr::parse("5999").unwrap(),
        timeout: Duration::from_secs(30),
        counter: "front".into(),
    }
}

fn settlement(outcome: Outcome) -> Settlement {
    Settlement {
        transaction_id: Some("7".into()),
        credits_available: Some(Npr::parse("94001").unwrap()),
        ..Settlement::new(outcome, "said")
    }
}

/// Runs `body` with a fresh SQLite journal, then with a fresh PostgreSQL one where a server
/// can be had (otherwise says so in one line).
fn each_backend(test: &str, body: impl Fn(&Path)) {
    let dir = common::scratch("konnect-journal");
    body(&dir.path().join("j.sqlite3"));
    if let Some(url) = pg::database(test) {
        body(Path::new(&url));
    }
}

fn open(location: &Path, env: &str) -> Journal {
    Journal::open(location, env).unwrap_or_else(|e| panic!("{}: {}", location.display(), e.message))
}

#[test]
fn writes_ahead_then_settles() {
    each_backend("writes_ahead_then_settles", |at| {
        let j = open(at, "TEST");
        assert_eq!(
            j.begin_payment(&attempt("r1", "active", "977"), None)
                .unwrap()
                .earlier(),
            None
        );
        assert_eq!(j.unsettled_count().unwrap(), 1);
        let row = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (row.row_state, row.counter.as_deref()),
            (RowState::Sending, Some("front"))
        );
        assert!(
            j.begin_payment(&attempt("r1", "x", "x"), None).is_err(),
            "references are unique"
        );
        assert_eq!(
            j.settle("r1", &settlement(Outcome::Success)).unwrap(),
            Settled::Changed
        );
        let p = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (p.row_state, p.transaction_id.as_deref()),
            (RowState::Success, Some("7"))
        );
        assert_eq!(p.amount.fixed2(), "5999.00", "money comes back exact");
        assert!(p.settled_ms.is_some());
        assert_eq!(j.last_balance().unwrap().unwrap().fixed2(), "94001.00");
        assert_eq!(j.unsettled_count().unwrap(), 0);
        drop(j);
        assert_eq!(
            open(at, "TEST").query(&Filter::default()).unwrap().len(),
            1,
            "kept"
        );
    });
}

#[test]
fn the_guard_knows_a_customer_by_any_handle_and_inserts_nothing_when_it_refuses() {
    each_backend("guard_any_handle", |at| {
        let j = open(at, "TEST");
        j.begin_payment(&attempt("r1", "active", "9779869045195"), Some(0))
            .unwrap()
            .earlier();
        let again = j
            .begin_payment(&attempt("r2", "9779869045195", "9779869045195"), Some(0))
            .unwrap()
            .earlier();
        assert_eq!(again.map(|p| p.reference).as_deref(), Some("r1"));
        assert!(j.get("r2").unwrap().is_none(), "a refused payment leaves no row");
        assert!(j.recent_for("izone", &["active"], 0).unwrap().is_some());
        assert!(j.recent_for("izone", &["9779869045195"], 0).unwrap().is_some());
        assert!(j.recent_for("izone", &["other"], 0).unwrap().is_none());
        assert!(j.recent_for("dg-link", &["active"], 0).unwrap().is_none());
        j.settle("r1", &Settlement::new(Outcome::Failed, "no")).unwrap();
        assert!(
            j.begin_payment(&attempt("r3", "active", "9779869045195"), Some(0))
                .unwrap()
                .earlier()
                .is_none(),
            "a failed payment does not block the next"
        );
    });
}

#[test]
fn the_guard_ignores_case_and_counts_a_failure_the_service_later_disputed() {
    each_backend("guard_case", |at| {
        let j = open(at, "TEST");
        j.begin_payment(&attempt("r1", "Active", "Active"), None)
            .unwrap()
            .earlier();
        assert!(j.recent_for("izone", &["ACTIVE"], 0).unwrap().is_some());
        j.settle("r1", &Settlement::new(Outcome::Failed, "unknown"))
            .unwrap();
        assert!(
            j.recent_for("izone", &["active"], 0).unwrap().is_none(),
            "a plain failure does not guard"
        );
        j.settle("r1", &Settlement::new(Outcome::Success, "found after all"))
            .unwrap();
        assert!(
            j.recent_for("izone", &["active"], 0).unwrap().is_some(),
            "a disputed failure guards"
        );
    });
}

#[test]
fn the_commits_answer_is_due_at_its_time_out_until_the_commit_ends() {
    each_backend("answer_due", |at| {
        let j = open(at, "TEST");
        let begun = j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
        let row = j.get("r1").unwrap().unwrap();
        // The time-out, and the time the row itself may take to become durable before it leaves.
        let due = row.created_ms + 30_000 + WRITE_SLACK.as_millis() as i64;
        assert_eq!(row.answer_due_ms(), due);
        assert_eq!(begun, Begun::Send { answer_due_ms: due });
        // A look-up from elsewhere does not end the commit.
        j.settle("r1", &Settlement::new(Outcome::Pending, "unknown yet"))
            .unwrap();
        assert_eq!(j.get("r1").unwrap().unwrap().answer_due_ms(), due);
        let ended = Settlement {
            commit_ended: true,
            ..Settlement::new(Outcome::Pending, "cut")
        };
        let before = konnect::clock::now_ms();
        j.settle("r1", &ended).unwrap();
        // Ended: the grace runs from when it ended, early or (after a stall) late.
        let after = j.get("r1").unwrap().unwrap().answer_due_ms();
        assert!(after >= before && after < due, "{after}");
    });
}

#[test]
fn final_rows_never_change_and_contradictions_are_noted() {
    each_backend("final_rows", |at| {
        let j = open(at, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap().earlier();
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Pending, "queued"))
                .unwrap(),
            Settled::Changed
        );
        assert_eq!(j.get("r1").unwrap().unwrap().row_state, RowState::Pending);
        assert_eq!(
            j.settle("r1", &settlement(Outcome::Success)).unwrap(),
            Settled::Changed
        );
        let unchanged = Settled::Unchanged(RowState::Success);
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Success, "again"))
                .unwrap(),
            unchanged
        );
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Pending, "queued"))
                .unwrap(),
            unchanged
        );
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Failed, "unknown"))
                .unwrap(),
            Settled::Contradicted(RowState::Success)
        );
        let p = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (p.row_state, p.message.as_deref()),
            (RowState::Success, Some("said"))
        );
        assert!(
            p.note
                .unwrap()
                .contains("a later answer said failed (unknown); kept success")
        );
        assert!(j.settle("nope", &Settlement::new(Outcome::Failed, "x")).is_err());
    });
}

#[test]
fn environments_never_mix() {
    each_backend("environments", |at| {
        let test = open(at, "TEST");
        let live = open(at, "LIVE");
        live.begin_payment(&attempt("live1", "active", "977"), None)
            .unwrap()
            .earlier();
        live.set_last_balance(Npr::parse("10").unwrap()).unwrap();
        assert_eq!(test.unsettled_count().unwrap(), 0);
        assert!(test.unsettled().unwrap().is_empty());
        assert!(test.query(&Filter::default()).unwrap().is_empty());
        assert!(test.recent_for("izone", &["active"], 0).unwrap().is_none());
        assert_eq!(test.last_balance().unwrap(), None);
        assert!(
            test.settle("live1", &Settlement::new(Outcome::Failed, "x"))
                .is_err()
        );
        assert_eq!(live.get("live1").unwrap().unwrap().row_state, RowState::Sending);
        assert_eq!(live.unsettled().unwrap().len(), 1);
    });
}

#[test]
fn look_ups_filters_and_short_references_agree_on_both_backends() {
    each_backend("look_ups", |at| {
        let j = open(at, "TEST");
        for (r, user) in [
            ("ab12cd0001", "active"),
            ("ab12cd0002", "Expired"),
            ("ef34000003", "active"),
        ] {
            j.begin_payment(&attempt(r, user, user), None).unwrap().earlier();
        }
        j.settle("ab12cd0001", &settlement(Outcome::Success)).unwrap();
        let refs: Vec<_> = j
            .matching("AB12cd")
            .unwrap()
            .into_iter()
            .map(|p| p.reference)
            .collect();
        assert_eq!(refs.len(), 2, "a part of a reference in any case: {refs:?}");
        let only_expired = Filter {
            username: Some("EXPIRED".into()),
            ..Filter::default()
        };
        assert_eq!(j.query(&only_expired).unwrap().len(), 1);
        let successes = Filter {
            states: vec![RowState::Success],
            ..Filter::default()
        };
        assert_eq!(j.query(&successes).unwrap()[0].reference, "ab12cd0001");
        assert_eq!(
            j.matching("000003").unwrap()[0].reference,
            "ef34000003",
            "or its end"
        );
        let last_two = Filter {
            limit: Some(2),
            ..Filter::default()
        };
        assert_eq!(j.query(&last_two).unwrap().len(), 2);
        assert_eq!(j.unsettled().unwrap().len(), 2);
        assert_eq!(j.short_references().unwrap().len(), 3);
        // What a Tab finds: a short reference's start (the tail), a whole one's start.
        let refs = |found: Vec<konnect::journal::Payment>| {
            let mut refs: Vec<_> = found.into_iter().map(|p| p.reference).collect();
            refs.sort();
            refs
        };
        assert_eq!(
            refs(j.tail_starting("12C", 10).unwrap()),
            ["ab12cd0001", "ab12cd0002"]
        );
        assert_eq!(
            refs(j.reference_starting("ab12cd0", 10).unwrap()),
            ["ab12cd0001", "ab12cd0002"]
        );
        assert_eq!(
            refs(j.reference_starting("ef34000003", 10).unwrap()),
            ["ef34000003"]
        );
        assert!(
            j.reference_starting("cd0001", 10).unwrap().is_empty(),
            "a start, not a middle"
        );
        assert!(
            open(at, "LIVE").reference_starting("ab", 10).unwrap().is_empty(),
            "TEST's rows"
        );
    });
}

/// `konnect --json …` against a shared journal, as counter `counter`.
fn at_counter(
    home: &Home,
    server: &SandboxProcess,
    journal: &str,
    counter: &str,
    args: &[&str],
) -> std::process::Command {
    let mut c = against(home, &server.base_url, &server.token, Path::new(journal), args);
    c.env("KONNECT_COUNTER", counter);
    c
}

fn pay_args(user: &str) -> Vec<&str> {
    common::pay_args(user, PKG, &[])
}

#[test]
fn four_pays_from_two_counters_for_one_customer_send_one_commit() {
    let Some(url) = pg::database("four_pays_from_two_counters") else {
        return;
    };
    let home = Home::new();
    let state: PathBuf = home.path().join("state.json");
    // Each details answer is held until all four have asked, so all four pass the first
    // check together; only the guard inside the write-ahead transaction can stop three.
    let server = SandboxProcess::start_with(&home, Some(&state), &[("KONNECT_SANDBOX_HOLD", "4")]);
    let payers = [
        ("front", "active"),
        ("back", "9779869045195"),
        ("front", "9779869045195"),
        ("back", "active"),
    ]
    .map(|(counter, user)| at_counter(&home, &server, &url, counter, &pay_args(user)));
    let mut codes = Vec::new();
    for (code, _, stderr) in all_at_once(payers) {
        assert!(
            code == 0 || stderr.contains("was already paid") || stderr.contains("is being paid"),
            "{code}: {stderr}"
        );
        codes.push(code);
    }
    codes.sort();
    assert_eq!(codes, [0, 7, 7, 7], "one pays, three are refused");
    assert_eq!(commits_in(&state), 1, "exactly one commit reached the service");
    let rows = open(Path::new(&url), "TEST").query(&Filter::default()).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].row_state, RowState::Success);
    assert!(matches!(rows[0].counter.as_deref(), Some("front" | "back")));
}

#[test]
fn a_counter_pays_and_another_sees_and_looks_it_up() {
    let Some(url) = pg::database("a_counter_pays_another_sees") else {
        return;
    };
    let home = Home::new();
    let state = home.path().join("state.json");
    let server = SandboxProcess::start_with(&home, Some(&state), &[]);
    let (code, out, err) = output(at_counter(&home, &server, &url, "front", &pay_args("active")));
    assert_eq!(code, 0, "{err}");
    let paid: Value = serde_json::from_str(&out).unwrap();
    let reference = paid["reference"].as_str().unwrap().to_string();
    assert_eq!(paid["journal_written"], true, "{paid}");
    let (code, out, err) = output(at_counter(&home, &server, &url, "back", &["--json", "history"]));
    assert_eq!(code, 0, "{err}");
    let history: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        history["payments"][0]["reference"],
        reference.as_str(),
        "{history}"
    );
    assert_eq!(history["payments"][0]["counter"], "front", "{history}");
    let (code, out, err) = output(at_counter(
        &home,
        &server,
        &url,
        "back",
        &["--json", "status", &reference],
    ));
    assert_eq!(code, 0, "{err}");
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["outcome"], "success", "{status}");
    // The other counter's repeat is caught by the guard, before anything is sent.
    let (code, _, err) = output(at_counter(
        &home,
        &server,
        &url,
        "back",
        &pay_args("9779869045195"),
    ));
    assert_eq!(code, 7, "{err}");
    let named = err.contains("was already paid as active") && err.contains("at counter front");
    assert!(named, "the other counter is named: {err}");
    assert_eq!(commits_in(&state), 1);
}

#[test]
fn a_password_in_the_journal_flag_is_refused_and_never_echoed() {
    let home = Home::new();
    let (code, out, err) = output({
        let mut c = common::std_cmd(&home);
        c.args([
            "--sandbox",
            "--journal",
            "postgres://shop:hunter2secret@db.example:5432/konnect",
            "history",
        ]);
        c
    });
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty() && !err.contains("hunter2secret"), "{err}");
    assert!(err.contains("PGPASSWORD"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_journal_server_that_cannot_be_reached_is_one_clear_line() {
    let home = Home::new();
    let port = common::closed_address().port();
    let (code, _, err) = output({
        let mut c = common::std_cmd(&home);
        c.env("KONNECT_TOKEN", common::TOKEN).args([
            "--journal",
            &format!("postgres://konnect@127.0.0.1:{port}/shop"),
            "history",
        ]);
        c
    });
    assert_ne!(code, 0);
    assert!(
        err.contains(&format!("127.0.0.1:{port}/shop")),
        "names the journal: {err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn history_and_report_name_each_counter_filter_by_it_and_total_each_drawer() {
    let Some(url) = pg::database("history_and_report_by_counter") else {
        return;
    };
    let home = Home::new();
    let server = SandboxProcess::start_with(&home, Some(&home.path().join("state.json")), &[]);
    // The sandbox's `due` and `fail` users are the `active` customer under other handles.
    for (counter, user) in [("front", "active"), ("back", "due"), ("back", "fail")] {
        let args = common::pay_args(user, PKG, &["--allow-repeat"]);
        let (code, _, err) = output(at_counter(&home, &server, &url, counter, &args));
        assert!(
            code == 0 || (user == "fail" && code == 3),
            "{counter} {user}: {code} {err}"
        );
    }
    let json = |args: &[&str]| -> Value {
        let (code, out, err) = output(at_counter(&home, &server, &url, "front", args));
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let back = json(&["--json", "history", "--at-counter", "BACK"]);
    let rows = back["payments"].as_array().unwrap();
    assert!(
        !rows.is_empty() && rows.iter().all(|p| p["counter"] == "back"),
        "{back}"
    );
    let report = json(&["--json", "report"]);
    let counters = report["counters"].as_array().unwrap();
    let names: Vec<_> = counters.iter().map(|c| c["counter"].as_str().unwrap()).collect();
    assert_eq!(names, ["back", "front"], "{report}");
    assert_eq!(
        counters[1]["cash_in_drawer"], "5999.00",
        "front took one payment: {report}"
    );
    let shop = report["cash_in_drawer"].as_str().unwrap().parse::<f64>().unwrap();
    let back_drawer = counters[0]["cash_in_drawer"]
        .as_str()
        .unwrap()
        .parse::<f64>()
        .unwrap();
    assert_eq!(
        shop,
        back_drawer + 5999.0,
        "the shop's drawer is the sum of the counters': {report}"
    );
    let (_, csv, _) = output(at_counter(&home, &server, &url, "front", &["report", "--csv"]));
    let totals: Vec<&str> = csv.lines().filter(|l| l.contains(",TOTAL,success,")).collect();
    assert!(
        totals[0].ends_with(","),
        "the shop's first, no counter named: {csv}"
    );
    assert!(totals.iter().any(|l| l.ends_with(",1,5999.00,front")), "{csv}");
    let front_only = json(&["--json", "report", "--at-counter", "front"]);
    assert_eq!(front_only["cash_in_drawer"], "5999.00", "{front_only}");
    // A person reads the counter in the table when rows come from several.
    let (_, table, _) = output(at_counter(&home, &server, &url, "front", &["history"]));
    assert!(table.lines().next().unwrap().contains("Counter"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    assert!(table.contains(" front ") && table.contains(" back "), "{table}");
    let (_, text, _) = output(at_counter(&home, &server, &url, "front", &["report"]));
    assert!(text.contains("  at front: Rs. 5,999.00 (1 paid)"), "{text}");
}

#[test]
fn a_bad_counter_name_is_refused_before_anything_is_sent() {
    let home = Home::new();
    let (code, _, err) = output({
        let mut c = common::std_cmd(&home);
        c.env("KONNECT_COUNTER", "front\u{1b}[31m")
            .args(["--sandbox", "history"]);
        c
    });
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("KONNECT_COUNTER") && !err.contains('\u{1b}'),
        "{err}"
    );
}

#[test]
fn a_payment_whose_settle_was_lost_with_the_database_is_shown_and_settled_by_another_counter() {
    let Some(url) = pg::database("settle_lost_with_the_database") else {
        return;
    };
    let home = Home::new();
    // The commit is held at the server until the journal's connection has been cut away.
    let gate = Gate::default();
    let held = gate.clone();
    let (server, paths) = altered(move |r, _| {
        if r.path == COMMIT_PATH {
            held.wait();
        }
        None
    });
    let base = server.base_url();
    let counter = |name: &str, args: &[&str]| {
        let mut c = against(&home, &base, TOKEN, Path::new(&url), args);
        c.env("KONNECT_COUNTER", name);
        c
    };
    let mut c = counter("front", &pay_args("active"));
    c.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = common::started(|| c.spawn());
    wait_for_request(&paths, COMMIT_PATH);
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    pg::drop_connections(&mut admin);
    gate.open();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let paid: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    assert_eq!(
        (out.status.code(), &paid["outcome"]),
        (Some(0), &Value::from("success")),
        "{stderr}"
    );
    assert!(
        stderr.contains("konnect reconcile"),
        "the cashier is told it is unsettled: {stderr}"
    );
    assert_eq!(paid["journal_written"], false, "a script is told too: {paid}");
    let reference = paid["reference"].as_str().unwrap();
    let mut row = |state: &str| -> i64 {
        admin
            .query_one(
                "SELECT count(*) FROM payments WHERE reference = $1 AND outcome = $2",
                &[&reference, &state],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(row("sending"), 1, "nothing was lost: the row waits for reconcile");
    let (code, _, err) = output(counter("back", &["--json", "reconcile"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(row("success"), 1, "another counter settled it");
    let commits = paths.lock().unwrap().iter().filter(|p| *p == COMMIT_PATH).count();
    assert_eq!(commits, 1);
}

#[test]
fn any_counter_settles_a_payment_another_left_sending_once_the_grace_is_over() {
    let Some(url) = pg::database("another_counter_reconciles") else {
        return;
    };
    let home = Home::new();
    let server = SandboxProcess::start_with(&home, Some(&home.path().join("state.json")), &[]);
    // A counter that died a minute ago, after writing ahead and before sending: the service
    // never heard of it.
    let front = open(Path::new(&url), "TEST");
    front
        .begin_payment(
            &Attempt {
                timeout: Duration::ZERO,
                ..attempt("deadbeef01", "active", "active")
            },
            None,
        )
        .unwrap();
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .execute(
            "UPDATE payments SET created_ms = created_ms - 60000, answer_due_ms = answer_due_ms - 60000",
            &[],
        )
        .unwrap();
    let reconcile = || output(at_counter(&home, &server, &url, "back", &["--json", "reconcile"]));
    let (code, _, err) = reconcile();
    assert_eq!(code, 4, "within the grace period it stays pending: {err}");
    assert!(!front.get("deadbeef01").unwrap().unwrap().is_settled());
    let (code, _, err) = output(at_counter(
        &home,
        &server,
        &url,
        "back",
        &["config", "set", "lookup_grace_secs", "0"],
    ));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = reconcile();
    assert_eq!(code, 0, "{err}");
    let row = front.get("deadbeef01").unwrap().unwrap();
    assert_eq!(
        (row.row_state, row.counter.as_deref()),
        (RowState::Failed, Some("front"))
    );
}

#[test]
fn a_sqlite_journal_moves_into_postgresql_whole_and_a_second_copy_changes_nothing() {
    let Some(url) = pg::database("journal_copy") else {
        return;
    };
    let home = Home::new();
    for user in ["active", "fail"] {
        let args = common::pay_args(user, PKG, &["--allow-repeat"]);
        let (code, _, err) = common::run_json(home.sandbox(&args));
        assert!(code == 0 || code == 3, "{err}");
    }
    // A row of the other environment, unsettled: it moves too, as it is.
    let source = open(&home.journal_path(), "LIVE");
    source
        .begin_payment(&attempt("cafe0001", "active", "active"), None)
        .unwrap()
        .earlier();
    let before: Vec<_> = ["TEST", "LIVE"]
        .iter()
        .flat_map(|env| open(&home.journal_path(), env).query(&Filter::default()).unwrap())
        .collect();
    assert_eq!(before.len(), 3);
    let copy = || common::run_json(home.sandbox(&["--json", "journal", "copy", "--to", &url]));
    let (code, doc, err) = copy();
    assert_eq!(
        (code, &doc["copied"], &doc["already_there"]),
        (0, &Value::from(3), &Value::from(0)),
        "{doc} {err}"
    );
    let (code, doc, err) = copy();
    assert_eq!(
        (code, &doc["copied"], &doc["already_there"]),
        (0, &Value::from(0), &Value::from(3)),
        "{doc} {err}"
    );
    let after: Vec<_> = ["TEST", "LIVE"]
        .iter()
        .flat_map(|env| open(Path::new(&url), env).query(&Filter::default()).unwrap())
        .collect();
    assert_eq!(after, before, "every row, every field, every reference kept");
    // A row that differs is named and left alone, never overwritten.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .execute(
            "UPDATE payments SET amount = '1' WHERE reference = 'cafe0001'",
            &[],
        )
        .unwrap();
    let (code, doc, err) = copy();
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["differing"], serde_json::json!(["cafe0001"]), "{doc}");
    assert!(
        err.contains("cafe0001") && err.contains("left as they were"),
        "{err}"
    );
    let kept: String = admin
        .query_one("SELECT amount FROM payments WHERE reference = 'cafe0001'", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, "1");
}

#[test]
fn a_password_given_to_journal_copy_is_refused_and_never_echoed() {
    let home = Home::new();
    let (code, out, err) =
        common::run(home.sandbox(&["journal", "copy", "--to", "postgresql://a:s3cr3tpass@h/db"]));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(!err.contains("s3cr3tpass") && err.contains("PGPASSWORD"), "{err}");
}

#[test]
fn the_journal_speaks_tls_when_asked_and_checks_the_certificate_with_verify_full() {
    let Some((url, ca)) = pg::tls_only_database("journal_tls") else {
        return;
    };
    let home = Home::new();
    let history = |journal: &str| {
        let mut c = common::std_cmd(&home);
        c.env("KONNECT_TOKEN", common::TOKEN)
            .env("KONNECT_JOURNAL", journal)
            .args(["--json", "history"]);
        output(c)
    };
    // `tlsonly` is turned away without TLS: the default on loopback is no TLS.
    let (code, _, err) = history(&url);
    assert_ne!(code, 0, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let (code, _, err) = history(&format!("{url}?sslmode=require"));
    assert_eq!(code, 0, "require: encrypted, as libpq: {err}");
    // verify-full checks the certificate: the system does not know this CA, the file does.
    let (code, _, err) = history(&format!("{url}?sslmode=verify-full"));
    assert_ne!(code, 0, "an unknown issuer is refused");
    assert!(
        err.to_lowercase().contains("certificate") || err.contains("issuer"),
        "{err}"
    );
    let ca_file = home.path().join("shop-ca.pem");
    std::fs::write(&ca_file, ca).unwrap();
    let (code, _, err) = history(&format!(
        "{url}?sslmode=verify-full&sslrootcert={}",
        ca_file.display()
    ));
    assert_eq!(code, 0, "the shop's own CA: {err}");
    let (code, _, err) = history(&format!(
        "{url}?sslrootcert={}",
        home.path().join("none.pem").display()
    ));
    assert_ne!(code, 0);
    assert!(err.contains("sslrootcert") && err.contains("none.pem"), "{err}");
}

#[test]
fn a_journal_password_in_the_config_file_stays_there() {
    let home = Home::new();
    let config = home.path().join("konnect.toml");
    std::fs::write(
        &config,
        "journal = \"postgres://shop:hunter2secret@127.0.0.1:1/konnect\"\n",
    )
    .unwrap();
    let konnect = |args: &[&str]| {
        let mut c = common::std_cmd(&home);
        c.env("KONNECT_CONFIG", &config)
            .env("KONNECT_TOKEN", common::TOKEN)
            .args(args);
        output(c)
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (code, _, err) = konnect(&["history"]);
        assert_eq!(code, 6, "a password others can read is refused: {err}");
        assert!(
            err.contains("chmod 600") && !err.contains("hunter2secret"),
            "{err}"
        );
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    for args in [
        &["config", "show"][..],
        &["--json", "config", "show"],
        &["--json", "doctor"],
        &["history"],
    ] {
        let (_, out, err) = konnect(args);
        assert!(
            !out.contains("hunter2secret") && !err.contains("hunter2secret"),
            "{args:?}: {out}{err}"
        );
    }
    let (_, out, _) = konnect(&["config", "show"]);
    assert!(out.contains("postgres://shop:****@127.0.0.1:1/konnect"), "{out}");
}

#[test]
fn a_url_of_another_kind_is_refused_never_made_a_file() {
    let home = Home::new();
    let (code, _, err) = output({
        let mut c = common::std_cmd(&home);
        c.current_dir(home.path())
            .args(["--sandbox", "--journal", "mysql://shop@db/konnect", "history"]);
        c
    });
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a mysql:// URL"), "{err}");
    assert!(!home.path().join("mysql:").exists(), "no file was created");
}
