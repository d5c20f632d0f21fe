//! Turning results into text for people and JSON for scripts. No I/O beyond the writer given.

use console::style;
use serde_json::{Value, json};

use crate::api::wire::Details;
use crate::failure::Failure;
use crate::isp::Isp;
use crate::money::Npr;

mod customer;
mod receipt;

pub use customer::{
    bs_date, bs_date_shown, customer_view, dates_shown, days_to_end, lookup_human, package_lines,
    relative_end,
};
pub use receipt::{ReceiptLook, receipt};

/// The JSON document of a failure: `{"ok": false, "error": {...}}`.
pub fn failure_json(f: &Failure) -> Value {
    let mut doc = json!({
        "ok": false,
        "error": {"kind": f.kind, "code": f.code, "message": f.message, "details": f.details},
    });
    if let Some(r) = &f.earlier_reference {
        doc["error"]["earlier_reference"] = r.as_ref().into();
    }
    doc
}

/// How a payment that did not go through ends on a terminal: not as a program's `error:`
/// but as an outcome, its mark, word and colour first, the instruction under it, wrapped at
/// words. None for the endings that are not a payment's outcome (paid, nothing sent).
pub fn outcome_block(end: crate::decide::End, message: &str, unicode: bool) -> Option<String> {
    use crate::decide::End;
    let (mark, word) = match end {
        End::Failed => (if unicode { "✗" } else { "X" }, crate::t!("outcome-not-paid")),
        End::Pending => ("!", crate::t!("outcome-pending")),
        End::Paid | End::NotSent => return None,
    };
    let head = format!("{mark} {word}");
    let head = match end {
        End::Failed => style(head).red().bold().for_stderr().to_string(),
        _ => style(head).yellow().bold().for_stderr().to_string(),
    };
    let message = crate::text::clean(message);
    let lines = crate::text::hanging("  ", "  ", &message, crate::ui::columns());
    Some(format!("{head}\n{}", lines.join("\n")))
}

/// The words a person reads for a failure: on a terminal a cashier's, where they differ;
/// the technical message (status codes, hosts) under `--verbose` and in a file or a pipe,
/// where a support person reads it.
pub fn plain(f: &Failure) -> &str {
    match &f.plain {
        Some(p) if !crate::ui::verbose() && std::io::IsTerminal::is_terminal(&std::io::stderr()) => p,
        _ => &f.message,
    }
}

/// What a failure prints on stderr: one line, wrapped at words on a terminal.
pub fn failure_line(f: &Failure) -> String {
    // The service's words were neutralised where they were read; this also covers what a
    // person typed (a username, a path) being quoted back.
    let message = crate::text::clean(plain(f));
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    // A cashier who said no, or pressed Esc, made no mistake: no "error:" on a terminal.
    if terminal && f.kind == crate::failure::Kind::Cancelled {
        return crate::text::hanging("", "  ", &message, crate::ui::columns()).join("\n");
    }
    if !terminal {
        let head = style("error:").red().bold().for_stderr();
        return format!("{head} {message}");
    }
    // On a terminal in the run's language ("त्रुटि:"); a file or a pipe keeps "error:".
    let word = crate::t!("word-error");
    let styled = style(&word).red().bold().for_stderr().to_string();
    crate::text::tagged(&word, &styled, &message, crate::ui::columns())
}

/// A payment's ending for a person: its block (failed, pending), else a note (paid).
pub fn print_ending(ui: &crate::ui::Ui, end: crate::decide::End, text: &str) {
    match outcome_block(end, text, ui.unicode) {
        Some(block) => eprintln!("{block}"),
        None => ui.note(text),
    }
}

/// Where the values of labelled rows start: past the widest label (by display width: Nepali
/// labels are wider than English ones) and two spaces, and at least `at_least` columns in.
pub fn label_column<'a>(labels: impl IntoIterator<Item = &'a str>, indent: usize, at_least: usize) -> usize {
    let widest = labels
        .into_iter()
        .map(console::measure_text_width)
        .max()
        .unwrap_or(0);
    at_least.max(indent + widest + 2)
}

