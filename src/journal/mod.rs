//! The payment journal: one SQLite row per payment attempt, written before the request leaves.
//! A journal is opened for one environment (TEST or LIVE) and sees only that environment's rows.

pub mod postgres_url;
pub mod store;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use crate::api::Outcome;
use crate::failure::Failure;
use crate::money::Npr;
use store::{BUSY, Store, Value, retry_busy};

/// Numbered migrations; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[
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
];

/// PostgreSQL's schema, numbered as SQLite's is; a table records how many have run.
const PG_MIGRATIONS: &[&str] = &[r#"
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
"#];

/// The longest a commit can take (the largest `--timeout`), assumed for rows from before
/// migration 3.
const LONGEST_COMMIT_MS: i64 = 600_000;

/// Where a row is in its life. `Success` and `Failed` are final: nothing changes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    /// Written ahead; no answer recorded yet (the process may have died with the request out).
    Sending,
    /// The answer (or its absence) left the outcome open.
    Pending,
    Success,
    Failed,
}

impl RowState {
    pub const UNSETTLED: [RowState; 2] = [RowState::Sending, RowState::Pending];

    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Sending => "sending",
            RowState::Pending => "pending",
            RowState::Success => "success",
            RowState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<RowState> {
        match text {
            "sending" => Some(RowState::Sending),
            "pending" => Some(RowState::Pending),
            "success" => Some(RowState::Success),
            "failed" => Some(RowState::Failed),
            _ => None,
        }
    }

    /// What the cashier acts on: a row still `sending` counts as pending.
    pub fn outcome(self) -> Outcome {
        match self {
            RowState::Sending | RowState::Pending => Outcome::Pending,
            RowState::Success => Outcome::Success,
            RowState::Failed => Outcome::Failed,
        }
    }

    pub fn is_final(self) -> bool {
        matches!(self, RowState::Success | RowState::Failed)
    }

    fn of(outcome: Outcome) -> RowState {
        match outcome {
            Outcome::Success => RowState::Success,
            Outcome::Pending => RowState::Pending,
            Outcome::Failed => RowState::Failed,
        }
    }
}

/// What is known before the commit is sent.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub reference: String,
    pub isp: String,
    /// The handle the cashier typed.
    pub username: String,
    /// The service's own id of the customer (`customer.username`), or the handle when it gave none.
    pub customer: String,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: String,
    pub amount: Npr,
    /// How long the commit may take (the client's time-out).
    pub timeout: Duration,
    /// Which counter (computer) makes it.
    pub counter: String,
}

/// What the answer (or its absence) decided.
#[derive(Debug, Clone)]
pub struct Settlement {
    pub outcome: Outcome,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
    /// Set by the process that sent the commit, once its answer (or the failure to get one)
    /// is in: the commit is no longer on its way, so the grace period runs from now.
    pub commit_ended: bool,
}

impl Settlement {
    pub fn new(outcome: Outcome, message: impl Into<String>) -> Settlement {
        Settlement {
            outcome,
            state: None,
            transaction_id: None,
            credits_available: None,
            credits_consumed: None,
            message: Some(message.into()),
            commit_ended: false,
        }
    }
}

/// What a settle did to the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// The row was unsettled and now holds the answer.
    Changed,
    /// The row is final and the answer agrees (or says only "pending"): nothing to do.
    Unchanged(RowState),
    /// The row is final and the answer says otherwise: kept as it was, the answer noted on it.
    Contradicted(RowState),
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
    pub customer: Option<String>,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: Option<String>,
    pub amount: Npr,
    pub row_state: RowState,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
    /// Later answers that contradicted this row's final state.
    pub note: Option<String>,
    /// When the commit's answer was due at the latest.
    pub answer_due_ms: Option<i64>,
    /// Which counter made it (rows from before counters were recorded have none).
    pub counter: Option<String>,
}

/// A row that cannot be read is an error naming it, never a zero or a guess.
fn unreadable(reference: &str, what: &str, text: &str) -> String {
    format!("row {reference}: its {what} '{text}' cannot be read; the row needs repair")
}

/// An error of ours inside rusqlite's type, shown as just its message.
fn plain_error(message: String) -> rusqlite::Error {
    // rusqlite prints a conversion failure of an unknown column (usize::MAX) as its message alone.
    rusqlite::Error::FromSqlConversionFailure(usize::MAX, rusqlite::types::Type::Text, message.into())
}

