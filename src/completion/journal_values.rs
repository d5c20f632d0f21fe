//! The values only the journal knows, as completion candidates: references, customers paid
//! before, days with payments. Read-only and quiet: any trouble is no candidates.

use clap::builder::StyledStr;
use clap_complete::CompletionCandidate;

use super::line::Line;
use crate::journal::{Filter, Journal, Payment, RowState};
use crate::reference::SHORT;

/// At most this many references are offered: the newest, which a Tab is for.
const REFERENCES: u32 = 30;
/// At most this many customers are offered (a shell asks before showing hundreds).
const CUSTOMERS: usize = 100;
/// At most this many days with payments are offered besides today and yesterday.
const DAYS: usize = 31;
/// A description longer than this is cut: one line of a shell's menu.
const DESCRIPTION: usize = 70;
/// A customer's name in a description is cut to this many characters.
const NAME: usize = 28;

/// Which references a command wants first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `status`: the payments not settled yet, then the newest.
    UnsettledFirst,
    /// `receipt`: the newest.
    Newest,
}

/// The journal the line points at, opened to read, for the environment the line is in.
fn journal(line: &Line) -> Option<Journal> {
    let env = |k: &str| std::env::var(k).ok();
    let (location, label) = crate::settings::journal_to_read(&line.overrides(), &env).ok()?;
    Journal::open_read_only(&location, label).ok()
}

/// Short references starting with what is typed, described by customer, amount and state.
pub fn references(line: &Line, order: Order, typed: &str) -> Vec<CompletionCandidate> {
    let Some(journal) = journal(line) else {
        return Vec::new();
    };
    let newest = |states: Vec<RowState>| {
        journal
            .query(&Filter {
                states,
                limit: Some(REFERENCES),
                ..Filter::default()
            })
            .unwrap_or_default()
    };
    let typed = typed.to_ascii_lowercase();
    let mut rows = match order {
        Order::UnsettledFirst => newest(RowState::UNSETTLED.to_vec()),
        Order::Newest => Vec::new(),
    };
    // What is typed is the start of a short reference, searched in the whole journal
    // (however old the receipt to reprint); longer than one, the start of a whole reference.
    // Each through an index. Nothing typed: the newest.
    let others = match typed.len() {
        0 => Ok(newest(Vec::new())),
        1..=SHORT => journal.tail_starting(&typed, REFERENCES),
        _ => journal.reference_starting(&typed, REFERENCES),
    };
    for p in others.unwrap_or_default() {
        if !rows.iter().any(|r| r.reference == p.reference) {
            rows.push(p);
        }
    }
    let Ok(shorts) = journal.short_references_of(rows.iter().map(|p| p.reference.as_str())) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|p| {
            // A reference konnect could have made, never one a shell would have to quote.
            if !crate::reference::is_valid(&p.reference) {
                return None;
            }
            let short = shorts.get(&p.reference)?;
            let value = match typed.len() {
                0..=SHORT => short,
                _ => &p.reference,
            };
            if !value.starts_with(&typed) {
                return None;
            }
            Some(candidate(value, &payment_description(p)))
        })
        .take(REFERENCES as usize)
        .collect()
}

/// `Rs. 1,000.00, Koshish Bortaula, pending, 09:31` (a day before today by its date): the
/// amount and the name first, which a narrow menu's cut reaches last; plain ASCII around the
/// name, which a console in any code page shows.
fn payment_description(p: &Payment) -> String {
    let who = name_of(p.customer_name.as_deref().unwrap_or(&p.username));
    let time = crate::clock::local_time(p.created_ms);
    let when = match time.split_once(' ') {
        Some((_, clock)) if crate::clock::local_date(p.created_ms) == Some(crate::clock::today()) => clock,
        Some((day, _)) => day,
        None => &time,
    };
    format!(
        "{}, {who}, {}, {when}",
        p.amount.lakh(),
        crate::render::state_word(p.row_state.as_str()),
    )
}

/// The handles customers were paid under at the line's `--isp` (at any ISP without one), the
/// most recent first, starting with what is typed.
pub fn customers(line: &Line, typed: &str) -> Vec<CompletionCandidate> {
    let isp = match line.value_of("--isp").map(crate::isp::resolve) {
        Some(Ok(isp)) => Some(isp.slug),
        // The command will refuse this ISP: nobody to offer.
        Some(Err(_)) => return Vec::new(),
        None => None,
    };
    let Some(known) = journal(line).and_then(|j| j.customers(isp).ok()) else {
        return Vec::new();
    };
    let mut offered = std::collections::HashSet::new();
    crate::journal::customers::starting_with(typed, &known)
        .filter(|k| shell_safe(&k.username))
        // Paid at two ISPs, a handle is offered once: where it was paid last.
        .filter(|k| offered.insert(k.username.clone()))
        .take(CUSTOMERS)
        .map(|k| {
            let name = name_of(k.name.as_deref().unwrap_or(""));
            let description = match isp {
                Some(_) => name,
                None => {
                    let at = crate::isp::resolve(&k.isp).map_or(k.isp.as_str(), |i| i.name);
                    if name.is_empty() {
                        at.to_string()
                    } else {
                        format!("{name} ({at})")
                    }
                }
            };
            candidate(&k.username, &description)
        })
        .collect()
}

/// `today`, `yesterday` and the days that have payments, the newest first.
pub fn days(line: &Line, typed: &str) -> Vec<CompletionCandidate> {
    let today = crate::clock::today();
    let yesterday = today.yesterday().ok();
    let days = journal(line)
        .and_then(|j| j.days_with_payments(DAYS).ok())
        .unwrap_or_default();
    let count = |date| {
        days.iter()
            .find(|d| Some(d.date) == date)
            .map_or(0, |d| d.payments)
    };
    let described = |date: Option<jiff::civil::Date>| {
        let day = date.map(|d| d.to_string()).unwrap_or_default();
        match count(date) {
            0 => day,
            1 => format!("{day}, 1 payment"),
            n => format!("{day}, {n} payments"),
        }
    };
    let mut out = vec![
        ("today".to_string(), described(Some(today))),
        ("yesterday".to_string(), described(yesterday)),
    ];
    for d in &days {
        if d.date != today && Some(d.date) != yesterday {
            let n = d.payments;
            out.push((
                d.date.to_string(),
                format!("{n} payment{}", if n == 1 { "" } else { "s" }),
            ));
        }
    }
    let typed = typed.to_ascii_lowercase();
    out.into_iter()
        .filter(|(value, _)| value.starts_with(&typed))
        .map(|(value, description)| candidate(&value, &description))
        .collect()
}

/// A name as a description holds it: on one line (a stored name's new line or tab would cut
/// off what follows it), at most [`NAME`] characters.
fn name_of(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(NAME)
        .collect()
}

/// A candidate with its description cut to one menu line (cleaned where every answer is
/// written, `reply`); the callers offer only values a shell can insert as they are.
fn candidate(value: &str, description: &str) -> CompletionCandidate {
    let cut: String = description.chars().take(DESCRIPTION).collect();
    let candidate = CompletionCandidate::new(value);
    if cut.is_empty() {
        candidate
    } else {
        candidate.help(Some(StyledStr::from(cut)))
    }
}

/// Whether a shell inserts `value` as one plain word: never a flag (`-rf`) or a PowerShell
/// variable (`@PSHOME`), never anything it would have to quote.
fn shell_safe(value: &str) -> bool {
    value.chars().next().is_some_and(char::is_alphanumeric)
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '+' | '-'))
}
