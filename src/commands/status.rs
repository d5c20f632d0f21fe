//! `konnect status REF`: asking the service how one payment of this journal ended, and
//! settling its row when the answer is final.

use std::process::ExitCode;

use serde_json::{Value, json};

use crate::api::{Outcome, TxnStatus};
use crate::context::Ctx;
use crate::decide::{Reading, read_answer};
use crate::failure::{Failure, Kind};
use crate::journal::{Journal, Payment, Settled, Settlement};
use crate::money::Npr;

/// Records a reading in the journal; a final row is kept and a contradicting answer only noted.
/// Returns what the row says afterwards.
pub(crate) fn settle(
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

pub(crate) fn exit_for(outcome: Outcome) -> ExitCode {
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

pub fn run(ctx: &mut Ctx, reference: &str) -> anyhow::Result<ExitCode> {
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
