//! `konnect balance`: the account's credits, remembered for warnings that must cost no request.

use std::process::ExitCode;

use serde_json::json;

use crate::context::Ctx;
use crate::failure::Failure;

pub fn run(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    let journal = ctx.journal()?;
    let client = ctx.client()?;
    let b = ctx
        .ui
        .spin("Asking for the balance…", || client.balance())
        .map_err(Failure::from)?;
    journal.set_last_balance(b.credits_available)?;
    let low = ctx.settings.low_balance;
    let below = ctx.settings.low_balance_crossed(b.credits_available).is_some();
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": true,
            "credits_available": b.credits_available,
            "credits_consumed": b.credits_consumed,
            "low_balance": low,
            "below_low_balance": below,
        }));
    } else {
        println!("Credits available  {}", b.credits_available.lakh());
        if let Some(c) = b.credits_consumed {
            println!("Credits consumed   {}", c.lakh());
        }
    }
    ctx.warn_low_balance("the balance", b.credits_available);
    Ok(ExitCode::SUCCESS)
}
