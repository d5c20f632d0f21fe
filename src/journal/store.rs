//! Where the journal's rows live: a SQLite file (one counter) or PostgreSQL (the counters of a
//! shop). The journal speaks to both through [`Store`]: plain SQL with `?N` parameters that
//! both dialects read the same way, values of four kinds, and one write transaction at a time.
//! SQLite's store is here; PostgreSQL's is in `postgres`.

use std::time::{Duration, Instant};

use rusqlite::Connection;

/// How a store's error begins when the database did not answer in time: a stalled network or
/// server, which the journal reports as a network failure (exit 5), not a broken journal.
pub const UNANSWERED: &str = "the database did not answer within";

/// A value passed to or read from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl Value {
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }
}

/// What the journal needs of a database.
pub trait Store: Send {
    /// Runs a statement; the number of rows it changed.
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, String>;
    /// Runs a query; its rows.
    fn rows(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String>;
    /// Starts a write transaction that nothing else writing the journal overlaps; `keys` name
    /// what it guards (PostgreSQL locks each; SQLite's write lock covers them all).
    fn begin(&mut self, keys: &[String]) -> Result<(), String>;
    fn commit(&mut self) -> Result<(), String>;
    /// Whether the connection is gone (a file's never is); may ask the server.
    fn is_closed(&mut self) -> bool {
        false
    }
    fn rollback(&mut self);
    /// The SQLite connection under the store, for what only a file can do (its copies).
    fn sqlite(&self) -> Option<&Connection> {
        None
    }
    fn into_sqlite(self: Box<Self>) -> Option<Connection> {
        None
    }
}

/// How long a command waits for another process that holds the journal.
pub const BUSY: Duration = Duration::from_secs(15);

/// A SQLite file.
pub struct Sqlite {
    pub conn: Connection,
    /// How long a busy database is waited for: [`BUSY`], or nothing for a read that would
    /// rather give up (shell completion).
    pub patience: Duration,
}

impl Sqlite {
    pub fn new(conn: Connection) -> Sqlite {
        Sqlite { conn, patience: BUSY }
    }
}

/// Another process holds the lock (or is recovering the WAL): wait and try again.
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Runs `f` again while the database is busy, up to [`BUSY`]: SQLite's busy handler does not
/// cover every case (switching to WAL, recovering a WAL another process just left).
pub fn retry_busy<T>(f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    retry_busy_within(BUSY, f)
}

/// [`retry_busy`], giving up after `patience`.
fn retry_busy_within<T>(
    patience: Duration,
    mut f: impl FnMut() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let deadline = Instant::now() + patience;
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

fn to_sqlite(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Null => rusqlite::types::Value::Null,
        Value::Int(i) => rusqlite::types::Value::Integer(*i),
        Value::Text(t) => rusqlite::types::Value::Text(t.clone()),
        Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef as R;
    match v {
        R::Null => Value::Null,
        R::Integer(i) => Value::Int(i),
        R::Real(f) => Value::Text(f.to_string()),
        R::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        R::Blob(b) => Value::Text(String::from_utf8_lossy(b).into_owned()),
    }
}

impl Store for Sqlite {
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, String> {
        let params: Vec<rusqlite::types::Value> = args.iter().map(to_sqlite).collect();
        retry_busy_within(self.patience, || {
            self.conn.execute(sql, rusqlite::params_from_iter(params.iter()))
        })
        .map(|n| n as u64)
        .map_err(|e| e.to_string())
    }

    fn rows(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let params: Vec<rusqlite::types::Value> = args.iter().map(to_sqlite).collect();
        retry_busy_within(self.patience, || {
            let mut stmt = self.conn.prepare(sql)?;
            let width = stmt.column_count();
            let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                out.push(
                    (0..width)
                        .map(|i| row.get_ref(i).map(from_sqlite))
                        .collect::<Result<Vec<_>, _>>()?,
                );
            }
            Ok(out)
        })
        .map_err(|e| e.to_string())
    }

    fn begin(&mut self, _keys: &[String]) -> Result<(), String> {
        retry_busy_within(self.patience, || self.conn.execute_batch("BEGIN IMMEDIATE"))
            .map_err(|e| e.to_string())
    }

    fn commit(&mut self) -> Result<(), String> {
        self.conn.execute_batch("COMMIT").map_err(|e| e.to_string())
    }

    fn rollback(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }

    fn sqlite(&self) -> Option<&Connection> {
        Some(&self.conn)
    }

    fn into_sqlite(self: Box<Self>) -> Option<Connection> {
        Some(self.conn)
    }
}
