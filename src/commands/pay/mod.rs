//! `konnect pay`: the payment state machine. Look up, choose, guard, confirm, write ahead,
//! commit once, classify, settle, report. A commit is never retried automatically.

use std::process::ExitCode;

use serde_json::json;

use crate::api::wire::{Details, Package};
use crate::api::{ApiError, Client, CommitRequest, Exchange};
use crate::cli::PayArgs;
use crate::context::Ctx;
use crate::decide::{self, End, Next, Verdict};
use crate::failure::{Failure, Kind};
use crate::interrupt::{self, Stage, Waited};
use crate::isp::Isp;
use crate::journal::{Attempt, Begun, Journal};
use crate::money::Npr;
use crate::prompt;
use crate::render;

mod confirmation;
mod outcome;
mod repeat_guard;

use confirmation::confirm;
#[cfg(test)]
pub(crate) use confirmation::summary;
use outcome::{document, failure_of, report};
use repeat_guard::{already_paid, repeat, repeat_guard};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Sends nothing itself: reads the commit's answer, and after a refusal looks the reference up
/// once (the one extra request the outcome table asks for).
pub fn classify(
    client: &Client,
    reference: &str,
    amount: Npr,
    answer: Result<Exchange, ApiError>,
) -> Verdict {
    match decide::commit(&answer) {
        Next::Done(v) => v,
        Next::LookUp(refusal) => decide::after_refusal(refusal, amount, client.status(reference)),
    }
}

/// The package from `--package`, or chosen at a prompt with the current one preselected.
fn choose_package<'d>(ctx: &Ctx, details: &'d Details, wanted: Option<&str>) -> Result<&'d Package, Failure> {
    if details.packages.is_empty() {
        return Err(Failure::new(
            Kind::Rejected,
            "the service offers no package for this customer; nothing can be paid",
        ));
    }
    match wanted {
        Some(id) => details
            .packages
            .iter()
            .find(|p| p.id == id.trim())
            .ok_or_else(|| {
                let ids: Vec<&str> = details.packages.iter().map(|p| p.id.as_str()).collect();
                Failure::usage(format!(
                    "no package '{id}' for this customer; choose one of: {}",
                    ids.join(", ")
                ))
            }),
        None if ctx.ui.interactive => {
            Ok(&details.packages[prompt::package(&details.packages, crate::ui::columns())?])
        }
        None => Err(Failure::usage(
            "missing --package ID (run `konnect lookup` to see the packages), or run on a terminal to choose",
        )),
    }
}

/// What this run is paying: the customer as the service knows them and the chosen package.
struct Order<'a> {
    isp: &'static Isp,
    /// The handle the cashier typed.
    user: String,
    /// The service's own id of the customer: the double-payment guard keys on it too.
    customer: String,
    details: &'a Details,
    package: Package,
    /// Receipt characters per line.
    width: usize,
}

impl Order<'_> {
    fn attempt(&self, reference: &str, timeout: std::time::Duration, counter: &str) -> Attempt {
        Attempt {
            reference: reference.to_string(),
            isp: self.isp.slug.to_string(),
            username: self.user.clone(),
            customer: self.customer.clone(),
            customer_name: self.details.customer.name.clone(),
            package_id: self.package.id.clone(),
            package_name: self.package.name.clone(),
            amount: self.package.amount,
            timeout,
            counter: counter.to_string(),
        }
    }

    fn keys(&self) -> [&str; 2] {
        [&self.user, &self.customer]
    }

    fn request<'r>(&'r self, reference: &'r str) -> CommitRequest<'r> {
        CommitRequest {
            reference,
            package_id: &self.package.id,
            amount: self.package.amount,
            session_id: &self.details.session_id,
        }
    }
}

