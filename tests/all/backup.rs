//! A journal that survives the PC: `journal backup` while counters pay, the daily copies and
//! their pruning, doctor's warning, `journal restore` and its refusals, and a damaged journal
//! named at open with the copy to restore. Copies are read with SQL, not through konnect.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common;

use common::{Home, run, run_json};
use rusqlite::Connection;

const PKG: &str = "1-13286-5-3";

/// `konnect ARGS` with this home, without the sandbox.
fn plain(home: &Home, args: &[&str]) -> assert_cmd::Command {
    let mut c = home.cmd();
    c.args(args);
    c
}

fn pay(home: &Home) -> String {
    let (code, doc, err) = run_json(home.sandbox(&common::pay_args("active", PKG, &["--allow-repeat"])));
    assert_eq!(code, 0, "{err}");
    doc["reference"].as_str().unwrap().to_string()
}

fn folder(home: &Home) -> PathBuf {
    home.path().join("data/konnect/sandbox/journal.sqlite3.backups")
}

/// The copies in the journal's folder whose names start with `prefix`, sorted by name.
fn copies(home: &Home, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder(home))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix));
    found.sort();
    found
}

/// Payment rows in a SQLite file, after SQLite's own check of every page.
fn rows_in(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
    assert_eq!(verdict, "ok", "{}", path.display());
    conn.query_row("SELECT COUNT(*) FROM payments", [], |r| r.get(0))
        .unwrap()
}

fn age(path: &Path, days: u64) {
    let when = SystemTime::now() - Duration::from_secs(days * 24 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// Folds the log into the file, as SQLite does every thousand pages, so that the file alone
/// holds the journal (what a damaged disk then damages).
fn checkpoint(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

#[test]
fn a_backup_taken_while_counters_pay_is_whole_checked_and_private() {
    let home = Home::new();
    for _ in 0..3 {
        pay(&home);
    }
    let dest = home.path().join("usb");
    std::fs::create_dir(&dest).unwrap();
    let dest_text = dest.to_string_lossy().into_owned();
    let mut all = Vec::new();
    for i in 0..6 {
        let mut c = common::std_cmd(&home);
        if i % 2 == 0 {
            c.args(["--sandbox", "--json", "journal", "backup", &dest_text]);
        } else {
            c.args(["--sandbox"])
                .args(common::pay_args("active", PKG, &["--allow-repeat"]));
        }
        all.push(c);
    }
    let done = common::all_at_once(all);
    for (code, out, err) in &done {
        assert_eq!(*code, 0, "{out}{err}");
    }
    let copies: Vec<PathBuf> = std::fs::read_dir(&dest)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 3, "{copies:?}");
    for copy in &copies {
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("journal-") && name.ends_with(".sqlite3"),
            "{name}"
        );
        let n = rows_in(copy);
        assert!((3..=6).contains(&n), "{n} rows in {name}");
        assert_eq!(konnect::private::loose_mode(copy), None, "{name}");
        // A copy stands alone: no write-ahead log needed beside it.
        let conn = Connection::open(copy).unwrap();
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "delete");
    }
    let docs: Vec<serde_json::Value> = done
        .iter()
        .filter_map(|(_, out, _)| serde_json::from_str(out.trim()).ok())
        .filter(|d: &serde_json::Value| d.get("path").is_some())
        .collect();
    assert_eq!(docs.len(), 3);
    assert!(
        docs.iter()
            .all(|d| d["ok"] == true && d["rows"].as_i64() >= Some(3))
    );
    assert_eq!(home.journal().len(), 6);
}

