//! The payment journal: one SQLite row per payment attempt, written before the request leaves.
//! A journal is opened for one environment (TEST or LIVE) and sees only that environment's rows.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};

use crate::api::Outcome;
use crate::failure::Failure;
use crate::money::Npr;

/// How long a command waits for another process that holds the journal.
const BUSY: Duration = Duration::from_secs(15);

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
];

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
}

/// A row that cannot be read is an error naming it, never a zero or a guess.
fn unreadable(reference: &str, what: &str, text: &str) -> rusqlite::Error {
    plain_error(format!(
        "row {reference}: its {what} '{text}' cannot be read; the row needs repair"
    ))
}

/// An error of ours inside rusqlite's type, shown as just its message.
fn plain_error(message: String) -> rusqlite::Error {
    // rusqlite prints a conversion failure of an unknown column (usize::MAX) as its message alone.
    rusqlite::Error::FromSqlConversionFailure(usize::MAX, rusqlite::types::Type::Text, message.into())
}

impl Payment {
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

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Payment> {
        let reference: String = r.get(0)?;
        let money = |i: usize, what: &str| -> rusqlite::Result<Option<Npr>> {
            match r.get::<_, Option<String>>(i)? {
                None => Ok(None),
                Some(t) => Npr::parse_signed(&t)
                    .map(Some)
                    .map_err(|_| unreadable(&reference, what, &t)),
            }
        };
        // Rows keep what the service said; a journal written before konnect neutralised the
        // service's strings may hold raw ones, so they are neutralised again on the way out.
        let text = |i: usize| -> rusqlite::Result<Option<String>> {
            Ok(r.get::<_, Option<String>>(i)?
                .map(|t| crate::text::clean(&t).into_owned()))
        };
        let required = |i: usize| -> rusqlite::Result<String> { Ok(text(i)?.unwrap_or_default()) };
        let state_text: String = r.get(10)?;
        Ok(Payment {
            created_ms: r.get(1)?,
            settled_ms: r.get(2)?,
            env: required(3)?,
            isp: required(4)?,
            username: required(5)?,
            customer_name: text(6)?,
            package_id: required(7)?,
            package_name: text(8)?,
            amount: money(9, "amount")?.ok_or_else(|| unreadable(&reference, "amount", ""))?,
            row_state: RowState::parse(&state_text)
                .ok_or_else(|| unreadable(&reference, "outcome", &state_text))?,
            state: text(11)?,
            transaction_id: text(12)?,
            credits_available: money(13, "credits_available")?,
            credits_consumed: money(14, "credits_consumed")?,
            message: text(15)?,
            customer: text(16)?,
            note: text(17)?,
            answer_due_ms: r.get(18)?,
            reference: crate::text::clean(&reference).into_owned(),
        })
    }
}

const COLUMNS: &str = "reference, created_ms, settled_ms, env, isp, username, customer_name, package_id, \
    package_name, amount, outcome, state, transaction_id, credits_available, credits_consumed, message, \
    customer, note, answer_due_ms";

/// Which rows `history` wants.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
    pub isp: Option<String>,
    pub username: Option<String>,
    /// Row states to keep.
    pub states: Vec<RowState>,
    pub limit: Option<u32>,
}

/// An open journal, scoped to one environment.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    env: String,
}

fn db_error(path: &Path) -> impl Fn(rusqlite::Error) -> Failure + '_ {
    move |e| Failure::internal(format!("journal {}: {e}", path.display()))
}

/// Another process holds the lock (or is recovering the WAL): wait and try again.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Runs `f` again while the database is busy, up to [`BUSY`]: SQLite's busy handler does not
/// cover every case (switching to WAL, recovering a WAL another process just left).
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = Instant::now() + BUSY;
    let mut pause = Duration::from_millis(2);
    loop {
        match f() {
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            other => return other,
        }
    }
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

