//! The payment journal: one SQLite row per payment attempt, written before the request leaves.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::api::Outcome;
use crate::failure::Failure;
use crate::money::Npr;

/// Numbered migrations; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[r#"
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
"#];

/// What is known before the commit is sent.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub reference: String,
    pub env: String,
    pub isp: String,
    pub username: String,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: String,
    pub amount: Npr,
}

/// What the answer (or its absence) decided.
#[derive(Debug, Clone, Default)]
pub struct Settlement {
    pub outcome: Option<Outcome>,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
}

/// One row of the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub reference: String,
    pub created_ms: i64,
    pub settled_ms: Option<i64>,
    pub env: String,
    pub isp: String,
    pub username: String,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: Option<String>,
    pub amount: Npr,
    /// `sending` (written ahead, no answer recorded yet), `pending`, `success` or `failed`.
    pub outcome: String,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
}

impl Payment {
    /// A row still `sending` counts as pending: the process died with the request possibly out.
    pub fn outcome(&self) -> Outcome {
        Outcome::parse(&self.outcome).unwrap_or(Outcome::Pending)
    }

    pub fn is_settled(&self) -> bool {
        matches!(self.outcome.as_str(), "success" | "failed")
    }

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Payment> {
        let money = |i: usize| -> rusqlite::Result<Option<Npr>> {
            Ok(r.get::<_, Option<String>>(i)?
                .and_then(|t| Npr::parse_signed(&t).ok()))
        };
        Ok(Payment {
            reference: r.get(0)?,
            created_ms: r.get(1)?,
            settled_ms: r.get(2)?,
            env: r.get(3)?,
            isp: r.get(4)?,
            username: r.get(5)?,
            customer_name: r.get(6)?,
            package_id: r.get(7)?,
            package_name: r.get(8)?,
            amount: money(9)?.unwrap_or(Npr::ZERO),
            outcome: r.get(10)?,
            state: r.get(11)?,
            transaction_id: r.get(12)?,
            credits_available: money(13)?,
            credits_consumed: money(14)?,
            message: r.get(15)?,
        })
    }
}

const COLUMNS: &str = "reference, created_ms, settled_ms, env, isp, username, customer_name, package_id, \
    package_name, amount, outcome, state, transaction_id, credits_available, credits_consumed, message";

/// Which rows `history` wants.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
    pub isp: Option<String>,
    pub username: Option<String>,
    /// Outcomes to keep (`pending` also keeps `sending`).
    pub outcomes: Vec<&'static str>,
    pub limit: Option<u32>,
}

/// An open journal.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
}

fn db_error(path: &Path) -> impl Fn(rusqlite::Error) -> Failure + '_ {
    move |e| Failure::internal(format!("journal {}: {e}", path.display()))
}

