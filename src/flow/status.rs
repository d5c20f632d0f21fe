//! `konnect status` and `konnect reconcile`: asking the service how payments ended, and
//! settling the journal when the answer is final.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Duration;

use serde_json::{Value, json};

use crate::api::{Outcome, TxnStatus};
use crate::app::Ctx;
use crate::failure::{Failure, Kind};
use crate::journal::{Journal, Payment, Settled, Settlement};
use crate::money::Npr;

/// At most this many references per bulk look-up.
pub const BATCH: usize = 50;

/// What a look-up's answer means for one payment, and the words the journal keeps for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub outcome: Outcome,
    pub note: String,
}

/// Reads a look-up's answer for a payment made at `created_ms`. "Unknown reference" proves that
/// nothing was charged only once the service has had `grace` to record the attempt; an answer
/// that contradicts itself is never decided. Pure: the time is given.
pub fn read_answer(answer: &TxnStatus, created_ms: i64, now_ms: i64, grace: Duration) -> Reading {
    if let Some(why) = &answer.contradiction {
        return Reading {
            outcome: Outcome::Pending,
            note: format!("the service's answer contradicts itself ({why}); still pending"),
        };
    }
    if answer.found {
        let outcome = Outcome::of_state(answer.state.as_deref());
        let note = answer
            .details
            .clone()
            .unwrap_or_else(|| format!("state {}", answer.state.as_deref().unwrap_or("missing")));
        return Reading { outcome, note };
    }
    let conclusive_ms = created_ms.saturating_add(grace.as_millis() as i64);
    if now_ms >= conclusive_ms {
        Reading {
            outcome: Outcome::Failed,
            note: "the service has no payment with this reference: nothing was charged".into(),
        }
    } else {
        Reading {
            outcome: Outcome::Pending,
            note: format!(
                "not yet known to the service; the commit may still be on its way. A look-up is conclusive from {}",
                crate::clock::local_time(conclusive_ms)
            ),
        }
    }
}

/// Records a reading in the journal; a final row is kept and a contradicting answer only noted.
/// Returns what the row says afterwards.
fn settle(
    ctx: &Ctx,
    journal: &Journal,
    row: &Payment,
    answer: &TxnStatus,
    reading: &Reading,
) -> Result<Outcome, Failure> {
    let settlement = Settlement {
        state: answer.state.clone(),
        transaction_id: answer.response_id.clone().filter(|_| answer.found),
        ..Settlement::new(reading.outcome, reading.note.clone())
    };
    match journal.settle(&row.reference, &settlement)? {
        Settled::Changed => Ok(reading.outcome),
        Settled::Unchanged(kept) => Ok(kept.outcome()),
        Settled::Contradicted(kept) => {
            ctx.ui.warn(&format!(
                "the service now says {} for {}, but the journal holds it as {} (final); kept {} and noted the answer on the row",
                reading.outcome.as_str().to_uppercase(),
                row.reference,
                kept.as_str().to_uppercase(),
                kept.as_str()
            ));
            Ok(kept.outcome())
        }
    }
}

fn exit_for(outcome: Outcome) -> ExitCode {
    ExitCode::from(crate::failure::outcome_exit_code(outcome))
}

/// The journal's row for a reference `status` was given, in the environment in use.
fn own_row(journal: &Journal, reference: &str) -> Result<Payment, Failure> {
    let row = journal.get(reference)?.ok_or_else(|| {
        Failure::usage(format!(
            "no payment {reference} in this journal ({}); check the reference with `konnect history`",
            journal.path().display()
        ))
    })?;
    if row.env != journal.env() {
        return Err(Failure::usage(format!(
            "payment {reference} was made on {}, not {}; look it up with --env {}",
            row.env,
            journal.env(),
            row.env.to_lowercase()
        )));
    }
    Ok(row)
}

pub fn status(ctx: &mut Ctx, reference: &str) -> anyhow::Result<ExitCode> {
    let reference = reference.trim();
    if !crate::reference::is_valid(reference) {
        return Err(Failure::usage(format!(
            "'{reference}' is not a reference (1 to 50 letters, digits or hyphens, as `pay` printed it)"
        ))
        .into());
    }
    let journal = ctx.journal()?;
    let row = own_row(&journal, reference)?;
    let client = ctx.client()?;
    let looked_up = ctx
        .ui
        .spin(&format!("Looking up {reference}…"), || client.status(reference));
    let answer = match looked_up {
        Ok(a) => a,
        Err(e) if !row.is_settled() => {
            return Err(Failure::new(
                Kind::Pending,
                format!(
                    "the look-up failed ({e}); the payment is still pending: do NOT pay again, run `konnect status {reference}` later"
                ),
            )
            .into());
        }
        Err(e) => {
            return Err(Failure::new(
                Kind::Network,
                format!(
                    "the look-up failed ({e}); the journal holds {reference} as {}",
                    row.row_state.as_str().to_uppercase()
                ),
            )
            .into());
        }
    };
    let reading = read_answer(
        &answer,
        row.created_ms,
        crate::clock::now_ms(),
        ctx.settings.lookup_grace,
    );
    let before = row.row_state.as_str();
    let outcome = settle(ctx, &journal, &row, &answer, &reading)?;
    if ctx.ui.json {
        let refunds: Vec<Value> = answer.refunds.iter().map(|r| json!(r)).collect();
        ctx.print_json(&json!({
            "ok": outcome == Outcome::Success,
            "reference": reference,
            "found": answer.found,
            "state": answer.state,
            "outcome": outcome,
            "amount": answer.amount,
            "response_id": answer.response_id,
            "details": answer.details,
            "note": reading.note,
            "refunded": answer.refunded,
            "refunded_amount": answer.refunded_amount,
            "refunds": refunds,
            "journal": {"before": before, "after": outcome},
        }));
    } else {
        print!("{}", status_text(reference, &answer, &reading, before, outcome));
        match outcome {
            Outcome::Success => ctx.ui.note("Paid: the customer's money can be taken."),
            Outcome::Failed => ctx
                .ui
                .note("Failed: nothing was charged; give the money back / do not take it."),
            Outcome::Pending => ctx
                .ui
                .note("Still pending: do NOT pay again; look it up again in 5 minutes."),
        }
    }
    Ok(exit_for(outcome))
}

