//! The payment's decisions, pure: what a commit's answer means, and what a status look-up's
//! answer means for a payment. No I/O here; the callers bring the answers (and the time).

use std::time::Duration;

use crate::api::{ApiError, CommitAnswer, Exchange, HttpVerdict, Outcome, ServiceError, TxnStatus};
use crate::journal::{Payment, Settlement};
use crate::money::Npr;

/// How a payment attempt ended, once: the outcome, or "never sent" (nothing left the machine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Paid,
    Pending,
    /// The service said no: nothing was charged.
    Failed,
    /// The request provably never left: nothing was charged, and it is safe to retry.
    NotSent,
}

impl End {
    pub fn of(outcome: Outcome) -> End {
        match outcome {
            Outcome::Success => End::Paid,
            Outcome::Pending => End::Pending,
            Outcome::Failed => End::Failed,
        }
    }

    /// The outcome the journal records (never sent is a failure that charged nothing).
    pub fn outcome(self) -> Outcome {
        match self {
            End::Paid => Outcome::Success,
            End::Pending => Outcome::Pending,
            End::Failed | End::NotSent => Outcome::Failed,
        }
    }

    pub fn exit_code(self) -> u8 {
        match self {
            End::NotSent => crate::failure::Kind::Network.exit_code(),
            other => crate::failure::outcome_exit_code(other.outcome()),
        }
    }
}

/// How a commit ended, with the service's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub end: End,
    pub message: String,
    pub state: Option<String>,
    pub transaction_id: Option<String>,
    pub credits_available: Option<crate::money::Npr>,
    pub credits_consumed: Option<crate::money::Npr>,
    /// The service's error code, when it refused.
    pub code: Option<String>,
    pub detail: Option<String>,
    /// The message in a cashier's words, where it is technical (status codes, hosts).
    pub plain: Option<String>,
}

impl Verdict {
    pub fn new(end: End, message: impl Into<String>) -> Verdict {
        Verdict {
            end,
            message: message.into(),
            state: None,
            transaction_id: None,
            credits_available: None,
            credits_consumed: None,
            code: None,
            detail: None,
            plain: None,
        }
    }

    /// With the message in a cashier's words beside the technical one.
    pub fn plainly(mut self, plain: impl Into<String>) -> Verdict {
        self.plain = Some(plain.into());
        self
    }

    pub fn outcome(&self) -> Outcome {
        self.end.outcome()
    }

    /// What the journal keeps of it.
    pub fn settlement(&self) -> Settlement {
        Settlement {
            state: self.state.clone(),
            transaction_id: self.transaction_id.clone(),
            credits_available: self.credits_available,
            credits_consumed: self.credits_consumed,
            commit_ended: true,
            ..Settlement::new(self.outcome(), self.message.clone())
        }
    }
}

/// The service refused a commit with a 4xx: what it said, kept for the verdict after the look-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub said: String,
    /// What it said in its own words, without its code or HTTP status.
    pub sentence: String,
    pub code: Option<String>,
    pub detail: Option<String>,
    /// Only a plain 400 is a definite no: then "unknown reference" right after it proves that
    /// nothing was charged. After another 4xx (a time-out, a conflict, too many requests) the
    /// service may still record the attempt, so unknown stays pending.
    pub conclusive: bool,
}

/// What to do after a commit's answer: it decided, or the reference must be looked up first.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Done(Verdict),
    LookUp(Refusal),
}

