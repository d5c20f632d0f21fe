//! The payment journal: one SQLite row per payment attempt, written before the request leaves.
//! A journal is opened for one environment (TEST or LIVE) and sees only that environment's rows.

pub mod backup;
pub mod customers;
mod damage;
mod days;
pub use damage::DAMAGED;
pub use days::Day;
mod location;
mod paying;
mod payment;
pub mod postgres;
pub mod postgres_url;
mod read_only;
pub mod restore;
mod schema;
mod short_refs;
pub mod store;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::failure::Failure;
use crate::money::Npr;
pub use location::{is_postgres, shown};
use location::{keyword_string, other_url};
pub use paying::{Begun, LONGEST_WRITE, WRITE_SLACK};
use payment::COLUMNS;
pub use payment::{Attempt, Payment, RowState, Settled, Settlement};
pub use schema::{POSTGRES_VERSION, SQLITE_VERSION};
use schema::{connect, create_private, migrate_postgres};
use store::{Store, Value, retry_busy};

/// Which rows `history` wants.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
    pub isp: Option<String>,
    pub username: Option<String>,
    /// Made at this counter (any case).
    pub counter: Option<String>,
    /// Row states to keep.
    pub states: Vec<RowState>,
    pub limit: Option<u32>,
}

/// What [`Journal::copy_into`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Copied {
    /// Rows that were not there and now are.
    pub copied: u64,
    /// Rows that were there already, the same.
    pub already: u64,
    /// References there already with other contents: left as they were, for a person to check.
    pub differing: Vec<String>,
}

/// An open journal, scoped to one environment: a SQLite file or a PostgreSQL database.
pub struct Journal {
    store: RefCell<Box<dyn Store>>,
    /// The file, or the database's URL without its password: what messages name.
    shown: PathBuf,
    env: String,
    /// Where it was opened from (a URL may hold a password: never shown), to reconnect.
    location: PathBuf,
}

impl Journal {
    /// Opens the journal, seeing the rows of `env` only: a SQLite file (created with mode 0600,
    /// WAL, full sync, waiting on other processes) or, for a `postgres://` URL, PostgreSQL.
    /// Either is migrated first.
    pub fn open(location: &Path, env: &str) -> Result<Journal, Failure> {
        if is_postgres(location) {
            return Journal::open_postgres(&location.to_string_lossy(), env);
        }
        if keyword_string(location) {
            return Err(Failure::usage(
                "the journal is a SQLite file or a postgres://user@host/db URL; a keyword string (host=… dbname=…) is not taken",
            ));
        }
        if let Some(scheme) = other_url(location) {
            return Err(Failure::usage(format!(
                "the journal is a SQLite file or a postgres:// URL, not a {scheme}:// URL"
            )));
        }
        let path = location;
        if let Some(why) = damage::header_problem(path) {
            return Err(damage::damaged(path, &why));
        }
        create_private(path)
            .map_err(|e| Failure::internal(format!("cannot create the journal {}: {e}", path.display())))?;
        let conn = retry_busy(|| connect(path)).map_err(|e| {
            if damage::is_damage(&e) {
                damage::damaged(path, &e.to_string())
            } else {
                Failure::internal(format!("journal {}: {e}", path.display()))
            }
        })?;
        Ok(Journal {
            store: RefCell::new(Box::new(store::Sqlite::new(conn))),
            shown: path.to_path_buf(),
            env: env.to_string(),
            location: path.to_path_buf(),
        })
    }

    fn open_postgres(url: &str, env: &str) -> Result<Journal, Failure> {
        let target = postgres_url::Target::parse(url).map_err(Failure::usage)?;
        let shown = PathBuf::from(target.shown());
        let fail = |e: String| Failure::internal(format!("journal {}: {e}", target.shown()));
        let mut client = target.connect().map_err(&fail)?;
        migrate_postgres(&mut client).map_err(&fail)?;
        Ok(Journal {
            store: RefCell::new(Box::new(postgres::Postgres::new(client).map_err(&fail)?)),
            shown,
            env: env.to_string(),
            location: PathBuf::from(url),
        })
    }