/// The payment, as the README's steps: look up, choose, guard, confirm, write ahead, send
/// once, classify, settle, report.
pub fn run(ctx: &mut Ctx, args: PayArgs) -> anyhow::Result<ExitCode> {
    if ctx.ui.interactive {
        // TEST or LIVE is said before the first question.
        ctx.ensure_sandbox()?;
        ctx.banner();
    }
    // Everything that needs no network is checked first, so a bad call sends nothing.
    let isp = ctx.isp_arg(args.isp.as_ref())?;
    let user = ctx.user_arg(args.user.as_deref())?;
    if !args.yes && !args.dry_run && !ctx.ui.interactive {
        return Err(Failure::usage(
            "without a terminal the payment cannot be confirmed; pass --yes (or --dry-run)",
        )
        .into());
    }
    let journal = ctx.journal()?;
    let client = ctx.client()?;
    Ok(serve(ctx, &journal, &client, isp, user, &args)?.code)
}

/// How one customer's payment ended, for `counter`'s tally.
pub(crate) struct Served {
    pub code: ExitCode,
    /// None for a dry run.
    pub end: Option<End>,
    pub amount: Npr,
    pub reference: String,
    /// From when a look-up can settle it, if it is pending.
    pub after_ms: i64,
}

/// One customer, once the journal and the client are ready: what `pay` does once and
/// `counter` does for each customer in turn (the same guard, journal and outcomes).
pub(crate) fn serve(
    ctx: &Ctx,
    journal: &Journal,
    client: &Client,
    isp: &'static Isp,
    user: String,
    args: &PayArgs,
) -> anyhow::Result<Served> {
    let details = look_up(ctx, client, isp, &user, args)?;
    serve_found(ctx, journal, client, isp, user, &details, args)
}

/// The rest of [`serve`], once the customer was found: `counter` looks the customer up
/// itself, to ask again for a name the service did not know.
pub(crate) fn serve_found(
    ctx: &Ctx,
    journal: &Journal,
    client: &Client,
    isp: &'static Isp,
    user: String,
    details: &Details,
    args: &PayArgs,
) -> anyhow::Result<Served> {
    let order = choose(ctx, isp, user, details, args)?;
    let allow_repeat = args.allow_repeat || repeat_guard(ctx, journal, &order)?;
    low_balance_warning(ctx, journal, &order.package)?;
    let reference = crate::reference::new();
    let request = order.request(&reference);
    if args.dry_run {
        dry_run(ctx, client, &request);
        return Ok(Served {
            code: ExitCode::SUCCESS,
            end: None,
            amount: order.package.amount,
            reference,
            after_ms: 0,
        });
    }
    if !args.yes {
        confirm(ctx, &order)?;
    }
    let answer_due_ms = write_ahead(
        journal,
        &order.attempt(
            &reference,
            ctx.settings.timeout.value,
            &ctx.settings.counter.value,
        ),
        &order,
        allow_repeat,
        grace_ms(ctx),
    )?;
    let sent = send_once(ctx, client, &order, &request, answer_due_ms);
    let journaled = settle(ctx, journal, &order, &reference, &sent);
    let code = report(ctx, journal, &reference, &order, &sent, journaled)?;
    Ok(Served {
        code,
        end: Some(sent.verdict.end),
        amount: order.package.amount,
        reference,
        after_ms: sent.after_ms,
    })
}

/// Step 1: the customer, their subscription and the packages on offer.
pub(crate) fn look_up(
    ctx: &Ctx,
    client: &Client,
    isp: &'static Isp,
    user: &str,
    args: &PayArgs,
) -> Result<Details, Failure> {
    let lookup_ref = crate::reference::new();
    let details = ctx
        .ui
        .spin(&crate::t!("spin-looking-up", user = user, isp = isp.name), || {
            client.details(isp.slug, user, &lookup_ref)
        })
        .map_err(Failure::from)?;
    if !ctx.ui.json && ctx.ui.interactive {
        // The packages are not listed here: the picker that follows is the list.
        let cols = crate::ui::columns();
        let today = crate::clock::today();
        if args.package.is_none() {
            eprint!("{}", render::customer_view(isp, &details, today, cols));
        } else {
            eprint!("{}", render::lookup_human(isp, &details, today, cols));
        }
    }
    Ok(details)
}

