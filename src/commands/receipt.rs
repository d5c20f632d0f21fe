//! `konnect receipt REF`: a payment's receipt printed again, from this journal and environment.

use std::process::ExitCode;

use serde_json::json;

use super::rows::own_row;
use crate::cli::ReceiptArgs;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::Filter;
use crate::render::{self, payment_json};

pub fn run(ctx: &mut Ctx, args: ReceiptArgs) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
    let row = match &args.reference {
        Some(given) => own_row(&journal, given)?,
        None => journal
            .query(&Filter {
                limit: Some(1),
                ..Filter::default()
            })?
            .into_iter()
            .next()
            .ok_or_else(|| Failure::usage("there is no payment in this journal yet"))?,
    };
    if ctx.ui.json {
        let mut doc = payment_json(&row);
        doc["ok"] = json!(true);
        ctx.print_json(&doc);
    } else {
        let shorts = journal.short_references()?;
        let look = render::ReceiptLook {
            width: args.width.unwrap_or(ctx.settings.receipt_width),
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
