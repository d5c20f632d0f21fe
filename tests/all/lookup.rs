//! `konnect lookup` against the built-in sandbox: every seed user, every slug, every refusal.

use crate::common;

use common::{Home, run, run_json};
use serde_json::json;

const SLUGS: &[&str] = &[
    "izone",
    "world-fiber-net",
    "dg-link",
    "loop-network",
    "acme-internet",
];

#[test]
fn active_user_human_view_for_every_slug() {
    let home = Home::new();
    for slug in SLUGS {
        let (code, out, err) = run(home.sandbox(&["lookup", "--isp", slug, "--user", "active"]));
        assert_eq!(code, 0, "{slug}: {err}");
        assert!(out.contains("Chandra Mani Neupane"), "{out}");
        assert!(
            out.contains("9779869045195") && out.contains("9869045195"),
            "{out}"
        );
        assert!(
            out.contains("Fiber Internet (First Installation 20Mbps Home)"),
            "{out}"
        );
        assert!(
            out.contains("2021-04-30") && out.contains("expired") && out.contains("days ago"),
            "{out}"
        );
        assert!(
            out.contains("Rs. 5,999.00") && out.contains("Rs. 15,500.00"),
            "{out}"
        );
        assert!(out.contains("(current)"), "{out}");
        assert!(err.contains("TEST"), "banner names the environment: {err}");
    }
}

#[test]
fn active_user_json_document_field_by_field() {
    let home = Home::new();
    let (code, doc, _) = run_json(home.sandbox(&["--json", "lookup", "--isp", "izone", "--user", "active"]));
    assert_eq!(code, 0);
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["isp"], "izone");
    assert_eq!(
        doc["customer"],
        json!({"username": "9779869045195", "name": "Chandra Mani Neupane", "mobile": "9869045195", "status": "Active"})
    );
    assert_eq!(
        doc["subscription"],
        json!({"package": "Fiber Internet (First Installation 20Mbps Home)", "end_date": "2021-04-30", "status": "Active"})
    );
    assert_eq!(
        doc["due"],
        json!({"amount": "0.00", "message": "Due Amount is NIL"})
    );
    assert_eq!(
        doc["packages"],
        json!([
            {"id": "1-13286-5-3", "name": "Fiber Internet (First Installation) - 3 Month(s)", "amount": "5999.00", "current": true},
            {"id": "1-13286-5-12", "name": "Fiber Internet (First Installation) - 12 Month(s)", "amount": "15500.00", "current": false}
        ])
    );
    assert_eq!(doc["session_id"], "179", "the seed's first session id");
}