impl Payment {
    /// The row a settled attempt would be, for the receipt when the journal could not be
    /// written (the database went away after the commit): the cashier still gets one.
    pub fn unwritten(a: &Attempt, env: &str, s: &Settlement) -> Payment {
        let now = crate::clock::now_ms();
        Payment {
            reference: a.reference.clone(),
            created_ms: now,
            settled_ms: Some(now),
            env: env.to_string(),
            isp: a.isp.clone(),
            username: a.username.clone(),
            customer: Some(a.customer.clone()),
            customer_name: a.customer_name.clone(),
            package_id: a.package_id.clone(),
            package_name: Some(a.package_name.clone()),
            amount: a.amount,
            row_state: RowState::of(s.outcome),
            state: s.state.clone(),
            transaction_id: s.transaction_id.clone(),
            credits_available: s.credits_available,
            credits_consumed: s.credits_consumed,
            message: s.message.clone(),
            note: None,
            answer_due_ms: None,
            counter: Some(a.counter.clone()),
        }
    }

    pub fn outcome(&self) -> Outcome {
        self.row_state.outcome()
    }

    pub fn is_settled(&self) -> bool {
        self.row_state.is_final()
    }

    /// When the commit's answer was due at the latest (rows from before this was recorded
    /// assume the longest time-out).
    pub fn answer_due_ms(&self) -> i64 {
        self.answer_due_ms
            .unwrap_or_else(|| self.created_ms.saturating_add(LONGEST_COMMIT_MS))
    }

    /// A row as [`COLUMNS`] lists it.
    fn from_values(r: &[Value]) -> Result<Payment, String> {
        let at = |i: usize| r.get(i).cloned().unwrap_or(Value::Null);
        let reference = at(0).text().unwrap_or_default();
        let money = |i: usize, what: &str| -> Result<Option<Npr>, String> {
            match at(i).text() {
                None => Ok(None),
                Some(t) => Npr::parse_signed(&t)
                    .map(Some)
                    .map_err(|_| unreadable(&reference, what, &t)),
            }
        };
        // Rows keep what the service said; a journal written before konnect neutralised the
        // service's strings may hold raw ones, so they are neutralised again on the way out.
        let text = |i: usize| at(i).text().map(|t| crate::text::clean(&t).into_owned());
        let required = |i: usize| text(i).unwrap_or_default();
        let state_text = at(10).text().unwrap_or_default();
        Ok(Payment {
            created_ms: at(1).int().unwrap_or(0),
            settled_ms: at(2).int(),
            env: required(3),
            isp: required(4),
            username: required(5),
            customer_name: text(6),
            package_id: required(7),
            package_name: text(8),
            amount: money(9, "amount")?.ok_or_else(|| unreadable(&reference, "amount", ""))?,
            row_state: RowState::parse(&state_text)
                .ok_or_else(|| unreadable(&reference, "outcome", &state_text))?,
            state: text(11),
            transaction_id: text(12),
            credits_available: money(13, "credits_available")?,
            credits_consumed: money(14, "credits_consumed")?,
            message: text(15),
            customer: text(16),
            note: text(17),
            answer_due_ms: at(18).int(),
            counter: text(19),
            reference: crate::text::clean(&reference).into_owned(),
        })
    }
}

const COLUMNS: &str = "reference, created_ms, settled_ms, env, isp, username, customer_name, package_id, \
    package_name, amount, outcome, state, transaction_id, credits_available, credits_consumed, message, \
    customer, note, answer_due_ms, counter";

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