#[test]
fn a_backup_never_overwrites_and_says_where_it_cannot_write() {
    let home = Home::new();
    pay(&home);
    let taken = home.path().join("taken.sqlite3");
    std::fs::write(&taken, "mine").unwrap();
    let (code, _, err) = run(home.sandbox(&["journal", "backup", &taken.to_string_lossy()]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("exists already") && err.contains("nothing was overwritten"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
    // A folder that is a file: unwritable for anyone, root included.
    let under_a_file = taken.join("copy.sqlite3");
    let (code, _, err) = run(home.sandbox(&["journal", "backup", &under_a_file.to_string_lossy()]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("does not exist") || err.contains("cannot write"),
        "{err}"
    );
    let missing = home.path().join("no/such/folder/copy.sqlite3");
    let (code, _, err) = run(home.sandbox(&["journal", "backup", &missing.to_string_lossy()]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("does not exist; create it"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // PostgreSQL's copies are pg_dump's; nothing is connected to.
    let (code, _, err) = run(plain(
        &home,
        &[
            "--journal",
            "postgres://konnect@127.0.0.1:1/konnect",
            "journal",
            "backup",
        ],
    ));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pg_dump"), "{err}");
}

#[test]
fn the_daily_copy_is_made_once_a_day_and_only_the_last_ones_are_kept() {
    let home = Home::new();
    let (code, _, err) = run(plain(&home, &["config", "set", "backups_kept", "2"]));
    assert_eq!(code, 0, "{err}");
    // An empty journal has nothing to keep; the first payment's command makes the copy.
    run(home.sandbox(&["history"]));
    assert!(copies(&home, "").is_empty());
    pay(&home);
    assert_eq!(copies(&home, "daily-").len(), 1);
    pay(&home);
    let daily = copies(&home, "daily-");
    assert_eq!(daily.len(), 1, "not twice in a day");
    assert_eq!(rows_in(&daily[0]), 1);
    // A person's own copy is never pruned.
    let (code, _, err) = run(home.sandbox(&["journal", "backup"]));
    assert_eq!(code, 0, "{err}");
    for (i, days) in [(0, 3), (1, 4), (2, 5)] {
        let old = folder(&home).join(format!("daily-2026010{i}-000000.sqlite3"));
        std::fs::copy(&daily[0], &old).unwrap();
        age(&old, days);
    }
    age(&daily[0], 2);
    age(&copies(&home, "journal-")[0], 2);
    let (code, _, err) = run(home.sandbox(&["history"]));
    assert_eq!(code, 0, "{err}");
    let daily = copies(&home, "daily-");
    assert_eq!(daily.len(), 2, "{daily:?}");
    assert!(
        daily.iter().all(|p| !p.to_string_lossy().contains("202601")),
        "{daily:?}"
    );
    assert_eq!(daily.iter().map(|p| rows_in(p)).max(), Some(2));
    assert_eq!(copies(&home, "journal-").len(), 1);
    // 0 turns them off; a wrong count is refused as it will be read.
    let (code, _, err) = run(plain(&home, &["config", "set", "backups_kept", "many"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("backups_kept must be a whole number"), "{err}");
}

#[test]
fn doctor_warns_when_the_newest_copy_is_older_than_two_days() {
    let home = Home::new();
    pay(&home);
    let (code, doc, err) = run_json(home.sandbox(&["--json", "doctor"]));
    assert_eq!(code, 0, "{err}");
    let check = |doc: &serde_json::Value| {
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "backups")
            .cloned()
            .unwrap()
    };
    assert_eq!(check(&doc)["warning"], serde_json::Value::Null, "{doc}");
    for copy in copies(&home, "") {
        age(&copy, 3);
    }
    let (code, out, err) = run(home.sandbox(&["doctor"]));
    assert_eq!(code, 0, "a warning, not a failure: {err}");
    assert!(
        out.contains("older than 2 days") && out.contains("konnect journal backup"),
        "{out}"
    );
    let (_, doc, _) = run_json(home.sandbox(&["--json", "doctor"]));
    assert_eq!(check(&doc)["warning"], true, "{doc}");
    for copy in copies(&home, "") {
        std::fs::remove_file(copy).unwrap();
    }
    let (_, out, _) = run(home.sandbox(&["--verbose", "doctor"]));
    assert!(out.contains("has no copy in"), "{out}");
}

#[test]
fn restore_keeps_the_journal_as_it_was_and_never_loses_newer_rows_unasked() {
    let home = Home::new();
    let first = pay(&home);
    pay(&home);
    let copy = home.path().join("copy.sqlite3");
    let (code, _, err) = run(home.sandbox(&["journal", "backup", &copy.to_string_lossy()]));
    assert_eq!(code, 0, "{err}");
    let later = pay(&home);
    let copy_text = copy.to_string_lossy().into_owned();
    let (code, _, err) = run(home.sandbox(&["journal", "restore", &copy_text]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("holds 1 payment(s) that the copy lacks") && err.contains(&later[24..]),
        "{err}"
    );
    assert_eq!(home.journal().len(), 3, "nothing changed");
    let (code, doc, err) = run_json(home.sandbox(&["--json", "journal", "restore", &copy_text, "--force"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["rows"], 2);
    assert_eq!(doc["replaced"], serde_json::json!([later]));
    let kept = PathBuf::from(doc["kept"].as_str().unwrap());
    assert!(
        kept.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("before-restore-")
    );
    assert_eq!(rows_in(&kept), 3);
    let now: Vec<String> = home.journal().into_iter().map(|r| r.0).collect();
    assert!(now.contains(&first) && !now.contains(&later), "{now:?}");
    // The kept file brings the newer row back, as the warning says.
    let (code, _, err) = run(home.sandbox(&[
        "--journal",
        &kept.to_string_lossy(),
        "journal",
        "copy",
        "--to",
        &home.journal_path().to_string_lossy(),
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(home.journal().len(), 3);
    let (code, out, err) = run(home.sandbox(&["status", &later]));
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn restore_refuses_files_that_are_not_a_journal_this_konnect_can_take() {
    let home = Home::new();
    pay(&home);
    let good = home.path().join("good.sqlite3");
    assert_eq!(
        run(home.sandbox(&["journal", "backup", &good.to_string_lossy()])).0,
        0
    );
    let text = home.path().join("notes.txt");
    std::fs::write(&text, "not a journal").unwrap();
    let empty = home.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let other = home.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
        .unwrap();
    let newer = home.path().join("newer.sqlite3");
    std::fs::copy(&good, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let broken = home.path().join("broken.sqlite3");
    std::fs::copy(&good, &broken).unwrap();
    spoil_page(&broken, 2);
    let cases = [
        (&text, "not a konnect journal (not a SQLite file)"),
        (&empty, "not a konnect journal (not a SQLite file)"),
        (&other, "not a konnect journal (no payments in it)"),
        (&newer, "newer konnect (schema 99"),
        (&broken, "damaged"),
        (&home.path().join("missing.sqlite3"), "cannot restore from"),
    ];
    for (file, says) in cases {
        let (code, _, err) = run(home.sandbox(&["journal", "restore", &file.to_string_lossy(), "--force"]));
        assert_eq!(code, 2, "{}: {err}", file.display());
        assert!(err.contains(says), "{}: {err}", file.display());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(home.journal().len(), 1, "nothing changed");
    }
}

/// Overwrites page `n` (from 1) of a SQLite file with bytes no page has.
fn spoil_page(path: &Path, n: u64) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::File::options().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start((n - 1) * 4096)).unwrap();
    f.write_all(&[0xA5; 4096]).unwrap();
}

#[test]
fn a_journal_cut_short_is_named_at_open_with_its_newest_copy_and_restored_from_it() {
    let home = Home::new();
    for _ in 0..8 {
        pay(&home);
    }
    let daily = copies(&home, "daily-");
    assert_eq!(daily.len(), 1);
    let journal = home.journal_path();
    checkpoint(&journal);
    let len = std::fs::metadata(&journal).unwrap().len();
    std::fs::File::options()
        .write(true)
        .open(&journal)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let commits = home.commits(None);
    let (code, doc, err) = run_json(home.sandbox(&common::pay_args("active", PKG, &["--allow-repeat"])));
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        doc["error"]["code"], "journal_damaged",
        "a script tells damage apart: {doc}"
    );
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.contains("is damaged (it is cut short"), "{message}");
    assert!(
        // Paths as the platform writes them (Wine's differ in separators from the test's).
        message.contains("konnect --journal ")
            && message.contains("journal.sqlite3 journal restore ")
            && message.ends_with(&*daily[0].file_name().unwrap().to_string_lossy()),
        "{message}"
    );
    assert_eq!(home.commits(None), commits, "nothing was sent");
    let (code, out, err) = run(home.sandbox(&["journal", "restore", &daily[0].to_string_lossy()]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Restored 1 payment(s)"), "{out}");
    let aside = copies(&home, "damaged-");
    assert_eq!(aside.len(), 1, "the damaged file is kept: {out}");
    assert_eq!(std::fs::metadata(&aside[0]).unwrap().len(), len / 2);
    let (code, _, err) = run(home.sandbox(&["history"]));
    assert_eq!(code, 0, "{err}");
    pay(&home);
}

#[test]
fn a_bad_page_is_named_with_the_copy_to_restore_not_read_as_an_empty_journal() {
    let home = Home::new();
    for _ in 0..8 {
        pay(&home);
    }
    let journal = home.journal_path();
    checkpoint(&journal);
    let pages = std::fs::metadata(&journal).unwrap().len() / 4096;
    for n in 2..=pages {
        spoil_page(&journal, n);
    }
    for args in [&["history"][..], &["report"], &["reconcile"]] {
        let (code, _, err) = run(home.sandbox(args));
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains("is damaged") && err.contains(" journal restore "),
            "{err}"
        );
    }
    let (code, out, _) = run(home.sandbox(&["doctor"]));
    assert_eq!(code, 6, "{out}");
    assert!(
        out.contains("is damaged") && out.contains("journal restore"),
        "{out}"
    );
}

// A hundred thousand rows and a loop of payments: Linux's (under Wine the starts alone are slow).
#[cfg(unix)]
#[test]
fn a_restore_while_counters_pay_never_loses_a_payment_they_were_told_is_written() {
    let home = Home::new();
    pay(&home);
    // Rows enough that the restore takes a while, so that the payments overlap it.
    home.add_old_payments(100_000);
    let copy = home.path().join("copy.sqlite3");
    assert_eq!(
        run(home.sandbox(&["journal", "backup", &copy.to_string_lossy()])).0,
        0
    );
    let mut restore = common::std_cmd(&home);
    restore
        .args([
            "--sandbox",
            "--json",
            "journal",
            "restore",
            &copy.to_string_lossy(),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = common::started(|| restore.spawn());
    // Once the restore is keeping the journal as it was, counters pay until it is done.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while copies(&home, "before-restore-").is_empty() && std::time::Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut paid = Vec::new();
    while paid.len() < 2 || child.try_wait().unwrap().is_none() {
        std::fs::remove_file(home.state_path()).ok();
        paid.push(pay(&home));
        assert!(paid.len() < 200, "the restore never ended");
    }
    let code = child.wait().unwrap().code();
    assert!(matches!(code, Some(0 | 2)), "{code:?}");
    let rows: Vec<String> = home.journal().into_iter().map(|r| r.0).collect();
    for reference in &paid {
        assert!(
            rows.contains(reference),
            "a paid payment left the journal: {reference}"
        );
    }
}

#[test]
fn a_journal_whose_file_is_gone_but_its_log_is_there_is_damaged_not_new() {
    let home = Home::new();
    for _ in 0..3 {
        pay(&home);
    }
    // Its rows are in the log until SQLite folds it in: a new file beside it would lose them.
    std::fs::remove_file(home.journal_path()).unwrap();
    let commits = home.commits(None);
    let (code, doc, err) = run_json(home.sandbox(&common::pay_args("active", PKG, &["--allow-repeat"])));
    assert_eq!(code, 1, "{err}");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("its write-ahead log (-wal) is there"),
        "{message}"
    );
    assert_eq!(home.commits(None), commits, "nothing was sent");
    // A copy whose writer was killed leaves an empty name: it is never the newest copy.
    let empty = folder(&home).join("journal-20991231-235959.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let (_, doc, _) = run_json(home.sandbox(&common::pay_args("active", PKG, &["--allow-repeat"])));
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("daily-") && !message.contains("20991231"),
        "{message}"
    );
}
