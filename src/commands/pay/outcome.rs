//! How a payment's outcome is told: the failure it ends with, its JSON document, and the
//! receipt and last block a cashier reads.

use std::process::ExitCode;

use serde_json::{Value, json};

use super::Order;
use crate::api::Outcome;
use crate::context::Ctx;
use crate::decide::{End, Verdict};
use crate::failure::{Failure, Kind};
use crate::interrupt;
use crate::journal::Journal;
use crate::render;

/// The failure a verdict ends the run with, or None for a success; its instruction about the
/// cash is [`render::cash`]'s, as everywhere.
pub(super) fn failure_of(
    reference: &str,
    v: &Verdict,
    amount: crate::money::Npr,
    after_ms: i64,
) -> Option<Failure> {
    let message = &v.message;
    let reason = v.plain.as_deref().unwrap_or(message);
    // The message (JSON, logs) in English; what a person reads in this run's language.
    let cash = render::cash_in(crate::i18n::Lang::En, v.end, amount, reference, Some(after_ms));
    let said = render::cash(v.end, amount, reference, Some(after_ms));
    let (failure, plain) = match v.end {
        End::Paid => return None,
        End::NotSent => (
            Failure::new(Kind::Network, format!("{message}. {cash}")),
            format!("{reason}. {said}"),
        ),
        End::Failed => (
            Failure::new(Kind::Rejected, format!("payment failed: {message}. {cash}")),
            format!("{reason}. {said}"),
        ),
        End::Pending => (
            Failure::new(
                Kind::Pending,
                format!("payment {reference} is PENDING: it may have gone through ({message}). {cash}"),
            ),
            format!(
                "{} {said}",
                crate::t!("outcome-pending-reason", reference = reference, reason = reason)
            ),
        ),
    };
    Some(
        failure
            .with_code(v.code.clone())
            .with_details(v.detail.clone())
            .with_plain(Some(plain)),
    )
}

/// The payment's JSON document, on every outcome once a commit was attempted.
/// A pending one says from when a look-up can settle it, as `status` does.
pub(super) fn document(
    reference: &str,
    order: &Order<'_>,
    v: &Verdict,
    failure: Option<&Failure>,
    after_ms: i64,
) -> Value {
    let p = &order.package;
    let mut doc = json!({
        "ok": v.outcome() == Outcome::Success,
        "outcome": v.outcome(),
        "reference": reference,
        "transaction_id": v.transaction_id,
        "isp": order.isp.slug,
        "user": order.user,
        "customer": order.customer,
        "customer_name": order.details.customer.name,
        "package": {"id": p.id, "name": p.name, "amount": p.amount},
        "credits_consumed": v.credits_consumed,
        "credits_available": v.credits_available,
        "message": v.message,
        "detail": v.detail,
    });
    if v.end == End::Pending {
        doc["conclusive_from"] = crate::clock::rfc3339(after_ms).into();
    }
    if let Some(f) = failure {
        doc["error"] = render::failure_json(f)["error"].clone();
    }
    doc
}

/// Prints the receipt or the outcome's message and returns the outcome's exit code.
pub(super) fn report(
    ctx: &Ctx,
    journal: &Journal,
    reference: &str,
    order: &Order<'_>,
    sent: &super::Sent,
    journaled: bool,
) -> anyhow::Result<ExitCode> {
    let v = &sent.verdict;
    let shorts = journal.short_references_of([reference]).unwrap_or_default();
    let short = shorts.get(reference).map_or(reference, String::as_str);
    let after = sent.after_ms;
    // JSON names the whole reference; a person reads (and types) the short form.
    let failure = failure_of(reference, v, order.package.amount, after);
    interrupt::report_then(v.end.exit_code(), || {
        if ctx.ui.json {
            let mut doc = document(reference, order, v, failure.as_ref(), after);
            // A script must know the outcome is not in the journal yet (reconcile will put it).
            doc["journal_written"] = journaled.into();
            ctx.print_json(&doc);
        } else {
            let row = journaled
                .then(|| journal.get(reference).ok().flatten())
                .flatten()
                .unwrap_or_else(|| {
                    let a = order.attempt(reference, ctx.settings.timeout.value, &ctx.settings.counter.value);
                    crate::journal::Payment::unwritten(&a, journal.env(), &v.settlement())
                });
            let look = render::ReceiptLook {
                width: order.width,
                shop: &ctx.settings.shop,
                short_reference: short,
                copy: false,
            };
            print!("{}", render::receipt(&row, &look));
        }
    });
    if let Some(left) = v.credits_available {
        ctx.warn_low_balance(&crate::t!("warn-balance-left"), left);
    }
    // A person reads (and types) the short reference; JSON's message names the whole one.
    let said = if ctx.ui.json {
        failure
    } else {
        failure_of(short, v, order.package.amount, after)
    };
    let ending = (!ctx.ui.json)
        .then(|| {
            said.as_ref()
                .and_then(|f| render::outcome_block(v.end, render::plain(f), ctx.ui.unicode))
        })
        .flatten();
    if let Some(block) = ending {
        eprintln!("{block}");
    } else if let Some(f) = &said {
        eprintln!("{}", render::failure_line(f));
    } else if !ctx.ui.json {
        let mark = console::style(crate::ui::marks(ctx.ui.unicode).0)
            .green()
            .for_stderr();
        let cash = render::cash(v.end, order.package.amount, reference, None);
        ctx.ui
            .note(&format!("{mark} {} {cash}", crate::t!("outcome-paid")));
    }
    Ok(ExitCode::from(v.end.exit_code()))
}
