//! `konnect receipt REF`: a payment's receipt printed again, from this journal and environment.

use std::process::ExitCode;

use serde_json::json;

use super::rows::own_row;
use crate::cli::ReceiptArgs;
use crate::context::Ctx;
use crate::render::{self, payment_json};

pub fn run(ctx: &mut Ctx, args: ReceiptArgs) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
    let row = own_row(&journal, &args.reference)?;
    if ctx.ui.json {
        let mut doc = payment_json(&row);
        doc["ok"] = json!(true);
        ctx.print_json(&doc);
    } else {
        print!("{}", render::receipt(&row, args.width));
    }
    Ok(ExitCode::SUCCESS)
}
