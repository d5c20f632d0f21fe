//! `konnect report`: a day's totals per ISP and outcome, and the payments still pending.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::api::Outcome;
use crate::cli::ReportArgs;
use crate::clock;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::{Filter, Payment};
use crate::money::Npr;
use crate::render::{self, csv_line};

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

/// A group's tally for one outcome (nothing yet is a zero tally).
fn tally(by: &BTreeMap<&'static str, Tally>, outcome: &str) -> Tally {
    by.get(outcome).copied().unwrap_or_default()
}

/// What to do about a payment that did not go through, as the cashier is told everywhere: a
/// pending one can be looked up conclusively once its answer was due and the grace is over.
/// In `lang`: English in the JSON document, the run's language on a terminal.
fn instruction(lang: crate::i18n::Lang, p: &Payment, short: &str, grace_ms: i64) -> String {
    let after = (!p.is_settled()).then(|| p.answer_due_ms().saturating_add(grace_ms));
    crate::render::cash_in(lang, crate::decide::End::of(p.outcome()), p.amount, short, after)
}

pub fn run(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<ExitCode> {
    let date = args.date.unwrap_or_else(clock::today);
    let (start, end) = clock::day_bounds(date).ok_or_else(|| Failure::usage("--date is out of range"))?;
    let journal = ctx.journal()?;
    let grace = ctx.settings.lookup_grace_ms();
    let width = crate::ui::stdout_columns();
    let rows = journal.query(&Filter {
        since_ms: Some(start),
        until_ms: Some(end),
        counter: args.at_counter.clone(),
        ..Filter::default()
    })?;
    let mut groups: BTreeMap<(String, &'static str), Tally> = BTreeMap::new();
    let mut totals: BTreeMap<&'static str, Tally> = BTreeMap::new();
    // Each counter has a drawer of its own: its totals, by outcome.
    let mut counters: BTreeMap<String, BTreeMap<&'static str, Tally>> = BTreeMap::new();
    for p in &rows {
        let outcome = p.outcome().as_str();
        counters
            .entry(p.counter.clone().unwrap_or_else(|| "-".into()))
            .or_default()
            .entry(outcome)
            .or_default()
            .add(p.amount)?;
        groups
            .entry((p.isp.clone(), outcome))
            .or_default()
            .add(p.amount)?;
        totals.entry(outcome).or_default().add(p.amount)?;
    }
    let shorts = journal.short_references_of(rows.iter().map(|p| p.reference.as_str()))?;
    let short = |p: &Payment| {
        shorts
            .get(&p.reference)
            .cloned()
            .unwrap_or_else(|| p.reference.clone())
    };
    let open: Vec<&Payment> = rows.iter().filter(|p| p.outcome() != Outcome::Success).collect();
    let drawer = tally(&totals, "success");
    let held = tally(&totals, "pending");
    let bs = render::bs_date(date);
    if ctx.ui.json {
        let group_list: Vec<Value> = groups
            .iter()
            .map(|((isp, outcome), t)| json!({"isp": isp, "outcome": outcome, "count": t.count, "amount": t.amount}))
            .collect();
        let total_map: serde_json::Map<String, Value> = ["success", "pending", "failed"]
            .iter()
            .map(|o| {
                let t = tally(&totals, o);
                (o.to_string(), json!({"count": t.count, "amount": t.amount}))
            })
            .collect();
        let open_list: Vec<Value> = open
            .iter()
            .map(|p| json!({"reference": p.reference, "short_reference": short(p), "outcome": p.outcome(), "customer_name": p.customer_name,
                            "user": p.username, "isp": p.isp, "amount": p.amount, "counter": p.counter,
                            "instruction": instruction(crate::i18n::Lang::En, p, &short(p), grace)}))
            .collect();
        let counter_list: Vec<Value> = counters
            .iter()
            .map(|(name, by)| {
                let t = |o: &str| tally(by, o);
                let mut entry = json!({"counter": name, "cash_in_drawer": t("success").amount});
                for o in ["success", "pending", "failed"] {
                    entry[o] = json!({"count": t(o).count, "amount": t(o).amount});
                }
                entry
            })
            .collect();
        let pending: Vec<&str> = open
            .iter()
            .filter(|p| !p.is_settled())
            .map(|p| p.reference.as_str())
            .collect();
        ctx.print_json(&json!({
            "ok": true, "date": date.to_string(), "date_bs": bs, "groups": group_list,
            "totals": total_map, "cash_in_drawer": drawer.amount,
            "held_for_pending": held.amount,
            "counters": counter_list, "at_counter": args.at_counter, "not_paid": open_list, "pending_references": pending,
        }));
    } else if args.csv {
        let day = [date.to_string(), bs.clone().unwrap_or_default()];
        // The last column names the counter on its own TOTAL rows; empty on the shop's.
        println!("date,date_bs,isp,outcome,count,amount,counter");
        for ((isp, outcome), t) in &groups {
            let cells = [
                &day[..],
                &[
                    isp.clone(),
                    outcome.to_string(),
                    t.count.to_string(),
                    t.amount.fixed2(),
                    String::new(),
                ],
            ]
            .concat();
            println!("{}", csv_line(&cells));
        }
        // The TOTAL rows: the shop's first, then each counter's (named in the last column).
        let total_rows = |by: &BTreeMap<&'static str, Tally>, counter: &str| {
            for o in ["success", "pending", "failed"] {
                let t = tally(by, o);
                let total = [
                    "TOTAL".into(),
                    o.to_string(),
                    t.count.to_string(),
                    t.amount.fixed2(),
                    counter.to_string(),
                ];
                println!("{}", csv_line(&[&day[..], &total].concat()));
            }
        };
        total_rows(&totals, "");
        for (name, by) in &counters {
            total_rows(by, name);
        }
    } else {
        let (first, second) = render::dates_shown(&date.to_string(), Some(date));
        let day = match second {
            Some(other) => format!("{first} ({other})"),
            None => first,
        };
        let title = match &args.at_counter {
            Some(c) => crate::t!(
                "report-title-counter",
                date = day,
                counter = crate::text::clean(c)
            ),
            None => crate::t!("report-title", date = day),
        };
        println!("{title}");
        if groups.is_empty() {
            println!("{}", crate::t!("report-none"));
        } else {
            // 16 + 8 + 6 + 18 (and spaces) = 51 columns; 12 + 7 + 3 + 14 = 39 on a narrow terminal.
            let [isp_w, out_w, count_w, amount_w] = if width < 51 {
                [12, 7, 3, 14]
            } else {
                [16, 8, 6, 18]
            };
            let row = |isp: &str, outcome: &str, count: String, amount: String| {
                println!(
                    "{} {} {} {}",
                    render::pad(isp, isp_w),
                    render::pad(outcome, out_w),
                    render::right(&count, count_w),
                    render::right(&amount, amount_w)
                );
            };
            let word = render::state_word;
            let n = crate::i18n::number;
            row(
                &crate::t!("col-isp"),
                &crate::t!("col-outcome"),
                crate::t!(if width < 51 {
                    "col-count-short"
                } else {
                    "col-count"
                }),
                crate::t!("col-amount"),
            );
            for ((isp, outcome), t) in &groups {
                row(isp, &word(outcome), n(t.count), crate::i18n::money(t.amount));
            }
            for o in ["success", "pending", "failed"] {
                let t = tally(&totals, o);
                row(
                    &crate::t!("report-total"),
                    &word(o),
                    n(t.count),
                    crate::i18n::money(t.amount),
                );
            }
        }
        let n = crate::i18n::number;
        let cash = crate::t!(
            "report-drawer",
            amount = crate::i18n::money(drawer.amount),
            count = n(drawer.count)
        );
        let held_line = (held.count > 0).then(|| {
            crate::t!(
                "report-held",
                amount = crate::i18n::money(held.amount),
                count = n(held.count)
            )
        });
        // A line wrapped at words to the terminal, its later parts two further in.
        let print_wrapped = |line: &str, indent: &str| {
            for part in crate::text::hanging(indent, &format!("{indent}  "), line, width) {
                println!("{part}");
            }
        };
        print_wrapped(&cash, "");
        if counters.len() > 1 {
            for (name, by) in &counters {
                let t = tally(by, "success");
                println!(
                    "  {}",
                    crate::t!(
                        "report-at",
                        counter = render::pad(&crate::text::clean(name), 16).trim_end(),
                        amount = crate::i18n::money(t.amount),
                        count = n(t.count)
                    )
                );
            }
        }
        if let Some(line) = held_line {
            print_wrapped(&line, "");
        }
        for p in &open {
            let who = p.customer_name.as_deref().unwrap_or(&p.username);
            let at = match &p.counter {
                Some(c) if counters.len() > 1 => {
                    format!(
                        " {}",
                        crate::t!("report-open-at", counter = crate::text::clean(c))
                    )
                }
                _ => String::new(),
            };
            let line = format!(
                "{} {} {} {} {}{at}: {}",
                crate::render::outcome_word(p.outcome()).to_uppercase(),
                short(p),
                crate::render::pad(who, 18).trim_end(),
                p.isp,
                crate::i18n::money(p.amount),
                instruction(crate::i18n::lang(), p, &short(p), grace)
            );
            print_wrapped(&line, "  ");
        }
    }
    Ok(ExitCode::SUCCESS)
}
