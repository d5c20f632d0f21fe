//! `konnect pay`: the payment state machine. Look up, choose, guard, confirm, write ahead,
//! commit once, classify, settle, report. A commit is never retried automatically.

use std::process::ExitCode;

use serde_json::{Value, json};

use crate::api::wire::{Details, Package};
use crate::api::{
    ApiError, Client, CommitAnswer, CommitRequest, Exchange, HttpVerdict, Outcome, ServiceError,
};
use crate::app::{self, Ctx, Stage};
use crate::cli::PayArgs;
use crate::failure::{Failure, Kind};
use crate::isp::Isp;
use crate::journal::{Attempt, Journal, Payment, Settlement};
use crate::prompt;
use crate::render;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// How a sent commit ended, with the service's words. The outcome lives once, in the settlement.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// True when the request provably never left (exit 5 rather than 3).
    pub not_sent: bool,
    pub settlement: Settlement,
    pub code: Option<String>,
    pub detail: Option<String>,
}

impl Verdict {
    fn new(outcome: Outcome, message: impl Into<String>) -> Verdict {
        Verdict {
            not_sent: false,
            settlement: Settlement::new(outcome, message),
            code: None,
            detail: None,
        }
    }

    pub fn outcome(&self) -> Outcome {
        self.settlement.outcome
    }

    pub fn exit_code(&self) -> u8 {
        if self.not_sent {
            Kind::Network.exit_code()
        } else {
            crate::failure::outcome_exit_code(self.outcome())
        }
    }
}

/// Classifies a commit's answer by the aggregator's outcome table. An HTTP 400 (or other 4xx)
/// is followed at once by one status look-up: "no such reference" means nothing was charged.
/// Anything unsure (no answer, a redirect, an answer that contradicts itself) is pending.
pub fn classify(client: &Client, reference: &str, answer: Result<Exchange, ApiError>) -> Verdict {
    let ex = match answer {
        Ok(ex) => ex,
        Err(e @ ApiError::NotSent { .. }) => {
            let mut v = Verdict::new(Outcome::Failed, e.to_string());
            v.not_sent = true;
            return v;
        }
        Err(e) => return Verdict::new(Outcome::Pending, e.to_string()),
    };
    let body = ex.json();
    let service_error = body
        .as_ref()
        .ok()
        .and_then(|b| ServiceError::from_value(ex.status, b));
    match HttpVerdict::of(ex.status) {
        HttpVerdict::ByState => match body.map(|b| CommitAnswer::from_value(&b)) {
            Ok(Ok(a)) => by_state(a, service_error),
            Ok(Err(reason)) => Verdict::new(
                Outcome::Pending,
                format!("the answer could not be read: {reason}"),
            ),
            Err(e) => Verdict::new(Outcome::Pending, e.to_string()),
        },
        HttpVerdict::Failed => Verdict::new(
            Outcome::Failed,
            format!("HTTP 404: service not found ({})", ex.snippet()),
        ),
        HttpVerdict::Pending if (300..400).contains(&ex.status) => Verdict::new(
            Outcome::Pending,
            format!(
                "HTTP {} redirect to {}, not followed",
                ex.status,
                ex.location.as_deref().unwrap_or("nowhere")
            ),
        ),
        HttpVerdict::Pending => Verdict::new(
            Outcome::Pending,
            format!("HTTP {} from the service ({})", ex.status, ex.snippet()),
        ),
        HttpVerdict::LookUp => look_up_after_refusal(client, reference, ex.status, service_error),
    }
}

/// A 2xx answer: its `state` decides, unless the answer also says it failed.
fn by_state(a: CommitAnswer, service_error: Option<ServiceError>) -> Verdict {
    if let Some(why) = &a.contradiction {
        let mut v = Verdict::new(
            Outcome::Pending,
            format!("the service's answer contradicts itself ({why})"),
        );
        v.detail = a.detail;
        return v;
    }
    let outcome = Outcome::of_state(a.state.as_deref());
    let message = a
        .message
        .clone()
        .or(a.detail.clone())
        .unwrap_or_else(|| format!("state {}", a.state.as_deref().unwrap_or("missing")));
    let mut v = Verdict::new(outcome, message);
    v.settlement.state = a.state.clone();
    v.settlement.transaction_id = a.transaction_id.clone();
    v.settlement.credits_available = a.credits_available;
    v.settlement.credits_consumed = a.credits_consumed;
    v.detail = a.detail;
    v.code = service_error.and_then(|e| e.code);
    v
}

