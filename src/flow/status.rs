//! `konnect status` and `konnect reconcile`: asking the service how payments ended, and
//! settling the journal when the answer is final.

use std::collections::HashMap;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::api::{Outcome, TxnStatus};
use crate::app::Ctx;
use crate::failure::Failure;
use crate::journal::{Journal, Payment, Settlement};
use crate::money::Npr;

/// At most this many references per bulk look-up.
pub const BATCH: usize = 50;
/// A reference unknown to the service is only taken as "never charged" once its commit
/// cannot still be on its way: a row younger than this stays pending.
const IN_FLIGHT_GRACE_MS: i64 = 2 * 60 * 1000;

/// What the service's answer means for one payment.
pub fn outcome_of(answer: &TxnStatus, row: Option<&Payment>) -> Outcome {
    if answer.found {
        return Outcome::of_state(answer.state.as_deref());
    }
    let young = row.is_some_and(|r| {
        r.outcome == "sending" && crate::clock::now_ms() - r.created_ms < IN_FLIGHT_GRACE_MS
    });
    if young { Outcome::Pending } else { Outcome::Failed }
}

/// The journal's note on an answer: the service's words, or what an unknown reference means.
fn message_for(answer: &TxnStatus, outcome: Outcome) -> Option<String> {
    match (answer.found, outcome) {
        (true, _) => answer.details.clone(),
        (false, Outcome::Pending) => {
            Some("not yet known to the service; the commit may still be on its way".into())
        }
        (false, _) => Some("the service has no payment with this reference: nothing was charged".into()),
    }
}

/// Records the service's answer for one payment in the journal.
fn settle(journal: &Journal, reference: &str, answer: &TxnStatus, outcome: Outcome) -> Result<(), Failure> {
    journal.settle(
        reference,
        &Settlement {
            outcome: Some(outcome),
            state: answer.state.clone(),
            transaction_id: answer.response_id.clone(),
            message: message_for(answer, outcome),
            ..Settlement::default()
        },
    )
}

fn exit_for(outcome: Outcome) -> ExitCode {
    ExitCode::from(crate::failure::outcome_exit_code(outcome))
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
    let client = ctx.client()?;
    let answer = ctx
        .ui
        .spin(&format!("Looking up {reference}…"), || client.status(reference))
        .map_err(Failure::from)?;
    let row = journal.get(reference)?;
    let outcome = outcome_of(&answer, row.as_ref());
    let before = row.as_ref().map(|r| r.outcome().as_str());
    if row.is_some() {
        settle(&journal, reference, &answer, outcome)?;
    }
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
            "refunded": answer.refunded,
            "refunded_amount": answer.refunded_amount,
            "refunds": refunds,
            "journal": before.map(|b| json!({"before": b, "after": outcome})),
        }));
    } else {
        println!("Reference  {reference}");
        println!(
            "State      {}",
            answer.state.as_deref().unwrap_or(if answer.found {
                "-"
            } else {
                "unknown to the service"
            })
        );
        println!("Outcome    {}", outcome.as_str().to_uppercase());
        if let Some(a) = answer.amount {
            println!("Amount     {}", a.lakh());
        }
        if let Some(id) = &answer.response_id {
            println!("Response   {id}");
        }
        if let Some(d) = &answer.details {
            println!("Details    {d}");
        }
        for r in &answer.refunds {
            println!(
                "Refund     {} on {}{}",
                r.amount.map(Npr::lakh).unwrap_or_else(|| "-".into()),
                r.created_at.as_deref().unwrap_or("-"),
                r.remarks
                    .as_deref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            );
        }
        match before {
            Some(b) if b != outcome.as_str() => println!("Journal    {b} -> {}", outcome.as_str()),
            Some(_) => println!("Journal    unchanged"),
            None => println!("Journal    not a payment of this journal"),
        }
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

/// One payment's change, for the reconcile table and JSON.
struct Change<'a> {
    row: &'a Payment,
    after: Outcome,
    state: Option<String>,
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
    for batch in rows.chunks(BATCH) {
        let refs: Vec<String> = batch.iter().map(|r| r.reference.clone()).collect();
        let answers = client.bulk_status(&refs).map_err(|e| {
            bar.finish_and_clear();
            let done = changes.len();
            let f = Failure::from(e);
            Failure {
                message: format!("{} (settled {done} of {} before this)", f.message, rows.len()),
                ..f
            }
        })?;
        let by_ref: HashMap<&str, &TxnStatus> = answers
            .iter()
            .filter_map(|a| a.reference.as_deref().map(|r| (r, a)))
            .collect();
        for (i, row) in batch.iter().enumerate() {
            // Match by reference; an answer without one is taken by position.
            let answer = by_ref
                .get(row.reference.as_str())
                .copied()
                .or_else(|| answers.get(i).filter(|a| a.reference.is_none()));
            let (after, state) = match answer {
                Some(a) => {
                    let after = outcome_of(a, Some(row));
                    settle(&journal, &row.reference, a, after)?;
                    (after, a.state.clone())
                }
                None => (Outcome::Pending, None),
            };
            changes.push(Change { row, after, state });
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    let still = changes.iter().filter(|c| c.after == Outcome::Pending).count();
    if ctx.ui.json {
        let list: Vec<Value> = changes
            .iter()
            .map(|c| {
                json!({
                    "reference": c.row.reference, "isp": c.row.isp, "user": c.row.username, "amount": c.row.amount,
                    "before": c.row.outcome().as_str(), "after": c.after, "state": c.state,
                })
            })
            .collect();
        ctx.print_json(&json!({"ok": still == 0, "changes": list, "still_pending": still}));
    } else {
        println!(
            "{:<32}  {:<15}  {:>15}  {:<8}  {:<8}",
            "Reference", "ISP", "Amount", "Was", "Now"
        );
        for c in &changes {
            println!(
                "{:<32}  {:<15}  {:>15}  {:<8}  {:<8}",
                c.row.reference,
                c.row.isp,
                c.row.amount.lakh(),
                c.row.outcome,
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
    Ok(if still > 0 {
        exit_for(Outcome::Pending)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(outcome: &str, age_ms: i64) -> Payment {
        Payment {
            reference: "r".into(),
            created_ms: crate::clock::now_ms() - age_ms,
            settled_ms: None,
            env: "TEST".into(),
            isp: "izone".into(),
            username: "u".into(),
            customer_name: None,
            package_id: "p".into(),
            package_name: None,
            amount: Npr::ZERO,
            outcome: outcome.into(),
            state: None,
            transaction_id: None,
            credits_available: None,
            credits_consumed: None,
            message: None,
        }
    }

    #[test]
    fn an_unknown_reference_fails_only_once_its_commit_cannot_be_on_its_way() {
        let unknown = TxnStatus {
            found: false,
            ..TxnStatus::default()
        };
        let young = outcome_of(&unknown, Some(&row("sending", 1_000)));
        assert_eq!(young, Outcome::Pending);
        assert!(message_for(&unknown, young).unwrap().contains("not yet known"));
        let old = outcome_of(&unknown, Some(&row("sending", IN_FLIGHT_GRACE_MS + 1_000)));
        assert_eq!(old, Outcome::Failed);
        assert!(
            message_for(&unknown, old)
                .unwrap()
                .contains("nothing was charged")
        );
        assert_eq!(
            outcome_of(&unknown, Some(&row("pending", 1_000))),
            Outcome::Failed
        );
        let found = TxnStatus {
            found: true,
            state: Some("Queued".into()),
            ..TxnStatus::default()
        };
        assert_eq!(outcome_of(&found, None), Outcome::Pending);
    }
}