/// Reads a commit's answer (or the failure to get one) by the aggregator's outcome table.
/// Anything unsure (no answer, a redirect, an answer that contradicts itself) is pending.
pub fn commit(answer: &Result<Exchange, ApiError>) -> Next {
    let ex = match answer {
        Ok(ex) => ex,
        Err(e @ ApiError::NotSent { .. }) => {
            return Next::Done(Verdict::new(End::NotSent, e.to_string()).plainly(e.plain()));
        }
        Err(e) => return Next::Done(Verdict::new(End::Pending, e.to_string()).plainly(e.plain())),
    };
    let body = ex.json();
    let service_error = body
        .as_ref()
        .ok()
        .and_then(|b| ServiceError::from_value(ex.status, b));
    let verdict = HttpVerdict::of(ex.status);
    let says_success = body
        .as_ref()
        .ok()
        .and_then(|b| CommitAnswer::from_value(b).ok())
        .is_some_and(|a| Outcome::of_state(a.state.as_deref()) == Outcome::Success);
    if says_success && matches!(verdict, HttpVerdict::Failed | HttpVerdict::LookUp) {
        return Next::Done(
            Verdict::new(
                End::Pending,
                format!(
                    "HTTP {} with an answer that says Success: it contradicts itself",
                    ex.status
                ),
            )
            .plainly(crate::t!("why-contradicts")),
        );
    }
    Next::Done(match verdict {
        HttpVerdict::ByState => match body.map(|b| CommitAnswer::from_value(&b)) {
            Ok(Ok(a)) => by_state(a, service_error),
            Ok(Err(reason)) => Verdict::new(End::Pending, format!("the answer could not be read: {reason}"))
                .plainly(crate::t!("why-unreadable")),
            Err(e) => Verdict::new(End::Pending, e.to_string()).plainly(crate::t!("why-unreadable")),
        },
        HttpVerdict::Failed => Verdict::new(
            End::Failed,
            format!("HTTP 404: service not found ({})", ex.snippet()),
        )
        .plainly(crate::t!("why-no-service")),
        HttpVerdict::Pending if (300..400).contains(&ex.status) => Verdict::new(
            End::Pending,
            format!(
                "HTTP {} redirect to {}, not followed",
                ex.status,
                ex.location.as_deref().unwrap_or("nowhere")
            ),
        )
        .plainly(crate::t!("why-pointed-elsewhere")),
        HttpVerdict::Pending => Verdict::new(
            End::Pending,
            format!("HTTP {} from the service ({})", ex.status, ex.snippet()),
        )
        .plainly(crate::t!("why-no-clear-answer")),
        HttpVerdict::LookUp => {
            return Next::LookUp(Refusal {
                said: service_error
                    .as_ref()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| format!("HTTP {}", ex.status)),
                sentence: service_error
                    .as_ref()
                    .map(ServiceError::sentence)
                    .unwrap_or_else(|| crate::t!("why-refused")),
                code: service_error.as_ref().and_then(|e| e.code.clone()),
                detail: service_error.and_then(|e| e.details),
                conclusive: ex.status == 400,
            });
        }
    })
}

/// A 2xx answer: its `state` decides, unless the answer also says it failed.
fn by_state(a: CommitAnswer, service_error: Option<ServiceError>) -> Verdict {
    if let Some(why) = &a.contradiction {
        let mut v = Verdict::new(
            End::Pending,
            format!("the service's answer contradicts itself ({why})"),
        )
        .plainly(crate::t!("why-contradicts"));
        v.detail = a.detail;
        return v;
    }
    let message = a
        .message
        .clone()
        .or(a.detail.clone())
        .unwrap_or_else(|| format!("state {}", a.state.as_deref().unwrap_or("missing")));
    Verdict {
        end: End::of(Outcome::of_state(a.state.as_deref())),
        message,
        state: a.state,
        transaction_id: a.transaction_id,
        credits_available: a.credits_available,
        credits_consumed: a.credits_consumed,
        code: service_error.and_then(|e| e.code),
        detail: a.detail,
        plain: None,
    }
}

/// After a 4xx the service answered definitely, so an unknown reference here proves nothing
/// was charged (no grace period); any other look-up result decides by its state.
pub fn after_refusal(refusal: Refusal, amount: Npr, lookup: Result<TxnStatus, ApiError>) -> Verdict {
    let Refusal {
        said,
        sentence,
        code,
        detail,
        conclusive,
    } = refusal;
    // Each message twice: with the service's code (JSON, the journal) and without (a cashier).
    let both =
        |end: End, tail: &str, plain: String| Verdict::new(end, format!("{said}{tail}")).plainly(plain);
    let mut v = match lookup {
        Ok(s) if doubt(&s, amount).is_some() => {
            let why = doubt(&s, amount).unwrap_or_default();
            both(End::Pending, &format!("; {why}"), format!("{sentence}; {why}"))
        }
        Ok(s) if !s.found && conclusive => both(End::Failed, "", sentence.clone()),
        Ok(s) if !s.found => both(
            End::Pending,
            "; the service does not know the payment yet",
            crate::t!("why-not-known-yet", sentence = sentence),
        ),
        Ok(s) => {
            let end = End::of(Outcome::of_state(s.state.as_deref()));
            // A payment that went through after all is told as such, not as the refusal.
            let v = match end {
                End::Paid => Verdict::new(
                    end,
                    format!("the service refused at first ({said}), but the payment went through"),
                )
                .plainly(crate::t!("why-refused-then-paid")),
                _ => both(end, "", sentence.clone()),
            };
            Verdict {
                state: s.state.clone(),
                transaction_id: s.response_id,
                ..v
            }
        }
        Err(e) => Verdict::new(
            End::Pending,
            format!("{said}; the status look-up failed too: {e}"),
        )
        .plainly(crate::t!(
            "why-lookup-failed-too",
            sentence = sentence,
            why = e.plain()
        )),
    };
    v.code = code;
    v.detail = detail;
    v
}

