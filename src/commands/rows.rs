//! A payment's row as the look-up commands use it: found by the reference a person gave (in
//! this journal and environment), and settled by what the service said.

use std::process::ExitCode;

use crate::api::{Outcome, TxnStatus};
use crate::context::Ctx;
use crate::decide::Reading;
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

/// Records a reading in the journal; a final row is kept and a contradicting answer only noted.
pub(crate) fn settle(
    ctx: &Ctx,
    journal: &Journal,
    row: &Payment,
    answer: &TxnStatus,
    reading: &Reading,
) -> Result<After, Failure> {
    // A look-up that leaves the payment pending keeps what the commit's answer said (the
    // reason it is pending); only a final answer replaces it.
    let decided = reading.outcome != Outcome::Pending;
    let settlement = Settlement {
        state: answer.state.clone().filter(|_| decided),
        transaction_id: answer.response_id.clone().filter(|_| answer.found && decided),
        message: decided.then(|| reading.note.clone()),
        ..Settlement::new(reading.outcome, "")
    };
    Ok(match journal.settle(&row.reference, &settlement)? {
        Settled::Changed => After::Holds(reading.outcome),
        Settled::Unchanged(kept) => After::Holds(kept.outcome()),
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
    })
}

pub(crate) fn exit_for(outcome: Outcome) -> ExitCode {
    ExitCode::from(crate::failure::outcome_exit_code(outcome))
}

/// The journal's row for a reference a command was given, in the environment in use.
pub(crate) fn own_row(journal: &Journal, reference: &str) -> Result<Payment, Failure> {
    let reference = reference.trim();
    if !crate::reference::is_valid(reference) {
        return Err(Failure::usage(format!(
            "'{reference}' is not a reference (1 to 50 letters, digits or hyphens, as `pay` printed it)"
        )));
    }
    let row = journal.get(reference)?.ok_or_else(|| {
        Failure::usage(format!(
            "no payment {reference} in this journal ({}); check the reference with `konnect history`",
            journal.path().display()
        ))
    })?;
    if row.env != journal.env() {
        return Err(Failure::usage(format!(
            "payment {reference} was made on {}, not {}; use --env {}",
            row.env,
            journal.env(),
            row.env.to_lowercase()
        )));
    }
    Ok(row)
}
