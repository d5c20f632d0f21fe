//! The repeat guard: a customer paid (or being paid) in the last day is not paid again by
//! accident. Asked about on a terminal, refused with its own kind and code in a script.

use super::{DAY_MS, Order};
use crate::context::Ctx;
use crate::failure::{Failure, Kind};
use crate::i18n::{Lang, message_in};
use crate::journal::{Journal, Payment};
use crate::prompt;

/// "active was already paid Rs. 5,999.00 at 2026-11-27 09:31 (success, reference …)", naming
/// the counter when it was another one (`here` is this one), in `lang` (English for JSON);
/// `reference` is the earlier payment's, whole for JSON, short for a person.
pub(super) fn already_paid(
    lang: Lang,
    order: &Order<'_>,
    prev: &Payment,
    here: &str,
    reference: &str,
) -> String {
    let said = |key: &str, args: &[(&str, &str)]| message_in(lang, key, args);
    let handle = if prev.username == order.user {
        String::new()
    } else {
        format!(" {}", said("repeat-as", &[("user", &prev.username)]))
    };
    let counter = match prev.counter.as_deref() {
        Some(c) if c != here => format!(
            " {}",
            said("repeat-at-counter", &[("counter", &crate::text::clean(c))])
        ),
        _ => String::new(),
    };
    let amount = crate::i18n::money_for(lang, prev.amount);
    let when = crate::i18n::figures_for(lang, &crate::clock::local_time(prev.created_ms));
    let args = [
        ("user", order.user.as_str()),
        ("handle", handle.as_str()),
        ("amount", amount.as_str()),
        ("when", when.as_str()),
        ("counter", counter.as_str()),
        ("reference", reference),
    ];
    if prev.is_settled() {
        let outcome = match lang {
            Lang::En => prev.outcome().as_str().to_string(),
            Lang::Ne => crate::render::outcome_word(prev.outcome()),
        };
        return said(
            "repeat-paid",
            &[&args[..], &[("outcome", outcome.as_str())]].concat(),
        );
    }
    // Not settled: the money may be moving right now, perhaps at another counter.
    said("repeat-being-paid", &args)
}

/// A success or pending payment for the same customer (by any handle) in the last day: ask
/// again on a terminal (true: the cashier said pay anyway) or refuse.
pub(super) fn repeat_guard(ctx: &Ctx, journal: &Journal, order: &Order<'_>) -> Result<bool, Failure> {
    let since = crate::clock::now_ms() - DAY_MS;
    let Some(prev) = journal.recent_for(order.isp.slug, &order.keys(), since)? else {
        return Ok(false);
    };
    let here = &ctx.settings.counter.value;
    let what = already_paid(Lang::En, order, &prev, here, &prev.reference);
    if ctx.ui.interactive {
        // Shown even with -q: the question below makes no sense without it. A person reads
        // (and types) the short reference.
        let shorts = journal
            .short_references_of([prev.reference.as_str()])
            .unwrap_or_default();
        let short = shorts.get(&prev.reference).unwrap_or(&prev.reference);
        ctx.ui
            .warn_always(&already_paid(crate::i18n::lang(), order, &prev, here, short));
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
