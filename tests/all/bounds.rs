//! Resource bounds and batches: dribbling servers are cut off by the time-out, two payments on
//! one journal at once both land, batch lookups keep order and reuse connections.

use crate::common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Home, SandboxProcess, run, run_json};
use konnect::api::COMMIT_PATH;
use konnect::sandbox::{Options, Reply, Request, Server, Simulator};

/// The real simulator, except that the chosen path's answer is dribbled a byte every 50 ms:
/// each byte comes well within the time-out, the whole answer long after it.
fn dribbling(path: &'static str) -> Server {
    let sim = Arc::new(Simulator::new(Options::default()));
    Server::spawn(
        "127.0.0.1:0",
        Arc::new(move |req: &Request| match sim.handle(req) {
            Reply::Full { status, body, .. } if req.path == path => Reply::Dribble {
                status,
                body,
                every: Duration::from_millis(50),
            },
            other => other,
        }),
    )
    .unwrap()
}

fn against(home: &Home, server: &Server, args: &[&str]) -> assert_cmd::Command {
    let mut c = home.cmd();
    c.env("KONNECT_TOKEN", "TEST:bounds-token")
        .args([
            "--base-url",
            &server.base_url(),
            "--journal",
            home.path().join("j.sqlite3").to_str().unwrap(),
        ])
        .args(args);
    c
}

#[test]
fn a_dribbled_lookup_is_cut_off_by_the_timeout() {
    let home = Home::new();
    let server = dribbling(konnect::api::DETAILS_PATH);
    let started = Instant::now();
    let mut c = against(&home, &server, &["lookup", "--isp", "izone", "--user", "active"]);
    c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
    let (code, _, err) = run(c);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "cut off, not read to the end"
    );
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("none came within"), "{err}");
}

#[test]
fn a_dribbled_commit_is_pending() {
    let home = Home::new();
    let server = dribbling(COMMIT_PATH);
    let mut c = against(&home, &server, &common::pay_args("active", "1-13286-5-3", &[]));
    c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
    let (code, doc, _) = run_json(c);
    assert_eq!(code, 4, "{doc}");
    assert_eq!(doc["outcome"], "pending");
    let conn = rusqlite::Connection::open(home.path().join("j.sqlite3")).unwrap();
    let outcome: String = conn
        .query_row("SELECT outcome FROM payments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(outcome, "pending");
}

#[test]
fn two_payments_on_one_journal_at_once_both_land() {
    let home = Home::new();
    let server = SandboxProcess::start_with(&home, None, &[("KONNECT_SANDBOX_CREDITS", "1000000")]);
    let journal = home.path().join("shared.sqlite3");
    let pay = |user: &str, package: &str| {
        let args = common::pay_args(user, package, &["--allow-repeat"]);
        common::against(&home, &server.base_url, &server.token, &journal, &args)
    };
    // Two customers at two terminals at the same moment, round after round: every payment
    // lands, each in its own row, none lost to the other's write.
    for round in 0..5 {
        let both = [pay("active", "1-13286-5-3"), pay("expired", "1-4412-8-1")];
        for (code, _, stderr) in common::all_at_once(both) {
            assert!(code == 0, "round {round}: {stderr}");
        }
    }

    let conn = rusqlite::Connection::open(&journal).unwrap();
    let mut stmt = conn
        .prepare("SELECT username, outcome, transaction_id FROM payments ORDER BY created_ms")
        .unwrap();
    let rows: Vec<(String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 10, "{rows:?}");
    assert_eq!(rows.iter().filter(|r| r.0 == "active").count(), 5);
    assert!(rows.iter().all(|r| r.1 == "success" && r.2.is_some()), "{rows:?}");
    let ids: std::collections::BTreeSet<_> = rows.iter().map(|r| r.2.clone()).collect();
    assert_eq!(ids.len(), 10, "every payment has its own transaction");
}

#[test]
fn batch_lookups_keep_input_order_and_reuse_connections() {
    let home = Home::new();
    let sim = Arc::new(Simulator::new(Options::default()));
    let server = Server::spawn("127.0.0.1:0", Arc::new(move |r: &Request| sim.handle(r))).unwrap();
    let users = ["active", "expired", "new", "due", "bad user", "nobody", "nepali"];
    let mut lines: Vec<String> = Vec::new();
    for i in 0..120 {
        lines.push(users[i % users.len()].to_string());
    }
    let input = lines.join("\n") + "\n";
    let mut c = against(
        &home,
        &server,
        &["lookup", "--isp", "izone", "--users-from", "-", "--jobs", "4"],
    );
    c.write_stdin(input);
    let (code, out, err) = run(c);
    assert_eq!(code, 3, "the first failing line's exit code: {err}");
    let docs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 120, "one line each, failures included");
    for (i, d) in docs.iter().enumerate() {
        let user = users[i % users.len()];
        assert_eq!(d["user"], user, "input order at {i}");
        let expect_ok = !matches!(user, "new" | "bad user" | "nobody");
        assert_eq!(d["ok"], expect_ok, "{d}");
    }
    assert_eq!(docs[0]["customer"]["name"], "Chandra Mani Neupane");
    assert_eq!(docs[4]["error"]["kind"], "usage");
    let requests = server.hits();
    assert_eq!(
        requests,
        lines.iter().filter(|l| *l != "bad user").count(),
        "bad lines send nothing"
    );
    assert!(
        server.connections() <= 8,
        "keep-alive: {} connections for {requests} requests",
        server.connections()
    );
}

#[test]
fn batch_lines_may_name_their_isp_and_a_file_is_read() {
    let home = Home::new();
    let file = home.path().join("users.txt");
    std::fs::write(
        &file,
        "# isp,user\nizone,active\nchitrawan-unique-net,x\ndg-link,expired\nnocomma\n",
    )
    .unwrap();
    let (code, out, _) = run(home.sandbox(&["lookup", "--users-from", file.to_str().unwrap()]));
    assert_eq!(code, 2, "first failure is the moved ISP (usage)");
    let docs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 4);
    assert_eq!(
        (docs[0]["ok"].as_bool(), docs[0]["isp"].as_str()),
        (Some(true), Some("izone"))
    );
    assert!(docs[1]["error"]["message"].as_str().unwrap().contains("moved"));
    assert_eq!(docs[2]["isp"], "dg-link");
    assert_eq!(docs[3]["line"], 5);
    let (code, _, err) = run(home.sandbox(&["lookup", "--users-from", "/nonexistent/file"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read --users-from"), "{err}");
    let mut ok = home.sandbox(&["lookup", "--isp", "izone", "--users-from", "-"]);
    ok.write_stdin("active\nexpired\n");
    assert_eq!(run(ok).0, 0);
}
