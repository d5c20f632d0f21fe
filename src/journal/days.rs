//! The days that have payments, for completing `--date` and `--since`: read a day at a time
//! through the time index, so that a year of rows costs two look-ups per day shown.

use jiff::civil::Date;

use super::{Journal, Value};
use crate::failure::Failure;

/// A local day with payments, and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub payments: i64,
}

impl Journal {
    /// The newest `most` local days with payments of this environment, the newest first.
    pub fn days_with_payments(&self, most: usize) -> Result<Vec<Day>, Failure> {
        let env: Value = self.env.as_str().into();
        let mut days = Vec::new();
        let mut before = i64::MAX;
        // Damaged rows are stepped over, a bounded number of them.
        let mut looks = 0;
        while days.len() < most && looks < most * 4 {
            looks += 1;
            let newest = self.rows(
                "SELECT MAX(created_ms) FROM payments WHERE env = ?1 AND created_ms < ?2",
                &[env.clone(), before.into()],
            )?;
            let Some(ms) = newest.first().and_then(|r| r.first()).and_then(Value::int) else {
                break;
            };
            let Some((date, (start, end))) =
                crate::clock::local_date(ms).and_then(|d| Some((d, crate::clock::day_bounds(d)?)))
            else {
                // A time no calendar holds (a damaged row): past it, the days go on.
                before = ms;
                continue;
            };
            let count = self.rows(
                "SELECT COUNT(*) FROM payments WHERE env = ?1 AND created_ms >= ?2 AND created_ms < ?3",
                &[env.clone(), start.into(), end.into()],
            )?;
            days.push(Day {
                date,
                payments: count
                    .first()
                    .and_then(|r| r.first())
                    .and_then(Value::int)
                    .unwrap_or(0),
            });
            // A day boundary that does not move back (a broken clock table) must not loop.
            if start >= before {
                break;
            }
            before = start;
        }
        Ok(days)
    }
}
