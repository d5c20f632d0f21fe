//! Secret hygiene: a known token, through every subcommand's success and failure paths, with
//! -v and --dry-run, must appear nowhere in stdout, stderr, the journal or the sandbox's state.

use crate::common;

use common::{Home, SandboxProcess, run};

const TOKEN: &str = "TEST:KnownSecretToken0123456789";
const PKG: &str = "1-13286-5-3";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn the_token_appears_nowhere() {
    let home = Home::new();
    let state = home.path().join("sandbox-state.json");
    let journal = home.path().join("journal.sqlite3");
    // The slow user answers long after konnect's time-out, which is short for that user and
    // stays generous for the rest.
    let server = SandboxProcess::start_with(&home, Some(&state), &[("KONNECT_SANDBOX_SLOW_SECS", "60")]);
    let cmd = |args: &[&str]| {
        let mut c = home.cmd();
        // Two seconds: time enough for any answer on loopback, however busy the machine.
        c.env("KONNECT_TOKEN", TOKEN)
            .env("KONNECT_TIMEOUT_MS", "2000")
            .args([
                "--base-url",
                &server.base_url,
                "--journal",
                journal.to_str().unwrap(),
            ])
            .args(args);
        c
    };
    // Every command three ways (plain, -v, -v --json), run side by side: nothing here depends
    // on order, and the slow user's time-outs then overlap instead of adding up.
    let mut commands: Vec<(String, i32, assert_cmd::Command)> = Vec::new();
    let mut go = |args: &[&str], expected: i32| {
        for extra in [&[][..], &["-v"][..], &["-v", "--json"][..]] {
            let mut all: Vec<&str> = extra.to_vec();
            all.extend_from_slice(args);
            let mut c = cmd(&all);
            if args.contains(&"slow") {
                // Its commit never answers in time: waited for briefly, so the run stays short.
                c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
            }
            commands.push((format!("{all:?}"), expected, c));
        }
    };
    go(&["lookup", "--isp", "izone", "--user", "active"], 0);
    go(&["lookup", "--isp", "izone", "--user", "new"], 3);
    go(&["lookup", "--isp", "chitrawan-unique-net", "--user", "x"], 2);
    let pay = |user: &'static str, package: &'static str, extra: &[&'static str]| {
        let mut args = vec!["pay", "--isp", "izone", "--user", user, "--package", package];
        args.extend_from_slice(extra);
        args
    };
    go(&pay("active", PKG, &["--dry-run", "--allow-repeat"]), 0);
    for (user, expected) in [
        ("active", 0),
        ("fail", 3),
        ("queued", 4),
        ("slow", 4),
        ("boom", 4),
    ] {
        go(&pay(user, PKG, &["--yes", "--allow-repeat"]), expected);
    }
    go(&pay("active", "nope", &["--yes"]), 2);
    go(&["status", "01NOSUCHREF"], 2);
    go(&["balance"], 0);
    go(&["history", "--csv"], 0);
    go(&["receipt", "01NOSUCHREF"], 2);
    go(&["config", "show"], 0);
    // Eight at a time: enough that the slow user's time-outs overlap, not so many that a
    // busy machine makes ordinary answers late.
    let mut outputs: Vec<(String, String, String)> = Vec::new();
    let mut commands = commands.into_iter().peekable();
    while commands.peek().is_some() {
        let batch: Vec<_> = commands.by_ref().take(8).collect();
        outputs.extend(std::thread::scope(|scope| {
            let running: Vec<_> = batch
                .into_iter()
                .map(|(what, expected, c)| {
                    scope.spawn(move || {
                        let (code, out, err) = run(c);
                        assert_eq!(code, expected, "{what}: {err}");
                        (format!("{what} -> {code}"), out, err)
                    })
                })
                .collect();
            running.into_iter().map(|t| t.join().unwrap()).collect::<Vec<_>>()
        }));
    }
    // What reads the payments' rows runs after them.
    for args in [&["reconcile"][..], &["history"], &["report"]] {
        for extra in [&[][..], &["-v"][..], &["-v", "--json"][..]] {
            let mut all: Vec<&str> = extra.to_vec();
            all.extend_from_slice(args);
            let (code, out, err) = run(cmd(&all));
            assert!(code == 0 || code == 4, "{all:?}: {err}");
            outputs.push((format!("{all:?} -> {code}"), out, err));
        }
    }
    let mut listing = home.cmd();
    listing
        .env("KONNECT_TOKEN", TOKEN)
        .args(["--base-url", "http://example.com", "balance"]);
    let (code, out, err) = run(listing);
    assert_eq!(code, 6, "{err}");
    outputs.push(("plain http refusal".into(), out, err));
    let mut live = home.cmd();
    live.env("KONNECT_TOKEN", TOKEN)
        .args(["--env", "live", "-v", "balance"]);
    let (code, out, err) = run(live);
    assert_eq!(code, 6, "{err}");
    outputs.push(("live refusal".into(), out, err));

    assert!(outputs.len() > 50);
    for (what, out, err) in &outputs {
        assert!(
            !out.contains(TOKEN) && !err.contains(TOKEN),
            "{what} printed the token:\n{out}\n{err}"
        );
        assert!(
            !out.contains("KnownSecretToken"),
            "{what}: part of the token: {out}"
        );
    }
    let verbose: Vec<&(String, String, String)> = outputs.iter().filter(|o| o.0.contains("-v")).collect();
    assert!(
        verbose
            .iter()
            .any(|o| o.2.contains("token=***") && o.2.contains("/api/servicegroup/commit/konnect/"))
    );
    // Receipts of real payments exist, and neither the journal nor the sandbox's state hold the token.
    let mut files = vec![state.clone(), journal.clone()];
    for suffix in ["-wal", "-shm"] {
        let p = home.path().join(format!("journal.sqlite3{suffix}"));
        if p.exists() {
            files.push(p);
        }
    }
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        assert!(!bytes.is_empty(), "{}", f.display());
        assert!(
            !contains(&bytes, TOKEN) && !contains(&bytes, "KnownSecretToken"),
            "{} holds the token",
            f.display()
        );
    }
}

#[test]
fn config_show_masks_a_stored_token() {
    let home = Home::new();
    let mut c = home.cmd();
    c.args(["config", "set-token"]).write_stdin(format!("{TOKEN}\n"));
    let (code, out, err) = run(c);
    assert_eq!(code, 0);
    assert!(!out.contains(TOKEN) && !err.contains(TOKEN), "{err}");
    for args in [
        &["config", "show"][..],
        &["--json", "config", "show"][..],
        &["-v", "config", "show"][..],
    ] {
        let mut c = home.cmd();
        c.args(args);
        let (_, out, err) = run(c);
        assert!(out.contains("TEST:****6789"), "{out}");
        assert!(!out.contains(TOKEN) && !err.contains(TOKEN));
    }
}
