//! Hostile answers and hostile input: a service that sends terminal escapes and bidi overrides,
//! base URLs, amounts and files that try to slip past, and a bounded fuzz of unclear answers.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Home, TOKEN, against, altered, output, pay_at};
use konnect::api::{BULK_STATUS_PATH, COMMIT_PATH, DETAILS_PATH, STATUS_PATH};
use konnect::sandbox::{Reply, Request, Server, Simulator};
use konnect::text::is_unsafe;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::{Value, json};

const PKG: &str = "1-13286-5-3";

/// A forged screen: clear, home, red "PAID", a clipboard write (OSC 52), an RTL override.
const FORGED: &str =
    "\u{1b}[2J\u{1b}[H\u{1b}[31mPAID Rs. 1.00\u{1b}]52;c;ZXZpbA==\u{7}\u{202E}lanigiro\u{9b}0m\r\u{7f}";

/// No unsafe character in an output; its own line ends are ours.
fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| *c != '\n' && is_unsafe(*c)) {
        panic!("{what}: U+{:04X} reached the output:\n{text:?}", c as u32);
    }
}

/// Rewrites the simulator's JSON answer at `path` with `edit`.
fn rewrite(r: &Request, sim: &Simulator, path: &str, edit: impl Fn(&mut Value)) -> Option<Reply> {
    if r.path != path {
        return None;
    }
    let Reply::Full { status, body, .. } = sim.handle(r) else {
        return None;
    };
    let mut v: Value = serde_json::from_slice(&body).ok()?;
    edit(&mut v);
    Some(Reply::json(status, &v))
}

/// The simulator, with every string a cashier or owner will see replaced by a forged screen.
fn forging_server() -> Server {
    let (server, _) = altered(|r, sim| match r.path.as_str() {
        DETAILS_PATH => rewrite(r, sim, DETAILS_PATH, |v| {
            v["customer"]["name"] = json!(format!("=HYPERLINK(\"x\"){FORGED}"));
            v["customer"]["status"] = json!(FORGED);
            v["customer"]["mobile"] = json!(FORGED);
            v["current_subscription"] = json!({"package": FORGED, "end_date": FORGED, "status": FORGED});
            v["due"] = json!({"amount": 0, "message": FORGED});
            for p in v["packages"].as_array_mut().unwrap() {
                p["package_name"] = json!(format!("{FORGED} package"));
            }
        }),
        COMMIT_PATH => rewrite(r, sim, COMMIT_PATH, |v| {
            v["message"] = json!(FORGED);
            v["detail"] = json!(FORGED);
        }),
        STATUS_PATH => rewrite(r, sim, STATUS_PATH, |v| v["details"] = json!(FORGED)),
        BULK_STATUS_PATH => rewrite(r, sim, BULK_STATUS_PATH, |v| {
            for item in v["detail"].as_array_mut().unwrap() {
                item["details"] = json!(FORGED);
            }
        }),
        _ => None,
    });
    server
}

