//! `konnect counter`: the cashier's loop. Customers one after another in one process (the
//! connection to the service stays warm), through the same path as `pay`: the same guard,
//! journal, outcomes and receipts. An empty username, Esc, Ctrl-D or Ctrl-C at the next
//! customer's name ends the shift with a summary; Ctrl-C at any other question returns to the
//! next customer.

use std::process::ExitCode;

use crate::cli::{CounterArgs, PayArgs};
use crate::context::Ctx;
use crate::decide::End;
use crate::failure::{Failure, Kind};
use crate::interrupt::{self, Stage};
use crate::money::Npr;
use crate::{prompt, render};

/// What the shift did, for its summary.
#[derive(Debug, Default)]
struct Shift {
    /// Customers whose payment went through.
    paid: usize,
    collected: Npr,
    /// Payments that failed: nothing charged, the money given back.
    failed: usize,
    /// References of payments still pending: money held.
    pending: Vec<String>,
}

pub fn run(ctx: &mut Ctx, args: CounterArgs) -> anyhow::Result<ExitCode> {
    if !ctx.ui.interactive {
        return Err(
            Failure::usage("counter serves customers at a terminal; scripts use `konnect pay`").into(),
        );
    }
    let mut journal = ctx.journal()?;
    let client = ctx.client()?;
    let mut shift = Shift::default();
    let mut isp = args.isp;
    loop {
        // Between customers an interrupt is the prompt's to handle: Ctrl-C at a question
        // returns to the next customer, at the next customer's name it ends the shift.
        interrupt::set_stage(Stage::Counter);
        let chosen = match (args.isp, isp) {
            (Some(fixed), _) => fixed,
            (None, remembered) => match prompt::isp(remembered) {
                Ok(i) => i,
                Err(f) if f.kind == Kind::Cancelled => break,
                Err(f) => return Err(f.into()),
            },
        };
        isp = Some(chosen);
        let Some(user) = prompt::next_customer()? else {
            break;
        };
        // A shared journal's server may have restarted since the last customer.
        match journal.reconnect_if_lost() {
            Ok(true) => ctx.ui.note(&format!(
                "reconnected to the journal {}",
                journal.path().display()
            )),
            Ok(false) => {}
            Err(f) => {
                eprintln!("{}", render::failure_line(&f));
                eprintln!();
                continue;
            }
        }
        let pay = PayArgs {
            isp: Some(crate::cli::IspArg::Known(chosen)),
            user: Some(user.clone()),
            package: None,
            amount: None,
            yes: false,
            allow_repeat: false,
            dry_run: false,
            width: None,
        };
        match super::pay::serve(ctx, &journal, &client, chosen, user, &pay) {
            Ok(served) => match served.end {
                Some(End::Paid) => {
                    shift.paid += 1;
                    shift.collected = shift
                        .collected
                        .checked_add(served.amount)
                        .unwrap_or(shift.collected)
                }
                Some(End::Pending) => shift.pending.push(served.reference),
                Some(End::Failed) => shift.failed += 1,
                _ => {}
            },
            // A customer the service does not know, a declined confirmation, a refusal: the
            // cashier is told, and the next customer comes.
            Err(e) => match e.downcast::<Failure>() {
                Ok(f) => eprintln!("{}", render::failure_line(&f)),
                Err(other) => return Err(other),
            },
        }
        // A shift may run for days: the day's copy is made between customers.
        ctx.daily_copy();
        eprintln!();
    }
    interrupt::set_stage(Stage::Idle);
    let shorts = journal
        .short_references_of(shift.pending.iter().map(String::as_str))
        .unwrap_or_default();
    eprintln!("{}", summary(&shift, &shorts));
    Ok(ExitCode::from(if shift.pending.is_empty() {
        0
    } else {
        Kind::Pending.exit_code()
    }))
}

fn summary(shift: &Shift, shorts: &std::collections::HashMap<String, String>) -> String {
    let mut out = format!(
        "Shift over: {} paid, {} collected.",
        shift.paid,
        shift.collected.lakh()
    );
    if shift.failed > 0 {
        out.push_str(&format!(" {} failed (nothing charged).", shift.failed));
    }
    if !shift.pending.is_empty() {
        let refs: Vec<&str> = shift
            .pending
            .iter()
            .map(|r| shorts.get(r).map_or(r.as_str(), String::as_str))
            .collect();
        out.push_str(&format!(
            "\nStill PENDING (hold the money; do NOT pay again; `konnect reconcile` later): {}",
            refs.join(", ")
        ));
    }
    out
}