/// Label and value rows with the values in one column ([`label_column`]), the labels
/// `indent` in, each value wrapped at words under itself to fit `cols`.
pub fn labelled(rows: &[(&str, String)], indent: usize, at_least: usize, cols: usize) -> String {
    let label = label_column(rows.iter().map(|(name, _)| *name), indent, at_least);
    let under = " ".repeat(label);
    let mut out = Vec::new();
    for (name, value) in rows {
        // Padded by display width: a Devanagari label has more characters than columns.
        let first = format!("{:indent$}{}", "", pad(name, label.saturating_sub(indent)));
        out.extend(crate::text::hanging(&first, &under, value, cols));
    }
    out.join("\n")
}

/// The lookup document (design.md), with the username asked for as `user`.
pub fn lookup_json(isp: &Isp, user: &str, d: &Details) -> Value {
    let sub = d.subscription.clone().unwrap_or_default();
    json!({
        "ok": true,
        "isp": isp.slug,
        "user": user,
        "customer": d.customer,
        "subscription": {"package": sub.package, "end_date": sub.end_date, "status": sub.status},
        "due": {"amount": d.due.amount.unwrap_or(Npr::ZERO), "message": d.due.message},
        "packages": d.packages,
        "session_id": d.session_id,
    })
}

/// The one instruction about the cash for a payment's ending, the same on every path (pay,
/// counter, status, reconcile, report), in this run's language. `after_ms` is when a pending
/// payment's look-up is due.
pub fn cash(end: crate::decide::End, amount: Npr, reference: &str, after_ms: Option<i64>) -> String {
    cash_in(crate::i18n::lang(), end, amount, reference, after_ms)
}

/// [`cash`] in a given language: English for the messages inside JSON documents.
pub fn cash_in(
    lang: crate::i18n::Lang,
    end: crate::decide::End,
    amount: Npr,
    reference: &str,
    after_ms: Option<i64>,
) -> String {
    use crate::decide::End;
    use crate::i18n::message_in;
    let amount = crate::i18n::money_for(lang, amount);
    match end {
        End::Paid => message_in(lang, "cash-paid", &[("amount", &amount)]),
        End::Failed => message_in(lang, "cash-failed", &[]),
        End::NotSent => message_in(lang, "cash-not-sent", &[]),
        End::Pending => {
            // A clock time to come back at, never "in 5 minutes" (which 5 minutes?).
            let at = after_ms.unwrap_or_else(|| crate::clock::now_ms().saturating_add(5 * 60 * 1000));
            let time = crate::i18n::figures_for(lang, &crate::clock::local_minute_after(at));
            message_in(
                lang,
                "cash-pending",
                &[("amount", &amount), ("time", &time), ("reference", reference)],
            )
        }
    }
}

/// A journal row as JSON (`history`, `receipt`).
pub fn payment_json(p: &crate::journal::Payment) -> Value {
    json!({
        "reference": p.reference,
        "created_at": crate::clock::rfc3339(p.created_ms),
        "settled_at": p.settled_ms.map(crate::clock::rfc3339),
        "env": p.env,
        "isp": p.isp,
        "user": p.username,
        "customer_name": p.customer_name,
        "package": {"id": p.package_id, "name": p.package_name, "amount": p.amount},
        "outcome": p.outcome().as_str(),
        "state": p.state,
        "transaction_id": p.transaction_id,
        "credits_available": p.credits_available,
        "message": p.message,
        "counter": p.counter,
    })
}