impl Journal {
    /// Opens (creating with mode 0600, migrating) the journal. WAL, full sync, and a busy
    /// time-out so that two terminals on one machine can pay at the same time.
    pub fn open(path: &Path) -> Result<Journal, Failure> {
        let io_fail = |e: std::io::Error| {
            Failure::internal(format!("cannot create the journal {}: {e}", path.display()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::settings::create_private_dir(dir).map_err(io_fail)?;
        }
        if !path.exists() {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(path)
                .map_err(io_fail)?;
        }
        let err = db_error(path);
        let conn = Connection::open(path).map_err(&err)?;
        conn.busy_timeout(Duration::from_secs(15)).map_err(&err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(&err)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(&err)?;
        let mut journal = Journal {
            conn,
            path: path.to_path_buf(),
        };
        journal.migrate()?;
        Ok(journal)
    }

    fn migrate(&mut self) -> Result<(), Failure> {
        let path = self.path.clone();
        let err = db_error(&path);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&err)?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(&err)?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(Failure::internal(format!(
                "journal {} was written by a newer konnect (schema {version}); upgrade konnect",
                path.display()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql).map_err(&err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(&err)?;
        }
        tx.commit().map_err(&err)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The write-ahead row: inserted as `sending`, durable before this returns.
    pub fn record_attempt(&self, a: &Attempt) -> Result<(), Failure> {
        self.conn
            .execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer_name, package_id, \
                 package_name, amount, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'sending')",
                params![
                    a.reference,
                    crate::clock::now_ms(),
                    a.env,
                    a.isp,
                    a.username,
                    a.customer_name,
                    a.package_id,
                    a.package_name,
                    a.amount.decimal().to_string()
                ],
            )
            .map_err(db_error(&self.path))?;
        Ok(())
    }

    /// Records what the answer decided. Fields the settlement leaves empty keep their values.
    pub fn settle(&self, reference: &str, s: &Settlement) -> Result<(), Failure> {
        let outcome = s.outcome.map(|o| o.as_str());
        let settled = s
            .outcome
            .filter(|o| *o != Outcome::Pending)
            .map(|_| crate::clock::now_ms());
        let text = |n: Option<Npr>| n.map(|v| v.decimal().to_string());
        self.conn
            .execute(
                "UPDATE payments SET outcome = COALESCE(?2, outcome), settled_ms = COALESCE(?3, settled_ms), \
                 state = COALESCE(?4, state), transaction_id = COALESCE(?5, transaction_id), \
                 credits_available = COALESCE(?6, credits_available), credits_consumed = COALESCE(?7, credits_consumed), \
                 message = COALESCE(?8, message) WHERE reference = ?1",
                params![
                    reference, outcome, settled, s.state, s.transaction_id, text(s.credits_available),
                    text(s.credits_consumed), s.message
                ],
            )
            .map_err(db_error(&self.path))?;
        if let Some(credits) = s.credits_available {
            self.set_last_balance(credits)?;
        }
        Ok(())
    }

    pub fn get(&self, reference: &str) -> Result<Option<Payment>, Failure> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM payments WHERE reference = ?1"),
                [reference],
                Payment::from_row,
            )
            .optional()
            .map_err(db_error(&self.path))
    }

    /// The newest success, pending or unsettled payment for this customer since `since_ms`.
    pub fn recent_for(&self, isp: &str, username: &str, since_ms: i64) -> Result<Option<Payment>, Failure> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM payments WHERE isp = ?1 AND username = ?2 AND created_ms >= ?3 \
                     AND outcome IN ('success', 'pending', 'sending') ORDER BY created_ms DESC LIMIT 1"
                ),
                params![isp, username, since_ms],
                Payment::from_row,
            )
            .optional()
            .map_err(db_error(&self.path))
    }

    pub fn unsettled_count(&self) -> Result<i64, Failure> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM payments WHERE outcome IN ('pending', 'sending')",
                [],
                |r| r.get(0),
            )
            .map_err(db_error(&self.path))
    }

    /// Every payment that is not settled, oldest first.
    pub fn unsettled(&self) -> Result<Vec<Payment>, Failure> {
        self.query(&Filter {
            outcomes: vec!["pending"],
            ..Filter::default()
        })
        .map(|mut v| {
            v.reverse();
            v
        })
    }

    /// Rows matching the filter, newest first.
    pub fn query(&self, f: &Filter) -> Result<Vec<Payment>, Failure> {
        let mut sql = format!("SELECT {COLUMNS} FROM payments WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(s) = f.since_ms {
            args.push(s.into());
            sql.push_str(&format!(" AND created_ms >= ?{}", args.len()));
        }
        if let Some(u) = f.until_ms {
            args.push(u.into());
            sql.push_str(&format!(" AND created_ms < ?{}", args.len()));
        }
        if let Some(i) = &f.isp {
            args.push(i.clone().into());
            sql.push_str(&format!(" AND isp = ?{}", args.len()));
        }
        if let Some(u) = &f.username {
            args.push(u.clone().into());
            sql.push_str(&format!(" AND username = ?{}", args.len()));
        }
        if !f.outcomes.is_empty() {
            let mut names: Vec<&str> = f.outcomes.clone();
            if names.contains(&"pending") {
                names.push("sending");
            }
            let list: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            sql.push_str(&format!(" AND outcome IN ({})", list.join(", ")));
        }
        sql.push_str(" ORDER BY created_ms DESC, reference DESC");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let err = db_error(&self.path);
        let mut stmt = self.conn.prepare(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), Payment::from_row)
            .map_err(&err)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(&err)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), Failure> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
                [key, value],
            )
            .map_err(db_error(&self.path))?;
        Ok(())
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>, Failure> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(db_error(&self.path))
    }

    /// Remembers a balance the service reported, for warnings that must not cost a request.
    pub fn set_last_balance(&self, credits: Npr) -> Result<(), Failure> {
        self.set_meta("last_balance", &credits.decimal().to_string())
    }

    /// The account balance last seen in a commit or balance answer (no request made).
    pub fn last_balance(&self) -> Result<Option<Npr>, Failure> {
        Ok(self
            .meta("last_balance")?
            .and_then(|t| Npr::parse_signed(&t).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(reference: &str) -> Attempt {
        Attempt {
            reference: reference.into(),
            env: "TEST".into(),
            isp: "izone".into(),
            username: "active".into(),
            customer_name: Some("A".into()),
            package_id: "p".into(),
            package_name: "P".into(),
            amount: Npr::parse("5999").unwrap(),
        }
    }

    #[test]
    fn writes_ahead_then_settles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        let j = Journal::open(&path).unwrap();
        j.record_attempt(&attempt("r1")).unwrap();
        assert_eq!(j.unsettled_count().unwrap(), 1);
        assert_eq!(j.get("r1").unwrap().unwrap().outcome(), Outcome::Pending);
        assert!(j.record_attempt(&attempt("r1")).is_err(), "references are unique");
        j.settle(
            "r1",
            &Settlement {
                outcome: Some(Outcome::Success),
                transaction_id: Some("7".into()),
                credits_available: Some(Npr::parse("94001").unwrap()),
                ..Settlement::default()
            },
        )
        .unwrap();
        let p = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (p.outcome.as_str(), p.transaction_id.as_deref()),
            ("success", Some("7"))
        );
        assert!(p.settled_ms.is_some());
        assert_eq!(j.last_balance().unwrap().unwrap().fixed2(), "94001.00");
        assert_eq!(j.unsettled_count().unwrap(), 0);
        assert!(j.recent_for("izone", "active", 0).unwrap().is_some());
        assert!(j.recent_for("izone", "other", 0).unwrap().is_none());
        drop(j);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let again = Journal::open(&path).unwrap();
        assert_eq!(again.query(&Filter::default()).unwrap().len(), 1);
    }
}
