//! A payment's row as the look-up commands use it: found by the reference a person gave (in
//! this journal and environment), and settled by what the service said.

use std::process::ExitCode;

use crate::api::{Outcome, TxnStatus};
use crate::context::Ctx;
use crate::decide::{Asked, Reading, read_answer};
use crate::failure::Failure;
use crate::journal::{Journal, Payment, RowState, Settled, Settlement};

/// What a payment's row says once a look-up was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum After {
    /// The row holds this outcome (changed by the answer, or final and agreeing with it).
    Holds(Outcome),
    /// The row is final and the service now says otherwise: kept, noted, and not to be acted
    /// on either way until someone checks with the service.
    Disputed { kept: RowState, said: Outcome },
}

impl After {
    /// What the cashier acts on: a disputed payment is held like a pending one.
    pub(crate) fn outcome(self) -> Outcome {
        match self {
            After::Holds(o) => o,
            After::Disputed { .. } => Outcome::Pending,
        }
    }
}

/// Judges a look-up's answer for a row and records it: a final row is kept and a contradicting
/// answer only noted. `asked_ms` is when the look-up was sent. A row its sender stamped again
/// after this process read it is read again and judged by its new due time (once: a row that
/// keeps moving stays pending).
pub(crate) fn judge(
    ctx: &Ctx,
    journal: &Journal,
    row: &Payment,
    answer: &TxnStatus,
    asked_ms: i64,
) -> Result<(After, Reading), Failure> {
    let grace = ctx.settings.lookup_grace;
    let mut reading = read_answer(answer, &Asked::of(row), asked_ms, grace);
    let mut settled = journal.settle(&row.reference, &settlement(answer, &reading))?;
    if let Settled::Retimed(now) = &settled {
        reading = read_answer(answer, &Asked::of(now), asked_ms, grace);
        settled = journal.settle(&row.reference, &settlement(answer, &reading))?;
    }
    let after = match settled {
        Settled::Changed => After::Holds(reading.outcome),
        Settled::Unchanged(kept) => After::Holds(kept.outcome()),
        Settled::Retimed(_) => After::Holds(Outcome::Pending),
        Settled::Contradicted(kept) => {
            ctx.ui.warn(&format!(
                "the service now says {} for {}, but the journal holds it as {} (final); kept {} and noted the answer on the row",
                reading.outcome.as_str().to_uppercase(),
                row.reference,
                kept.as_str().to_uppercase(),
                kept.as_str()
            ));
            After::Disputed {
                kept,
                said: reading.outcome,
            }
        }
    };
    Ok((after, reading))
}

/// What the journal keeps of a reading. A look-up that leaves the payment pending keeps what
/// the commit's answer said (the reason it is pending); only a final answer replaces it.
fn settlement(answer: &TxnStatus, reading: &Reading) -> Settlement {
    let decided = reading.outcome != Outcome::Pending;
    Settlement {
        state: answer.state.clone().filter(|_| decided),
        transaction_id: answer.response_id.clone().filter(|_| answer.found && decided),
        message: decided.then(|| reading.note.clone()),
        judged_by_due_ms: reading.judged_by_due_ms,
        ..Settlement::new(reading.outcome, "")
    }
}

pub(crate) fn exit_for(outcome: Outcome) -> ExitCode {
    ExitCode::from(crate::failure::outcome_exit_code(outcome))
}

/// The fewest characters of a reference a person may give: fewer would match by chance.
const MIN_GIVEN: usize = 6;

/// The journal's row for a reference a command was given, in the environment in use: the
/// whole reference, its start, or its end (the short form receipts show). An ambiguous one
/// lists the candidates.
pub(crate) fn own_row(journal: &Journal, reference: &str) -> Result<Payment, Failure> {
    let given = reference.trim();
    if !crate::reference::is_valid(given) || given.len() < MIN_GIVEN {
        return Err(Failure::usage(format!(
            "'{given}' is not a reference: give at least {MIN_GIVEN} of its letters and digits, as a receipt or `konnect history` shows it"
        )));
    }
    let mut found = journal.matching(given)?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(match journal.get(given)? {
            Some(other) => Failure::usage(format!(
                "payment {given} was made on {}, not {}; use --env {}",
                other.env,
                journal.env(),
                other.env.to_lowercase()
            )),
            None => Failure::usage(format!(
                "no payment {given} in this journal ({}); check the reference with `konnect history`",
                journal.path().display()
            )),
        }),
        n => {
            let shown: Vec<String> = found
                .iter()
                .take(5)
                .map(|p| {
                    let who = p.customer_name.as_deref().unwrap_or(&p.username);
                    format!(
                        "{} ({}, {who}, {})",
                        p.reference,
                        crate::clock::local_time(p.created_ms),
                        p.amount.lakh()
                    )
                })
                .collect();
            let more = if n > 5 { " and more" } else { "" };
            Err(Failure::usage(format!(
                "'{given}' matches several payments: {}{more}; give more of the reference",
                shown.join("; ")
            )))
        }
    }
}