/// Creates the file with mode 0600 before SQLite does, so it is never readable by others.
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::private::create_dir(dir)?;
    }
    crate::private::touch(path)
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Runs the migrations this file has not seen, in one write transaction.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(plain_error(format!(
            "it was written by a newer konnect (schema {version}); upgrade konnect"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()
}

/// PostgreSQL's migrations, under an advisory lock so that counters starting at once take turns.
fn migrate_postgres(client: &mut postgres::Client) -> Result<(), String> {
    const LOCK: i64 = 0x6b6f6e6e; // "konn"
    let e = store::pg_error;
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
            return Err(format!(
                "it was written by a newer konnect (schema {version}); upgrade konnect"
            ));
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

/// Whether a journal location is a PostgreSQL URL rather than a file.
pub fn is_postgres(location: &Path) -> bool {
    let text = location.to_string_lossy().to_ascii_lowercase();
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// A libpq keyword string (`host=… dbname=…`) is a mistake too: it may hold a password, and
/// must never become a file's name.
fn keyword_string(location: &Path) -> bool {
    let text = location.to_string_lossy().to_ascii_lowercase();
    ["host=", "dbname=", "user=", "password=", "port="]
        .iter()
        .any(|k| text.starts_with(k) || text.contains(&format!(" {k}")))
}

/// A URL of another kind is a mistake, never a file name to create.
fn other_url(location: &Path) -> Option<String> {
    let text = location.to_string_lossy();
    let (scheme, _) = text.split_once("://")?;
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && !is_postgres(location)).then(|| crate::text::clean(scheme).into_owned())
}

/// A journal location as people may see it: a file's path, or a URL with no password.
pub fn shown(location: &Path) -> String {
    let text = location.to_string_lossy();
    if is_postgres(location) || keyword_string(location) {
        postgres_url::without_password(&text)
    } else {
        text.into_owned()
    }
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
        create_private(path)
            .map_err(|e| Failure::internal(format!("cannot create the journal {}: {e}", path.display())))?;
        let conn = retry_busy(|| connect(path))
            .map_err(|e| Failure::internal(format!("journal {}: {e}", path.display())))?;
        Ok(Journal {
            store: RefCell::new(Box::new(store::Sqlite { conn })),
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
            store: RefCell::new(Box::new(store::Postgres { client })),
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
        move |e| Failure::internal(format!("journal {}: {e}", self.shown.display()))
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

    /// The double-payment guard and the write-ahead row in one write transaction, so that of
    /// several processes (or counters) paying one customer at once exactly one gets to send.
    /// With `guard_since`, a success or unsettled payment for the customer since then is
    /// returned instead of inserting.
    pub fn begin_payment(&self, a: &Attempt, guard_since: Option<i64>) -> Result<Option<Payment>, Failure> {
        let keys: Vec<String> = [&a.username, &a.customer]
            .iter()
            .map(|k| format!("{}:{}:{}", self.env, a.isp, k.to_lowercase()))
            .collect();
        let mut store = self.store.borrow_mut();
        store.begin(&keys).map_err(self.err())?;
        let result = (|| -> Result<Option<Payment>, String> {
            if let Some(since) = guard_since
                && let Some(prev) =
                    self.recent_in(&mut **store, &a.isp, &[&a.username, &a.customer], since)?
            {
                return Ok(Some(prev));
            }
            let now = crate::clock::now_ms();
            let due = now.saturating_add(i64::try_from(a.timeout.as_millis()).unwrap_or(LONGEST_COMMIT_MS));
            store.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer, customer_name, \
                 package_id, package_name, amount, outcome, answer_due_ms, counter) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sending', ?11, ?12)",
                &[
                    a.reference.as_str().into(),
                    now.into(),
                    self.env.as_str().into(),
                    a.isp.as_str().into(),
                    a.username.as_str().into(),
                    a.customer.as_str().into(),
                    a.customer_name.clone().into(),
                    a.package_id.as_str().into(),
                    a.package_name.as_str().into(),
                    a.amount.decimal().to_string().into(),
                    due.into(),
                    a.counter.as_str().into(),
                ],
            )?;
            Ok(None)
        })();
        match result {
            Ok(None) => store.commit().map(|_| None).map_err(self.err()),
            Ok(found) => {
                store.rollback();
                Ok(found)
            }
            Err(e) => {
                store.rollback();
                Err(self.err()(e))
            }
        }
    }

    /// The newest success or unsettled payment of this environment since `since_ms` whose handle
    /// or customer id is any of `keys` (in any case), or a failed one that the service later
    /// said went through.
    pub fn recent_for(&self, isp: &str, keys: &[&str], since_ms: i64) -> Result<Option<Payment>, Failure> {
        let mut store = self.store.borrow_mut();
        self.recent_in(&mut **store, isp, keys, since_ms)
            .map_err(self.err())
    }

    fn recent_in(
        &self,
        store: &mut dyn Store,
        isp: &str,
        keys: &[&str],
        since_ms: i64,
    ) -> Result<Option<Payment>, String> {
        let mut newest: Option<Payment> = None;
        for key in keys {
            let rows = store.rows(
                &format!(
                    "SELECT {COLUMNS} FROM payments WHERE env = ?1 AND isp = ?2 AND created_ms >= ?3 \
                     AND (lower(username) = lower(?4) OR lower(customer) = lower(?4)) \
                     AND (outcome IN ('success', 'pending', 'sending') OR (outcome = 'failed' AND note IS NOT NULL)) \
                     ORDER BY created_ms DESC LIMIT 1"
                ),
                &[self.env.as_str().into(), isp.into(), since_ms.into(), (*key).into()],
            )?;
            if let Some(row) = rows.first() {
                let p = Payment::from_values(row)?;
                if newest.as_ref().is_none_or(|n| p.created_ms > n.created_ms) {
                    newest = Some(p);
                }
            }
        }
        Ok(newest)
    }

    /// Records what an answer decided. Only an unsettled row changes; a final row is never
    /// overwritten: an answer that contradicts it is kept as a note. Fields left empty keep their values.
    pub fn settle(&self, reference: &str, s: &Settlement) -> Result<Settled, Failure> {
        let target = RowState::of(s.outcome);
        let now = crate::clock::now_ms();
        let settled = target.is_final().then_some(now);
        let text = |n: Option<Npr>| -> Value { n.map(|v| v.decimal().to_string()).into() };
        let changed = self.execute(
            "UPDATE payments SET outcome = ?2, settled_ms = COALESCE(?3, settled_ms), \
             state = COALESCE(?4, state), transaction_id = COALESCE(?5, transaction_id), \
             credits_available = COALESCE(?6, credits_available), credits_consumed = COALESCE(?7, credits_consumed), \
             message = COALESCE(?8, message), \
             answer_due_ms = CASE WHEN ?10 AND (answer_due_ms IS NULL OR answer_due_ms > ?11) THEN ?11 ELSE answer_due_ms END \
             WHERE reference = ?1 AND env = ?9 AND outcome IN ('sending', 'pending')",
            &[
                reference.into(),
                target.as_str().into(),
                settled.into(),
                s.state.clone().into(),
                s.transaction_id.clone().into(),
                text(s.credits_available),
                text(s.credits_consumed),
                s.message.clone().into(),
                self.env.as_str().into(),
                s.commit_ended.into(),
                now.into(),
            ],
        )?;
        match changed {
            1 => {
                if let Some(credits) = s.credits_available {
                    self.set_last_balance(credits)?;
                }
                Ok(Settled::Changed)
            }
            0 => {
                let row = self
                    .get(reference)?
                    .filter(|r| r.env == self.env)
                    .ok_or_else(|| {
                        Failure::internal(format!(
                            "no {} payment {reference} in the journal {}; nothing was settled",
                            self.env,
                            self.shown.display()
                        ))
                    })?;
                if s.outcome == Outcome::Pending || row.outcome() == s.outcome {
                    return Ok(Settled::Unchanged(row.row_state));
                }
                let note = format!(
                    "{}: a later answer said {} ({}); kept {}",
                    crate::clock::rfc3339(now),
                    s.outcome.as_str(),
                    s.message.as_deref().unwrap_or("no message"),
                    row.row_state.as_str()
                );
                self.execute(
                    "UPDATE payments SET note = COALESCE(note || ?3, '') || ?2 WHERE reference = ?1",
                    &[reference.into(), note.into(), "\n".into()],
                )?;
                Ok(Settled::Contradicted(row.row_state))
            }
            n => Err(Failure::internal(format!(
                "journal {}: settling {reference} changed {n} rows; the journal needs repair",
                self.shown.display()
            ))),
        }
    }

    /// One row by its full reference, whatever its environment (callers check `env`).
    pub fn get(&self, reference: &str) -> Result<Option<Payment>, Failure> {
        let sql = format!("SELECT {COLUMNS} FROM payments WHERE reference = ?1");
        Ok(self.payments(&sql, &[reference.into()])?.into_iter().next())
    }

    /// Every reference of this environment with its short form ([`crate::reference::short_forms`]).
    pub fn short_references(&self) -> Result<std::collections::HashMap<String, String>, Failure> {
        let all: Vec<String> = self
            .rows(
                "SELECT reference FROM payments WHERE env = ?1",
                &[self.env.as_str().into()],
            )?
            .iter()
            .filter_map(|r| r.first().and_then(Value::text))
            .collect();
        Ok(crate::reference::short_forms(&all))
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
        sql.push_str(" ORDER BY created_ms DESC, reference DESC");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        self.payments(&sql, &args)
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<(), Failure> {
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            &[key.into(), value.into()],
        )?;
        Ok(())
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
        self.set_meta(
            &format!("last_balance:{}", self.env),
            &credits.decimal().to_string(),
        )
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
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
        j.settle("r1", &settlement(Outcome::Success)).unwrap();
        drop(j);
        assert_eq!(crate::private::loose_mode(&dir.path().join("j.sqlite3")), None);
    }

    #[test]
    fn an_unreadable_amount_is_an_error_naming_the_row() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
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
        assert!(e.message.contains("newer konnect (schema 99)"), "{}", e.message);
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