/// Step 2: the package (flag or prompt), and `--amount`, when given, equal to its amount.
fn choose<'d>(
    ctx: &Ctx,
    isp: &'static Isp,
    user: String,
    details: &'d Details,
    args: &PayArgs,
) -> Result<Order<'d>, Failure> {
    let package = choose_package(ctx, details, args.package.as_deref())?.clone();
    if let Some(amount) = args.amount
        && amount != package.amount
    {
        return Err(Failure::usage(format!(
            "--amount {} does not match the package's amount {}; nothing was sent",
            amount.lakh(),
            package.amount.lakh()
        )));
    }
    Ok(Order {
        isp,
        customer: details.customer.username.clone().unwrap_or_else(|| user.clone()),
        user,
        details,
        package,
        width: crate::ui::receipt_width(args.width.unwrap_or(ctx.settings.receipt_width)),
    })
}

/// What the commit came to, and from when a look-up can settle it if it is pending.
pub(super) struct Sent {
    pub verdict: Verdict,
    /// The answer (or the time-out) came. False when a counter's cashier stopped waiting: the
    /// request may still be out, and its answer stays due until the time-out stamped ahead.
    pub ended: bool,
    pub after_ms: i64,
}

/// Steps 6 and 7: the commit, sent once while an interrupt knows it is out, then classified.
/// At a counter the cashier's Ctrl-C stops the wait (the payment is pending) without ending
/// the shift.
fn send_once(
    ctx: &Ctx,
    client: &Client,
    order: &Order<'_>,
    request: &CommitRequest<'_>,
    answer_due_ms: i64,
) -> Sent {
    let reference = request.reference.to_string();
    // Cut off now, the commit's answer is still due until its time-out: the grace runs from then.
    let due_after_ms = answer_due_ms.saturating_add(grace_ms(ctx));
    let interrupted = Verdict::new(End::Pending, "interrupted while the commit was being sent");
    let json = ctx.ui.json.then(|| {
        let failure = failure_of(&reference, &interrupted, order.package.amount, due_after_ms);
        document(&reference, order, &interrupted, failure.as_ref(), due_after_ms)
    });
    interrupt::set_stage(Stage::Sending {
        reference: reference.clone(),
        after_ms: due_after_ms,
        json,
    });
    // The commit and the look-up a refusal asks for, owned: a counter runs them on a thread
    // it may stop waiting for.
    let (c, owned, amount) = (client.clone(), request.owned(), order.package.amount);
    let decide = move || {
        let request = owned.request();
        let answer = c.commit(&request);
        classify(&c, request.reference, amount, answer)
    };
    let waited = ctx.ui.spin(
        &crate::t!("spin-paying", amount = crate::i18n::money(order.package.amount)),
        || interrupt::unless_given_up(decide),
    );
    // Without an answer the request may still be out: its answer stays due until the time-out
    // stamped ahead, and a look-up before then decides nothing.
    let unanswered = |verdict: Verdict| Sent {
        verdict,
        ended: false,
        after_ms: due_after_ms,
    };
    match waited {
        Waited::Answered(verdict) => Sent {
            verdict,
            ended: true,
            after_ms: look_up_after(ctx),
        },
        Waited::GaveUp => unanswered(
            Verdict::new(End::Pending, "the cashier stopped waiting for the answer")
                .plainly(crate::t!("why-stopped-waiting")),
        ),
        Waited::Lost => unanswered(
            Verdict::new(End::Pending, "the commit's answer was lost (an internal error)")
                .plainly(crate::t!("why-lost")),
        ),
    }
}

/// Step 8: the journal row holds the outcome. If it cannot be written the cashier still sees
/// the outcome, and the row stays unsettled for `reconcile`. Says whether it was written.
fn settle(ctx: &Ctx, journal: &Journal, order: &Order<'_>, reference: &str, sent: &Sent) -> bool {
    let verdict = &sent.verdict;
    let settlement = crate::journal::Settlement {
        commit_ended: sent.ended,
        ..verdict.settlement()
    };
    match journal.settle(reference, &settlement) {
        Ok(_) => {
            interrupt::set_stage(Stage::Answered {
                reference: reference.to_string(),
                outcome: verdict.outcome(),
                json: ctx.ui.json.then(|| {
                    let failure = failure_of(reference, verdict, order.package.amount, sent.after_ms);
                    document(reference, order, verdict, failure.as_ref(), sent.after_ms)
                }),
            });
            true
        }
        Err(e) => {
            ctx.ui.warn(&format!(
                "{e}; the payment stays unsettled in the journal, run `konnect reconcile` later"
            ));
            false
        }
    }
}

