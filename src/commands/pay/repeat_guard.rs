//! The repeat guard: a customer paid (or being paid) in the last day is not paid again by
//! accident. Asked about on a terminal, refused with its own kind and code in a script.

use super::{DAY_MS, Order};
use crate::context::Ctx;
use crate::failure::{Failure, Kind};
use crate::journal::{Journal, Payment};
use crate::prompt;

/// "active was already paid Rs. 5,999.00 at 2026-11-27 09:31 (success, reference …)", naming
/// the counter when it was another one (`here` is this one).
pub(super) fn already_paid(order: &Order<'_>, prev: &Payment, here: &str) -> String {
    let handle = if prev.username == order.user {
        String::new()
    } else {
        format!(" as {}", prev.username)
    };
    let counter = match prev.counter.as_deref() {
        Some(c) if c != here => format!(" at counter {}", crate::text::clean(c)),
        _ => String::new(),
    };
    let when = crate::clock::local_time(prev.created_ms);
    if prev.is_settled() {
        return format!(
            "{} was already paid{handle} {} at {when}{counter} ({}, reference {})",
            order.user,
            prev.amount.lakh(),
            prev.outcome().as_str(),
            prev.reference
        );
    }
    // Not settled: the money may be moving right now, perhaps at another counter.
    format!(
        "{} is being paid{handle} {} since {when}{counter} and it is not settled yet: it may go through. Do NOT pay again; look it up with `konnect status {}`",
        order.user,
        prev.amount.lakh(),
        prev.reference
    )
}

/// A success or pending payment for the same customer (by any handle) in the last day: ask
/// again on a terminal (true: the cashier said pay anyway) or refuse.
pub(super) fn repeat_guard(ctx: &Ctx, journal: &Journal, order: &Order<'_>) -> Result<bool, Failure> {
    let since = crate::clock::now_ms() - DAY_MS;
    let Some(prev) = journal.recent_for(order.isp.slug, &order.keys(), since)? else {
        return Ok(false);
    };
    let what = already_paid(order, &prev, &ctx.settings.counter.value);
    if ctx.ui.interactive {
        // Shown even with -q: the question below makes no sense without it.
        ctx.ui.warn_always(&what);
        if prompt::confirm(&crate::t!("prompt-pay-again"), false)? {
            return Ok(true);
        }
        return Err(Failure::new(Kind::Cancelled, "not paid again; nothing was sent")
            .with_plain(Some(crate::t!("repeat-declined"))));
    }
    if !prev.is_settled() {
        return Err(repeat(what, &prev));
    }
    Err(repeat(format!("{what}; pass --allow-repeat to pay again"), &prev))
}

/// The repeat guard's refusal: its own kind and exit code (7), and the earlier payment named,
/// so that a script tells it from a mistyped flag.
pub(super) fn repeat(message: String, prev: &Payment) -> Failure {
    let code = if prev.is_settled() {
        "already_paid"
    } else {
        "being_paid"
    };
    let mut f = Failure::new(Kind::Repeat, message).with_code(Some(code.into()));
    f.earlier_reference = Some(prev.reference.clone().into_boxed_str());
    f
}
