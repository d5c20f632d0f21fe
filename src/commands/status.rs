//! `konnect status REF`: asking the service how one payment of this journal ended, and
//! settling its row when the answer is final.

use std::process::ExitCode;

use serde_json::{Value, json};

use super::rows::{After, exit_for, judge, own_row};
use crate::api::{Outcome, TxnStatus};
use crate::context::Ctx;
use crate::decide::Reading;
use crate::failure::{Failure, Kind};
use crate::journal::Payment;

pub fn run(ctx: &mut Ctx, reference: &str) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal_quiet()?;
    let row = own_row(&journal, reference)?;
    let others = journal.unsettled_count()? - i64::from(!row.is_settled());
    if others > 0 {
        ctx.ui.warn(&format!(
            "{others} other payment(s) are not settled; run `konnect reconcile`"
        ));
    }
    let client = ctx.client()?;
    let reference = row.reference.as_str();
    let asked_ms = crate::clock::now_ms();
    let looked_up = ctx
        .ui
        .spin(&format!("Looking up {reference}…"), || client.status(reference));
    let answer = match looked_up {
        Ok(a) => a,
        Err(e) => return look_up_failed(ctx, &row, &e),
    };
    let before = row.row_state.as_str();
    let (after, reading) = judge(ctx, &journal, &row, &answer, asked_ms)?;
    let outcome = after.outcome();
    if ctx.ui.json {
        let refunds: Vec<Value> = answer.refunds.iter().map(|r| json!(r)).collect();
        ctx.print_json(&json!({
            "ok": outcome == Outcome::Success,
            "reference": reference,
            "found": answer.found,
            "state": answer.state,
            "outcome": outcome,
            "disputed": matches!(after, After::Disputed { .. }),
            "amount": answer.amount,
            "response_id": answer.response_id,
            "details": answer.details,
            "note": reading.note,
            "refunded": answer.refunded,
            "refunded_amount": answer.refunded_amount,
            "refunds": refunds,
            "journal": {"before": before, "after": journal_after(after)},
            "conclusive_from": reading.conclusive_from_ms.map(crate::clock::rfc3339),
            "error": (outcome != Outcome::Success).then(|| json!({"kind": kind_of(outcome), "message": advice(crate::i18n::Lang::En, after, &row, reading.conclusive_from_ms)})),
        }));
    } else {
        print!(
            "{}",
            status_text(reference, &answer, &reading, before, journal_after(after))
        );
        // A payment that did not go through ends with the block `pay` ends with.
        let said = advice(crate::i18n::lang(), after, &row, reading.conclusive_from_ms);
        let end = match after {
            After::Holds(o) => crate::decide::End::of(o),
            After::Disputed { .. } => crate::decide::End::Pending,
        };
        crate::render::print_ending(&ctx.ui, end, &said);
    }
    Ok(exit_for(outcome))
}

/// The error kind a payment's outcome is reported with.
fn kind_of(outcome: Outcome) -> Kind {
    match outcome {
        Outcome::Failed => Kind::Rejected,
        _ => Kind::Pending,
    }
}

/// What the row holds afterwards, as the journal names it.
fn journal_after(after: After) -> &'static str {
    match after {
        After::Holds(o) => o.as_str(),
        After::Disputed { kept, .. } => kept.as_str(),
    }
}

/// The one instruction about the cash.
/// In `lang`: English inside JSON, the run's language on a terminal.
fn advice(lang: crate::i18n::Lang, after: After, row: &Payment, after_ms: Option<i64>) -> String {
    match after {
        After::Holds(o) => {
            crate::render::cash_in(lang, crate::decide::End::of(o), row.amount, &row.reference, after_ms)
        }
        After::Disputed { .. } => "Disputed: the service and the journal disagree. Keep the customer's money, do NOT pay again, and ask the service before giving anything back.".into(),
    }
}

/// A look-up that failed leaves an unsettled payment pending (exit 4); a settled one keeps what
/// the journal holds, with a warning.
fn look_up_failed(ctx: &Ctx, row: &Payment, e: &crate::api::ApiError) -> anyhow::Result<ExitCode> {
    let reference = &row.reference;
    if !row.is_settled() {
        return Err(Failure::new(
            Kind::Pending,
            format!("the look-up failed ({e}); the payment is still pending: do NOT pay again, run `konnect status {reference}` later"),
        )
        .into());
    }
    let held = row.row_state.as_str().to_uppercase();
    ctx.ui.warn(&format!(
        "the look-up failed ({e}); the journal holds {reference} as {held}"
    ));
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": row.outcome() == Outcome::Success, "reference": reference, "outcome": row.outcome(),
            "lookup_error": e.to_string(), "journal": {"before": row.row_state.as_str(), "after": row.row_state.as_str()},
        }));
    }
    Ok(exit_for(row.outcome()))
}

/// The human view of a look-up: what the service said and what the journal now holds.
pub(crate) fn status_text(
    reference: &str,
    answer: &TxnStatus,
    reading: &Reading,
    before: &str,
    after: &str,
) -> String {
    use crate::t;
    let unknown = t!("status-unknown");
    let state = answer
        .state
        .as_deref()
        .unwrap_or(if answer.found { "-" } else { &unknown });
    let labels = [
        t!("status-reference"),
        t!("status-state"),
        t!("status-outcome"),
        t!("status-amount"),
        t!("status-response"),
        t!("status-details"),
        t!("status-refund"),
        t!("status-journal"),
    ];
    let outcome = crate::render::state_word(after);
    let mut rows: Vec<(&str, String)> = vec![
        (&labels[0], reference.to_string()),
        (&labels[1], state.to_string()),
        (&labels[2], outcome.to_uppercase()),
    ];
    if let Some(a) = answer.amount {
        rows.push((&labels[3], crate::i18n::money(a)));
    }
    if let Some(id) = &answer.response_id {
        rows.push((&labels[4], id.clone()));
    }
    rows.push((
        &labels[5],
        match reading.conclusive_from_ms {
            Some(ms) => t!(
                "status-conclusive",
                note = reading.note,
                time = crate::i18n::devanagari(&crate::clock::local_minute_after(ms))
            ),
            None => reading.note.clone(),
        },
    ));
    for r in &answer.refunds {
        let amount = r.amount.map(crate::i18n::money).unwrap_or_else(|| "-".into());
        let remarks = r
            .remarks
            .as_deref()
            .map(|m| format!(" ({m})"))
            .unwrap_or_default();
        rows.push((
            &labels[6],
            format!("{amount} on {}{remarks}", r.created_at.as_deref().unwrap_or("-")),
        ));
    }
    rows.push((
        &labels[7],
        if before == after {
            t!("status-unchanged")
        } else {
            format!("{before} -> {after}")
        },
    ));
    // Wrapped at words on a terminal; a file or a pipe gets each row on one line.
    let mut out = crate::render::labelled(&rows, 0, 11, crate::ui::stdout_columns());
    out.push('\n');
    out
}
