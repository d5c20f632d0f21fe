//! Bikram Sambat dates beside AD dates, as counters in Nepal write them (through the nepdate crate).

use jiff::civil::Date;
use nepdate::NepaliDate;

/// `2082-01-01` for 2025-04-14; `None` outside the crate's table.
pub fn to_bs(ad: Date) -> Option<String> {
    let bs = NepaliDate::from_gregorian(i32::from(ad.year()), ad.month() as u8, ad.day() as u8).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        bs.year(),
        bs.month_number(),
        bs.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bs(ad: &str) -> String {
        to_bs(ad.parse().unwrap()).unwrap()
    }

    /// Nepali New Year (1 Baisakh) of recent years, as published in Nepal's official calendars.
    #[test]
    fn new_years_days_match_the_published_calendar() {
        assert_eq!(bs("2023-04-14"), "2080-01-01");
        assert_eq!(bs("2024-04-13"), "2081-01-01");
        assert_eq!(bs("2025-04-14"), "2082-01-01");
        assert_eq!(bs("2025-04-13"), "2081-12-31");
    }
}
