//! `konnect receipt REF`: a payment's receipt printed again.

use std::process::ExitCode;

use crate::cli::ReceiptArgs;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::render::{self, payment_json};
use serde_json::json;

pub fn run(ctx: &mut Ctx, args: ReceiptArgs) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
    let reference = args.reference.trim();
    let row = journal.get(reference)?.ok_or_else(|| {
        Failure::usage(format!(
            "no payment '{reference}' in the journal {}; see `konnect history`",
            journal.path().display()
        ))
    })?;
    if ctx.ui.json {
        let mut doc = payment_json(&row);
        doc["ok"] = json!(true);
        ctx.print_json(&doc);
    } else {
        print!("{}", render::receipt(&row, args.width));
    }
    Ok(ExitCode::SUCCESS)
}