    /// Connects again when the database dropped the connection (a restart, a network cut), so
    /// that a long-running counter is not stuck with a dead one. Says whether it did.
    pub fn reconnect_if_lost(&mut self) -> Result<bool, Failure> {
        if !self.store.borrow_mut().is_closed() {
            return Ok(false);
        }
        let fresh = Journal::open(&self.location, &self.env)?;
        self.store = fresh.store;
        Ok(true)
    }

    pub fn path(&self) -> &Path {
        &self.shown
    }

    pub fn env(&self) -> &str {
        &self.env
    }

    fn err(&self) -> impl Fn(String) -> Failure + '_ {
        move |e| {
            if damage::says_damage(&e) && !is_postgres(&self.location) {
                return damage::damaged(&self.location, &e);
            }
            let kind = if e.starts_with(store::UNANSWERED) {
                crate::failure::Kind::Network
            } else {
                crate::failure::Kind::Internal
            };
            Failure::new(kind, format!("journal {}: {e}", self.shown.display()))
        }
    }

    fn rows(&self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, Failure> {
        self.store.borrow_mut().rows(sql, args).map_err(self.err())
    }

    fn execute(&self, sql: &str, args: &[Value]) -> Result<u64, Failure> {
        self.store.borrow_mut().execute(sql, args).map_err(self.err())
    }

    fn payments(&self, sql: &str, args: &[Value]) -> Result<Vec<Payment>, Failure> {
        self.rows(sql, args)?
            .iter()
            .map(|r| Payment::from_values(r))
            .collect::<Result<Vec<_>, String>>()
            .map_err(self.err())
    }

    /// One row by its full reference, whatever its environment (callers check `env`).
    pub fn get(&self, reference: &str) -> Result<Option<Payment>, Failure> {
        let sql = format!("SELECT {COLUMNS} FROM payments WHERE reference = ?1");
        Ok(self.payments(&sql, &[reference.into()])?.into_iter().next())
    }

    /// The payments of this environment a person may mean by `text`: its reference, or the
    /// start or the end of it (the short form printed on receipts is an end).
    pub fn matching(&self, text: &str) -> Result<Vec<Payment>, Failure> {
        let text = text.trim().to_ascii_lowercase();
        // References are letters, digits and hyphens: nothing LIKE would read as a wildcard.
        let sql = format!(
            "SELECT {COLUMNS} FROM payments WHERE env = ?1 AND (reference = ?2 OR reference LIKE ?2 || '%' \
             OR reference LIKE '%' || ?2) ORDER BY created_ms DESC LIMIT 11"
        );
        self.payments(&sql, &[self.env.as_str().into(), text.into()])
    }

    pub fn unsettled_count(&self) -> Result<i64, Failure> {
        let rows = self.rows(
            "SELECT COUNT(*) FROM payments WHERE env = ?1 AND outcome IN ('pending', 'sending')",
            &[self.env.as_str().into()],
        )?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int)
            .unwrap_or(0))
    }

    /// Every payment of this environment that is not settled, oldest first.
    pub fn unsettled(&self) -> Result<Vec<Payment>, Failure> {
        self.query(&Filter {
            states: RowState::UNSETTLED.to_vec(),
            ..Filter::default()
        })
        .map(|mut v| {
            v.reverse();
            v
        })
    }

    /// Rows of this environment matching the filter, newest first.
    pub fn query(&self, f: &Filter) -> Result<Vec<Payment>, Failure> {
        let mut args: Vec<Value> = vec![self.env.as_str().into()];
        let mut sql = format!("SELECT {COLUMNS} FROM payments WHERE env = ?1");
        if let Some(s) = f.since_ms {
            args.push(s.into());
            sql.push_str(&format!(" AND created_ms >= ?{}", args.len()));
        }
        if let Some(u) = f.until_ms {
            args.push(u.into());
            sql.push_str(&format!(" AND created_ms < ?{}", args.len()));
        }
        if let Some(i) = &f.isp {
            args.push(i.as_str().into());
            sql.push_str(&format!(" AND isp = ?{}", args.len()));
        }
        if let Some(u) = &f.username {
            args.push(u.as_str().into());
            // The customer by any handle they were paid under, in any case.
            sql.push_str(&format!(
                " AND (lower(username) = lower(?{0}) OR lower(customer) = lower(?{0}) OR customer IN \
                 (SELECT customer FROM payments WHERE lower(username) = lower(?{0})))",
                args.len()
            ));
        }
        if let Some(c) = &f.counter {
            args.push(c.as_str().into());
            sql.push_str(&format!(" AND lower(counter) = lower(?{})", args.len()));
        }
        if !f.states.is_empty() {
            let list: Vec<String> = f.states.iter().map(|s| format!("'{}'", s.as_str())).collect();
            sql.push_str(&format!(" AND outcome IN ({})", list.join(", ")));
        }
        // Rows of some states come through the index on the state (a year of settled rows is
        // not read for the few unsettled): `+ 0` keeps the planner off the time index's order.
        let order = if f.states.is_empty() {
            "created_ms"
        } else {
            "created_ms + 0"
        };
        sql.push_str(&format!(" ORDER BY {order} DESC, reference DESC"));
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        self.payments(&sql, &args)
    }

    /// Runs `f` in one write transaction: committed if it succeeds, rolled back if not.
    fn transact<T>(&self, f: impl FnOnce(&mut dyn Store) -> Result<T, String>) -> Result<T, Failure> {
        let mut store = self.store.borrow_mut();
        store.begin(&[]).map_err(self.err())?;
        match f(&mut **store) {
            Ok(v) => {
                store.commit().map_err(self.err())?;
                Ok(v)
            }
            Err(e) => {
                store.rollback();
                Err(self.err()(e))
            }
        }
    }

    fn put_meta(store: &mut dyn Store, key: &str, value: &str) -> Result<(), String> {
        store.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            &[key.into(), value.into()],
        )?;
        Ok(())
    }

    /// Writes the balance of this environment through an open transaction's store.
    fn put_last_balance(&self, store: &mut dyn Store, credits: Npr) -> Result<(), String> {
        Journal::put_meta(
            store,
            &format!("last_balance:{}", self.env),
            &credits.decimal().to_string(),
        )
    }

    /// Copies every row of every environment into `to`, exactly as stored, in one transaction
    /// there: a row already there is left alone (a copy run again changes nothing), and one
    /// that differs is named, never overwritten.
    pub fn copy_into(&self, to: &Journal) -> Result<Copied, Failure> {
        let rows = self.rows(
            &format!("SELECT {COLUMNS} FROM payments ORDER BY created_ms, reference"),
            &[],
        )?;
        let mut copied = Copied::default();
        let mut store = to.store.borrow_mut();
        store.begin(&[]).map_err(to.err())?;
        let result = (|| -> Result<(), String> {
            let select = format!("SELECT {COLUMNS} FROM payments WHERE reference = ?1");
            let slots: Vec<String> = (1..=rows.first().map_or(0, Vec::len))
                .map(|i| format!("?{i}"))
                .collect();
            let insert = format!("INSERT INTO payments ({COLUMNS}) VALUES ({})", slots.join(", "));
            for row in &rows {
                let reference = row.first().cloned().unwrap_or(Value::Null);
                match store.rows(&select, std::slice::from_ref(&reference))?.first() {
                    None => {
                        store.execute(&insert, row)?;
                        copied.copied += 1;
                    }
                    Some(there) if there == row => copied.already += 1,
                    Some(_) => copied.differing.push(reference.text().unwrap_or_default()),
                }
            }
            Ok(())
        })();
        match result {
            Ok(()) => store.commit().map_err(to.err())?,
            Err(e) => {
                store.rollback();
                return Err(to.err()(e));
            }
        }
        Ok(copied)
    }

    fn meta(&self, key: &str) -> Result<Option<String>, Failure> {
        let rows = self.rows("SELECT value FROM meta WHERE key = ?1", &[key.into()])?;
        Ok(rows.first().and_then(|r| r.first()).and_then(Value::text))
    }

    /// Remembers a balance the service reported, for warnings that must not cost a request.
    pub fn set_last_balance(&self, credits: Npr) -> Result<(), Failure> {
        let mut store = self.store.borrow_mut();
        self.put_last_balance(&mut **store, credits).map_err(self.err())
    }

    /// The account balance of this environment last seen in a commit or balance answer.
    pub fn last_balance(&self) -> Result<Option<Npr>, Failure> {
        Ok(self
            .meta(&format!("last_balance:{}", self.env))?
            .and_then(|t| Npr::parse_signed(&t).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    use rusqlite::Connection;

    use crate::api::Outcome;
    use schema::MIGRATIONS;

    fn attempt(reference: &str, user: &str, customer: &str) -> Attempt {
        Attempt {
            reference: reference.into(),
            isp: "izone".into(),
            username: user.into(),
            customer: customer.into(),
            customer_name: Some("A".into()),
            package_id: "p".into(),
            package_name: "P".into(),
            amount: Npr::parse("5999").unwrap(),
            timeout: Duration::from_secs(30),
            counter: "front".into(),
        }
    }

    fn open(dir: &tempfile::TempDir, env: &str) -> Journal {
        Journal::open(&dir.path().join("j.sqlite3"), env).unwrap()
    }

    fn settlement(outcome: Outcome) -> Settlement {
        Settlement {
            transaction_id: Some("7".into()),
            credits_available: Some(Npr::parse("94001").unwrap()),
            ..Settlement::new(outcome, "said")
        }
    }

    #[test]
    fn a_fresh_journal_opened_by_many_at_once_never_fails() {
        // Creating the file, switching it to WAL and migrating race each other; SQLite's busy
        // handler does not cover all of it, the open's retry does.
        let dir = tempfile::tempdir().unwrap();
        for round in 0..40 {
            let path = dir.path().join(format!("j{round}.sqlite3"));
            let start = std::sync::Barrier::new(6);
            std::thread::scope(|scope| {
                for _ in 0..6 {
                    scope.spawn(|| {
                        start.wait();
                        let j = Journal::open(&path, "TEST").unwrap_or_else(|e| panic!("round {round}: {e}"));
                        j.unsettled_count().unwrap();
                    });
                }
            });
        }
    }

    /// The behaviours both backends share are tested on both in tests/all/shared.rs; what is
    /// SQLite's own (the file, its migrations) is tested here.
    #[test]
    fn the_journal_file_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap().earlier();
        j.settle("r1", &settlement(Outcome::Success)).unwrap();
        drop(j);
        assert_eq!(crate::private::loose_mode(&dir.path().join("j.sqlite3")), None);
    }

    #[test]
    fn an_unreadable_amount_is_an_error_naming_the_row() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap().earlier();
        j.execute("UPDATE payments SET amount = 'lots' WHERE reference = 'r1'", &[])
            .unwrap();
        let e = j.query(&Filter::default()).unwrap_err();
        assert!(
            e.message.contains("row r1: its amount 'lots' cannot be read"),
            "{}",
            e.message
        );
        assert!(j.get("r1").is_err());
    }

    #[test]
    fn a_journal_from_a_newer_konnect_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        drop(Journal::open(&path, "TEST").unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let e = Journal::open(&path, "TEST").err().unwrap();
        assert!(
            e.message.contains(&format!(
                "newer konnect (schema 99; this konnect {} knows schema {SQLITE_VERSION} at most)",
                crate::build_info::VERSION
            )),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_first_version_journal_is_migrated_without_losing_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, package_id, amount, outcome) \
                 VALUES ('old', 1, 'LIVE', 'izone', 'active', 'p', '5999', 'pending')",
                [],
            )
            .unwrap();
            conn.execute("INSERT INTO meta VALUES ('last_balance', '123')", [])
                .unwrap();
        }
        let live = Journal::open(&path, "LIVE").unwrap();
        let p = live.get("old").unwrap().unwrap();
        assert_eq!(
            (p.customer.as_deref(), p.row_state),
            (Some("active"), RowState::Pending)
        );
        assert_eq!(live.last_balance().unwrap().unwrap().fixed2(), "123.00");
        assert_eq!(
            Journal::open(&path, "TEST").unwrap().unsettled_count().unwrap(),
            0
        );
    }
}
