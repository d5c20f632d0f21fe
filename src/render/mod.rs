//! Turning results into text for people and JSON for scripts. No I/O beyond the writer given.

use console::style;
use jiff::civil::Date;
use serde_json::{Value, json};

use crate::api::wire::Details;
use crate::failure::Failure;
use crate::isp::Isp;
use crate::money::Npr;

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
    let first = format!("{word} ");
    let lines = crate::text::hanging(&first, "  ", &message, crate::ui::columns());
    let mut text = lines.join("\n");
    text.replace_range(..word.len(), &style(&word).red().bold().for_stderr().to_string());
    text
}

/// Label and value rows with the values in one column, `label` columns from the left edge
/// (labels `indent` in), each value wrapped at words under itself to fit `cols`.
pub fn labelled(rows: &[(&str, String)], indent: usize, label: usize, cols: usize) -> String {
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

/// How many days from `today` an end date the service gave is (negative: it has passed).
pub fn days_to_end(end_date: &str, today: Date) -> Option<i64> {
    let end: Date = end_date.trim().get(..10)?.parse().ok()?;
    Some(crate::clock::days_between(today, end))
}

/// "expired 12 days ago", "ends today", "ends in 3 days", for an end date the service gave.
pub fn relative_end(end_date: &str, today: Date) -> Option<String> {
    let days = days_to_end(end_date, today)?;
    let n = |d: i64| crate::i18n::devanagari(&d.to_string()).into_owned();
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
    crate::calendar::to_bs(ad).map(|bs| crate::t!("date-bs", date = crate::i18n::devanagari(&bs.to_string())))
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
    use crate::i18n::{Lang, message_in};
    let nepali = lang == Lang::Ne;
    let amount = if nepali {
        crate::i18n::money(amount)
    } else {
        amount.lakh()
    };
    let shown = |t: String| {
        if nepali {
            crate::i18n::devanagari(&t).into_owned()
        } else {
            t
        }
    };
    match end {
        End::Paid => message_in(lang, "cash-paid", &[("amount", &amount)]),
        End::Failed => message_in(lang, "cash-failed", &[]),
        End::NotSent => message_in(lang, "cash-not-sent", &[]),
        End::Pending => {
            // A clock time to come back at, never "in 5 minutes" (which 5 minutes?).
            let at = after_ms.unwrap_or_else(|| crate::clock::now_ms().saturating_add(5 * 60 * 1000));
            let time = shown(crate::clock::local_minute_after(at));
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

/// Text fitted to exactly `width` display columns: cut with `…`, or padded with spaces.
pub fn pad(text: &str, width: usize) -> String {
    console::pad_str(text, width, console::Alignment::Left, Some("…")).into_owned()
}

/// How a receipt is printed: its width, the shop it is from, the short reference, and
/// whether it is a copy (a reprint).
#[derive(Debug, Clone)]
pub struct ReceiptLook<'a> {
    pub width: usize,
    pub shop: &'a crate::settings::Shop,
    pub short_reference: &'a str,
    pub copy: bool,
}

/// Lines centred in `width` (wrapped when longer).
fn centred(out: &mut String, text: &str, width: usize) {
    for line in crate::text::wrap(text, width) {
        let pad = width.saturating_sub(console::measure_text_width(&line)) / 2;
        out.push_str(&format!("{}{line}\n", " ".repeat(pad)));
    }
}

/// The customer's receipt: what was bought, in the customer's terms. Never the account's
/// credits (the shop's float stays in `balance`, `history` and JSON).
pub fn receipt(p: &crate::journal::Payment, look: &ReceiptLook<'_>) -> String {
    use crate::t;
    let width = look.width;
    let mut out = String::new();
    let rule = |c: char| format!("{}\n", c.to_string().repeat(width));
    out.push_str(&rule('='));
    let shop = look.shop;
    if shop.name.is_some() || shop.address.is_some() || shop.phone.is_some() || shop.pan.is_some() {
        for part in [&shop.name, &shop.address].into_iter().flatten() {
            centred(&mut out, part, width);
        }
        let contact: Vec<String> = [
            shop.phone.as_ref().map(|t| t!("receipt-tel", phone = t)),
            shop.pan.as_ref().map(|t| t!("receipt-pan", pan = t)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !contact.is_empty() {
            centred(&mut out, &contact.join("  "), width);
        }
        out.push_str(&rule('-'));
    }
    let (title, state) = match p.outcome() {
        crate::api::Outcome::Success => (t!("receipt-paid"), t!("state-success")),
        crate::api::Outcome::Pending => (t!("receipt-pending"), t!("state-pending")),
        crate::api::Outcome::Failed => (t!("receipt-failed"), t!("state-failed")),
    };
    centred(&mut out, &title, width);
    if look.copy {
        centred(&mut out, &t!("receipt-copy"), width);
    }
    out.push_str(&rule('-'));
    let isp_name = crate::isp::resolve(&p.isp)
        .map(|i| i.name.to_string())
        .unwrap_or_else(|_| p.isp.clone());
    // In Nepali the Bikram Sambat date comes first, the AD date and time under it.
    let (first, second) = dates_shown(
        &crate::clock::local_time(p.created_ms),
        crate::clock::local_date(p.created_ms),
    );
    let dates: Vec<String> = std::iter::once(first).chain(second).collect();
    let date_label = t!("receipt-date");
    let labels = [
        t!("receipt-customer"),
        t!("receipt-username"),
        t!("receipt-isp"),
        t!("receipt-package"),
        t!("receipt-amount"),
        t!("receipt-status"),
        t!("receipt-ref"),
        t!("receipt-txn"),
        t!("receipt-counter"),
        t!("receipt-service"),
    ];
    let mut rows: Vec<(&str, String)> = dates
        .into_iter()
        .enumerate()
        .map(|(i, d)| (if i == 0 { date_label.as_str() } else { "" }, d))
        .collect();
    rows.extend([
        (
            labels[0].as_str(),
            p.customer_name.clone().unwrap_or_else(|| "-".into()),
        ),
        (&labels[1], p.username.clone()),
        (&labels[2], isp_name),
        (
            &labels[3],
            p.package_name.clone().unwrap_or_else(|| p.package_id.clone()),
        ),
        (&labels[4], crate::i18n::money(p.amount)),
        (&labels[5], state),
        (&labels[6], look.short_reference.to_string()),
    ]);
    if let Some(id) = &p.transaction_id {
        rows.push((&labels[7], id.clone()));
    }
    if let Some(counter) = &p.counter {
        rows.push((&labels[8], counter.clone()));
    }
    if p.env != "LIVE" {
        rows.push((&labels[9], t!("receipt-not-real", env = p.env)));
    }
    // The labels' column: as wide as the widest label (by display width) and a space or two.
    let label = rows
        .iter()
        .map(|(l, _)| console::measure_text_width(l))
        .max()
        .unwrap_or(0)
        .max(8)
        + 2;
    for (name, value) in rows {
        let pad = " ".repeat(label.saturating_sub(console::measure_text_width(name)));
        for (i, line) in crate::text::wrap(&value, width.saturating_sub(label))
            .into_iter()
            .enumerate()
        {
            if i == 0 {
                out.push_str(&format!("{name}{pad}{line}\n"));
            } else {
                out.push_str(&format!("{}{line}\n", " ".repeat(label)));
            }
        }
    }
    out.push_str(&rule('='));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
            serde_json::from_str(include_str!("sandbox/fixtures/active.json")).unwrap();
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