/// After a 4xx the service answered definitely, so an unknown reference here proves nothing
/// was charged (no grace period); any other look-up result decides by its state.
fn look_up_after_refusal(
    client: &Client,
    reference: &str,
    status: u16,
    service_error: Option<ServiceError>,
) -> Verdict {
    let said = service_error
        .as_ref()
        .map(|e| e.to_string())
        .unwrap_or_else(|| format!("HTTP {status}"));
    let mut v = match client.status(reference) {
        Ok(s) if s.contradiction.is_some() => Verdict::new(
            Outcome::Pending,
            format!(
                "{said}; the status look-up contradicts itself ({})",
                s.contradiction.as_deref().unwrap_or_default()
            ),
        ),
        Ok(s) if !s.found => Verdict::new(Outcome::Failed, said.clone()),
        Ok(s) => {
            let mut v = Verdict::new(Outcome::of_state(s.state.as_deref()), said.clone());
            v.settlement.state = s.state;
            v.settlement.transaction_id = s.response_id;
            v
        }
        Err(e) => Verdict::new(
            Outcome::Pending,
            format!("{said}; the status look-up failed too: {e}"),
        ),
    };
    if let Some(e) = service_error {
        v.code = e.code.clone();
        v.detail = e.details.clone();
    }
    v
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
        None if ctx.ui.interactive => Ok(&details.packages[prompt::package(&details.packages)?]),
        None => Err(Failure::usage(
            "missing --package ID (run `konnect lookup` to see the packages), or run on a terminal to choose",
        )),
    }
}

/// The summary the cashier confirms, on stderr.
pub(crate) fn summary(details: &Details, package: &Package, banner: &str) -> String {
    let c = &details.customer;
    let due = details.due.amount.unwrap_or_default();
    format!(
        "  Customer  {} ({})\n  Status    {}\n  Due       {}\n  Package   {}\n  Amount    {}\n  Service   {}",
        c.name.as_deref().unwrap_or("-"),
        c.username.as_deref().unwrap_or("-"),
        c.status.as_deref().unwrap_or("-"),
        due.lakh(),
        package.name,
        console::style(package.amount.lakh()).bold().for_stderr(),
        banner,
    )
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
}

impl Order<'_> {
    fn attempt(&self, reference: &str) -> Attempt {
        Attempt {
            reference: reference.to_string(),
            isp: self.isp.slug.to_string(),
            username: self.user.clone(),
            customer: self.customer.clone(),
            customer_name: self.details.customer.name.clone(),
            package_id: self.package.id.clone(),
            package_name: self.package.name.clone(),
            amount: self.package.amount,
        }
    }

    fn keys(&self) -> [&str; 2] {
        [&self.user, &self.customer]
    }
}

