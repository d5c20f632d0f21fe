//! The counter's books: balance, history, the day's report, receipts printed again.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::app::Ctx;
use crate::cli::{HistoryArgs, OutcomeFilter, ReceiptArgs, ReportArgs};
use crate::clock;
use crate::failure::Failure;
use crate::journal::{Filter, Payment, RowState};
use crate::money::Npr;
use crate::render;

pub fn balance(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
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

fn payment_json(p: &Payment) -> Value {
    json!({
        "reference": p.reference,
        "created_at": clock::rfc3339(p.created_ms),
        "settled_at": p.settled_ms.map(clock::rfc3339),
        "env": p.env,
        "isp": p.isp,
        "user": p.username,
        "customer_name": p.customer_name,
        "package": {"id": p.package_id, "name": p.package_name, "amount": p.amount},
        "outcome": p.outcome().as_str(),
        "state": p.state,
        "transaction_id": p.transaction_id,
        "credits_available": p.credits_available,
        "message": p.message,
    })
}

/// One CSV record, each cell neutralised and disarmed ([`crate::text::csv_cell`]).
pub(crate) fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| crate::text::csv_cell(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// Cuts text to a display width, marking the cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if console::measure_text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if console::measure_text_width(&out) + console::measure_text_width(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn pad(text: &str, width: usize) -> String {
    let t = fit(text, width);
    let w = console::measure_text_width(&t);
    format!("{t}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn history(ctx: &mut Ctx, args: HistoryArgs) -> anyhow::Result<ExitCode> {
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
    let filter = Filter {
        since_ms,
        until_ms,
        isp: args.isp.map(|i| i.slug.to_string()),
        username: args.user.clone(),
        states,
        limit: args.limit,
    };
    let journal = ctx.journal()?;
    let rows = journal.query(&filter)?;
    if ctx.ui.json {
        ctx.print_json(&json!({"ok": true, "payments": rows.iter().map(payment_json).collect::<Vec<_>>()}));
    } else if args.csv {
        println!(
            "reference,created_at,settled_at,env,isp,username,customer_name,package_id,package_name,amount,outcome,state,transaction_id,credits_available,message"
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
                ])
            );
        }
    } else if rows.is_empty() {
        println!("No payments match.");
    } else {
        // 16 + 1 + 7 + 1 + 15 + 1 + 13 + 1 + 15 + 1 + 8 = 79 columns.
        println!(
            "{:<16} {:<7} {:<15} {:<13} {:>15} {:<8}",
            "Date", "Outcome", "ISP", "User", "Amount", "Ref"
        );
        for p in &rows {
            println!(
                "{:<16} {:<7} {} {} {:>15} {:<8}",
                clock::local_time(p.created_ms),
                p.outcome().as_str(),
                pad(&p.isp, 15),
                pad(&p.username, 13),
                p.amount.lakh(),
                p.reference.chars().take(8).collect::<String>(),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Count and amount of a group of payments.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    count: u64,
    amount: Npr,
}

impl Tally {
    /// Adds one payment; a total too large to hold is an error, never a wrong figure.
    fn add(&mut self, amount: Npr) -> Result<(), Failure> {
        self.count += 1;
        self.amount = self.amount.checked_add(amount).ok_or_else(|| {
            Failure::internal(format!(
                "the total overflows after adding {}; check the journal for a wrong amount",
                amount.fixed2()
            ))
        })?;
        Ok(())
    }
}

pub fn report(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<ExitCode> {
    let date = args.date.unwrap_or_else(clock::today);
    let (start, end) = clock::day_bounds(date).ok_or_else(|| Failure::usage("--date is out of range"))?;
    let journal = ctx.journal()?;
    let rows = journal.query(&Filter {
        since_ms: Some(start),
        until_ms: Some(end),
        ..Filter::default()
    })?;
    let mut groups: BTreeMap<(String, &'static str), Tally> = BTreeMap::new();
    let mut totals: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for p in &rows {
        let outcome = p.outcome().as_str();
        groups
            .entry((p.isp.clone(), outcome))
            .or_default()
            .add(p.amount)?;
        totals.entry(outcome).or_default().add(p.amount)?;
    }
    let pending: Vec<&str> = rows
        .iter()
        .filter(|p| !p.is_settled())
        .map(|p| p.reference.as_str())
        .collect();
    let bs = render::bs_date(date);
    if ctx.ui.json {
        let group_list: Vec<Value> = groups
            .iter()
            .map(|((isp, outcome), t)| json!({"isp": isp, "outcome": outcome, "count": t.count, "amount": t.amount}))
            .collect();
        let total_map: serde_json::Map<String, Value> = ["success", "pending", "failed"]
            .iter()
            .map(|o| {
                let t = totals.get(o).copied().unwrap_or_default();
                (o.to_string(), json!({"count": t.count, "amount": t.amount}))
            })
            .collect();
        ctx.print_json(&json!({
            "ok": true, "date": date.to_string(), "date_bs": bs, "groups": group_list,
            "totals": total_map, "pending_references": pending,
        }));
    } else if args.csv {
        println!("isp,outcome,count,amount");
        for ((isp, outcome), t) in &groups {
            println!(
                "{}",
                csv_line(&[
                    isp.clone(),
                    outcome.to_string(),
                    t.count.to_string(),
                    t.amount.fixed2()
                ])
            );
        }
    } else {
        println!(
            "Report for {date}{}",
            bs.map(|b| format!(" ({b})")).unwrap_or_default()
        );
        if groups.is_empty() {
            println!("No payments on this day.");
        } else {
            println!("{:<16} {:<8} {:>6} {:>18}", "ISP", "Outcome", "Count", "Amount");
            for ((isp, outcome), t) in &groups {
                println!(
                    "{:<16} {:<8} {:>6} {:>18}",
                    isp,
                    outcome,
                    t.count,
                    t.amount.lakh()
                );
            }
            for o in ["success", "pending", "failed"] {
                let t = totals.get(o).copied().unwrap_or_default();
                println!("{:<16} {:<8} {:>6} {:>18}", "Total", o, t.count, t.amount.lakh());
            }
        }
        if !pending.is_empty() {
            println!("Pending (run `konnect reconcile`; do NOT pay again):");
            for r in &pending {
                println!("  {r}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn receipt(ctx: &mut Ctx, args: ReceiptArgs) -> anyhow::Result<ExitCode> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_it_must() {
        let line = csv_line(&["plain".into(), "a,b".into(), "say \"hi\"".into(), "=1+1".into()]);
        assert_eq!(line, "plain,\"a,b\",\"say \"\"hi\"\"\",'=1+1");
    }

    #[test]
    fn fit_measures_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert!(console::measure_text_width(&fit("चन्द्रमणि न्यौपाने", 6)) <= 6);
    }
}
