//! The journal's schema and how a database comes to have it: numbered migrations for SQLite
//! (`PRAGMA user_version`) and PostgreSQL (a table), each run once, under a lock.

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, TransactionBehavior};

use super::store::BUSY;

/// Numbered migrations; `PRAGMA user_version` says how many have run.
pub(super) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE payments (
    reference         TEXT PRIMARY KEY,
    created_ms        INTEGER NOT NULL,
    settled_ms        INTEGER,
    env               TEXT NOT NULL,
    isp               TEXT NOT NULL,
    username          TEXT NOT NULL,
    customer_name     TEXT,
    package_id        TEXT NOT NULL,
    package_name      TEXT,
    amount            TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('sending', 'pending', 'success', 'failed')),
    state             TEXT,
    transaction_id    TEXT,
    credits_available TEXT,
    credits_consumed  TEXT,
    message           TEXT
);
CREATE INDEX payments_customer ON payments (isp, username, created_ms);
CREATE INDEX payments_outcome ON payments (outcome);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"#,
    // 2: the guard keys on the service's own customer id (one customer, several handles); a
    // final row keeps later contradicting answers as a note; the last balance is per environment.
    r#"
ALTER TABLE payments ADD COLUMN customer TEXT;
UPDATE payments SET customer = username;
ALTER TABLE payments ADD COLUMN note TEXT;
CREATE INDEX payments_env_customer ON payments (env, isp, customer, created_ms);
CREATE INDEX payments_env_created ON payments (env, created_ms);
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'last_balance:' || (SELECT env FROM payments ORDER BY created_ms DESC LIMIT 1), value
    FROM meta WHERE key = 'last_balance' AND EXISTS (SELECT 1 FROM payments);
DELETE FROM meta WHERE key = 'last_balance';
"#,
    // 3: when the commit's answer was due at the latest, so that a look-up is not taken as
    // conclusive while the commit may still be on its way.
    r#"
ALTER TABLE payments ADD COLUMN answer_due_ms INTEGER;
"#,
    // 4: which counter (computer) made the payment, for a shop whose counters share a journal.
    r#"
ALTER TABLE payments ADD COLUMN counter TEXT;
"#,
    // 5: a year of rows: unsettled payments without reading the settled ones, and short
    // references through their tail.
    r#"
CREATE INDEX payments_env_outcome ON payments (env, outcome, created_ms);
CREATE INDEX payments_env_tail ON payments (env, substr(reference, -8));
"#,
];

/// PostgreSQL's schema, numbered as SQLite's is; a table records how many have run.
pub(super) const PG_MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE payments (
    reference         TEXT PRIMARY KEY,
    created_ms        BIGINT NOT NULL,
    settled_ms        BIGINT,
    env               TEXT NOT NULL,
    isp               TEXT NOT NULL,
    username          TEXT NOT NULL,
    customer_name     TEXT,
    package_id        TEXT NOT NULL,
    package_name      TEXT,
    amount            TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('sending', 'pending', 'success', 'failed')),
    state             TEXT,
    transaction_id    TEXT,
    credits_available TEXT,
    credits_consumed  TEXT,
    message           TEXT,
    customer          TEXT,
    note              TEXT,
    answer_due_ms     BIGINT,
    counter           TEXT
);
CREATE INDEX payments_env_customer ON payments (env, isp, customer, created_ms);
CREATE INDEX payments_env_created ON payments (env, created_ms);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"#,
    // 2: as SQLite's 5.
    r#"
CREATE INDEX payments_env_outcome ON payments (env, outcome, created_ms);
CREATE INDEX payments_env_tail ON payments (env, right(reference, 8));
"#,
];

/// An error of ours inside rusqlite's type, shown as just its message.
pub(super) fn plain_error(message: String) -> rusqlite::Error {
    // rusqlite prints a conversion failure of an unknown column (usize::MAX) as its message alone.
    rusqlite::Error::FromSqlConversionFailure(usize::MAX, rusqlite::types::Type::Text, message.into())
}

/// Creates the file with mode 0600 before SQLite does, so it is never readable by others.
pub(super) fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::private::create_dir(dir)?;
    }
    crate::private::touch(path)
}

pub(super) fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // No checkpoint when a process closes the journal (two syncs each, and a new log with two
    // more for the next): the log stays beside the file, durable, and SQLite folds it into the
    // file every thousand pages. A pay costs three syncs: the row ahead (with the folder, once
    // per process) and its settle.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Runs the migrations this file has not seen, in one write transaction.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(plain_error(newer(version, known)));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()
}

/// PostgreSQL's migrations, under an advisory lock so that counters starting at once take turns.
pub(super) fn migrate_postgres(client: &mut postgres::Client) -> Result<(), String> {
    const LOCK: i64 = 0x6b6f6e6e; // "konn"
    let e = super::postgres::pg_error;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK])
        .map_err(e)?;
    let result = (|| {
        client
            .batch_execute("CREATE TABLE IF NOT EXISTS konnect_schema (version INT NOT NULL)")
            .map_err(e)?;
        let version: i32 = client
            .query_opt("SELECT version FROM konnect_schema", &[])
            .map_err(e)?
            .map_or(0, |r| r.get(0));
        let known = PG_MIGRATIONS.len() as i32;
        if version > known {
            return Err(newer(i64::from(version), i64::from(known)));
        }
        for (i, sql) in PG_MIGRATIONS.iter().enumerate().skip(version as usize) {
            let mut tx = client.transaction().map_err(e)?;
            tx.batch_execute(sql).map_err(e)?;
            tx.execute("DELETE FROM konnect_schema", &[]).map_err(e)?;
            tx.execute(
                "INSERT INTO konnect_schema (version) VALUES ($1)",
                &[&(i as i32 + 1)],
            )
            .map_err(e)?;
            tx.commit().map_err(e)?;
        }
        Ok(())
    })();
    let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&LOCK]);
    result
}

/// The schema version this konnect writes in a SQLite journal.
pub const SQLITE_VERSION: usize = MIGRATIONS.len();
/// The schema version this konnect writes in a PostgreSQL journal.
pub const POSTGRES_VERSION: usize = PG_MIGRATIONS.len();

/// A journal from a newer konnect, named with both versions: it is never migrated down.
pub(super) fn newer(found: i64, known: i64) -> String {
    format!(
        "it was written by a newer konnect (schema {found}; this konnect {} knows schema {known} at most); upgrade konnect",
        crate::build_info::VERSION
    )
}