impl Journal {
    /// Opens (creating with mode 0600, migrating) the journal, seeing the rows of `env` only.
    /// WAL, full sync, and waits on other processes, so several terminals can pay at once.
    pub fn open(path: &Path, env: &str) -> Result<Journal, Failure> {
        create_private(path)
            .map_err(|e| Failure::internal(format!("cannot create the journal {}: {e}", path.display())))?;
        let conn = retry_busy(|| connect(path)).map_err(db_error(path))?;
        Ok(Journal {
            conn,
            path: path.to_path_buf(),
            env: env.to_string(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn env(&self) -> &str {
        &self.env
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> Failure + '_ {
        db_error(&self.path)
    }

    /// The double-payment guard and the write-ahead row in one write transaction, so that of
    /// several processes paying one customer at once exactly one gets to send. With `guard_since`,
    /// a success or unsettled payment for the customer since then is returned instead of inserting.
    pub fn begin_payment(&self, a: &Attempt, guard_since: Option<i64>) -> Result<Option<Payment>, Failure> {
        retry_busy(|| {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            if let Some(since) = guard_since
                && let Some(prev) = self.recent_in(&tx, &a.isp, &[&a.username, &a.customer], since)?
            {
                return Ok(Some(prev));
            }
            let now = crate::clock::now_ms();
            let due = now.saturating_add(i64::try_from(a.timeout.as_millis()).unwrap_or(LONGEST_COMMIT_MS));
            tx.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer, customer_name, \
                 package_id, package_name, amount, outcome, answer_due_ms) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sending', ?11)",
                params![
                    a.reference,
                    now,
                    self.env,
                    a.isp,
                    a.username,
                    a.customer,
                    a.customer_name,
                    a.package_id,
                    a.package_name,
                    a.amount.decimal().to_string(),
                    due
                ],
            )?;
            tx.commit()?;
            Ok(None)
        })
        .map_err(self.err())
    }

    /// The newest success or unsettled payment of this environment since `since_ms` whose handle
    /// or customer id is any of `keys` (in any case), or a failed one that the service later
    /// said went through.
    pub fn recent_for(&self, isp: &str, keys: &[&str], since_ms: i64) -> Result<Option<Payment>, Failure> {
        self.recent_in(&self.conn, isp, keys, since_ms)
            .map_err(self.err())
    }

    fn recent_in(
        &self,
        conn: &Connection,
        isp: &str,
        keys: &[&str],
        since_ms: i64,
    ) -> rusqlite::Result<Option<Payment>> {
        let mut newest: Option<Payment> = None;
        for key in keys {
            let found = conn
                .query_row(
                    &format!(
                        "SELECT {COLUMNS} FROM payments WHERE env = ?1 AND isp = ?2 AND created_ms >= ?3 \
                         AND (username = ?4 COLLATE NOCASE OR customer = ?4 COLLATE NOCASE) \
                         AND (outcome IN ('success', 'pending', 'sending') OR (outcome = 'failed' AND note IS NOT NULL)) \
                         ORDER BY created_ms DESC LIMIT 1"
                    ),
                    params![self.env, isp, since_ms, key],
                    Payment::from_row,
                )
                .optional()?;
            if let Some(p) = found
                && newest.as_ref().is_none_or(|n| p.created_ms > n.created_ms)
            {
                newest = Some(p);
            }
        }
        Ok(newest)
    }

    /// Records what an answer decided. Only an unsettled row changes; a final row is never
    /// overwritten: an answer that contradicts it is kept as a note. Fields left empty keep their values.
    pub fn settle(&self, reference: &str, s: &Settlement) -> Result<Settled, Failure> {
        let target = RowState::of(s.outcome);
        let settled = target.is_final().then(crate::clock::now_ms);
        let text = |n: Option<Npr>| n.map(|v| v.decimal().to_string());
        let changed = retry_busy(|| {
            self.conn.execute(
                "UPDATE payments SET outcome = ?2, settled_ms = COALESCE(?3, settled_ms), \
                 state = COALESCE(?4, state), transaction_id = COALESCE(?5, transaction_id), \
                 credits_available = COALESCE(?6, credits_available), credits_consumed = COALESCE(?7, credits_consumed), \
                 message = COALESCE(?8, message), \
                 answer_due_ms = CASE WHEN ?10 THEN MIN(COALESCE(answer_due_ms, ?11), ?11) ELSE answer_due_ms END \
                 WHERE reference = ?1 AND env = ?9 AND outcome IN ('sending', 'pending')",
                params![
                    reference,
                    target.as_str(),
                    settled,
                    s.state,
                    s.transaction_id,
                    text(s.credits_available),
                    text(s.credits_consumed),
                    s.message,
                    self.env,
                    s.commit_ended,
                    crate::clock::now_ms()
                ],
            )
        })
        .map_err(self.err())?;
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
                            self.path.display()
                        ))
                    })?;
                if s.outcome == Outcome::Pending || row.outcome() == s.outcome {
                    return Ok(Settled::Unchanged(row.row_state));
                }
                let note = format!(
                    "{}: a later answer said {} ({}); kept {}",
                    crate::clock::rfc3339(crate::clock::now_ms()),
                    s.outcome.as_str(),
                    s.message.as_deref().unwrap_or("no message"),
                    row.row_state.as_str()
                );
                retry_busy(|| {
                    self.conn.execute(
                        "UPDATE payments SET note = COALESCE(note || char(10), '') || ?2 WHERE reference = ?1",
                        params![reference, note],
                    )
                })
                .map_err(self.err())?;
                Ok(Settled::Contradicted(row.row_state))
            }
            n => Err(Failure::internal(format!(
                "journal {}: settling {reference} changed {n} rows; the journal needs repair",
                self.path.display()
            ))),
        }
    }

    /// One row by its full reference, whatever its environment (callers check `env`).
    pub fn get(&self, reference: &str) -> Result<Option<Payment>, Failure> {
        retry_busy(|| {
            self.conn
                .query_row(
                    &format!("SELECT {COLUMNS} FROM payments WHERE reference = ?1"),
                    [reference],
                    Payment::from_row,
                )
                .optional()
        })
        .map_err(self.err())
    }

    /// Every reference of this environment with its short form ([`crate::reference::short_forms`]).
    pub fn short_references(&self) -> Result<std::collections::HashMap<String, String>, Failure> {
        let all: Vec<String> = retry_busy(|| {
            let mut stmt = self
                .conn
                .prepare("SELECT reference FROM payments WHERE env = ?1")?;
            let rows = stmt.query_map([&self.env], |r| r.get::<_, String>(0))?;
            rows.collect::<Result<Vec<_>, _>>()
        })
        .map_err(self.err())?;
        Ok(crate::reference::short_forms(&all))
    }

    /// The payments of this environment a person may mean by `text`: its reference, or the
    /// start or the end of it (the short form printed on receipts is an end).
    pub fn matching(&self, text: &str) -> Result<Vec<Payment>, Failure> {
        let text = text.trim().to_ascii_lowercase();
        retry_busy(|| {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {COLUMNS} FROM payments WHERE env = ?1 AND (reference = ?2 OR \
                 substr(reference, 1, length(?2)) = ?2 OR substr(reference, -length(?2)) = ?2) \
                 ORDER BY created_ms DESC LIMIT 11"
            ))?;
            let rows = stmt.query_map(params![self.env, text], Payment::from_row)?;
            rows.collect::<Result<Vec<_>, _>>()
        })
        .map_err(self.err())
    }

    pub fn unsettled_count(&self) -> Result<i64, Failure> {
        retry_busy(|| {
            self.conn.query_row(
                "SELECT COUNT(*) FROM payments WHERE env = ?1 AND outcome IN ('pending', 'sending')",
                [&self.env],
                |r| r.get(0),
            )
        })
        .map_err(self.err())
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
        let mut args: Vec<rusqlite::types::Value> = vec![self.env.clone().into()];
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
            args.push(i.clone().into());
            sql.push_str(&format!(" AND isp = ?{}", args.len()));
        }
        if let Some(u) = &f.username {
            args.push(u.clone().into());
            // The customer by any handle they were paid under, in any case.
            sql.push_str(&format!(
                " AND (username = ?{0} COLLATE NOCASE OR customer = ?{0} COLLATE NOCASE OR customer IN \
                 (SELECT customer FROM payments WHERE username = ?{0} COLLATE NOCASE))",
                args.len()
            ));
        }
        if !f.states.is_empty() {
            let list: Vec<String> = f.states.iter().map(|s| format!("'{}'", s.as_str())).collect();
            sql.push_str(&format!(" AND outcome IN ({})", list.join(", ")));
        }
        sql.push_str(" ORDER BY created_ms DESC, reference DESC");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        retry_busy(|| {
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), Payment::from_row)?;
            rows.collect::<Result<Vec<_>, _>>()
        })
        .map_err(self.err())
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<(), Failure> {
        retry_busy(|| {
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
                [key, value],
            )
        })
        .map_err(self.err())?;
        Ok(())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, Failure> {
        retry_busy(|| {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
        })
        .map_err(self.err())
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

    #[test]
    fn writes_ahead_then_settles() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        assert_eq!(
            j.begin_payment(&attempt("r1", "active", "977"), None).unwrap(),
            None
        );
        assert_eq!(j.unsettled_count().unwrap(), 1);
        assert_eq!(j.get("r1").unwrap().unwrap().row_state, RowState::Sending);
        assert!(
            j.begin_payment(&attempt("r1", "x", "x"), None).is_err(),
            "references are unique"
        );
        assert_eq!(
            j.settle("r1", &settlement(Outcome::Success)).unwrap(),
            Settled::Changed
        );
        let p = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (p.row_state, p.transaction_id.as_deref()),
            (RowState::Success, Some("7"))
        );
        assert!(p.settled_ms.is_some());
        assert_eq!(j.last_balance().unwrap().unwrap().fixed2(), "94001.00");
        assert_eq!(j.unsettled_count().unwrap(), 0);
        drop(j);
        assert_eq!(crate::private::loose_mode(&dir.path().join("j.sqlite3")), None);
        assert_eq!(open(&dir, "TEST").query(&Filter::default()).unwrap().len(), 1);
    }

    #[test]
    fn the_guard_knows_a_customer_by_any_handle_and_inserts_nothing_when_it_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "active", "9779869045195"), Some(0))
            .unwrap();
        let again = j
            .begin_payment(&attempt("r2", "9779869045195", "9779869045195"), Some(0))
            .unwrap();
        assert_eq!(again.map(|p| p.reference).as_deref(), Some("r1"));
        assert!(j.get("r2").unwrap().is_none(), "a refused payment leaves no row");
        assert!(j.recent_for("izone", &["active"], 0).unwrap().is_some());
        assert!(j.recent_for("izone", &["9779869045195"], 0).unwrap().is_some());
        assert!(j.recent_for("izone", &["other"], 0).unwrap().is_none());
        assert!(j.recent_for("dg-link", &["active"], 0).unwrap().is_none());
        j.settle("r1", &Settlement::new(Outcome::Failed, "no")).unwrap();
        assert!(
            j.begin_payment(&attempt("r3", "active", "9779869045195"), Some(0))
                .unwrap()
                .is_none(),
            "a failed payment does not block the next"
        );
    }

    #[test]
    fn the_guard_ignores_case_and_counts_a_failure_the_service_later_disputed() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "Active", "Active"), None).unwrap();
        assert!(j.recent_for("izone", &["ACTIVE"], 0).unwrap().is_some());
        j.settle("r1", &Settlement::new(Outcome::Failed, "unknown"))
            .unwrap();
        assert!(
            j.recent_for("izone", &["active"], 0).unwrap().is_none(),
            "a plain failure does not guard"
        );
        j.settle("r1", &Settlement::new(Outcome::Success, "found after all"))
            .unwrap();
        assert!(
            j.recent_for("izone", &["active"], 0).unwrap().is_some(),
            "a disputed failure guards"
        );
    }

    #[test]
    fn the_commits_answer_is_due_at_its_time_out_until_the_commit_ends() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
        let row = j.get("r1").unwrap().unwrap();
        assert_eq!(row.answer_due_ms(), row.created_ms + 30_000);
        // A look-up from elsewhere does not end the commit.
        j.settle("r1", &Settlement::new(Outcome::Pending, "unknown yet"))
            .unwrap();
        assert_eq!(
            j.get("r1").unwrap().unwrap().answer_due_ms(),
            row.created_ms + 30_000
        );
        let ended = Settlement {
            commit_ended: true,
            ..Settlement::new(Outcome::Pending, "cut")
        };
        j.settle("r1", &ended).unwrap();
        assert!(j.get("r1").unwrap().unwrap().answer_due_ms() < row.created_ms + 30_000);
    }

    #[test]
    fn final_rows_never_change_and_contradictions_are_noted() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Pending, "queued"))
                .unwrap(),
            Settled::Changed
        );
        assert_eq!(j.get("r1").unwrap().unwrap().row_state, RowState::Pending);
        assert_eq!(
            j.settle("r1", &settlement(Outcome::Success)).unwrap(),
            Settled::Changed
        );
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Success, "again"))
                .unwrap(),
            Settled::Unchanged(RowState::Success)
        );
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Pending, "queued"))
                .unwrap(),
            Settled::Unchanged(RowState::Success)
        );
        assert_eq!(
            j.settle("r1", &Settlement::new(Outcome::Failed, "unknown"))
                .unwrap(),
            Settled::Contradicted(RowState::Success)
        );
        let p = j.get("r1").unwrap().unwrap();
        assert_eq!(p.row_state, RowState::Success);
        assert_eq!(p.message.as_deref(), Some("said"));
        assert!(
            p.note
                .unwrap()
                .contains("a later answer said failed (unknown); kept success")
        );
        assert!(j.settle("nope", &Settlement::new(Outcome::Failed, "x")).is_err());
    }

    #[test]
    fn environments_never_mix() {
        let dir = tempfile::tempdir().unwrap();
        let test = open(&dir, "TEST");
        let live = open(&dir, "LIVE");
        live.begin_payment(&attempt("live1", "active", "977"), None)
            .unwrap();
        live.set_last_balance(Npr::parse("10").unwrap()).unwrap();
        assert_eq!(test.unsettled_count().unwrap(), 0);
        assert!(test.unsettled().unwrap().is_empty());
        assert!(test.query(&Filter::default()).unwrap().is_empty());
        assert!(test.recent_for("izone", &["active"], 0).unwrap().is_none());
        assert_eq!(test.last_balance().unwrap(), None);
        assert!(
            test.settle("live1", &Settlement::new(Outcome::Failed, "x"))
                .is_err()
        );
        assert_eq!(live.get("live1").unwrap().unwrap().row_state, RowState::Sending);
        assert_eq!(live.unsettled().unwrap().len(), 1);
    }

    #[test]
    fn an_unreadable_amount_is_an_error_naming_the_row() {
        let dir = tempfile::tempdir().unwrap();
        let j = open(&dir, "TEST");
        j.begin_payment(&attempt("r1", "a", "a"), None).unwrap();
        j.conn
            .execute("UPDATE payments SET amount = 'lots' WHERE reference = 'r1'", [])
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