/// The human view of a look-up: what the service said and what the journal now holds.
pub(crate) fn status_text(
    reference: &str,
    answer: &TxnStatus,
    reading: &Reading,
    before: &str,
    outcome: Outcome,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let state = answer.state.as_deref().unwrap_or(if answer.found {
        "-"
    } else {
        "unknown to the service"
    });
    let _ = writeln!(out, "Reference  {reference}");
    let _ = writeln!(out, "State      {state}");
    let _ = writeln!(out, "Outcome    {}", outcome.as_str().to_uppercase());
    if let Some(a) = answer.amount {
        let _ = writeln!(out, "Amount     {}", a.lakh());
    }
    if let Some(id) = &answer.response_id {
        let _ = writeln!(out, "Response   {id}");
    }
    let _ = writeln!(out, "Details    {}", reading.note);
    for r in &answer.refunds {
        let amount = r.amount.map(Npr::lakh).unwrap_or_else(|| "-".into());
        let remarks = r
            .remarks
            .as_deref()
            .map(|m| format!(" ({m})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "Refund     {amount} on {}{remarks}",
            r.created_at.as_deref().unwrap_or("-")
        );
    }
    if before == outcome.as_str() {
        let _ = writeln!(out, "Journal    unchanged");
    } else {
        let _ = writeln!(out, "Journal    {before} -> {}", outcome.as_str());
    }
    out
}

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

pub fn reconcile(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
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
        let now = crate::clock::now_ms();
        for row in batch {
            let (after, state) = match answer_for(&by_ref, &row.reference) {
                Some(a) => {
                    let reading = read_answer(a, row.created_ms, now, ctx.settings.lookup_grace);
                    (settle(ctx, &journal, row, a, &reading)?, a.state.clone())
                }
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
        if let Some(e) = &failed_lookup {
            doc["lookup_error"] = json!(e.to_string());
        }
        ctx.print_json(&doc);
    } else {
        print_changes(ctx, &changes, still);
    }
    Ok(if still > 0 {
        exit_for(Outcome::Pending)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_changes(ctx: &Ctx, changes: &[Change<'_>], still: usize) {
    println!(
        "{:<32}  {:<15}  {:>15}  {:<8}  {:<8}",
        "Reference", "ISP", "Amount", "Was", "Now"
    );
    for c in changes {
        println!(
            "{:<32}  {:<15}  {:>15}  {:<8}  {:<8}",
            c.row.reference,
            c.row.isp,
            c.row.amount.lakh(),
            c.row.row_state.as_str(),
            c.after.as_str()
        );
    }
    let settled = changes.len() - still;
    println!("{settled} settled, {still} still pending.");
    if still > 0 {
        ctx.ui
            .note("Do NOT pay the pending ones again; run `konnect reconcile` again in 5 minutes.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRACE: Duration = Duration::from_secs(300);
    const NOW: i64 = 1_800_000_000_000;

    fn unknown() -> TxnStatus {
        TxnStatus {
            found: false,
            state: Some("Error".into()),
            ..TxnStatus::default()
        }
    }

    #[test]
    fn an_unknown_reference_fails_only_after_the_grace_period_whatever_the_row_says() {
        let young = read_answer(&unknown(), NOW - 60_000, NOW, GRACE);
        assert_eq!(young.outcome, Outcome::Pending);
        assert!(young.note.contains("conclusive from"), "{}", young.note);
        let edge = read_answer(&unknown(), NOW - 300_000, NOW, GRACE);
        assert_eq!(edge.outcome, Outcome::Failed);
        assert!(edge.note.contains("nothing was charged"));
        assert_eq!(
            read_answer(&unknown(), NOW - 299_999, NOW, GRACE).outcome,
            Outcome::Pending
        );
        assert_eq!(
            read_answer(&unknown(), NOW, NOW, Duration::ZERO).outcome,
            Outcome::Failed
        );
    }

    #[test]
    fn a_found_reference_is_decided_by_its_state_unless_it_contradicts_itself() {
        let found = |state: &str| TxnStatus {
            found: true,
            state: Some(state.into()),
            ..TxnStatus::default()
        };
        assert_eq!(
            read_answer(&found("Queued"), NOW, NOW, GRACE).outcome,
            Outcome::Pending
        );
        assert_eq!(
            read_answer(&found("Success"), NOW, NOW, GRACE).outcome,
            Outcome::Success
        );
        assert_eq!(
            read_answer(&found("Failed"), 0, NOW, GRACE).outcome,
            Outcome::Failed
        );
        let odd = TxnStatus {
            contradiction: Some("it says state Success and status false".into()),
            ..found("Success")
        };
        let r = read_answer(&odd, 0, NOW, GRACE);
        assert_eq!(r.outcome, Outcome::Pending);
        assert!(r.note.contains("contradicts itself"));
    }

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
