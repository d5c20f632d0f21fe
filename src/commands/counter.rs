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
    /// Payments still pending, with the time a look-up can settle them.
    pending: Vec<(String, i64)>,
    /// Payments that were pending and turned out failed: their cash goes back to the customer.
    turned_failed: Vec<String>,
}

impl Shift {
    /// The pending payments a look-up settled meanwhile (`?`, another terminal's `status` or
    /// `reconcile`) count as what they became: the summary tells what the journal holds now.
    fn settle_from(&mut self, journal: &crate::journal::Journal) {
        let mut still = Vec::new();
        for (reference, after_ms) in std::mem::take(&mut self.pending) {
            match journal.get(&reference).ok().flatten() {
                Some(p) if p.is_settled() && p.outcome() == crate::api::Outcome::Success => {
                    self.paid += 1;
                    self.collected = self.collected.checked_add(p.amount).unwrap_or(self.collected);
                }
                Some(p) if p.is_settled() && p.outcome() == crate::api::Outcome::Failed => {
                    self.failed += 1;
                    self.turned_failed.push(reference);
                }
                _ => still.push((reference, after_ms)),
            }
        }
        self.pending = still;
    }
}

/// What the next customer's prompt starts from: empty, or the username the service did not
/// know, kept for the cashier to correct (Tab takes the earlier customer it is close to).
#[derive(Debug, Default)]
struct Retry {
    typed: String,
    closest: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: CounterArgs) -> anyhow::Result<ExitCode> {
    if !ctx.ui.interactive {
        return Err(
            Failure::usage("counter serves customers at a terminal; scripts use `konnect pay`").into(),
        );
    }
    interrupt::serve_a_queue();
    let mut journal = ctx.journal()?;
    let client = ctx.client()?;
    let mut shift = Shift::default();
    let mut isp = args.isp;
    let mut retry: Option<Retry> = None;
    loop {
        // Between customers an interrupt is the prompt's to handle: Ctrl-C at a question
        // returns to the next customer, at the next customer's name it ends the shift.
        interrupt::set_stage(Stage::Counter);
        let chosen = match (args.isp, isp, &retry) {
            (Some(fixed), _, _) => fixed,
            (None, Some(same), Some(_)) => same,
            (None, remembered, _) => match prompt::isp(remembered) {
                Ok(i) => i,
                Err(f) if f.kind == Kind::Cancelled => break,
                Err(f) => return Err(f.into()),
            },
        };
        isp = Some(chosen);
        let again = retry.take().unwrap_or_default();
        hint(ctx, &again, args.isp.is_some());
        let paid_before = |typed: &str| paid_before(&journal, chosen, typed);
        let user = match prompt::next_customer(&again.typed, again.closest.as_deref(), &paid_before)? {
            prompt::Asked::Customer(user) => user,
            prompt::Asked::LookUp(reference) => {
                // Only what is still pending: a payment a look-up settled is counted as such.
                shift.settle_from(&journal);
                look_up(ctx, &shift, reference.as_deref());
                shift.settle_from(&journal);
                eprintln!();
                continue;
            }
            // Cleared after a username the service did not know: the ISP may be the mistake.
            prompt::Asked::Empty if !again.typed.is_empty() && args.isp.is_none() => continue,
            prompt::Asked::Empty | prompt::Asked::Finish => break,
        };
        // A shared journal's server may have restarted since the last customer.
        match journal.reconnect_if_lost() {
            Ok(true) => ctx.ui.note(&crate::t!(
                "counter-reconnected",
                journal = journal.path().display().to_string()
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
        let details = match super::pay::look_up(ctx, &client, chosen, &user, &pay) {
            Ok(d) => d,
            Err(f) => {
                retry = Some(not_found(&journal, chosen, user, &f));
                eprintln!();
                continue;
            }
        };
        match super::pay::serve_found(ctx, &journal, &client, chosen, user, &details, &pay) {
            Ok(served) => match served.end {
                Some(End::Paid) => {
                    shift.paid += 1;
                    shift.collected = shift
                        .collected
                        .checked_add(served.amount)
                        .unwrap_or(shift.collected)
                }
                Some(End::Pending) => shift.pending.push((served.reference, served.after_ms)),
                Some(End::Failed) => shift.failed += 1,
                _ => {}
            },
            // A declined confirmation, a refusal: the cashier is told, and the next customer comes.
            Err(e) => match e.downcast::<Failure>() {
                Ok(f) => eprintln!("{}", render::failure_line(&f)),
                Err(other) => return Err(other),
            },
        }
        // A shift may run for days: the day's copy is made between customers.
        ctx.daily_copy();
        eprintln!();
    }
    // Still the counter's stage: a Ctrl-C now must not end the run as "nothing was sent".
    shift.settle_from(&journal);
    let named = shift
        .pending
        .iter()
        .map(|(r, _)| r.as_str())
        .chain(shift.turned_failed.iter().map(String::as_str));
    let shorts = journal.short_references_of(named).unwrap_or_default();
    say(&summary(&shift, &shorts));
    interrupt::set_stage(Stage::Idle);
    Ok(ExitCode::from(if shift.pending.is_empty() {
        0
    } else {
        Kind::Pending.exit_code()
    }))
}

/// What the cashier can type at the next customer's prompt, in a dim line above it.
fn hint(ctx: &Ctx, again: &Retry, isp_fixed: bool) {
    let key = match (again.typed.is_empty(), again.closest.is_some(), isp_fixed) {
        (true, ..) => "counter-hint",
        (false, true, false) => "counter-hint-tab",
        (false, false, false) => "counter-hint-retry",
        (false, true, true) => "counter-hint-tab-fixed",
        (false, false, true) => "counter-hint-retry-fixed",
    };
    let text = crate::t!(key);
    if ctx.ui.quiet {
        return;
    }
    for line in crate::text::wrap(&text, crate::ui::columns().saturating_sub(1)) {
        eprintln!("{}", console::style(line).dim().for_stderr());
    }
}

/// A message to the cashier on stderr, wrapped at words to the terminal.
fn say(text: &str) {
    for line in crate::text::wrap(text, crate::ui::columns().saturating_sub(1)) {
        eprintln!("{line}");
    }
}

/// The customer's look-up failed: said in a cashier's words, with the earlier customers the
/// typed name is close to, and the name kept for the next try.
fn not_found(
    journal: &crate::journal::Journal,
    isp: &'static crate::isp::Isp,
    typed: String,
    f: &Failure,
) -> Retry {
    // The service's own refusal of this customer (it carries the service's code); anything
    // else (the network, a wrong base URL) is said as it is.
    let said = if f.kind == Kind::Rejected && f.code.is_some() {
        let mut said = crate::t!("counter-not-found", user = typed, isp = isp.name);
        if let Some(why) = &f.details {
            said.push(' ');
            said.push_str(&crate::t!("counter-isp-says", isp = isp.name, why = why));
        }
        said
    } else {
        render::plain(f).to_string()
    };
    say(&crate::text::clean(&said));
    let known = journal.customers_at(isp.slug).unwrap_or_default();
    let close = crate::journal::customers::close_to(&typed, &known);
    if !close.is_empty() {
        let names: Vec<String> = close
            .iter()
            .map(|k| match &k.name {
                Some(n) => format!("{} ({})", k.username, crate::text::clean(n)),
                None => k.username.clone(),
            })
            .collect();
        say(&crate::t!("counter-paid-before", names = names.join(", ")));
    }
    Retry {
        closest: close.first().map(|k| k.username.clone()),
        typed,
    }
}

/// The customers paid before at `isp` whose handle starts with `typed` (any case), the most
/// recent first: what Tab completes at the customer's prompt.
fn paid_before(journal: &crate::journal::Journal, isp: &crate::isp::Isp, typed: &str) -> Vec<String> {
    let known = journal.customers_at(isp.slug).unwrap_or_default();
    crate::journal::customers::starting_with(typed, &known)
        // Only a handle the prompt itself would take: a journal's row is written to the screen.
        .filter(|k| prompt::check_username(&k.username).is_ok())
        .map(|k| k.username.clone())
        .collect()
}

/// `?` at the customer's prompt: this shift's pending payments looked up (or the one named),
/// as `konnect status` does, settling what the service can tell.
fn look_up(ctx: &mut Ctx, shift: &Shift, reference: Option<&str>) {
    let references: Vec<String> = match reference {
        Some(r) => vec![r.to_string()],
        None => shift.pending.iter().map(|(r, _)| r.clone()).collect(),
    };
    if references.is_empty() {
        eprintln!("{}", crate::t!("counter-nothing-pending"));
    }
    for reference in references {
        if let Err(e) = super::status::run(ctx, &reference) {
            match e.downcast::<Failure>() {
                Ok(f) => eprintln!("{}", render::failure_line(&f)),
                Err(other) => eprintln!(
                    "{}",
                    render::failure_line(&Failure::internal(format!("{other:#}")))
                ),
            }
        }
    }
}

fn summary(shift: &Shift, shorts: &std::collections::HashMap<String, String>) -> String {
    let n = crate::i18n::number;
    let short = |r: &String| shorts.get(r).cloned().unwrap_or_else(|| r.clone());
    let mut out = crate::t!(
        "shift-over",
        paid = n(shift.paid),
        collected = crate::i18n::money(shift.collected)
    );
    if shift.failed > 0 {
        out.push(' ');
        out.push_str(&crate::t!("shift-failed", failed = n(shift.failed)));
    }
    if !shift.turned_failed.is_empty() {
        // Pending when served, since settled failed (a look-up here or elsewhere): the cash
        // the cashier was told to keep goes back.
        let refs: Vec<String> = shift.turned_failed.iter().map(short).collect();
        out.push(' ');
        out.push_str(&crate::t!("shift-turned-failed", references = refs.join(", ")));
    }
    if !shift.pending.is_empty() {
        let refs: Vec<String> = shift.pending.iter().map(|(r, _)| short(r)).collect();
        let last = shift.pending.iter().map(|(_, at)| *at).max().unwrap_or_default();
        out.push(' ');
        out.push_str(&crate::t!(
            "shift-pending",
            count = n(shift.pending.len()),
            references = refs.join(", "),
            time = crate::i18n::devanagari(&crate::clock::local_minute_after(last))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_what_to_give_back_and_what_is_still_held() {
        let five = Npr::parse("5999").unwrap();
        let shift = Shift {
            paid: 1,
            collected: five,
            failed: 1,
            pending: vec![("p".repeat(32), 0)],
            turned_failed: vec!["f".repeat(32)],
        };
        let shorts = [
            ("p".repeat(32), "pppppppp".to_string()),
            ("f".repeat(32), "ffffffff".to_string()),
        ]
        .into_iter()
        .collect();
        let said = summary(&shift, &shorts);
        assert!(
            said.starts_with("Shift over: 1 paid, Rs. 5,999.00 collected."),
            "{said}"
        );
        // Pending when served and since settled failed: its cash goes back, by its short reference.
        assert!(
            said.contains("Not paid after all: ffffffff; give those customers their money back."),
            "{said}"
        );
        assert!(
            said.contains(
                "1 PENDING: pppppppp. Do NOT pay them again; keep their money (it is not in the total above)"
            ),
            "{said}"
        );
    }
}
