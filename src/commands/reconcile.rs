//! `konnect reconcile`: every unsettled payment of this environment looked up in bulk (50 at a
//! time) and settled; answers are matched to payments by reference only.

use std::collections::HashMap;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::rows::{exit_for, judge};
use crate::api::{Outcome, TxnStatus};
use crate::context::Ctx;
use crate::journal::Payment;

/// At most this many references per bulk look-up.
pub const BATCH: usize = 50;

/// One payment's change, for the reconcile table and JSON.
struct Change<'a> {
    row: &'a Payment,
    after: Outcome,
    state: Option<String>,
}

/// The answer for one reference from a bulk look-up, matched by reference only. None when the
/// answer left it out, or gave it twice with different words.
fn answer_for<'a>(answers: &HashMap<&str, Vec<&'a TxnStatus>>, reference: &str) -> Option<&'a TxnStatus> {
    match answers.get(reference).map(Vec::as_slice) {
        Some([one]) => Some(one),
        Some([first, rest @ ..]) if rest.iter().all(|a| a == first) => Some(first),
        _ => None,
    }
}

pub fn run(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    // Not the "run `konnect reconcile`" warning: this is it.
    let journal = ctx.journal_quiet()?;
    let rows = journal.unsettled()?;
    if rows.is_empty() {
        if ctx.ui.json {
            ctx.print_json(&json!({"ok": true, "changes": [], "still_pending": 0}));
        } else {
            println!("Nothing to reconcile: every payment is settled.");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let client = ctx.client()?;
    let bar = ctx.ui.progress(rows.len() as u64, "payments looked up");
    let mut changes = Vec::with_capacity(rows.len());
    let mut failed_lookup = None;
    for batch in rows.chunks(BATCH) {
        let refs: Vec<String> = batch.iter().map(|r| r.reference.clone()).collect();
        let asked_ms = crate::clock::now_ms();
        let answers = if failed_lookup.is_some() {
            Vec::new()
        } else {
            client.bulk_status(&refs).unwrap_or_else(|e| {
                failed_lookup = Some(e);
                Vec::new()
            })
        };
        let mut by_ref: HashMap<&str, Vec<&TxnStatus>> = HashMap::new();
        for a in &answers {
            if let Some(r) = a.reference.as_deref() {
                by_ref.entry(r).or_default().push(a);
            }
        }
        for row in batch {
            let (after, state) = match answer_for(&by_ref, &row.reference) {
                Some(a) => (
                    judge(ctx, &journal, row, a, asked_ms)?.0.outcome(),
                    a.state.clone(),
                ),
                None => (Outcome::Pending, None),
            };
            changes.push(Change { row, after, state });
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    if let Some(e) = &failed_lookup {
        ctx.ui.warn(&format!(
            "the look-up failed ({e}); the payments it did not reach are still pending"
        ));
    }
    let still = changes.iter().filter(|c| c.after == Outcome::Pending).count();
    if ctx.ui.json {
        let list: Vec<Value> = changes
            .iter()
            .map(|c| {
                json!({
                    "reference": c.row.reference, "isp": c.row.isp, "user": c.row.username, "amount": c.row.amount,
                    "before": c.row.row_state.as_str(), "after": c.after, "state": c.state,
                })
            })
            .collect();
        let mut doc = json!({"ok": still == 0, "changes": list, "still_pending": still});
        if still > 0 {
            let message = still_pending(ctx, &changes, still);
            doc["error"] = json!({"kind": crate::failure::Kind::Pending, "message": message});
        }
        if let Some(e) = &failed_lookup {
            doc["lookup_error"] = json!(e.to_string());
        }
        ctx.print_json(&doc);
    } else {
        print_changes(ctx, &journal, &changes, still);
    }
    Ok(if still > 0 {
        exit_for(Outcome::Pending)
    } else {
        ExitCode::SUCCESS
    })
}

/// What to do about the payments still pending: never pay them again, and when a look-up
/// can settle the last of them (a clock time: their answers' due time plus the grace).
fn still_pending(ctx: &Ctx, changes: &[Change<'_>], still: usize) -> String {
    let grace = ctx.settings.lookup_grace_ms();
    let last = changes
        .iter()
        .filter(|c| c.after == Outcome::Pending)
        .map(|c| c.row.answer_due_ms().saturating_add(grace))
        .max()
        .unwrap_or_else(crate::clock::now_ms)
        .max(crate::clock::now_ms());
    format!(
        "{still} payment(s) still pending: do NOT pay them again and keep their money; look them up again after {} (`konnect reconcile`)",
        crate::clock::local_minute_after(last)
    )
}

fn print_changes(ctx: &Ctx, journal: &crate::journal::Journal, changes: &[Change<'_>], still: usize) {
    let shorts = journal
        .short_references_of(changes.iter().map(|c| c.row.reference.as_str()))
        .unwrap_or_default();
    // The short form of the one instruction (render::cash), to fit the table.
    let todo = |after: Outcome| {
        crate::t!(match after {
            Outcome::Success => "reconcile-paid",
            Outcome::Failed => "reconcile-failed",
            Outcome::Pending => "reconcile-pending",
        })
    };
    // 10 + 1 + 20 + 1 + 14 + 1 + 7 + 1 + 7 + 1 = 63 columns, then what to do; a terminal
    // too narrow for the widest gets each payment on two lines.
    let widest = changes
        .iter()
        .map(|c| console::measure_text_width(&todo(c.after)))
        .max()
        .unwrap_or(0);
    let narrow = crate::ui::stdout_columns() < 63 + widest;
    if !narrow {
        println!(
            "{} {} {} {} {} {}",
            crate::render::pad(&crate::t!("col-ref"), 10),
            crate::render::pad(&crate::t!("col-customer"), 20),
            crate::render::right(&crate::t!("col-amount"), 14),
            crate::render::pad(&crate::t!("reconcile-was"), 7),
            crate::render::pad(&crate::t!("reconcile-now"), 7),
            crate::t!("reconcile-todo")
        );
    }
    for c in changes {
        let who = c.row.customer_name.as_deref().unwrap_or(&c.row.username);
        let short = shorts
            .get(&c.row.reference)
            .map_or(c.row.reference.as_str(), String::as_str);
        let todo = todo(c.after);
        let was = crate::render::state_word(c.row.row_state.as_str());
        let now = crate::render::outcome_word(c.after);
        if narrow {
            let amount = crate::i18n::money(c.row.amount);
            let room =
                crate::ui::stdout_columns().saturating_sub(10 + console::measure_text_width(&amount) + 2);
            println!(
                "{:<10}{} {amount}",
                crate::render::pad(short, 10),
                crate::render::pad(&crate::text::clean(who), room)
            );
            let said = format!("{was} -> {now}: {todo}");
            for line in crate::text::hanging("  ", "    ", &said, crate::ui::stdout_columns()) {
                println!("{line}");
            }
        } else {
            println!(
                "{} {} {} {} {} {todo}",
                crate::render::pad(short, 10),
                crate::render::pad(&crate::text::clean(who), 20),
                crate::render::right(&crate::i18n::money(c.row.amount), 14),
                crate::render::pad(&was, 7),
                crate::render::pad(&now, 7),
            );
        }
    }
    let settled = changes.len() - still;
    let n = crate::i18n::number;
    println!(
        "{}",
        crate::t!("reconcile-settled", settled = n(settled), still = n(still))
    );
    if still > 0 {
        let said = still_pending(ctx, changes, still);
        crate::render::print_ending(&ctx.ui, crate::decide::End::Pending, &said);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_answers_are_matched_by_reference_only() {
        let a = TxnStatus {
            found: true,
            state: Some("Success".into()),
            reference: Some("a".into()),
            ..TxnStatus::default()
        };
        let a_failed = TxnStatus {
            state: Some("Failed".into()),
            ..a.clone()
        };
        let mut map: HashMap<&str, Vec<&TxnStatus>> = HashMap::new();
        map.entry("a").or_default().push(&a);
        assert_eq!(answer_for(&map, "a"), Some(&a));
        assert_eq!(answer_for(&map, "b"), None, "an omitted reference stays pending");
        map.entry("a").or_default().push(&a);
        assert_eq!(
            answer_for(&map, "a"),
            Some(&a),
            "the same answer twice is one answer"
        );
        map.entry("a").or_default().push(&a_failed);
        assert_eq!(
            answer_for(&map, "a"),
            None,
            "two different answers decide nothing"
        );
    }
}
