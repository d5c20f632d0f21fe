//! `konnect history`: the journal, newest first, as a table, CSV or JSON.

use std::process::ExitCode;

use serde_json::json;

use crate::cli::{HistoryArgs, OutcomeFilter};
use crate::clock;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::{Filter, RowState};
use crate::money::Npr;
use crate::render::{csv_line, pad, payment_json};

/// Payments a terminal shows when no day or limit is given: a year's journal is 100,000 rows.
const SHOWN: u32 = 100;

pub fn run(ctx: &mut Ctx, args: HistoryArgs) -> anyhow::Result<ExitCode> {
    let since_ms = match args.since {
        Some(d) => Some(
            clock::day_bounds(d)
                .ok_or_else(|| Failure::usage("--since is out of range"))?
                .0,
        ),
        None => None,
    };
    let until_ms = match args.until {
        Some(d) => Some(
            clock::day_bounds(d)
                .ok_or_else(|| Failure::usage("--until is out of range"))?
                .1,
        ),
        None => None,
    };
    let states = match args.outcome {
        Some(OutcomeFilter::Success) => vec![RowState::Success],
        Some(OutcomeFilter::Pending) => RowState::UNSETTLED.to_vec(),
        Some(OutcomeFilter::Failed) => vec![RowState::Failed],
        None => vec![],
    };
    // A terminal shows the newest payments unless told which; scripts (JSON, CSV) get all.
    let bounded = args.limit.is_some() || since_ms.is_some() || until_ms.is_some();
    let shown_at_most = (!bounded && !ctx.ui.json && !args.csv).then_some(SHOWN);
    let filter = Filter {
        since_ms,
        until_ms,
        isp: args.isp.map(|i| i.slug.to_string()),
        username: args.user.clone(),
        counter: args.at_counter.clone(),
        states,
        limit: args.limit.or(shown_at_most.map(|n| n + 1)),
    };
    let journal = ctx.journal()?;
    let mut rows = journal.query(&filter)?;
    if let Some(n) = shown_at_most.filter(|n| rows.len() > *n as usize) {
        rows.truncate(n as usize);
        ctx.ui
            .note(&crate::t!("history-newest", count = crate::i18n::number(n)));
    }
    if ctx.ui.json {
        ctx.print_json(&json!({"ok": true, "payments": rows.iter().map(payment_json).collect::<Vec<_>>()}));
    } else if args.csv {
        println!(
            "reference,created_at,settled_at,env,isp,username,customer_name,package_id,package_name,amount,outcome,state,transaction_id,credits_available,message,counter"
        );
        for p in &rows {
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            println!(
                "{}",
                csv_line(&[
                    p.reference.clone(),
                    clock::rfc3339(p.created_ms),
                    p.settled_ms.map(clock::rfc3339).unwrap_or_default(),
                    p.env.clone(),
                    p.isp.clone(),
                    p.username.clone(),
                    opt(&p.customer_name),
                    p.package_id.clone(),
                    opt(&p.package_name),
                    p.amount.fixed2(),
                    p.outcome().as_str().to_string(),
                    opt(&p.state),
                    opt(&p.transaction_id),
                    p.credits_available.map(Npr::fixed2).unwrap_or_default(),
                    opt(&p.message),
                    opt(&p.counter),
                ])
            );
        }
    } else if rows.is_empty() {
        println!("{}", crate::t!("history-none"));
    } else {
        let shorts = journal.short_references_of(rows.iter().map(|p| p.reference.as_str()))?;
        let width = crate::ui::stdout_columns();
        if width < 80 {
            // A narrow terminal (a phone's SSH, a split pane): two lines a payment, no table.
            for p in &rows {
                let short = shorts
                    .get(&p.reference)
                    .map_or(p.reference.as_str(), String::as_str);
                let counter = p.counter.as_deref().map(crate::text::clean).unwrap_or_default();
                let first = format!(
                    "{} {} {short} {counter}",
                    when(p.created_ms),
                    pad(&crate::render::outcome_word(p.outcome()), 7)
                );
                println!("{}", pad(&first, width).trim_end());
                let who = p.customer_name.as_deref().unwrap_or(&p.username);
                println!(
                    "{}",
                    pad(
                        &format!("  {} {who} · {}", crate::i18n::money(p.amount), p.isp),
                        width
                    )
                    .trim_end()
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
        // Rows from several counters name theirs, in room taken from the customer and ISP:
        // 16 + 1 + 7 + 1 + 18 + 1 + 10 + 1 + 14 + 1 + 10 = 80 columns at most either way.
        let several = rows.iter().any(|p| p.counter != rows[0].counter);
        let (who_w, isp_w) = if several { (12, 8) } else { (18, 10) };
        print!(
            "{} {} {} {} {} ",
            pad(&crate::t!("col-date"), 16),
            pad(&crate::t!("col-outcome"), 7),
            pad(&crate::t!("col-customer"), who_w),
            pad(&crate::t!("col-isp"), isp_w),
            crate::render::right(&crate::t!("col-amount"), 14)
        );
        let counter = format!("{} ", pad(&crate::t!("col-counter"), 7));
        println!(
            "{}{}",
            if several { counter.as_str() } else { "" },
            crate::t!("col-ref")
        );
        for p in &rows {
            let who = p.customer_name.as_deref().unwrap_or(&p.username);
            let short = shorts
                .get(&p.reference)
                .map_or(p.reference.as_str(), String::as_str);
            let counter = if several {
                format!(
                    "{} ",
                    pad(&crate::text::clean(p.counter.as_deref().unwrap_or("-")), 7)
                )
            } else {
                String::new()
            };
            println!(
                "{} {} {} {} {} {counter}{}",
                pad(&when(p.created_ms), 16),
                pad(&crate::render::outcome_word(p.outcome()), 7),
                pad(who, who_w),
                pad(&p.isp, isp_w),
                crate::render::right(&crate::i18n::money(p.amount), 14),
                short,
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// When a payment was made, as a person reads it: the local time, in Nepali its BS date.
fn when(ms: i64) -> String {
    let time = clock::local_time(ms);
    match (
        crate::i18n::lang(),
        clock::local_date(ms).and_then(crate::calendar::to_bs),
    ) {
        // The table has room for one date: the one a Nepali reader counts by (AD in --json, --csv).
        (crate::i18n::Lang::Ne, Some(bs)) => {
            crate::i18n::devanagari(&format!("{bs} {}", time.get(11..).unwrap_or(""))).into_owned()
        }
        _ => time,
    }
}
