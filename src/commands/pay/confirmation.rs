//! The confirmation: the summary of what is about to be paid, in one column of labels, and
//! the cashier's yes (no is a cancellation with nothing sent).

use super::Order;
use crate::api::wire::{Details, Package};
use crate::context::Ctx;
use crate::failure::{Failure, Kind};
use crate::prompt;

/// The summary the cashier confirms, on stderr: one column of labels, as the customer's view.
pub(crate) fn summary(details: &Details, package: &Package, banner: &str) -> String {
    const LABEL: usize = 18;
    let c = &details.customer;
    // The due was shown, with what it means, in the customer's view: here one figure only,
    // the one to collect.
    let due = match details.due.amount {
        Some(a) if a > crate::money::Npr::ZERO => crate::t!("confirm-due-above"),
        _ => crate::t!("confirm-due-none"),
    };
    let labels = [
        crate::t!("confirm-customer"),
        crate::t!("confirm-customer-status"),
        crate::t!("confirm-due"),
        crate::t!("confirm-package"),
        crate::t!("confirm-collect"),
        crate::t!("confirm-service"),
    ];
    let label = crate::render::label_column(labels.iter().map(String::as_str), 2, LABEL);
    let rows = [
        (
            labels[0].as_str(),
            format!(
                "{} ({})",
                c.name.as_deref().unwrap_or("-"),
                c.username.as_deref().unwrap_or("-")
            ),
        ),
        (&labels[1], c.status.as_deref().unwrap_or("-").to_string()),
        (&labels[2], due),
        (
            &labels[3],
            crate::render::keep_tail(&package.name, crate::ui::columns().saturating_sub(label + 1)),
        ),
        (
            &labels[4],
            console::style(crate::i18n::money(package.amount))
                .bold()
                .for_stderr()
                .to_string(),
        ),
        (&labels[5], banner.to_string()),
    ];
    crate::render::labelled(&rows, 2, LABEL, crate::ui::columns())
}

/// The cashier's yes, after the summary; no is a cancellation with nothing sent.
pub(super) fn confirm(ctx: &Ctx, order: &Order<'_>) -> Result<(), Failure> {
    eprintln!(
        "{}",
        summary(order.details, &order.package, &ctx.settings.banner())
    );
    let question = crate::t!(
        "confirm-question",
        amount = crate::i18n::money(order.package.amount),
        name = order.details.customer.name.as_deref().unwrap_or(&order.user)
    );
    if prompt::confirm(&question, !ctx.settings.is_live())? {
        Ok(())
    } else {
        Err(
            Failure::new(Kind::Cancelled, "payment declined; nothing was sent")
                .with_plain(Some(crate::t!("confirm-declined"))),
        )
    }
}
