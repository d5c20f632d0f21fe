//! `konnect pay`: the payment state machine. Look up, choose, guard, confirm, write ahead,
//! commit once, classify, settle, report. A commit is never retried automatically.

use std::process::ExitCode;

use serde_json::json;

use crate::api::wire::{Details, Package};
use crate::api::{
    ApiError, Client, CommitAnswer, CommitRequest, Exchange, HttpVerdict, Outcome, ServiceError,
};
use crate::app::{self, Ctx};
use crate::cli::PayArgs;
use crate::failure::{Failure, Kind};
use crate::journal::{Attempt, Journal, Settlement};
use crate::prompt;
use crate::render;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// How a sent commit ended, with the service's words.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub outcome: Outcome,
    /// True when the request provably never left (exit 5 rather than 3).
    pub not_sent: bool,
    pub settlement: Settlement,
    pub code: Option<String>,
    pub detail: Option<String>,
}

impl Verdict {
    fn new(outcome: Outcome, message: impl Into<String>) -> Verdict {
        Verdict {
            outcome,
            not_sent: false,
            settlement: Settlement {
                outcome: Some(outcome),
                message: Some(message.into()),
                ..Settlement::default()
            },
            code: None,
            detail: None,
        }
    }

    pub fn exit_code(&self) -> u8 {
        if self.not_sent {
            Kind::Network.exit_code()
        } else {
            crate::failure::outcome_exit_code(self.outcome)
        }
    }
}

