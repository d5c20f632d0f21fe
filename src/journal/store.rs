//! Where the journal's rows live: a SQLite file (one counter) or PostgreSQL (the counters of a
//! shop). The journal speaks to both through [`Store`]: plain SQL with `?N` parameters that
//! both dialects read the same way, values of four kinds, and one write transaction at a time.

use std::time::{Duration, Instant};

use rusqlite::Connection;

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
}

/// How long a command waits for another process that holds the journal.
pub const BUSY: Duration = Duration::from_secs(15);

/// A SQLite file.
pub struct Sqlite {
    pub conn: Connection,
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
pub fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
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
        retry_busy(|| self.conn.execute(sql, rusqlite::params_from_iter(params.iter())))
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }

    fn rows(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let params: Vec<rusqlite::types::Value> = args.iter().map(to_sqlite).collect();
        retry_busy(|| {
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
        retry_busy(|| self.conn.execute_batch("BEGIN IMMEDIATE")).map_err(|e| e.to_string())
    }

    fn commit(&mut self) -> Result<(), String> {
        self.conn.execute_batch("COMMIT").map_err(|e| e.to_string())
    }

    fn rollback(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }
}

/// What went wrong, in the server's words when it gave some ("role \"x\" does not exist"),
/// not the client library's bare "db error".
pub fn pg_error(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let hint = db.hint().map(|h| format!(" ({h})")).unwrap_or_default();
            crate::text::clean(&format!("{}{hint}", db.message())).into_owned()
        }
        None => e.to_string(),
    }
}

/// A PostgreSQL database shared by the counters of a shop.
pub struct Postgres {
    pub client: postgres::Client,
}

/// `?1` becomes `$1`: the journal writes its SQL once.
fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

impl Postgres {
    /// The parameters as the prepared statement's types want them.
    fn params(
        &mut self,
        sql: &str,
        args: &[Value],
    ) -> Result<(postgres::Statement, Vec<Box<dyn postgres::types::ToSql + Sync>>), String> {
        use postgres::types::Type;
        let stmt = self.client.prepare(&dollar_params(sql)).map_err(pg_error)?;
        let mut params: Vec<Box<dyn postgres::types::ToSql + Sync>> = Vec::with_capacity(args.len());
        for (value, ty) in args.iter().zip(stmt.params()) {
            let boxed: Box<dyn postgres::types::ToSql + Sync> = match *ty {
                Type::INT8 => Box::new(value.int()),
                Type::INT4 => Box::new(value.int().and_then(|i| i32::try_from(i).ok())),
                Type::BOOL => Box::new(match value {
                    Value::Bool(b) => Some(*b),
                    _ => None,
                }),
                _ => Box::new(value.text()),
            };
            params.push(boxed);
        }
        Ok((stmt, params))
    }
}

impl Store for Postgres {
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, String> {
        let (stmt, params) = self.params(sql, args)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        self.client.execute(&stmt, &refs).map_err(pg_error)
    }

    fn rows(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        use postgres::types::Type;
        let (stmt, params) = self.params(sql, args)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        let rows = self.client.query(&stmt, &refs).map_err(pg_error)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let v = match *column.type_() {
                    Type::INT8 => row.try_get::<_, Option<i64>>(i).map(Value::from),
                    Type::INT4 => row
                        .try_get::<_, Option<i32>>(i)
                        .map(|v| Value::from(v.map(i64::from))),
                    Type::BOOL => row.try_get::<_, Option<bool>>(i).map(Value::from),
                    _ => row.try_get::<_, Option<String>>(i).map(Value::from),
                };
                values.push(v.map_err(pg_error)?);
            }
            out.push(values);
        }
        Ok(out)
    }

    fn begin(&mut self, keys: &[String]) -> Result<(), String> {
        self.client.batch_execute("BEGIN").map_err(pg_error)?;
        // Serialised per customer: two counters paying one customer take turns here.
        let mut keys: Vec<&String> = keys.iter().collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            if let Err(e) = self
                .client
                .execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[key])
            {
                self.rollback();
                return Err(pg_error(e));
            }
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<(), String> {
        self.client.batch_execute("COMMIT").map_err(pg_error)
    }

    fn is_closed(&mut self) -> bool {
        // A dropped connection is only noticed when used: ask the server, briefly.
        self.client.is_closed() || self.client.is_valid(std::time::Duration::from_secs(3)).is_err()
    }

    fn rollback(&mut self) {
        let _ = self.client.batch_execute("ROLLBACK");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_written_once_for_both() {
        assert_eq!(
            dollar_params("a = ?1 AND b IN (?2, ?10) AND c = '?'"),
            "a = $1 AND b IN ($2, $10) AND c = '?'"
        );
    }
}