/// What a look-up's answer means for one payment, and the words the journal keeps for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub outcome: Outcome,
    pub note: String,
    /// For an unknown reference still in its grace period: from when a look-up is conclusive.
    pub conclusive_from_ms: Option<i64>,
    /// For "nothing was charged" read from an unknown reference: the due time it rests on.
    pub judged_by_due_ms: Option<i64>,
}

/// Why a look-up's answer cannot be acted on: it contradicts itself, names another amount,
/// or reports a refund.
fn doubt(answer: &TxnStatus, amount: Npr) -> Option<String> {
    if let Some(why) = &answer.contradiction {
        return Some(format!(
            "the service's answer contradicts itself ({why}); still pending"
        ));
    }
    if !answer.found {
        return None;
    }
    if let Some(said) = answer.amount.filter(|a| *a != Npr::ZERO && *a != amount) {
        return Some(format!(
            "the service reports {} for a payment of {}; check with the service before acting",
            said.lakh(),
            amount.lakh()
        ));
    }
    let refunded = answer.refunded == Some(true)
        || answer.refunded_amount.is_some_and(|a| a > Npr::ZERO)
        || !answer.refunds.is_empty();
    refunded.then(|| {
        let how_much = answer.refunded_amount.map(Npr::lakh);
        format!(
            "the service reports a refund ({}); check with the service before taking or handing back money",
            how_much.unwrap_or_else(|| "amount not given".into())
        )
    })
}

/// What was asked of the service for one payment: what a look-up's answer is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// When the commit's answer was due at the latest (its start plus its time-out): until
    /// then the commit may still be on its way.
    pub due_ms: i64,
    pub amount: Npr,
}

impl Asked {
    pub fn of(p: &Payment) -> Asked {
        Asked {
            due_ms: p.answer_due_ms(),
            amount: p.amount,
        }
    }
}

/// Reads a look-up's answer for one payment. "Unknown reference" proves that nothing was
/// charged only once the service has had `grace` after the commit's answer was due; an answer
/// that contradicts itself, names another amount or reports a refund is never decided.
/// `asked_ms` is when the look-up was sent: the service answered about that moment or later.
pub fn read_answer(answer: &TxnStatus, asked: &Asked, asked_ms: i64, grace: Duration) -> Reading {
    let reading = |outcome: Outcome, note: String| Reading {
        outcome,
        note,
        conclusive_from_ms: None,
        judged_by_due_ms: None,
    };
    if let Some(why) = doubt(answer, asked.amount) {
        return reading(Outcome::Pending, why);
    }
    if answer.found {
        let note = answer
            .details
            .clone()
            .unwrap_or_else(|| format!("state {}", answer.state.as_deref().unwrap_or("missing")));
        return reading(Outcome::of_state(answer.state.as_deref()), note);
    }
    let conclusive_ms = asked.due_ms.saturating_add(grace.as_millis() as i64);
    if asked_ms >= conclusive_ms {
        let note = "the service has no payment with this reference: nothing was charged";
        return Reading {
            judged_by_due_ms: Some(asked.due_ms),
            ..reading(Outcome::Failed, note.into())
        };
    }
    Reading {
        conclusive_from_ms: Some(conclusive_ms),
        ..reading(
            Outcome::Pending,
            "not yet known to the service; the commit may still be on its way".into(),
        )
    }
}

#[cfg(test)]
mod tests;