pub fn run(ctx: &mut Ctx, args: PayArgs) -> anyhow::Result<ExitCode> {
    // Everything that needs no network is checked first, so a bad call sends nothing.
    if !args.yes && !args.dry_run && !ctx.ui.interactive {
        return Err(Failure::usage(
            "without a terminal the payment cannot be confirmed; pass --yes (or --dry-run)",
        )
        .into());
    }
    let isp = ctx.isp_arg(args.isp)?;
    let user = ctx.user_arg(args.user.as_deref())?;
    let journal = ctx.journal()?;
    let client = ctx.client()?;

    let lookup_ref = crate::reference::new();
    let details = ctx
        .ui
        .spin(&format!("Looking up {user} at {}…", isp.name), || {
            client.details(isp.slug, &user, &lookup_ref)
        })
        .map_err(Failure::from)?;
    if !ctx.ui.json && ctx.ui.interactive {
        eprint!("{}", render::lookup_human(isp, &details, crate::clock::today()));
    }
    let package = choose_package(ctx, &details, args.package.as_deref())?.clone();
    if let Some(amount) = args.amount
        && amount != package.amount
    {
        return Err(Failure::usage(format!(
            "--amount {} does not match the package's amount {}; nothing was sent",
            amount.lakh(),
            package.amount.lakh()
        ))
        .into());
    }
    let order = Order {
        isp,
        customer: details.customer.username.clone().unwrap_or_else(|| user.clone()),
        user,
        details: &details,
        package,
    };

    let allow_repeat = args.allow_repeat || repeat_guard(ctx, &journal, &order)?;
    low_balance_warning(ctx, &journal, &order.package)?;

    let reference = crate::reference::new();
    let request = CommitRequest {
        reference: &reference,
        package_id: &order.package.id,
        amount: order.package.amount,
        session_id: &details.session_id,
    };
    if args.dry_run {
        dry_run(ctx, &client, &request);
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        confirm(ctx, &order)?;
    }
    write_ahead(&journal, &order, &reference, allow_repeat)?;
    if ctx.ui.json {
        let interrupted = Verdict::new(Outcome::Pending, "interrupted while the commit was being sent");
        let doc = document(
            &reference,
            &order,
            &interrupted,
            Some(&pending_failure(&reference, &interrupted)),
        );
        app::set_stage(Stage::Sending {
            reference: reference.clone(),
            json: Some(doc),
        });
    } else {
        app::set_stage(Stage::Sending {
            reference: reference.clone(),
            json: None,
        });
    }
    let answer = ctx
        .ui
        .spin(&format!("Paying {}…", order.package.amount.lakh()), || {
            client.commit(&request)
        });
    let verdict = classify(&client, &reference, answer);
    match journal.settle(&reference, &verdict.settlement) {
        Ok(_) => app::set_stage(Stage::Answered {
            reference: reference.clone(),
            outcome: verdict.outcome(),
            json: None,
        }),
        Err(e) => ctx.ui.warn(&format!(
            "{e}; the payment stays unsettled in the journal, run `konnect reconcile` later"
        )),
    }
    report(ctx, &journal, &reference, &order, &verdict)
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

/// The cashier's yes, after the summary; no is a cancellation with nothing sent.
fn confirm(ctx: &Ctx, order: &Order<'_>) -> Result<(), Failure> {
    eprintln!(
        "{}",
        summary(order.details, &order.package, &ctx.settings.banner())
    );
    let question = format!(
        "Pay {} for {}?",
        order.package.amount.lakh(),
        order.details.customer.name.as_deref().unwrap_or(&order.user)
    );
    if prompt::confirm(&question, !ctx.settings.is_live())? {
        Ok(())
    } else {
        Err(Failure::new(
            Kind::Cancelled,
            "payment declined; nothing was sent",
        ))
    }
}

/// Write ahead: the row is durable before the request leaves, so no payment is ever forgotten.
/// The guard is checked again in the same transaction: another counter or terminal may have
/// paid this customer while this one waited for its confirmation.
fn write_ahead(
    journal: &Journal,
    order: &Order<'_>,
    reference: &str,
    allow_repeat: bool,
) -> Result<(), Failure> {
    let since = (!allow_repeat).then(|| crate::clock::now_ms() - DAY_MS);
    match journal.begin_payment(&order.attempt(reference), since)? {
        None => Ok(()),
        Some(prev) => Err(Failure::usage(format!(
            "{}; it was recorded while this payment waited, so this one was NOT sent. Check `konnect history --user {}`",
            already_paid(order, &prev),
            order.user
        ))),
    }
}

/// "active was already paid Rs. 5,999.00 at 2026-11-27 09:31 (success, reference …)".
fn already_paid(order: &Order<'_>, prev: &Payment) -> String {
    let handle = if prev.username == order.user {
        String::new()
    } else {
        format!(" as {}", prev.username)
    };
    format!(
        "{} was already paid{handle} {} at {} ({}, reference {})",
        order.user,
        prev.amount.lakh(),
        crate::clock::local_time(prev.created_ms),
        prev.outcome().as_str(),
        prev.reference
    )
}

/// A success or pending payment for the same customer (by any handle) in the last day: ask
/// again on a terminal (true: the cashier said pay anyway) or refuse.
fn repeat_guard(ctx: &Ctx, journal: &Journal, order: &Order<'_>) -> Result<bool, Failure> {
    let since = crate::clock::now_ms() - DAY_MS;
    let Some(prev) = journal.recent_for(order.isp.slug, &order.keys(), since)? else {
        return Ok(false);
    };
    let what = already_paid(order, &prev);
    if ctx.ui.interactive {
        ctx.ui.warn(&what);
        if prompt::confirm("Pay again anyway?", false)? {
            return Ok(true);
        }
        return Err(Failure::new(Kind::Cancelled, "not paid again; nothing was sent"));
    }
    Err(Failure::usage(format!(
        "{what}; pass --allow-repeat to pay again"
    )))
}

/// Warns before confirmation when the last known balance cannot cover the package.
fn low_balance_warning(ctx: &Ctx, journal: &Journal, package: &Package) -> Result<(), Failure> {
    if let Some(balance) = journal.last_balance()? {
        if balance < package.amount {
            ctx.ui.warn(&format!(
                "the last known balance {} is below the package's amount {}",
                balance.lakh(),
                package.amount.lakh()
            ));
        } else {
            ctx.warn_low_balance("the last known balance", balance);
        }
    }
    Ok(())
}

fn pending_failure(reference: &str, v: &Verdict) -> Failure {
    Failure::new(
        Kind::Pending,
        format!(
            "payment {reference} is PENDING: it may have gone through. Do NOT pay again; run `konnect status {reference}` after 5 minutes ({})",
            v.settlement.message.as_deref().unwrap_or_default()
        ),
    )
}

/// The failure a verdict ends the run with, or None for a success.
fn failure_of(reference: &str, v: &Verdict) -> Option<Failure> {
    let message = v.settlement.message.clone().unwrap_or_default();
    let failure = match (v.outcome(), v.not_sent) {
        (Outcome::Success, _) => return None,
        (_, true) => Failure::new(Kind::Network, format!("{message}; safe to retry")),
        (Outcome::Failed, _) => Failure::new(
            Kind::Rejected,
            format!("payment failed: {message}; nothing was charged"),
        ),
        (Outcome::Pending, _) => pending_failure(reference, v),
    };
    Some(failure.with_code(v.code.clone()).with_details(v.detail.clone()))
}

/// The payment's JSON document, on every outcome once a commit was attempted.
fn document(reference: &str, order: &Order<'_>, v: &Verdict, failure: Option<&Failure>) -> Value {
    let s = &v.settlement;
    let p = &order.package;
    let mut doc = json!({
        "ok": v.outcome() == Outcome::Success,
        "outcome": v.outcome(),
        "reference": reference,
        "transaction_id": s.transaction_id,
        "isp": order.isp.slug,
        "user": order.user,
        "customer": order.customer,
        "package": {"id": p.id, "name": p.name, "amount": p.amount},
        "credits_consumed": s.credits_consumed,
        "credits_available": s.credits_available,
        "message": s.message,
        "detail": v.detail,
    });
    if let Some(f) = failure {
        doc["error"] = render::failure_json(f)["error"].clone();
    }
    doc
}

/// Prints the receipt or the outcome's message and returns the outcome's exit code.
fn report(
    ctx: &Ctx,
    journal: &Journal,
    reference: &str,
    order: &Order<'_>,
    v: &Verdict,
) -> anyhow::Result<ExitCode> {
    let failure = failure_of(reference, v);
    app::report_then(v.exit_code(), || {
        if ctx.ui.json {
            ctx.print_json(&document(reference, order, v, failure.as_ref()));
        } else if let Ok(Some(row)) = journal.get(reference) {
            print!("{}", render::receipt(&row, 42));
        }
    });
    if let Some(left) = v.settlement.credits_available {
        ctx.warn_low_balance("the balance left", left);
    }
    if let Some(f) = &failure {
        eprintln!("{}", render::failure_line(f));
    } else if !ctx.ui.json {
        ctx.ui.note(&format!(
            "{} paid; take {} from the customer.",
            console::style("✓").green().for_stderr(),
            order.package.amount.lakh()
        ));
    }
    Ok(ExitCode::from(v.exit_code()))
}
