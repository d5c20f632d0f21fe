//! What a journal row holds and what the money path hands it: the row's life (`RowState`),
//! the attempt written ahead, the settlement an answer decides, and the row read back.

use std::time::Duration;

use super::store::Value;
use crate::api::Outcome;
use crate::money::Npr;

/// The longest a commit can take (the largest `--timeout`), assumed for rows from before
/// migration 3.
pub(super) const LONGEST_COMMIT_MS: i64 = 600_000;

/// Where a row is in its life. `Success` and `Failed` are final: nothing changes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    /// Written ahead; no answer recorded yet (the process may have died with the request out).
    Sending,
    /// The answer (or its absence) left the outcome open.
    Pending,
    Success,
    Failed,
}

impl RowState {
    pub const UNSETTLED: [RowState; 2] = [RowState::Sending, RowState::Pending];

    pub fn as_str(self) -> &'static str {
        match self {
            RowState::Sending => "sending",
            RowState::Pending => "pending",
            RowState::Success => "success",
            RowState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<RowState> {
        match text {
            "sending" => Some(RowState::Sending),
            "pending" => Some(RowState::Pending),
            "success" => Some(RowState::Success),
            "failed" => Some(RowState::Failed),
            _ => None,
        }
    }

    /// What the cashier acts on: a row still `sending` counts as pending.
    pub fn outcome(self) -> Outcome {
        match self {
            RowState::Sending | RowState::Pending => Outcome::Pending,
            RowState::Success => Outcome::Success,
            RowState::Failed => Outcome::Failed,
        }
    }

    pub fn is_final(self) -> bool {
        matches!(self, RowState::Success | RowState::Failed)
    }

    pub(super) fn of(outcome: Outcome) -> RowState {
        match outcome {
            Outcome::Success => RowState::Success,
            Outcome::Pending => RowState::Pending,
            Outcome::Failed => RowState::Failed,
        }
    }
}

/// What is known before the commit is sent.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub reference: String,
    pub isp: String,
    /// The handle the cashier typed.
    pub username: String,
    /// The service's own id of the customer (`customer.username`), or the handle when it gave none.
    pub customer: String,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: String,
    pub amount: Npr,
    /// How long the commit may take (the client's time-out).
    pub timeout: Duration,
    /// Which counter (computer) makes it.
    pub counter: String,
}

/// What the answer (or its absence) decided.
#[derive(Debug, Clone)]
pub struct Settlement {
    pub outcome: Outcome,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
    /// Set by the process that sent the commit, once its answer (or the failure to get one)
    /// is in: the commit is no longer on its way, so the grace period runs from now.
    pub commit_ended: bool,
    /// For a verdict that rests on when the commit's answer was due (an unknown reference
    /// after its grace): the due time it judged by. The row changes only if it is not due
    /// later now, i.e. the sender has not stamped it again since the reader saw it.
    pub judged_by_due_ms: Option<i64>,
}

impl Settlement {
    pub fn new(outcome: Outcome, message: impl Into<String>) -> Settlement {
        Settlement {
            outcome,
            state: None,
            transaction_id: None,
            credits_available: None,
            credits_consumed: None,
            message: Some(message.into()),
            commit_ended: false,
            judged_by_due_ms: None,
        }
    }
}

/// What a settle did to the row.
#[derive(Debug, Clone, PartialEq)]
pub enum Settled {
    /// The row was unsettled and now holds the answer.
    Changed,
    /// The row is final and the answer agrees (or says only "pending"): nothing to do.
    Unchanged(RowState),
    /// The row is final and the answer says otherwise: kept as it was, the answer noted on it.
    Contradicted(RowState),
    /// The row is still unsettled but due later than the verdict judged by: its commit was
    /// stamped again (and may have left) after the reader saw it. Nothing changed; judge again.
    Retimed(Box<Payment>),
}

