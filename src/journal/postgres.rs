//! The PostgreSQL store: a shop's shared journal. Its client lives on a thread of its own and
//! each call waits for it at most [`deadline`], so a stalled network or server fails the call
//! (before a payment: nothing is sent) instead of hanging the counter.

use std::sync::mpsc;
use std::time::Duration;

use super::store::{Store, UNANSWERED, Value};
use postgres::types::{ToSql, Type};

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

/// How long one call to the database may take before the connection is given up: longer than
/// any lock a counter holds (a payment's write-ahead) and than the server's own time-outs.
pub const DEADLINE: Duration = Duration::from_secs(15);

/// [`DEADLINE`], or `KONNECT_JOURNAL_TIMEOUT_MS` (tests only, not in `--help`: a test of a
/// stalled database must not wait 15 s).
pub fn deadline() -> Duration {
    std::env::var("KONNECT_JOURNAL_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| (1..=600_000).contains(ms))
        .map_or(DEADLINE, Duration::from_millis)
}

type Job = Box<dyn FnOnce(&mut postgres::Client) + Send>;

/// A PostgreSQL database shared by the counters of a shop.
pub struct Postgres {
    /// The client's thread; None once a call outlived the deadline and the connection was given up.
    jobs: Option<mpsc::Sender<Job>>,
    deadline: Duration,
}

type Params = Vec<Box<dyn ToSql + Sync>>;

/// The parameters as the prepared statement's types want them.
fn params(
    client: &mut postgres::Client,
    sql: &str,
    args: &[Value],
) -> Result<(postgres::Statement, Params), String> {
    let stmt = client.prepare(&dollar_params(sql)).map_err(pg_error)?;
    let mut params: Params = Vec::with_capacity(args.len());
    for (value, ty) in args.iter().zip(stmt.params()) {
        let boxed: Box<dyn ToSql + Sync> = match *ty {
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

fn execute_on(client: &mut postgres::Client, sql: &str, args: &[Value]) -> Result<u64, String> {
    let (stmt, params) = params(client, sql, args)?;
    let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
    client.execute(&stmt, &refs).map_err(pg_error)
}

fn rows_on(client: &mut postgres::Client, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String> {
    let (stmt, params) = params(client, sql, args)?;
    let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
    let rows = client.query(&stmt, &refs).map_err(pg_error)?;
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

fn begin_on(client: &mut postgres::Client, mut keys: Vec<String>) -> Result<(), String> {
    client.batch_execute("BEGIN").map_err(pg_error)?;
    // Serialised per customer: two counters paying one customer take turns here.
    keys.sort();
    keys.dedup();
    for key in keys {
        if let Err(e) = client.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&key]) {
            let _ = client.batch_execute("ROLLBACK");
            return Err(pg_error(e));
        }
    }
    Ok(())
}

impl Postgres {
    /// Hands the connected client to a thread of its own.
    pub fn new(client: postgres::Client) -> Result<Postgres, String> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || {
                let mut client = client;
                for job in queue {
                    job(&mut client);
                }
            })
            .map_err(|e| format!("cannot start the journal's thread: {e}"))?;
        Ok(Postgres {
            jobs: Some(jobs),
            deadline: deadline(),
        })
    }

    /// Runs `f` on the client, waiting at most the deadline; past it the connection is given up
    /// (a later statement on it could land out of order).
    fn call<R: Send + 'static>(
        &mut self,
        f: impl FnOnce(&mut postgres::Client) -> Result<R, String> + Send + 'static,
    ) -> Result<R, String> {
        let Some(jobs) = &self.jobs else {
            return Err("the connection to the database was given up after it stalled".into());
        };
        let (done, answer) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |client| {
            let _ = done.send(f(client));
        });
        if jobs.send(job).is_err() {
            self.jobs = None;
            return Err("the connection to the database ended".into());
        }
        match answer.recv_timeout(self.deadline) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                self.jobs = None;
                Err(format!(
                    "{UNANSWERED} {:.1} s (a network outage or a stalled server?)",
                    self.deadline.as_secs_f64()
                ))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.jobs = None;
                Err("the connection to the database ended".into())
            }
        }
    }
}

impl Store for Postgres {
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, String> {
        let (sql, args) = (sql.to_string(), args.to_vec());
        self.call(move |c| execute_on(c, &sql, &args))
    }

    fn rows(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Vec<Value>>, String> {
        let (sql, args) = (sql.to_string(), args.to_vec());
        self.call(move |c| rows_on(c, &sql, &args))
    }

    fn begin(&mut self, keys: &[String]) -> Result<(), String> {
        let keys = keys.to_vec();
        self.call(move |c| begin_on(c, keys))
    }

    fn commit(&mut self) -> Result<(), String> {
        self.call(|c| c.batch_execute("COMMIT").map_err(pg_error))
    }

    fn is_closed(&mut self) -> bool {
        // A dropped connection is only noticed when used: ask the server, briefly.
        self.jobs.is_none()
            || self
                .call(|c| Ok(c.is_closed() || c.is_valid(Duration::from_secs(3)).is_err()))
                .unwrap_or(true)
    }

    fn rollback(&mut self) {
        if self.jobs.is_some() {
            let _ = self.call(|c| c.batch_execute("ROLLBACK").map_err(pg_error));
        }
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
