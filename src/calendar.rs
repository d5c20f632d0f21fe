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

/// The AD date of a BS date (`2083-08-11`); `None` when it is not a date of the calendar.
pub fn from_bs(year: i32, month: u8, day: u8) -> Option<Date> {
    let ad = NepaliDate::new(u16::try_from(year).ok()?, month, day)
        .ok()?
        .to_gregorian();
    Date::new(i16::try_from(ad.year()).ok()?, ad.month() as i8, ad.day() as i8).ok()
}

/// A day as a person names it: `today`, `yesterday`, an AD date `YYYY-MM-DD`, or a BS date
/// marked `bs` (`2083-08-11bs`, `2083-08-11 BS`). An AD date after `today` is refused: it is
/// most likely a BS date written without its mark.
pub fn parse_day(text: &str, today: Date) -> Result<Date, String> {
    let t = text.trim().to_ascii_lowercase();
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.yesterday().map_err(|e| e.to_string()),
        _ => {}
    }
    let forms = "today, yesterday, YYYY-MM-DD (AD) or YYYY-MM-DDbs (BS)";
    if let Some(bs) = t.strip_suffix("bs").map(str::trim) {
        let parts: Vec<&str> = bs.split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(format!("'{text}' is not a day; write {forms}"));
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(format!("'{text}' is not a day; write {forms}"));
        };
        let ad = from_bs(y, m, d).ok_or_else(|| format!("'{text}' is not a date of the BS calendar"))?;
        if ad > today {
            return Err(format!(
                "{y:04}-{m:02}-{d:02} BS ({ad}) is in the future; give a day up to today"
            ));
        }
        return Ok(ad);
    }
    let ad: Date = t
        .parse()
        .map_err(|_| format!("'{text}' is not a day; write {forms}"))?;
    if ad > today {
        // Only a recent past day, read as BS, is worth suggesting (BS runs ~57 years ahead).
        let as_bs = (|| {
            from_bs(
                i32::from(ad.year()),
                u8::try_from(ad.month()).ok()?,
                u8::try_from(ad.day()).ok()?,
            )
        })()
        .filter(|d| *d <= today && d.year() >= today.year() - 10);
        return Err(match as_bs {
            Some(d) => format!("{ad} is in the future; if it is a BS date, write it {ad}bs (that is {d} AD)"),
            None => format!("{ad} is in the future; give a day up to today"),
        });
    }
    Ok(ad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bs(ad: &str) -> String {
        to_bs(ad.parse().unwrap()).unwrap()
    }

    #[test]
    fn a_future_day_is_refused_and_a_bs_reading_suggested_only_when_it_makes_sense() {
        let today: Date = "2026-11-27".parse().unwrap();
        let e = parse_day("2083-08-11", today).unwrap_err();
        assert!(e.contains("write it 2083-08-11bs (that is 2026-11-27 AD)"), "{e}");
        let e = parse_day("2026-11-28", today).unwrap_err();
        assert_eq!(e, "2026-11-28 is in the future; give a day up to today");
        let e = parse_day("2083-08-12bs", today).unwrap_err();
        assert!(e.contains("BS (2026-11-28) is in the future"), "{e}");
        assert_eq!(parse_day("2083-08-11bs", today).unwrap(), today);
    }

    /// Nepali New Year (1 Baisakh) of recent years, as published in Nepal's official calendars.
    #[test]
    fn new_years_days_match_the_published_calendar() {
        assert_eq!(bs("2023-04-14"), "2080-01-01");
        assert_eq!(bs("2024-04-13"), "2081-01-01");
        assert_eq!(bs("2025-04-14"), "2082-01-01");
        assert_eq!(bs("2025-04-13"), "2081-12-31");
        assert_eq!(from_bs(2082, 1, 1), Some("2025-04-14".parse().unwrap()));
    }

    #[test]
    fn days_are_named_as_people_name_them() {
        let today: Date = "2026-11-27".parse().unwrap();
        let day = |t: &str| parse_day(t, today);
        assert_eq!(day("today"), Ok(today));
        assert_eq!(day("Yesterday"), Ok("2026-11-26".parse().unwrap()));
        assert_eq!(day("2026-11-01"), Ok("2026-11-01".parse().unwrap()));
        assert_eq!(day(&format!("{}bs", bs("2026-11-27"))), Ok(today));
        assert_eq!(day(&format!("{} BS", bs("2026-11-27"))), Ok(today));
        assert!(
            day("2083-08-11")
                .unwrap_err()
                .contains("if it is a BS date, write it 2083-08-11bs")
        );
        assert!(
            day("2083-13-40bs")
                .unwrap_err()
                .contains("not a date of the BS calendar")
        );
        assert!(day("last week").unwrap_err().contains("today, yesterday"));
    }
}