/// One row of the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub reference: String,
    pub created_ms: i64,
    pub settled_ms: Option<i64>,
    pub env: String,
    pub isp: String,
    pub username: String,
    pub customer: Option<String>,
    pub customer_name: Option<String>,
    pub package_id: String,
    pub package_name: Option<String>,
    pub amount: Npr,
    pub row_state: RowState,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<Npr>,
    pub credits_consumed: Option<Npr>,
    pub message: Option<String>,
    /// Later answers that contradicted this row's final state.
    pub note: Option<String>,
    /// When the commit's answer was due at the latest.
    pub answer_due_ms: Option<i64>,
    /// Which counter made it (rows from before counters were recorded have none).
    pub counter: Option<String>,
}

/// A row that cannot be read is an error naming it, never a zero or a guess.
fn unreadable(reference: &str, what: &str, text: &str) -> String {
    format!("row {reference}: its {what} '{text}' cannot be read; the row needs repair")
}

impl Payment {
    /// The row a settled attempt would be, for the receipt when the journal could not be
    /// written (the database went away after the commit): the cashier still gets one.
    pub fn unwritten(a: &Attempt, env: &str, s: &Settlement) -> Payment {
        let now = crate::clock::now_ms();
        Payment {
            reference: a.reference.clone(),
            created_ms: now,
            settled_ms: Some(now),
            env: env.to_string(),
            isp: a.isp.clone(),
            username: a.username.clone(),
            customer: Some(a.customer.clone()),
            customer_name: a.customer_name.clone(),
            package_id: a.package_id.clone(),
            package_name: Some(a.package_name.clone()),
            amount: a.amount,
            row_state: RowState::of(s.outcome),
            state: s.state.clone(),
            transaction_id: s.transaction_id.clone(),
            credits_available: s.credits_available,
            credits_consumed: s.credits_consumed,
            message: s.message.clone(),
            note: None,
            answer_due_ms: None,
            counter: Some(a.counter.clone()),
        }
    }

    pub fn outcome(&self) -> Outcome {
        self.row_state.outcome()
    }

    pub fn is_settled(&self) -> bool {
        self.row_state.is_final()
    }

    /// When the commit's answer was due at the latest (rows from before this was recorded
    /// assume the longest time-out).
    pub fn answer_due_ms(&self) -> i64 {
        self.answer_due_ms
            .unwrap_or_else(|| self.created_ms.saturating_add(LONGEST_COMMIT_MS))
    }

    /// A row as [`COLUMNS`] lists it.
    pub(super) fn from_values(r: &[Value]) -> Result<Payment, String> {
        let at = |i: usize| r.get(i).cloned().unwrap_or(Value::Null);
        let reference = at(0).text().unwrap_or_default();
        let money = |i: usize, what: &str| -> Result<Option<Npr>, String> {
            match at(i).text() {
                None => Ok(None),
                Some(t) => Npr::parse_signed(&t)
                    .map(Some)
                    .map_err(|_| unreadable(&reference, what, &t)),
            }
        };
        // Rows keep what the service said; a journal written before konnect neutralised the
        // service's strings may hold raw ones, so they are neutralised again on the way out.
        let text = |i: usize| at(i).text().map(|t| crate::text::clean(&t).into_owned());
        let required = |i: usize| text(i).unwrap_or_default();
        let state_text = at(10).text().unwrap_or_default();
        Ok(Payment {
            created_ms: at(1).int().unwrap_or(0),
            settled_ms: at(2).int(),
            env: required(3),
            isp: required(4),
            username: required(5),
            customer_name: text(6),
            package_id: required(7),
            package_name: text(8),
            amount: money(9, "amount")?.ok_or_else(|| unreadable(&reference, "amount", ""))?,
            row_state: RowState::parse(&state_text)
                .ok_or_else(|| unreadable(&reference, "outcome", &state_text))?,
            state: text(11),
            transaction_id: text(12),
            credits_available: money(13, "credits_available")?,
            credits_consumed: money(14, "credits_consumed")?,
            message: text(15),
            customer: text(16),
            note: text(17),
            answer_due_ms: at(18).int(),
            counter: text(19),
            reference: crate::text::clean(&reference).into_owned(),
        })
    }
}

pub(super) const COLUMNS: &str = "reference, created_ms, settled_ms, env, isp, username, customer_name, package_id, \
    package_name, amount, outcome, state, transaction_id, credits_available, credits_consumed, message, \
    customer, note, answer_due_ms, counter";
