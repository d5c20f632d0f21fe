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

/// A file's time (its modification), shown as [`local_time`].
pub fn file_time(at: std::time::SystemTime) -> String {
    let ms = at
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    local_time(ms)
}

/// `20261203-101500`, local: a time in a file's name (no colons, which Windows refuses).
pub fn file_stamp(ms: i64) -> String {
    zoned(ms)
        .map(|z| z.strftime("%Y%m%d-%H%M%S").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// The first whole minute at or after `ms`, local: a time to wait for is never shown early
/// ("after 09:32" for 09:31:05). Today's time alone, as a clock on the wall shows it; another
/// day's with its date.
pub fn local_minute_after(ms: i64) -> String {
    let minute = ms.saturating_add(59_999) / 60_000 * 60_000;
    match zoned(minute) {
        Some(z) if z.date() == today() => z.strftime("%H:%M").to_string(),
        _ => local_time(minute),
    }
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

/// Whole days from one civil date to another (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map(|span| i64::from(span.get_days())).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_to_wait_for_is_rounded_up_to_its_minute() {
        let minute = 29_000_000 * 60_000;
        let clock = |ms: i64| local_time(ms)[11..].to_string();
        let shown = |ms: i64| {
            if local_date(ms) == Some(today()) {
                clock(ms)
            } else {
                local_time(ms)
            }
        };
        assert_eq!(local_minute_after(minute), shown(minute));
        assert_eq!(local_minute_after(minute + 1), shown(minute + 60_000));
        assert_eq!(local_minute_after(minute + 59_999), shown(minute + 60_000));
        // Today's time alone, another day's with its date.
        let noon = day_bounds(today()).unwrap().0 + 12 * 3600 * 1000;
        assert_eq!(local_minute_after(noon), "12:00");
        assert_eq!(local_minute_after(now_ms() + 3 * 24 * 3600 * 1000).len(), 16);
    }

    #[test]
    fn day_numbers_and_bounds() {
        let day = |t: &str| -> Date { t.parse().unwrap() };
        assert_eq!(days_between(day("1970-01-01"), day("2000-03-01")), 11_017);
        assert_eq!(days_between(day("2026-11-27"), day("2021-04-30")), -2037);
        let (a, b) = day_bounds("2026-11-27".parse().unwrap()).unwrap();
        assert_eq!(b - a, 86_400_000);
        assert_eq!(local_date(a), Some("2026-11-27".parse().unwrap()));
        assert_eq!(local_date(b - 1), Some("2026-11-27".parse().unwrap()));
    }
}
