//! After the payment: status, reconcile, balance, history, report and receipt, against the sandbox.

use crate::common;

use common::{Home, run, run_json};
use serde_json::Value;

const PKG: &str = "1-13286-5-3";

fn pay(home: &Home, user: &str, extra: &[&str]) -> Value {
    pay_with(home, user, extra, &[])
}

/// A payment with extra flags and environment (a short `KONNECT_TIMEOUT_MS` for the slow user).
fn pay_with(home: &Home, user: &str, extra: &[&str], env: &[(&str, &str)]) -> Value {
    let mut args = common::pay_args(user, PKG, &["--allow-repeat"]);
    args.extend_from_slice(extra);
    let mut c = home.sandbox(&args);
    c.envs(env.iter().copied());
    run_json(c).1
}

fn outcome_of(home: &Home, reference: &str) -> String {
    home.journal()
        .into_iter()
        .find(|r| r.0 == reference)
        .map(|r| r.1)
        .unwrap_or_default()
}

#[test]
fn a_queued_payment_becomes_success_through_status() {
    let home = Home::new();
    let doc = pay(&home, "queued", &[]);
    assert_eq!(doc["outcome"], "pending");
    // As status says it: from when a look-up can settle it; and who the customer is.
    let from = doc["conclusive_from"].as_str().unwrap_or_default();
    assert!(from.starts_with("20") && from.contains('T'), "{doc}");
    assert!(
        doc["customer_name"].as_str().is_some_and(|n| !n.is_empty()),
        "{doc}"
    );
    let reference = doc["reference"].as_str().unwrap();
    let (code, out, _) = run(home.sandbox(&["status", reference]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("SUCCESS") && out.contains("pending -> success") && out.contains("Rs. 5,999.00"),
        "{out}"
    );
    assert_eq!(outcome_of(&home, reference), "success");
    let (code, doc, _) = run_json(home.sandbox(&["--json", "status", reference]));
    assert_eq!(code, 0);
    assert_eq!(doc["state"], "Success");
    assert_eq!(doc["journal"]["after"], "success");
}

#[test]
fn status_of_a_reference_this_journal_never_made_gives_no_advice_about_cash() {
    let home = Home::new();
    let (code, doc, err) = run_json(home.sandbox(&["--json", "status", "01NOSUCHREFERENCE"]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(doc["error"]["kind"], "usage");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("no payment 01NOSUCHREFERENCE in this journal"),
        "{message}"
    );
    assert!(
        !err.contains("money back") && !err.contains("nothing was charged"),
        "{err}"
    );
    let (code, _, err) = run(home.sandbox(&["status", "not a reference!"]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_still_queued_payment_stays_pending() {
    let home = Home::new();
    let mut c = home.sandbox(&common::pay_args("queued", PKG, &[]));
    c.env("KONNECT_SANDBOX_SETTLE_SECS", "3600");
    let reference = run_json(c).1["reference"].as_str().unwrap().to_string();
    let (code, _, _) = run(home.sandbox(&["status", &reference]));
    assert_eq!(code, 4);
    let (code, doc, _) = run_json(home.sandbox(&["--json", "reconcile"]));
    assert_eq!(code, 4);
    assert_eq!(doc["still_pending"], 1);
    assert_eq!(outcome_of(&home, &reference), "pending");
}

#[test]
fn reconcile_settles_queued_slow_cut_and_bad_gateway() {
    let home = Home::new();
    let queued = pay(&home, "queued", &[]);
    let slow = pay_with(
        &home,
        "slow",
        &[],
        &[("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS)],
    );
    let cut = pay(&home, "cut", &[]);
    let boom = pay(&home, "boom", &[]);
    for d in [&queued, &slow, &cut, &boom] {
        assert_eq!(d["outcome"], "pending", "{d}");
    }
    let (_, _, err) = run(home.sandbox(&["history"]));
    assert!(err.contains("4 payment(s) are not settled"), "{err}");
    // The 502 left no trace at the service, but the service may still record it late: within
    // the grace period "unknown reference" proves nothing and the payment stays pending.
    let (code, doc, _) = run_json(home.sandbox(&["--json", "reconcile"]));
    assert_eq!(code, 4, "{doc}");
    assert_eq!(doc["still_pending"], 1);
    assert_eq!(outcome_of(&home, boom["reference"].as_str().unwrap()), "pending");
    assert_eq!(
        run(home.sandbox(&["config", "set", "lookup_grace_secs", "0"])).0,
        0
    );
    // A person reads what each payment was and is now, and what to do: the 502 was pending
    // and, the grace being over, is failed (nothing charged).
    let (code, out, _) = run(home.sandbox(&["reconcile"]));
    assert_eq!(code, 0, "{out}");
    let boom_line = out
        .lines()
        .find(|l| l.contains("not charged"))
        .unwrap_or_default();
    let cells: Vec<&str> = boom_line.split_whitespace().collect();
    assert!(
        cells.windows(2).any(|w| w == ["pending", "failed"]),
        "Was, then Now: {out}"
    );
    assert!(
        out.contains("1 settled, 0 still pending."),
        "the 502 charged nothing: {out}"
    );
    for (d, o) in [
        (&queued, "success"),
        (&slow, "success"),
        (&cut, "success"),
        (&boom, "failed"),
    ] {
        assert_eq!(outcome_of(&home, d["reference"].as_str().unwrap()), o);
    }
    let (code, out, err) = run(home.sandbox(&["reconcile"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("Nothing to reconcile") && !err.contains("not settled"),
        "{out}{err}"
    );
}

#[test]
fn reconcile_batches_at_most_fifty_references() {
    use konnect::api::{Client, CommitRequest};
    use konnect::journal::{Attempt, Journal, Settlement};
    use konnect::sandbox::{Options, Sandbox};
    let home = Home::new();
    // 53 queued payments made through the library against the sandbox that `--sandbox` will
    // load (the same state file) and recorded in its journal: the CLI's own pay is tested
    // elsewhere, and 53 processes would be most of this suite's time.
    std::fs::create_dir_all(home.state_path().parent().unwrap()).unwrap();
    let sandbox = Sandbox::start(
        "127.0.0.1:0",
        Options {
            state_file: Some(home.state_path()),
            credits: "1000000".parse().unwrap(),
            settle: std::time::Duration::ZERO,
            ..Options::default()
        },
    )
    .unwrap();
    let url = konnect::endpoint::BaseUrl::parse(&sandbox.base_url()).unwrap();
    let token = konnect::secret::Secret::new(konnect::sandbox::TOKEN);
    let client = Client::new(&url, token, std::time::Duration::from_secs(10), false);
    let journal = Journal::open(&home.journal_path(), "TEST").unwrap();
    for _ in 0..53 {
        let details = client
            .details("izone", "queued", &konnect::reference::new())
            .unwrap();
        let package = &details.packages[0];
        let reference = konnect::reference::new();
        let attempt = Attempt {
            reference: reference.clone(),
            isp: "izone".into(),
            username: "queued".into(),
            customer: "queued".into(),
            customer_name: None,
            package_id: package.id.clone(),
            package_name: package.name.clone(),
            amount: package.amount,
            timeout: std::time::Duration::from_secs(10),
            counter: "front".into(),
        };
        journal.begin_payment(&attempt, None).unwrap().earlier();
        let request = CommitRequest {
            reference: &reference,
            package_id: &package.id,
            amount: package.amount,
            session_id: &details.session_id,
        };
        let answer = client.commit(&request).unwrap();
        assert_eq!(answer.status, 200);
        let queued = Settlement {
            commit_ended: true,
            ..Settlement::new(konnect::api::Outcome::Pending, "queued")
        };
        journal.settle(&reference, &queued).unwrap();
    }
    drop(sandbox);
    let (code, doc, _) = run_json(home.sandbox(&["--json", "reconcile"]));
    assert_eq!(code, 0, "{doc}");
    let changes = doc["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 53);
    assert!(changes.iter().all(|c| c["after"] == "success"), "{doc}");
    assert_eq!(home.state()["bulk_lookups"], serde_json::json!([50, 3]));
}

#[test]
fn balance_reflects_payments_and_warns_when_low() {
    let home = Home::new();
    pay(&home, "active", &[]);
    let (code, doc, _) = run_json(home.sandbox(&["--json", "balance"]));
    assert_eq!(code, 0);
    assert_eq!(doc["credits_available"], "94001.00");
    assert_eq!(doc["credits_consumed"], "5999.00");
    let mut c = home.cmd();
    c.args(["config", "set", "low_balance", "95000"]);
    assert_eq!(run(c).0, 0);
    let (_, out, err) = run(home.sandbox(&["balance"]));
    assert!(out.contains("Rs. 94,001.00"), "{out}");
    assert!(err.contains("below low_balance"), "{err}");
    // pay warns before confirmation from the last known balance, without asking the service.
    let (_, _, err) = run(home.sandbox(&common::order("expired", "1-4412-8-1", &["--dry-run"])));
    assert!(err.contains("below low_balance"), "{err}");
}

#[test]
fn history_filters_and_csv() {
    let home = Home::new();
    pay(&home, "active", &[]);
    pay(&home, "fail", &[]);
    run_json(home.sandbox(&[
        "--json",
        "pay",
        "--isp",
        "dg-link",
        "--user",
        "expired",
        "--package",
        "1-4412-8-6",
        "--yes",
    ]));
    let (code, doc, _) = run_json(home.sandbox(&["--json", "history"]));
    assert_eq!(code, 0);
    let users: Vec<&str> = doc["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["user"].as_str().unwrap())
        .collect();
    assert_eq!(users, ["expired", "fail", "active"], "newest first");
    let count = |args: &[&str]| {
        let mut a = vec!["--json", "history"];
        a.extend_from_slice(args);
        run_json(home.sandbox(&a)).1["payments"].as_array().unwrap().len()
    };
    assert_eq!(count(&["--outcome", "failed"]), 1);
    assert_eq!(count(&["--outcome", "success"]), 2);
    assert_eq!(count(&["--isp", "dg-link"]), 1);
    assert_eq!(count(&["--user", "active"]), 1);
    assert_eq!(count(&["--limit", "2"]), 2);
    let today = jiff::ZonedDateTime::now().date().to_string();
    assert_eq!(count(&["--since", &today, "--until", &today]), 3);
    assert_eq!(count(&["--until", "2020-01-01"]), 0);

    let (_, out, _) = run(home.sandbox(&["history"]));
    for line in out.lines() {
        assert!(
            console::measure_text_width(line) <= 80,
            "fits 80 columns: {line:?}"
        );
    }
    let (_, out, _) = run(home.sandbox(&["history", "--csv"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 3);
    let amount = headers.iter().position(|h| h == "amount").unwrap();
    assert_eq!(&records[0][amount], "9250.00");
}

#[test]
fn report_totals_equal_the_sum_of_successful_payments() {
    let home = Home::new();
    pay(&home, "active", &[]);
    run_json(home.sandbox(&[
        "--json",
        "pay",
        "--isp",
        "loop-network",
        "--user",
        "expired",
        "--package",
        "1-4412-8-12",
        "--yes",
    ]));
    pay(&home, "fail", &[]);
    let queued = pay(&home, "queued", &[]);
    let (code, doc, _) = run_json(home.sandbox(&["--json", "report"]));
    assert_eq!(code, 0);
    assert_eq!(
        doc["totals"]["success"],
        serde_json::json!({"count": 2, "amount": "24499.00"})
    );
    assert_eq!(doc["totals"]["failed"]["count"], 1);
    assert_eq!(doc["totals"]["pending"]["count"], 1);
    assert_eq!(
        doc["pending_references"],
        serde_json::json!([queued["reference"]])
    );
    assert!(doc["date_bs"].as_str().unwrap().ends_with("BS"));
    let (_, out, _) = run(home.sandbox(&["report", "--csv"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    // date, date_bs, isp, outcome, count, amount; the TOTAL rows close it.
    let success: rust_decimal::Decimal = rows
        .iter()
        .filter(|r| &r[3] == "success" && &r[2] != "TOTAL")
        .map(|r| r[5].parse::<rust_decimal::Decimal>().unwrap())
        .sum();
    assert_eq!(success.to_string(), "24499.00");
    let total = rows
        .iter()
        .find(|r| &r[2] == "TOTAL" && &r[3] == "success")
        .unwrap();
    assert_eq!(&total[5], "24499.00");
    assert!(
        rows.iter().all(|r| r[1].ends_with("BS")),
        "every row carries the BS date"
    );
    assert_eq!(doc["cash_in_drawer"], "24499.00");
    let (_, out, _) = run(home.sandbox(&["report"]));
    assert!(
        out.contains("Cash that should be in the drawer: Rs. 24,499.00 (2 paid)"),
        "{out}"
    );
    assert!(
        out.contains("PENDING") && out.contains("do NOT pay again"),
        "{out}"
    );
    let (_, doc, _) = run_json(home.sandbox(&["--json", "report", "--date", "2020-01-01"]));
    assert_eq!(doc["totals"]["success"]["count"], 0);
    let (code, doc, _) = run_json(home.sandbox(&["--json", "report", "--date", "yesterday"]));
    assert_eq!((code, doc["totals"]["success"]["count"].as_u64()), (0, Some(0)));
    let (code, _, err) = run(home.sandbox(&["report", "--date", "2083-08-11"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("2083-08-11bs"),
        "a future AD date suggests the BS form: {err}"
    );
}

#[test]
fn receipts_never_exceed_their_width() {
    let home = Home::new();
    let doc = pay(&home, "nepali", &[]);
    let reference = doc["reference"].as_str().unwrap();
    for width in ["32", "42", "48"] {
        let (code, out, _) = run(home.sandbox(&["receipt", reference, "--width", width]));
        assert_eq!(code, 0);
        assert!(out.contains("चन्द्रमणि"), "{out}");
        assert!(out.contains("PAYMENT RECEIPT"));
        assert!(!out.contains('\u{1b}'), "no colour when piped");
        let w: usize = width.parse().unwrap();
        for line in out.lines() {
            assert!(console::measure_text_width(line) <= w, "width {w}: {line:?}");
        }
    }
    let (code, _, _) = run(home.sandbox(&["receipt", reference, "--width", "40"]));
    assert_eq!(code, 2);
    let (code, _, err) = run(home.sandbox(&["receipt", "01NOSUCH"]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn history_on_a_terminal_shows_the_newest_hundred_and_scripts_get_every_row() {
    let home = Home::new();
    pay(&home, "active", &[]);
    home.add_old_payments(150);
    let (code, out, err) = run(home.sandbox(&["history"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 101, "a header and 100 rows:\n{out}");
    assert!(
        err.contains("the newest 100 payments; older ones with --since DAY or --limit N"),
        "{err}"
    );
    let (_, doc, _) = run_json(home.sandbox(&["--json", "history"]));
    assert_eq!(doc["payments"].as_array().unwrap().len(), 151);
    let (_, out, err) = run(home.sandbox(&["history", "--limit", "120"]));
    assert_eq!(out.lines().count(), 121);
    assert!(!err.contains("the newest"), "{err}");
}
