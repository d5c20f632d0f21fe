//! The short references people read and type (the tail of a reference, unique in the
//! journal). Found through an index on the tail, so that a year of rows costs a look-up per
//! reference shown, not a read of every reference.

use std::collections::HashMap;

use super::{COLUMNS, Journal, Payment, Value, is_postgres};
use crate::failure::Failure;
use crate::reference::{SHORT, short_forms};

/// Beyond this many references to show, one read of all of them is cheaper than a look-up each.
const LOOKUPS_AT_MOST: usize = 500;

impl Journal {
    /// Every reference of this environment with its short form ([`short_forms`]).
    pub fn short_references(&self) -> Result<HashMap<String, String>, Failure> {
        let all: Vec<String> = self
            .rows(
                "SELECT reference FROM payments WHERE env = ?1",
                &[self.env.as_str().into()],
            )?
            .iter()
            .filter_map(|r| r.first().and_then(Value::text))
            .collect();
        Ok(short_forms(&all))
    }

    /// The payments of this environment whose reference's last [`SHORT`] characters start
    /// with `start` (letters, digits, hyphens), the newest first, at most `limit`: what a Tab
    /// after a few characters of a receipt's short reference finds, through the tail index.
    pub fn tail_starting(&self, start: &str, limit: u32) -> Result<Vec<Payment>, Failure> {
        if start.len() > SHORT {
            return Ok(Vec::new());
        }
        self.starting(&self.tail_sql(), "env = ?1", start, limit)
    }

    /// The payments of this environment whose whole reference starts with `start`, the
    /// newest first, at most `limit`, through the primary key: what a Tab finds past a short
    /// reference's length.
    pub fn reference_starting(&self, start: &str, limit: u32) -> Result<Vec<Payment>, Failure> {
        // The environment compared as an expression, which no index serves: else the
        // planner walks all of the environment's rows in time order (110 ms at 100,000).
        self.starting("reference", "env || '' = ?1", start, limit)
    }

    /// The rows whose `expr` (an indexed one) starts with `start`, a range of its index, and
    /// whose environment is this one (`env`, the term that compares it to `?1`).
    fn starting(&self, expr: &str, env: &str, start: &str, limit: u32) -> Result<Vec<Payment>, Failure> {
        let start = start.to_ascii_lowercase();
        let Some(last) = start.chars().last() else {
            return Ok(Vec::new());
        };
        if !start.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Ok(Vec::new());
        }
        // Every text that starts with `start` sorts from it to the text its last letter's
        // successor ends (ASCII, so one byte up).
        let after = format!("{}{}", &start[..start.len() - 1], char::from(last as u8 + 1));
        let sql = format!(
            "SELECT {COLUMNS} FROM payments WHERE {env} AND {expr} >= ?2 AND {expr} < ?3 \
             ORDER BY created_ms DESC LIMIT {limit}"
        );
        self.payments(
            &sql,
            &[self.env.as_str().into(), start.as_str().into(), after.into()],
        )
    }

    /// The expression the index `payments_env_tail` was made with, in each dialect.
    fn tail_sql(&self) -> String {
        if is_postgres(&self.location) {
            format!("right(reference, {SHORT})")
        } else {
            format!("substr(reference, -{SHORT})")
        }
    }

    /// The short forms of these references, as [`Journal::short_references`] gives them: a
    /// tail longer than [`SHORT`] is shared only by references that share the shortest one,
    /// so those are all that each needs to be told apart from.
    pub fn short_references_of<'a>(
        &self,
        refs: impl IntoIterator<Item = &'a str>,
    ) -> Result<HashMap<String, String>, Failure> {
        let refs: Vec<&str> = refs.into_iter().collect();
        if refs.len() > LOOKUPS_AT_MOST {
            return self.short_references();
        }
        let sql = format!(
            "SELECT reference FROM payments WHERE env = ?1 AND {} = ?2",
            self.tail_sql()
        );
        let mut out = HashMap::new();
        for r in refs {
            let tail = crate::reference::tail(r, SHORT);
            let alike: Vec<String> = self
                .rows(&sql, &[self.env.as_str().into(), tail.into()])?
                .iter()
                .filter_map(|row| row.first().and_then(Value::text))
                .collect();
            if let Some(short) = short_forms(&alike).remove(r) {
                out.insert(r.to_string(), short);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_forms_of_a_few_are_those_of_the_whole_journal() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(&dir.path().join("j.sqlite3"), "TEST").unwrap();
        // Tails shared at 8, 9 and 10 characters, and one in the other environment.
        let refs = [
            "aaaaaaaaaaaaaaaaaaaaaaaa11112222",
            "bbbbbbbbbbbbbbbbbbbbbbb011112222",
            "cccccccccccccccccccccc1011112222",
            "dddddddddddddddddddddd2011112222",
            "eeeeeeeeeeeeeeeeeeeeeeee33334444",
        ];
        for (i, r) in refs.iter().enumerate() {
            j.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, package_id, amount, outcome) \
                 VALUES (?1, ?2, 'TEST', 'izone', 'u', 'p', '1', 'success')",
                &[(*r).into(), (i as i64).into()],
            )
            .unwrap();
        }
        j.execute(
            "INSERT INTO payments (reference, created_ms, env, isp, username, package_id, amount, outcome) \
             VALUES ('ffffffffffffffffffffffff33334444', 9, 'LIVE', 'izone', 'u', 'p', '1', 'success')",
            &[],
        )
        .unwrap();
        let whole = j.short_references().unwrap();
        let few = j.short_references_of(refs.iter().copied()).unwrap();
        assert_eq!(few, whole);
        assert_eq!(few[refs[0]], "a11112222");
        assert_eq!(few[refs[2]], "1011112222");
        assert_eq!(few[refs[4]], "33334444");
    }
}
