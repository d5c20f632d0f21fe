//! The client against a small server of our own that answers what the real service might:
//! numbers or strings, extra or missing fields, HTML, truncated or empty bodies, oversized
//! bodies, garbage. Nothing may panic; each failure is one line with a documented exit code.

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use common::{Home, run, run_json};
use konnect::sandbox::{Reply, Request, Server};
use serde_json::json;

fn serve(reply: Reply) -> Server {
    Server::spawn("127.0.0.1:0", Arc::new(move |_: &Request| reply.clone())).unwrap()
}

fn lookup(home: &Home, server: &Server, json: bool) -> assert_cmd::Command {
    let mut c = home.cmd();
    c.env("KONNECT_TOKEN", "TEST:client-test-token")
        .env("KONNECT_TIMEOUT_MS", "1500")
        .args(["--base-url", &server.base_url()]);
    if json {
        c.arg("--json");
    }
    c.args(["lookup", "--isp", "izone", "--user", "someone"]);
    c
}

fn body(status: u16, b: &str) -> Reply {
    Reply::Full {
        status,
        content_type: "application/json",
        body: b.as_bytes().to_vec(),
    }
}

#[test]
fn lenient_forms_are_accepted() {
    let home = Home::new();
    let answer = json!({
        "customer": {"username": 9779869045195u64, "name": "Ram", "mobile": "", "status": null, "since": "2019"},
        "current_subscription": {"package": "Fiber", "end_date": "2030-01-01T00:00:00", "status": "Active"},
        "due": {"amount": 120.5},
        "packages": [
            {"package_id": 42, "package_name": "One", "amount": "1921.0000", "current": "true"},
            {"package_id": "43", "amount": 5999.0, "current": false, "promo": {"x": 1}}
        ],
        "session_id": "s-1",
        "status": true,
        "unexpected": [1, 2, 3]
    });
    let server = serve(Reply::json(200, &answer));
    let (code, doc, err) = run_json(lookup(&home, &server, true));
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["customer"]["username"], "9779869045195");
    assert_eq!(doc["customer"]["mobile"], serde_json::Value::Null);
    assert_eq!(doc["due"]["amount"], "120.50");
    assert_eq!(doc["due"]["message"], serde_json::Value::Null);
    assert_eq!(
        doc["packages"][0],
        json!({"id": "42", "name": "One", "amount": "1921.00", "current": true})
    );
    assert_eq!(
        doc["packages"][1]["name"], "43",
        "a missing name falls back to the id"
    );
    assert_eq!(doc["packages"][1]["amount"], "5999.00");
    assert_eq!(doc["session_id"], "s-1");
    let (code, out, _) = run(lookup(&home, &server, false));
    assert_eq!(code, 0);
    assert!(out.contains("Rs. 120.50") && out.contains("ends in"), "{out}");
    assert!(server.hits() >= 2, "the server was hit");
}

#[test]
fn broken_answers_give_one_line_errors() {
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(1_100_000));
    let cases: Vec<(&str, Reply, i32, &str)> = vec![
        (
            "html 502",
            Reply::Full {
                status: 502,
                content_type: "text/html",
                body: b"<html><body>Bad Gateway</body></html>".to_vec(),
            },
            5,
            "HTTP 502",
        ),
        (
            "truncated",
            body(200, "{\"customer\": {\"name\": \"A\""),
            5,
            "not valid JSON",
        ),
        ("empty", body(200, ""), 5, "empty"),
        ("oversized", body(200, &big), 5, "larger than"),
        ("not an object", body(200, "[1, 2]"), 5, "could not be read"),
        (
            "no packages",
            body(200, r#"{"customer": {}, "session_id": 1}"#),
            5,
            "no packages",
        ),
        (
            "bad amount",
            body(
                200,
                r#"{"customer": {}, "session_id": 1, "packages": [{"package_id": "a", "amount": "a lot"}]}"#,
            ),
            5,
            "amount",
        ),
        (
            "old error",
            body(400, r#"{"status": false, "detail": "Something is off."}"#),
            3,
            "Something is off.",
        ),
        (
            "auth error",
            body(
                400,
                r#"{"status": false, "error_code": "1002", "message": "Invalid token"}"#,
            ),
            6,
            "Invalid token",
        ),
        (
            "not http",
            Reply::Raw(b"SSH-2.0-OpenSSH_9.2\r\n".to_vec()),
            5,
            "no answer",
        ),
        ("cut", Reply::Cut, 5, "no answer"),
        (
            "404 html",
            Reply::Full {
                status: 404,
                content_type: "text/html",
                body: b"<h1>Not Found</h1>".to_vec(),
            },
            3,
            "HTTP 404",
        ),
        (
            "slow",
            Reply::After(Duration::from_secs(60), Box::new(body(200, "{}"))),
            5,
            "none came within",
        ),
    ];
    // Each case has its own home and server: they run side by side.
    std::thread::scope(|scope| {
        for (name, reply, expected, says) in cases {
            scope.spawn(move || {
                let home = Home::new();
                let server = serve(reply);
                let lookup = |json| {
                    let mut c = lookup(&home, &server, json);
                    // The answer that never comes is waited for briefly; the others arrive
                    // long before their time-out.
                    if name == "slow" {
                        c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
                    }
                    c
                };
                let (code, out, err) = run(lookup(false));
                assert_eq!(code, expected, "{name}: {err}");
                assert!(out.is_empty(), "{name}: {out}");
                let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
                assert_eq!(errors.len(), 1, "{name}: one error line: {err}");
                assert!(errors[0].contains(says), "{name}: {err}");
                assert!(!err.contains("client-test-token"), "{name}: token leaked");
                assert!(server.hits() >= 1, "{name}: the server was hit");
                let (code, doc, _) = run_json(lookup(true));
                assert_eq!(code, expected, "{name}");
                assert_eq!(doc["ok"], false, "{name}");
            });
        }
    });
}

#[test]
fn a_refused_connection_is_not_sent() {
    let home = Home::new();
    let addr = common::closed_address();
    let mut c = home.cmd();
    c.env("KONNECT_TOKEN", "TEST:client-test-token").args([
        "--base-url",
        &format!("http://{addr}"),
        "lookup",
        "--isp",
        "izone",
        "--user",
        "x",
    ]);
    let (code, _, err) = run(c);
    assert_eq!(code, 5);
    assert!(
        err.contains("nothing was sent") && err.contains("safe to try again"),
        "{err}"
    );
}
