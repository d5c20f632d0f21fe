//! `konnect receipt REF`: a payment's receipt printed again, from this journal and environment.

use std::process::ExitCode;

use serde_json::json;

use super::rows::own_row;
use crate::cli::ReceiptArgs;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::Filter;
use crate::render::{self, payment_json};

/// One of today's payments, chosen from a list (newest first).
fn pick_from_today(journal: &crate::journal::Journal) -> Result<crate::journal::Payment, Failure> {
    let (start, _) = crate::clock::day_bounds(crate::clock::today()).unwrap_or((0, 0));
    let mut today = journal.query(&Filter {
        since_ms: Some(start),
        ..Filter::default()
    })?;
    if today.is_empty() {
        return Err(Failure::usage("no payment today; give a reference, or --last"));
    }
    // Columns: the time, the amount right-aligned, the outcome, and the name in what is left.
    let amount_w = today.iter().map(|p| p.amount.lakh().len()).max().unwrap_or(0);
    let name_w = crate::ui::columns()
        .saturating_sub(5 + 1 + amount_w + 2 + 7 + 2 + 4)
        .max(8);
    let items: Vec<String> = today
        .iter()
        .map(|p| {
            let who = p.customer_name.as_deref().unwrap_or(&p.username);
            let time = crate::clock::local_time(p.created_ms);
            format!(
                "{} {:>amount_w$}  {:<7}  {}",
                time.get(11..).unwrap_or(&time),
                p.amount.lakh(),
                p.outcome().as_str(),
                render::pad(&crate::text::clean(who), name_w).trim_end()
            )
        })
        .collect();
    let chosen = crate::prompt::choose("Receipt of", &items)?;
    Ok(today.swap_remove(chosen))
}

pub fn run(ctx: &mut Ctx, args: ReceiptArgs) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
    let row = match &args.reference {
        Some(given) => own_row(&journal, given)?,
        None if args.last => journal
            .query(&Filter {
                limit: Some(1),
                ..Filter::default()
            })?
            .into_iter()
            .next()
            .ok_or_else(|| Failure::usage("there is no payment in this journal yet"))?,
        None if ctx.ui.interactive => pick_from_today(&journal)?,
        None => return Err(Failure::usage("missing the reference (or --last)").into()),
    };
    if ctx.ui.json {
        let mut doc = payment_json(&row);
        doc["ok"] = json!(true);
        ctx.print_json(&doc);
    } else {
        let shorts = journal.short_references_of([row.reference.as_str()])?;
        let look = render::ReceiptLook {
            width: crate::ui::receipt_width(args.width.unwrap_or(ctx.settings.receipt_width)),
            shop: &ctx.settings.shop,
            short_reference: shorts
                .get(&row.reference)
                .map_or(row.reference.as_str(), String::as_str),
            copy: true,
        };
        print!("{}", render::receipt(&row, &look));
    }
    Ok(ExitCode::SUCCESS)
}