#[test]
fn forged_strings_from_the_service_never_reach_a_terminal_a_script_or_a_spreadsheet() {
    let home = Home::new();
    let server = forging_server();
    let base = server.base_url();
    let journal = home.path().join("j.sqlite3");
    let konnect = |args: &[&str]| {
        let (code, out, err) = output(against(&home, &base, TOKEN, &journal, args));
        assert_clean(&format!("{args:?} stdout"), &out);
        assert_clean(&format!("{args:?} stderr"), &err);
        (code, out, err)
    };
    let (code, out, _) = konnect(&["lookup", "--isp", "izone", "--user", "active"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("PAID Rs. 1.00"),
        "the text stays, its controls do not: {out}"
    );
    let (code, out, _) = konnect(&["--json", "lookup", "--isp", "izone", "--user", "active"]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(doc["customer"]["name"].as_str().unwrap().contains('\u{FFFD}'));

    let human: Vec<&str> = common::pay_args("active", PKG, &[]).into_iter().skip(1).collect();
    let (code, out, _) = konnect(&human);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("PAYMENT RECEIPT"), "{out}");
    let (code, doc, err) = pay_at(&home, &base, &journal, "due", &[]);
    assert_eq!(code, 0, "{doc}");
    assert_clean("pay --json", &doc.to_string());
    assert_clean("pay --json stderr", &err);
    let reference_paid = doc["reference"].as_str().unwrap().to_string();
    for args in [
        vec!["status", reference_paid.as_str()],
        vec!["--json", "status", reference_paid.as_str()],
        vec!["receipt", reference_paid.as_str()],
        vec!["history"],
        vec!["report"],
        vec!["reconcile"],
    ] {
        let (code, _, err) = konnect(&args);
        assert!(code == 0 || code == 4, "{args:?}: {err}");
    }
    let (code, csv, _) = konnect(&["history", "--csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    let name = row.get(6).unwrap();
    assert!(name.starts_with("'=HYPERLINK"), "a formula is disarmed: {name}");

    // A refusal whose words are forged is one clean error line.
    let (refusing, _) = altered(|r, _| {
        (r.path == DETAILS_PATH).then(|| {
            Reply::json(
                400,
                &json!({"status": false, "error_code": "4000", "details": FORGED, "message": FORGED}),
            )
        })
    });
    let (code, _, err) = output(against(
        &home,
        &refusing.base_url(),
        TOKEN,
        &journal,
        &["lookup", "--isp", "izone", "--user", "x"],
    ));
    assert_eq!(code, 3);
    assert_clean("refusal", &err);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
}

#[test]
fn base_urls_that_could_send_the_token_astray_are_usage_errors_before_anything_is_sent() {
    let home = Home::new();
    let lookup = ["lookup", "--isp", "izone", "--user", "active"];
    for (how, url) in [
        ("flag", "http://127.0.0.1:99999"),
        ("flag", "http://127.0.0.1:0"),
        ("flag", "https://user:pw-secret@uatservices.khalti.com"),
        ("flag", "ftp://uatservices.khalti.com"),
        ("flag", "https://"),
        ("env", "https://user:pw-secret@uatservices.khalti.com"),
        ("env", "gopher://x"),
    ] {
        let mut c = home.cmd();
        c.env("KONNECT_TOKEN", "TEST:abcdefghijklmnop");
        if how == "flag" {
            c.args(["--base-url", url]);
        } else {
            c.env("KONNECT_BASE_URL", url);
        }
        c.args(lookup);
        let (code, out, err) = common::run(c);
        assert_eq!(code, 2, "{how} {url}: {err}");
        assert!(out.is_empty());
        assert!(!err.contains("pw-secret"), "user info is never echoed: {err}");
    }
    // The live host is known however it is spelled.
    for url in [
        "HTTPS://SERVICES.KHALTI.COM",
        "https://services.khalti.com.",
        "https://services.khalti.com:443",
    ] {
        let mut c = home.cmd();
        c.env("KONNECT_TOKEN", "TEST:abcdefghijklmnop")
            .args(["--base-url", url])
            .args(lookup);
        let (code, _, err) = common::run(c);
        assert_eq!(code, 6, "{url}: {err}");
        assert!(
            err.contains("TEST: token cannot pay on the live service"),
            "{url}: {err}"
        );
    }
}

#[test]
fn amounts_are_taken_only_in_the_forms_people_write() {
    let home = Home::new();
    let pay_with = |amount: &str| {
        let flag = format!("--amount={amount}");
        common::run(home.sandbox(&common::pay_args("active", PKG, &["--allow-repeat", &flag])))
    };
    // The full list of forms is the unit test's; these are the ones seen taken before.
    for bad in [
        "59,99",
        ",,5999,,",
        "5550.001",
        "",
        "5999.00000000000000000000000000001",
    ] {
        let (code, _, err) = pay_with(bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(
            err.contains("5,999.00") || err.contains("empty"),
            "{bad:?} names the accepted forms: {err}"
        );
    }
    assert_eq!(home.commits(None), 0);
    for good in ["5999", "5,999", "5999.00"] {
        assert_eq!(pay_with(good).0, 0, "{good}");
    }
}

#[cfg(unix)]
#[test]
fn every_read_is_bounded() {
    let home = Home::new();
    // A file with no line ends at all is given up in bounded time and memory.
    let started = Instant::now();
    let (code, out, err) =
        common::run(home.sandbox(&["lookup", "--isp", "izone", "--users-from", "/dev/zero"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("has no end within"), "{err}");
    assert!(out.is_empty());
    assert!(started.elapsed() < Duration::from_secs(20));
    // An over-long line and a line that is not UTF-8 are failed lines of their own.
    let file = home.path().join("users.txt");
    let mut bytes = b"active\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 5000));
    bytes.extend_from_slice(b"\n\xff\xfe\nexpired\n");
    std::fs::write(&file, bytes).unwrap();
    let (code, out, _) =
        common::run(home.sandbox(&["lookup", "--isp", "izone", "--users-from", file.to_str().unwrap()]));
    assert_eq!(code, 2);
    let docs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let oks: Vec<bool> = docs.iter().map(|d| d["ok"].as_bool().unwrap()).collect();
    assert_eq!(oks, [true, false, false, true], "{out}");
    assert!(
        docs[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("longer than")
    );
    assert!(
        docs[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not UTF-8")
    );
    // A config file is a few lines; a huge one is refused, not read.
    let config = home.path().join("config/konnect/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, format!("# {}\n", "x".repeat(100_000))).unwrap();
    let mut c = home.cmd();
    c.args(["config", "show"]);
    let (code, _, err) = common::run(c);
    assert_eq!(code, 6, "{err}");
    assert!(err.contains("larger than"), "{err}");
}

#[cfg(unix)]
#[test]
fn errors_never_echo_what_the_config_or_the_environment_holds() {
    let home = Home::new();
    let config = home.path().join("config/konnect/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let secret = "TEST:pasted-in-the-wrong-place";
    for text in [
        format!("timeout = \"{secret}\"\n"),
        format!("env = \"{secret}\"\n"),
        format!("low_balance = \"{secret}\"\n"),
        format!("tokn = \"{secret}\"\n"),
        format!("\"{secret}\" = 1\n"),
        format!("base_url = \"https://u:{secret}@uatservices.khalti.com\"\ntoken = \"TEST:abc\"\n"),
    ] {
        std::fs::write(&config, &text).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
        let mut c = home.cmd();
        c.arg("balance");
        let (code, out, err) = common::run(c);
        assert!(code == 2 || code == 6, "{text}: {err}");
        assert!(
            !err.contains("pasted") && !out.contains("pasted"),
            "{text}: {err}"
        );
    }
    std::fs::remove_file(&config).unwrap();
    let mut c = home.cmd();
    c.env("KONNECT_ENV", secret).arg("balance");
    let (code, _, err) = common::run(c);
    assert_eq!(code, 2);
    assert!(!err.contains("pasted"), "{err}");
    // A token file others can read is refused as the config file is.
    let token_file = home.path().join("token");
    std::fs::write(&token_file, "TEST:abcdefghijklmnop\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut c = home.cmd();
    c.args(["--token-file", token_file.to_str().unwrap(), "balance"]);
    let (code, _, err) = common::run(c);
    assert_eq!(code, 6, "{err}");
    assert!(
        err.contains("chmod 600") && !err.contains("abcdefghijklmnop"),
        "{err}"
    );
}

/// Commit answers that are not clear: garbled, cut short, wrongly typed, contradictory, or
/// from a status that decides nothing. None may be reported as success or as failure.
fn unclear_commit_answer() -> impl Strategy<Value = (u16, Vec<u8>)> {
    let success = json!({"status": true, "state": "Success", "message": "ok", "credits_consumed": 5999,
                         "credits_available": 94001, "id": 7})
    .to_string();
    let len = success.len();
    let bad_money = prop_oneof![
        Just(json!([1])),
        Just(json!({})),
        Just(json!("lots")),
        Just(json!(true)),
        Just(json!("1e400"))
    ];
    let bad_state = prop_oneof![
        Just(json!(1)),
        Just(json!(true)),
        Just(json!(["Success"])),
        Just(json!({"s": "Success"})),
        Just(json!(null)),
        Just(json!("Succes"))
    ];
    let contradictions = prop_oneof![
        Just(r#"{"status": true, "state": "Success", "id": 1, "state": "Failed"}"#.to_string()),
        Just(r#"{"status": true, "state": "Failed", "state": "Success"}"#.to_string()),
        Just(r#"{"status": false, "state": "Success", "id": 1}"#.to_string()),
        Just(r#"{"status": "false", "state": "Success", "id": 1}"#.to_string()),
        Just(r#"{"status": true, "state": "Success", "error_code": "1017"}"#.to_string()),
        Just(r#"{"status": true, "state": "Success", "error": "server_error"}"#.to_string()),
    ];
    prop_oneof![
        (
            prop::sample::select(vec![200u16, 201, 500, 502, 503]),
            prop::collection::vec(any::<u8>(), 0..120)
        ),
        (1..len - 1).prop_map(move |n| (200u16, success.as_bytes()[..n].to_vec())),
        bad_state.prop_map(|s| (
            200u16,
            json!({"status": true, "state": s, "id": 1})
                .to_string()
                .into_bytes()
        )),
        (prop::sample::select(vec!["Success", "Failed"]), bad_money).prop_map(|(s, m)| (
            200u16,
            json!({"status": true, "state": s, "credits_available": m})
                .to_string()
                .into_bytes()
        )),
        contradictions.prop_map(|c| (200u16, c.into_bytes())),
        (500u16..600).prop_map(|s| (s, br#"{"status": true, "state": "Success"}"#.to_vec())),
        (300u16..309).prop_map(|s| (s, br#"{"status": true, "state": "Success"}"#.to_vec())),
    ]
}

#[test]
fn unclear_commit_answers_are_always_pending_and_never_outlast_the_timeout() {
    let home = Home::new();
    let journal = home.path().join("j.sqlite3");
    let answer: Arc<Mutex<(u16, Vec<u8>)>> = Arc::new(Mutex::new((200, Vec::new())));
    let served = answer.clone();
    let (server, _) = altered(move |r, _| {
        (r.path == COMMIT_PATH).then(|| {
            let (status, body) = served.lock().unwrap().clone();
            Reply::Full {
                status,
                content_type: "application/json",
                body,
            }
        })
    });
    let mut runner = TestRunner::new(Config {
        cases: 96,
        rng_seed: RngSeed::Fixed(20261127),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&unclear_commit_answer(), |(status, body)| {
            *answer.lock().unwrap() = (status, body.clone());
            let started = Instant::now();
            let (code, doc, err) = pay_at(
                &home,
                &server.base_url(),
                &journal,
                "active",
                &["--allow-repeat", "--timeout", "2"],
            );
            let shown = String::from_utf8_lossy(&body).into_owned();
            // The 2 s time-out plus starting konnect and its lookup: under Wine, on two busy
            // cores, starting a process alone can take seconds.
            let bound = Duration::from_secs(if cfg!(windows) { 10 } else { 4 });
            prop_assert!(started.elapsed() < bound, "{shown}: took {:?}", started.elapsed());
            prop_assert_eq!(code, 4, "HTTP {} {:?}: {} {}", status, shown, doc, err);
            prop_assert_eq!(doc["outcome"].as_str(), Some("pending"), "{:?}", shown);
            assert_clean("fuzzed pay", &format!("{doc}{err}"));
            Ok(())
        })
        .unwrap();
}

#[test]
fn garbled_details_and_status_answers_send_nothing_and_decide_nothing() {
    let home = Home::new();
    let journal = home.path().join("j.sqlite3");
    let answer: Arc<Mutex<(u16, Vec<u8>)>> = Arc::new(Mutex::new((200, Vec::new())));
    let garble_status = Arc::new(Mutex::new(false));
    let (served, status_garbled) = (answer.clone(), garble_status.clone());
    let (server, paths) = altered(move |r, _| {
        let garbled = || {
            let (status, body) = served.lock().unwrap().clone();
            Reply::Full {
                status,
                content_type: "application/json",
                body,
            }
        };
        match r.path.as_str() {
            DETAILS_PATH if !*status_garbled.lock().unwrap() => Some(garbled()),
            STATUS_PATH if *status_garbled.lock().unwrap() => Some(garbled()),
            _ => None,
        }
    });
    let base = server.base_url();
    let garbage = (
        prop::sample::select(vec![200u16, 301, 400, 401, 404, 500, 503]),
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..100),
            Just(br#"{"status": true, "customer": 1, "packages": "x", "session_id": []}"#.to_vec()),
            Just(br#"{"status": true, "state": "Success", "state": "Failed"}"#.to_vec()),
            Just(br#"{"status": false, "error_code": "002", "state": "Success"}"#.to_vec()),
        ],
    );
    let mut runner = TestRunner::new(Config {
        cases: 32,
        rng_seed: RngSeed::Fixed(9779869045195),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&garbage, |(status, body)| {
            *answer.lock().unwrap() = (status, body);
            paths.lock().unwrap().clear();
            let args = common::pay_args("active", PKG, &["--timeout", "2"]);
            let (code, out, err) = output(against(&home, &base, TOKEN, &journal, &args));
            prop_assert!(![0, 1, 4, 101].contains(&code), "{code}: {out}{err}");
            prop_assert!(
                !paths.lock().unwrap().iter().any(|p| p == COMMIT_PATH),
                "no commit after a garbled lookup"
            );
            assert_clean("garbled details", &format!("{out}{err}"));
            Ok(())
        })
        .unwrap();

    // A pending payment whose look-ups come back garbled stays pending.
    *garble_status.lock().unwrap() = true;
    *answer.lock().unwrap() = (200, br#"{"status": true, "state": "Queued"}"#.to_vec());
    let (code, doc, _) = pay_at(&home, &base, &journal, "queued", &[]);
    assert_eq!(code, 4, "{doc}");
    let reference = doc["reference"].as_str().unwrap().to_string();
    runner
        .run(&garbage, |(status, body)| {
            *answer.lock().unwrap() = (status, body);
            let (code, out, err) = output(against(
                &home,
                &base,
                TOKEN,
                &journal,
                &["--timeout", "2", "status", &reference],
            ));
            prop_assert_eq!(code, 4, "{}{}", out, err);
            let all = format!("{out}{err}");
            prop_assert!(!all.contains("nothing was charged"), "{}", all);
            Ok(())
        })
        .unwrap();
}

/// A key this konnect does not know (a newer konnect's) is a warning, not an error, and
/// `config set` keeps it.
#[test]
fn an_unknown_config_key_is_a_warning_and_survives_config_set() {
    let home = Home::new();
    let config = home.path().join("config/konnect/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "timeout = 20\nprinter = \"EPSON-TM\"\n").unwrap();
    let mut c = home.cmd();
    c.args(["config", "set", "receipt_width", "32"]);
    let (code, _, err) = common::run(c);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("does not know (printer)") && err.contains("ignored and kept"),
        "{err}"
    );
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains("printer = \"EPSON-TM\"")
            && text.contains("timeout = 20")
            && text.contains("receipt_width = 32"),
        "{text}"
    );
}
