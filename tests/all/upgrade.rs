//! Upgrades keep every payment: journals written by each earlier schema, by the konnect that
//! wrote it (tests/fixtures/journals/make.sh), open in today's konnect with every row, its
//! amount and its state, and `history`/`report` say what the old konnect said.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Home, output, std_cmd};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/journals")
        .join(name)
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// (reference, outcome, amount, isp, user, package id) of each row, by reference.
fn rows_of(history: &Value) -> Vec<(String, String, String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut rows: Vec<_> = history["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                s(&p["reference"]),
                s(&p["outcome"]),
                s(&p["package"]["amount"]),
                s(&p["isp"]),
                s(&p["user"]),
                s(&p["package"]["id"]),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The raw rows as stored: (reference, outcome, amount).
fn stored(journal: &Path) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let mut stmt = conn
        .prepare("SELECT reference, outcome, amount FROM payments ORDER BY reference")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn journals_of_every_earlier_schema_keep_every_payment() {
    for schema in 1..=4 {
        let home = Home::new();
        let journal = home.path().join(format!("schema-{schema}.sqlite3"));
        std::fs::copy(fixture(&format!("schema-{schema}.sqlite3")), &journal).unwrap();
        let before = stored(&journal);
        let states: std::collections::BTreeSet<&str> = before.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            states.into_iter().collect::<Vec<_>>(),
            ["failed", "pending", "sending", "success"],
            "schema {schema}: the fixture has a row of every state"
        );
        let konnect = |args: &[&str]| {
            let mut c = std_cmd(&home);
            c.args(["--sandbox", "--journal", journal.to_str().unwrap()])
                .args(args);
            c.env("TZ", "UTC");
            output(c)
        };
        let (code, out, err) = konnect(&["--json", "history"]);
        assert_eq!(code, 0, "schema {schema}: {err}");
        let history: Value = serde_json::from_str(&out).unwrap();
        let old = json(&fixture(&format!("schema-{schema}.history.json")));
        assert_eq!(
            rows_of(&history),
            rows_of(&old),
            "schema {schema}: history as the old konnect had it"
        );
        assert_eq!(
            stored(&journal),
            before,
            "schema {schema}: every row, amount and state kept"
        );
        let version: i64 = rusqlite::Connection::open(&journal)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            version as usize,
            konnect::journal::SQLITE_VERSION,
            "schema {schema}: migrated"
        );

        let old = json(&fixture(&format!("schema-{schema}.report.json")));
        let (code, out, err) = konnect(&["--json", "report", "--date", old["date"].as_str().unwrap()]);
        assert_eq!(code, 0, "schema {schema}: {err}");
        let report: Value = serde_json::from_str(&out).unwrap();
        for key in ["totals", "groups", "date_bs"] {
            assert_eq!(report[key], old[key], "schema {schema}: report {key}");
        }
        let pending = |r: &Value| {
            let mut v: Vec<String> = r["pending_references"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            pending(&report),
            pending(&old),
            "schema {schema}: pending references"
        );
    }
}