/// One CSV record, each cell neutralised and disarmed ([`crate::text::csv_cell`]).
pub fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| crate::text::csv_cell(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// A package name fitted to `width` by cutting its middle: the end says the term ("3
/// Month(s)"), which is what tells packages of one plan apart.
pub fn keep_tail(name: &str, width: usize) -> String {
    let measure = console::measure_text_width;
    if measure(name) <= width {
        return name.to_string();
    }
    let tail_part = name.rsplit_once(" - ").map_or(name, |(_, t)| t);
    let chars: Vec<char> = name.chars().collect();
    let mut tail = String::new();
    for c in chars.iter().rev() {
        if measure(&tail) + measure(&c.to_string()) > width.saturating_sub(1).min(measure(tail_part)) {
            break;
        }
        tail.insert(0, *c);
    }
    let head = console::truncate_str(name, width.saturating_sub(measure(&tail) + 1), "");
    format!("{head}…{tail}")
}

/// Text right-aligned in `width` display columns (a Devanagari figure has more characters).
pub fn right(text: &str, width: usize) -> String {
    console::pad_str(text, width, console::Alignment::Right, None).into_owned()
}

/// An outcome's word in the run's language (JSON and CSV keep `success`, `pending`, `failed`).
pub fn outcome_word(o: crate::api::Outcome) -> String {
    crate::t!(match o {
        crate::api::Outcome::Success => "word-success",
        crate::api::Outcome::Pending => "word-pending",
        crate::api::Outcome::Failed => "word-failed",
    })
}

/// A journal state's word (`success`, `pending`, `sending`, `failed`) in the run's language.
pub fn state_word(state: &str) -> String {
    crate::api::Outcome::parse(state).map_or_else(|| state.to_string(), outcome_word)
}

/// Text fitted to exactly `width` display columns: cut with `…`, or padded with spaces.
pub fn pad(text: &str, width: usize) -> String {
    console::pad_str(text, width, console::Alignment::Left, Some("…")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn a_cut_package_name_keeps_its_term() {
        let name = "Fiber Internet (First Installation) - 12 Month(s)";
        let cut = keep_tail(name, 24);
        assert_eq!(console::measure_text_width(&cut), 24, "{cut}");
        assert!(cut.ends_with("…12 Month(s)"), "{cut}");
        assert!(cut.starts_with("Fiber Inte"), "{cut}");
        assert_eq!(keep_tail("NET+TV - 3 Month(s)", 40), "NET+TV - 3 Month(s)");
        assert_eq!(console::measure_text_width(&keep_tail(name, 8)), 8);
        // The picker's rows on a 40-column terminal still tell the terms apart.
        let packages: Vec<crate::api::wire::Package> = ["1", "12"]
            .iter()
            .map(|m| crate::api::wire::Package {
                id: (*m).into(),
                name: format!("NET+TV - 30Mbps - {m} Month(s)"),
                amount: Npr::parse("18500").unwrap(),
                current: *m == "12",
            })
            .collect();
        for line in package_lines(&packages, 37, "") {
            let plain = console::strip_ansi_codes(&line).into_owned();
            assert!(console::measure_text_width(&plain) <= 37, "{plain}");
            assert!(plain.ends_with(" Month(s)") && plain.contains('…'), "{plain}");
        }
    }

    #[test]
    fn the_lookup_view_fits_80_columns_and_packages_fit_40() {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("../sandbox/fixtures/active.json")).unwrap();
        let d = Details::from_value(&v).unwrap();
        let isp = crate::isp::resolve("izone").unwrap();
        let today: Date = "2026-11-27".parse().unwrap();
        console::set_colors_enabled(false);
        let view = lookup_human(isp, &d, today, 80);
        for line in view.lines() {
            assert!(console::measure_text_width(line) <= 80, "{line:?}");
        }
        assert!(
            view.contains("the service still says Active"),
            "both facts: {view}"
        );
        for cols in [40, 60, 80] {
            for line in package_lines(&d.packages, cols, "  ") {
                assert!(console::measure_text_width(&line) <= cols, "{cols}: {line:?}");
                assert!(line.contains("Rs. "), "the amount is never cut: {line}");
            }
        }
    }

    #[test]
    fn csv_quotes_only_what_it_must() {
        let line = csv_line(&["plain".into(), "a,b".into(), "say \"hi\"".into(), "=1+1".into()]);
        assert_eq!(line, "plain,\"a,b\",\"say \"\"hi\"\"\",'=1+1");
    }

    #[test]
    fn pad_measures_display_width() {
        assert_eq!(pad("abcdef", 4), "abc…");
        assert_eq!(pad("abc", 4), "abc ");
        let name = pad("चन्द्रमणि न्यौपाने", 6);
        assert_eq!(console::measure_text_width(&name), 6, "{name}");
    }

    #[test]
    fn tells_how_far_the_end_date_is() {
        let today: Date = "2026-11-27".parse().unwrap();
        assert_eq!(relative_end("2026-11-27", today).unwrap(), "ends today");
        assert_eq!(relative_end("2026-12-07", today).unwrap(), "ends in 10 days");
        assert_eq!(relative_end("2026-11-17", today).unwrap(), "expired 10 days ago");
        assert_eq!(
            relative_end("2021-04-30", today).unwrap(),
            "expired 2037 days ago"
        );
        assert_eq!(relative_end("not a date", today), None);
    }
}