/// Classifies a commit's answer by the aggregator's outcome table. An HTTP 400 (or other 4xx)
/// is followed at once by one status look-up: "no such reference" means nothing was charged.
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
    let body = ex.json().ok();
    let service_error = body.as_ref().and_then(|b| ServiceError::from_value(ex.status, b));
    match HttpVerdict::of(ex.status) {
        HttpVerdict::ByState => match body.as_ref().map(CommitAnswer::from_value) {
            Some(Ok(a)) => {
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
            Some(Err(reason)) => Verdict::new(
                Outcome::Pending,
                format!("the answer could not be read: {reason}"),
            ),
            None => Verdict::new(
                Outcome::Pending,
                format!("HTTP {} with an unreadable body ({})", ex.status, ex.snippet()),
            ),
        },
        HttpVerdict::Failed => Verdict::new(
            Outcome::Failed,
            format!("HTTP 404: service not found ({})", ex.snippet()),
        ),
        HttpVerdict::Pending => Verdict::new(
            Outcome::Pending,
            format!("HTTP {} from the service ({})", ex.status, ex.snippet()),
        ),
        HttpVerdict::LookUp => {
            let said = service_error
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_else(|| format!("HTTP {}", ex.status));
            let mut v = match client.status(reference) {
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
        None if ctx.ui.interactive => Ok(&details.packages[prompt::package(&details.packages)?]),
        None => Err(Failure::usage(
            "missing --package ID (run `konnect lookup` to see the packages), or run on a terminal to choose",
        )),
    }
}

/// The summary the cashier confirms, on stderr.
fn summary(ctx: &Ctx, details: &Details, package: &Package) -> String {
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
        ctx.settings.banner(),
    )
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

    repeat_guard(ctx, &journal, isp.slug, &user, args.allow_repeat)?;
    low_balance_warning(ctx, &journal, &package)?;

    let reference = crate::reference::new();
    let request = CommitRequest {
        reference: &reference,
        package_id: &package.id,
        amount: package.amount,
        session_id: &details.session_id,
    };
    if args.dry_run {
        let body = request.body(&client.token().masked());
        let url = format!("{}{}", client.base_url(), crate::api::COMMIT_PATH);
        if ctx.ui.json {
            ctx.print_json(&json!({"ok": true, "dry_run": true, "request": {"method": "POST", "url": url, "body": body}}));
        } else {
            println!("Dry run: nothing was sent. The payment would be:\nPOST {url}");
            println!("{}", serde_json::to_string_pretty(&body).unwrap_or_default());
        }
        return Ok(ExitCode::SUCCESS);
    }

    if !args.yes {
        eprintln!("{}", summary(ctx, &details, &package));
        let question = format!(
            "Pay {} for {}?",
            package.amount.lakh(),
            details.customer.name.as_deref().unwrap_or(&user)
        );
        if !prompt::confirm(&question, !ctx.settings.is_live())? {
            return Err(Failure::new(Kind::Cancelled, "payment declined; nothing was sent").into());
        }
    }

    // Write ahead: the row is durable before the request leaves, so no payment is ever forgotten.
    journal.record_attempt(&Attempt {
        reference: reference.clone(),
        env: ctx.settings.env_label().to_string(),
        isp: isp.slug.to_string(),
        username: user.clone(),
        customer_name: details.customer.name.clone(),
        package_id: package.id.clone(),
        package_name: package.name.clone(),
        amount: package.amount,
    })?;
    app::set_in_flight(Some(&reference));
    let answer = ctx.ui.spin(&format!("Paying {}…", package.amount.lakh()), || {
        client.commit(&request)
    });
    let verdict = classify(&client, &reference, answer);
    if let Err(e) = journal.settle(&reference, &verdict.settlement) {
        ctx.ui.warn(&format!(
            "{e}; the payment stays unsettled in the journal, run `konnect reconcile` later"
        ));
    }
    app::set_in_flight(None);
    report(ctx, &journal, &reference, isp, &user, &package, &verdict)
}

/// A success or pending payment for the same customer in the last day: ask again or refuse.
fn repeat_guard(ctx: &Ctx, journal: &Journal, isp: &str, user: &str, allowed: bool) -> Result<(), Failure> {
    let Some(prev) = journal.recent_for(isp, user, crate::clock::now_ms() - DAY_MS)? else {
        return Ok(());
    };
    if allowed {
        return Ok(());
    }
    let when = crate::clock::local_time(prev.created_ms);
    let what = format!(
        "{user} was already paid {} at {when} ({}, reference {})",
        prev.amount.lakh(),
        prev.outcome().as_str(),
        prev.reference
    );
    if ctx.ui.interactive {
        ctx.ui.warn(&what);
        if prompt::confirm("Pay again anyway?", false)? {
            return Ok(());
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

/// Prints the receipt or the outcome's message and returns the outcome's exit code.
fn report(
    ctx: &Ctx,
    journal: &Journal,
    reference: &str,
    isp: &crate::isp::Isp,
    user: &str,
    package: &Package,
    v: &Verdict,
) -> anyhow::Result<ExitCode> {
    let message = v.settlement.message.clone().unwrap_or_default();
    let failure = match (v.outcome, v.not_sent) {
        (Outcome::Success, _) => None,
        (_, true) => Some(Failure::new(Kind::Network, format!("{message}; safe to retry"))),
        (Outcome::Failed, _) => Some(Failure::new(Kind::Rejected, format!("payment failed: {message}; nothing was charged"))),
        (Outcome::Pending, _) => Some(Failure::new(
            Kind::Pending,
            format!(
                "payment {reference} is PENDING: it may have gone through. Do NOT pay again; run `konnect status {reference}` after 5 minutes ({message})"
            ),
        )),
    }
    .map(|f| f.with_code(v.code.clone()).with_details(v.detail.clone()));
    if ctx.ui.json {
        let s = &v.settlement;
        let mut doc = json!({
            "ok": v.outcome == Outcome::Success,
            "outcome": v.outcome,
            "reference": reference,
            "transaction_id": s.transaction_id,
            "isp": isp.slug,
            "user": user,
            "package": {"id": package.id, "name": package.name, "amount": package.amount},
            "credits_consumed": s.credits_consumed,
            "credits_available": s.credits_available,
            "message": s.message,
            "detail": v.detail,
        });
        if let Some(f) = &failure {
            doc["error"] = render::failure_json(f)["error"].clone();
        }
        ctx.print_json(&doc);
    } else if let Ok(Some(row)) = journal.get(reference) {
        print!("{}", render::receipt(&row, 42));
    }
    if let Some(left) = v.settlement.credits_available {
        ctx.warn_low_balance("the balance left", left);
    }
    if let Some(f) = &failure {
        eprintln!("{}", render::failure_line(f));
    } else if !ctx.ui.json {
        ctx.ui.note(&format!(
            "{} paid; take {} from the customer.",
            console::style("✓").green().for_stderr(),
            package.amount.lakh()
        ));
    }
    Ok(ExitCode::from(v.exit_code()))
}
