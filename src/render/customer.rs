//! The customer as the cashier first sees them: who, what they have, what the ISP says they
//! owe, and the packages on offer; with the dates as a person reads them (BS and AD).

use console::style;
use jiff::civil::Date;

use super::{keep_tail, labelled, pad};
use crate::api::wire::Details;
use crate::isp::Isp;
use crate::money::Npr;

/// How many days from `today` an end date the service gave is (negative: it has passed).
pub fn days_to_end(end_date: &str, today: Date) -> Option<i64> {
    let end: Date = end_date.trim().get(..10)?.parse().ok()?;
    Some(crate::clock::days_between(today, end))
}

/// "expired 12 days ago", "ends today", "ends in 3 days", for an end date the service gave.
pub fn relative_end(end_date: &str, today: Date) -> Option<String> {
    let days = days_to_end(end_date, today)?;
    let n = crate::i18n::number;
    Some(match days {
        0 => crate::t!("end-today"),
        1 => crate::t!("end-tomorrow"),
        -1 => crate::t!("end-yesterday"),
        d if d > 0 => crate::t!("end-in", days = n(d)),
        d => crate::t!("end-ago", days = n(-d)),
    })
}

/// The Bikram Sambat date of an AD date, as `2082-08-11 BS` (JSON, CSV).
pub fn bs_date(ad: Date) -> Option<String> {
    crate::calendar::to_bs(ad).map(|bs| format!("{bs} BS"))
}

/// The same for a person: `2082-08-11 BS`, or `वि.सं. २०८२-०८-११` in Nepali.
pub fn bs_date_shown(ad: Date) -> Option<String> {
    crate::calendar::to_bs(ad).map(|bs| crate::t!("date-bs", date = crate::i18n::number(bs)))
}

/// An AD date (and time) with its Bikram Sambat date: in Nepali the BS date first.
pub fn dates_shown(ad_text: &str, ad: Option<Date>) -> (String, Option<String>) {
    let ad_text = crate::i18n::devanagari(ad_text).into_owned();
    let bs = ad.and_then(bs_date_shown);
    match (crate::i18n::lang(), bs) {
        (crate::i18n::Lang::Ne, Some(bs)) => (bs, Some(ad_text)),
        (_, bs) => (ad_text, bs),
    }
}

fn or_dash(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("-")
}

/// The compact human view of a lookup.
pub fn lookup_human(isp: &Isp, d: &Details, today: Date, cols: usize) -> String {
    let mut out = customer_view(isp, d, today, cols);
    out.push_str(&format!("{}\n", crate::t!("view-packages")));
    out.push_str(&package_lines(&d.packages, cols, "  ").join("\n"));
    out.push('\n');
    out
}

/// Who the customer is, what they have and what the ISP says they owe, fitted to `cols`.
pub fn customer_view(isp: &Isp, d: &Details, today: Date, cols: usize) -> String {
    let c = &d.customer;
    let mut out = String::new();
    let no_name = crate::t!("view-no-name");
    let name = c.name.as_deref().unwrap_or(&no_name);
    out.push_str(&format!(
        "{}  {}\n",
        style(name).bold(),
        style(format!("{} · {}", or_dash(&c.username), isp.name)).dim()
    ));
    let active = |s: &Option<String>| s.as_deref().is_some_and(|v| v.eq_ignore_ascii_case("active"));
    let status = |s: &Option<String>| -> String {
        match s.as_deref() {
            Some(v) if v.eq_ignore_ascii_case("active") => style(v).green().to_string(),
            Some(v) => style(v).yellow().to_string(),
            None => "-".into(),
        }
    };
    const LABEL: usize = 18;
    let fit = |text: &str, tail: usize| {
        pad(text, cols.saturating_sub(LABEL + tail).max(8))
            .trim_end()
            .to_string()
    };
    let labels = [
        crate::t!("view-mobile"),
        crate::t!("view-status"),
        crate::t!("view-subscription"),
        crate::t!("view-ends"),
        crate::t!("view-due"),
    ];
    let mut rows: Vec<(&str, String)> = vec![
        (&labels[0], or_dash(&c.mobile).to_string()),
        (&labels[1], status(&c.status)),
    ];
    if let Some(sub) = &d.subscription {
        let state = sub.status.as_deref().unwrap_or("-");
        rows.push((
            &labels[2],
            format!(
                "{}  ({})",
                fit(or_dash(&sub.package), state.len() + 4),
                status(&sub.status)
            ),
        ));
        if let Some(end) = &sub.end_date {
            let (first, second) = dates_shown(end, end.get(..10).and_then(|e| e.parse().ok()));
            let line = match second {
                Some(other) => format!("{first} ({other})"),
                None => first,
            };
            rows.push((&labels[3], line));
            if let Some(rel) = relative_end(end, today) {
                // The service may still call a subscription Active after its end: both facts.
                let passed = days_to_end(end, today).is_some_and(|d| d < 0);
                let said = if active(&sub.status) && passed {
                    crate::t!("view-still-active", relative = rel)
                } else {
                    rel
                };
                rows.push(("", said));
            }
        }
    }
    let due = d.due.amount.unwrap_or(Npr::ZERO);
    let due_text = if due > Npr::ZERO {
        style(crate::i18n::money(due)).red().bold().to_string()
    } else {
        crate::i18n::money(due)
    };
    rows.push((
        &labels[4],
        match &d.due.message {
            Some(m) => format!("{due_text}  {}", style(m).dim()),
            None => due_text,
        },
    ));
    out.push_str(&labelled(&rows, 2, LABEL, cols));
    out.push('\n');
    // The commit pays a package's price and nothing else; the service does not say what the
    // ISP does with its due. Said once, here, so that the one figure to collect stays one.
    if due > Npr::ZERO {
        let indent = " ".repeat(18);
        for line in crate::text::hanging(&indent, &indent, &crate::t!("view-due-note"), cols) {
            out.push_str(&format!("{}\n", style(line).dim()));
        }
    }
    out
}

/// One line per package: the amount first (never split), then the name cut with … to fit
/// `cols` by display width, the current one marked.
pub fn package_lines(packages: &[crate::api::wire::Package], cols: usize, indent: &str) -> Vec<String> {
    let amount = |p: &crate::api::wire::Package| crate::i18n::money(p.amount);
    let amt_w = packages
        .iter()
        .map(|p| console::measure_text_width(&amount(p)))
        .max()
        .unwrap_or(0);
    let current = format!(" {}", crate::t!("view-current"));
    packages
        .iter()
        .map(|p| {
            // On a narrow terminal the mark alone says which is current: room for the name.
            let (mark, tail) = match (p.current, cols >= 60) {
                (true, true) => ("*", current.as_str()),
                (true, false) => ("*", ""),
                _ => (" ", ""),
            };
            let used = indent.len() + 2 + amt_w + 2 + console::measure_text_width(tail);
            let name = keep_tail(&p.name, cols.saturating_sub(used + 1).max(8));
            let tail = style(tail).green().to_string();
            // Padded by display width: a Devanagari amount is narrower than its bytes.
            let figure = amount(p);
            let pad = " ".repeat(amt_w.saturating_sub(console::measure_text_width(&figure)));
            format!("{indent}{mark} {pad}{figure}  {}{tail}", name.trim_end())
        })
        .collect()
}