/// Shows the request a payment would send, with the token masked; sends nothing.
fn dry_run(ctx: &Ctx, client: &Client, request: &CommitRequest<'_>) {
    let body = request.body(&client.token().masked());
    let url = format!("{}{}", client.base_url(), crate::api::COMMIT_PATH);
    if ctx.ui.json {
        ctx.print_json(
            &json!({"ok": true, "dry_run": true, "request": {"method": "POST", "url": url, "body": body}}),
        );
    } else {
        println!("Dry run: nothing was sent. The payment would be:\nPOST {url}");
        println!("{}", serde_json::to_string_pretty(&body).unwrap_or_default());
    }
}

/// Write ahead: the row is durable before the request leaves, so no payment is ever forgotten.
/// The guard is checked again in the same transaction: another counter or terminal may have
/// paid this customer while this one waited for its confirmation. When the commit's answer is
/// due at the latest, for the look-ups that follow.
fn write_ahead(
    journal: &Journal,
    attempt: &Attempt,
    order: &Order<'_>,
    allow_repeat: bool,
    grace_ms: i64,
) -> Result<i64, Failure> {
    let since = (!allow_repeat).then(|| crate::clock::now_ms() - DAY_MS);
    let begun = journal.begin_payment(attempt, since).map_err(|e| {
        Failure::new(
            e.kind,
            format!(
                "{}; nothing was sent, it is safe to try again once the journal works",
                e.message
            ),
        )
    })?;
    match begun {
        Begun::Send { answer_due_ms } => Ok(answer_due_ms),
        Begun::Earlier(prev) => Err(repeat(
            format!(
                "{}; it was recorded while this payment waited, so this one was NOT sent. Check `konnect history --user {}`",
                already_paid(
                    crate::i18n::Lang::En,
                    order,
                    &prev,
                    &attempt.counter,
                    &prev.reference
                ),
                order.user
            ),
            &prev,
        )),
        Begun::Stalled { took } => Err(Failure::new(
            Kind::Network,
            format!(
                "the journal {} took {:.1} s to record the payment (a stalled disk or network), too long to send it safely; nothing was sent, it is safe to try again",
                journal.path().display(),
                took.as_secs_f64()
            ),
        )),
        // The next try is safe either way: if the row landed, the guard holds this customer
        // as being paid, and says so; reconcile settles the row once the service could know.
        Begun::Unsure { why, answer_due_ms } => Err(Failure::new(
            Kind::Network,
            format!(
                "{why}; nothing was sent, it is safe to try again. If konnect then says this customer is being paid, the journal recorded the attempt late: run `konnect reconcile` after {}",
                crate::clock::local_minute_after(answer_due_ms.saturating_add(grace_ms))
            ),
        )),
    }
}

/// Warns before confirmation when the last known balance cannot cover the package.
fn low_balance_warning(ctx: &Ctx, journal: &Journal, package: &Package) -> Result<(), Failure> {
    if let Some(balance) = journal.last_balance()? {
        if balance < package.amount {
            ctx.ui.warn(&crate::t!(
                "warn-balance-short",
                balance = crate::i18n::money(balance),
                amount = crate::i18n::money(package.amount)
            ));
        } else {
            ctx.warn_low_balance(&crate::t!("warn-balance-known"), balance);
        }
    }
    Ok(())
}

fn grace_ms(ctx: &Ctx) -> i64 {
    ctx.settings.lookup_grace_ms()
}

/// When a pending payment's look-up can settle it: its commit has ended, the grace runs now.
pub(super) fn look_up_after(ctx: &Ctx) -> i64 {
    crate::clock::now_ms().saturating_add(grace_ms(ctx))
}
