//! Time as the counter sees it: journal times are Unix milliseconds, shown in local time.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

/// Today's date in the counter's local time.
pub fn today() -> Date {
    ZonedDateTime::now().date()
}

fn zoned(ms: i64) -> Option<ZonedDateTime> {
    Timestamp::from_millisecond(ms)
        .ok()
        .map(|t| t.to_zoned_datetime(TimeZone::system()))
}

/// `2026-11-27 09:31`, local.
pub fn local_time(ms: i64) -> String {
    zoned(ms)
        .map(|z| z.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// `2026-11-27T09:31:05+05:45`, local, for CSV and JSON.
pub fn rfc3339(ms: i64) -> String {
    zoned(ms)
        .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// The local calendar date of a journal time.
pub fn local_date(ms: i64) -> Option<Date> {
    zoned(ms).map(|z| z.date())
}

/// The first millisecond of a local day, and of the day after it.
pub fn day_bounds(date: Date) -> Option<(i64, i64)> {
    let start = date
        .to_zoned_datetime(TimeZone::system())
        .ok()?
        .timestamp()
        .as_millisecond();
    let end = date
        .tomorrow()
        .ok()?
        .to_zoned_datetime(TimeZone::system())
        .ok()?
        .timestamp()
        .as_millisecond();
    Some((start, end))
}

/// Days since 1970-01-01 of a civil date (Hinnant's days-from-civil), for whole-day differences.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_bounds() {
        assert_eq!(day_number("1970-01-01".parse().unwrap()), 0);
        assert_eq!(day_number("2000-03-01".parse().unwrap()), 11_017);
        let (a, b) = day_bounds("2026-11-27".parse().unwrap()).unwrap();
        assert_eq!(b - a, 86_400_000);
        assert_eq!(local_date(a), Some("2026-11-27".parse().unwrap()));
        assert_eq!(local_date(b - 1), Some("2026-11-27".parse().unwrap()));
    }
}