#[test]
fn expired_user_for_every_slug() {
    let home = Home::new();
    for slug in SLUGS {
        let (code, doc, _) =
            run_json(home.sandbox(&["--json", "lookup", "--isp", slug, "--user", "expired"]));
        assert_eq!(code, 0);
        assert_eq!(doc["customer"]["name"], "koshish bortaula");
        assert_eq!(
            doc["customer"]["mobile"],
            serde_json::Value::Null,
            "empty mobile is absent"
        );
        assert_eq!(doc["customer"]["status"], "Expired");
        assert_eq!(doc["subscription"]["package"], "NET+TV - 30Mbps");
        assert_eq!(doc["due"]["amount"], "0.00");
        let amounts: Vec<&str> = doc["packages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["amount"].as_str().unwrap())
            .collect();
        assert_eq!(amounts, ["1850.00", "5550.00", "9250.00", "18500.00"]);
        assert_eq!(doc["packages"][3]["current"], true);
    }
    let (_, out, _) = run(home.sandbox(&["lookup", "--isp", "izone", "--user", "expired"]));
    assert!(
        out.contains("Rs. 18,500.00") && out.contains("koshish bortaula"),
        "{out}"
    );
}

#[test]
fn new_user_is_refused_with_the_services_sentence() {
    let home = Home::new();
    for slug in SLUGS {
        let (code, out, err) = run(home.sandbox(&["lookup", "--isp", slug, "--user", "new"]));
        assert_eq!(code, 3, "{err}");
        assert!(out.is_empty());
        assert!(
            err.contains("This customer's first subscription payment cannot be paid online."),
            "{err}"
        );
    }
    let (code, doc, _) = run_json(home.sandbox(&["--json", "lookup", "--isp", "izone", "--user", "new"]));
    assert_eq!(code, 3);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error"]["kind"], "rejected");
    assert_eq!(doc["error"]["code"], "4000");
    assert!(
        doc["error"]["details"]
            .as_str()
            .unwrap()
            .contains("nearest office")
    );
}

#[test]
fn due_user_shows_the_amount_owed() {
    let home = Home::new();
    let (code, out, _) = run(home.sandbox(&["lookup", "--isp", "izone", "--user", "due"]));
    assert_eq!(code, 0);
    assert!(out.contains("Rs. 1,500.00"), "{out}");
    let (_, doc, _) = run_json(home.sandbox(&["--json", "lookup", "--isp", "izone", "--user", "due"]));
    assert_eq!(doc["due"]["amount"], "1500.00");
}

#[test]
fn unknown_customer_is_rejected() {
    let home = Home::new();
    let (code, _, err) = run(home.sandbox(&["lookup", "--isp", "izone", "--user", "nobody"]));
    assert_eq!(code, 3);
    assert!(err.contains("Customer not found"), "{err}");
}

#[test]
fn moved_and_unknown_isps_are_usage_errors() {
    let home = Home::new();
    let (code, _, err) = run(home.sandbox(&["lookup", "--isp", "chitrawan-unique-net", "--user", "active"]));
    assert_eq!(code, 2);
    assert!(err.contains("moved") && err.contains("Chitrawan"), "{err}");
    let (code, _, err) = run(home.sandbox(&["lookup", "--isp", "vianet", "--user", "active"]));
    assert_eq!(code, 2);
    assert!(err.contains("izone"), "names the valid slugs: {err}");
    let (code, doc, _) = run_json(home.sandbox(&["--json", "lookup", "--isp", "vianet", "--user", "x"]));
    assert_eq!(code, 2);
    assert_eq!(doc["error"]["kind"], "usage");
    assert!(!home.state_path().exists(), "nothing reached the sandbox");
}

#[test]
fn missing_arguments_without_a_terminal_are_usage_errors() {
    let home = Home::new();
    for args in [
        vec!["lookup", "--user", "active"],
        vec!["--no-input", "lookup", "--isp", "izone"],
        vec!["--json", "lookup", "--isp", "izone"],
    ] {
        let (code, _, err) = run(home.sandbox(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("missing --"), "{err}");
        assert_eq!(
            err.trim().lines().filter(|l| l.starts_with("error")).count(),
            1,
            "one line: {err}"
        );
    }
}

fn with_token(home: &Home, token: &str) -> assert_cmd::Command {
    let mut c = home.cmd();
    c.env("KONNECT_TOKEN", token);
    c
}

#[test]
fn unsafe_token_setups_are_refused_before_any_request() {
    let home = Home::new();
    let cases: Vec<(assert_cmd::Command, &str)> = vec![
        (home.cmd(), "no token"),
        (
            {
                let mut c = with_token(&home, "TEST:abcdefghijklmnop");
                c.args(["--env", "live"]);
                c
            },
            "TEST: token",
        ),
        (with_token(&home, "livetokenabcdefghijk"), "live token"),
        (
            {
                let mut c = with_token(&home, "TEST:abcdefghijklmnop");
                c.args(["--base-url", "http://example.com"]);
                c
            },
            "plain http",
        ),
    ];
    for (mut c, expected) in cases {
        c.args(["lookup", "--isp", "izone", "--user", "active"]);
        let (code, out, err) = run(c);
        assert_eq!(code, 6, "{expected}: {err}");
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(out.is_empty());
        assert!(
            !err.contains("abcdefghijklmnop"),
            "the token never appears: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_token_in_a_readable_config_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let dir = home.path().join("config/konnect");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "token = \"TEST:abcdefghijklmnop\"\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut c = home.cmd();
    c.args(["lookup", "--isp", "izone", "--user", "active"]);
    let (code, _, err) = run(c);
    assert_eq!(code, 6, "{err}");
    assert!(err.contains(&format!("chmod 600 {}", file.display())), "{err}");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A closed loopback port: the token is accepted and the call fails as "not sent" (5), not 6.
    let mut c = home.cmd();
    c.args([
        "--base-url",
        "http://127.0.0.1:1",
        "lookup",
        "--isp",
        "izone",
        "--user",
        "active",
    ]);
    let (code, _, err) = run(c);
    assert_eq!(code, 5, "a private config file is accepted: {err}");
    assert!(err.contains("nothing was sent"), "{err}");
}

#[cfg(unix)]
#[test]
fn config_set_token_show_and_path() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let mut c = home.cmd();
    c.args(["config", "set-token"])
        .write_stdin("TEST:O7QxjFcdueNzAh9aBOsD\n");
    let (code, _, err) = run(c);
    assert_eq!(code, 0, "{err}");
    let path = home.path().join("config/konnect/config.toml");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let mut c = home.cmd();
    c.args(["config", "show"]);
    let (_, out, _) = run(c);
    assert!(
        out.contains("TEST:****BOsD") && out.contains("config file"),
        "{out}"
    );
    assert!(!out.contains("O7QxjFcdueNzAh9aBOsD"));
    let mut c = home.cmd();
    c.args(["config", "set", "env", "live"]);
    assert_eq!(run(c).0, 0);
    let mut c = home.cmd();
    c.args(["--json", "config", "show"]);
    let (_, doc, _) = run_json(c);
    assert_eq!(doc["env"]["value"], "live");
    assert_eq!(doc["base_url"]["value"], "https://services.khalti.com");
    let mut c = home.cmd();
    c.args(["config", "set", "token", "x"]);
    let (code, _, err) = run(c);
    assert_eq!(code, 2);
    assert!(err.contains("set-token"), "{err}");
    let mut c = home.cmd();
    c.args(["config", "path"]);
    assert_eq!(run(c).1.trim(), path.display().to_string());
}

#[test]
fn quiet_hides_the_banner_and_verbose_logs_without_the_token() {
    let home = Home::new();
    let (_, _, err) = run(home.sandbox(&["-q", "lookup", "--isp", "izone", "--user", "active"]));
    assert!(err.is_empty(), "{err}");
    let (_, _, err) = run(home.sandbox(&["-v", "lookup", "--isp", "izone", "--user", "active"]));
    assert!(
        err.contains("POST")
            && err.contains("/api/servicegroup/details/konnect/")
            && err.contains("HTTP 200"),
        "{err}"
    );
    assert!(
        err.contains("token=***") && !err.contains("sandbox-not-a-real-token"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn on_linux_config_and_journal_live_where_xdg_says() {
    let home = Home::new();
    let mut c = home.cmd();
    c.env_remove("KONNECT_CONFIG")
        .env_remove("KONNECT_DATA_DIR")
        .args(["--json", "config", "show"]);
    let (code, doc, _) = common::run_json(c);
    assert_eq!(code, 0);
    let config = home.path().join("config/konnect/config.toml");
    let journal = home.path().join("data/konnect/journal.sqlite3");
    assert_eq!(doc["config_path"], config.to_str().unwrap());
    assert_eq!(doc["journal"]["value"], journal.to_str().unwrap());
    // Without XDG variables, the fallbacks under HOME.
    let mut c = home.cmd();
    c.env_remove("KONNECT_CONFIG")
        .env_remove("KONNECT_DATA_DIR")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["--json", "config", "show"]);
    let (_, doc, _) = common::run_json(c);
    assert_eq!(
        doc["config_path"],
        home.path().join(".config/konnect/config.toml").to_str().unwrap()
    );
    let journal = home.path().join(".local/share/konnect/journal.sqlite3");
    assert_eq!(doc["journal"]["value"], journal.to_str().unwrap());
}
