//! `konnect lookup --users-from FILE`: many lookups over kept-alive connections, NDJSON out in
//! input order. A bad line becomes an `ok: false` line; it never stops the batch.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde_json::{Value, json};

use crate::app::Ctx;
use crate::cli::LookupArgs;
use crate::failure::{Failure, Kind};
use crate::isp::{self, Isp};
use crate::prompt::check_username;
use crate::render;

/// One input line: what to look up, or why it cannot be.
struct Entry {
    line: usize,
    user: String,
    job: Result<&'static Isp, Failure>,
}

fn parse_line(line_no: usize, text: &str, fixed: Option<&'static Isp>) -> Entry {
    let (isp, user) = match fixed {
        Some(i) => (Ok(i), text.trim()),
        None => match text.split_once(',') {
            Some((slug, user)) => (
                isp::resolve(slug).map_err(|e| Failure::usage(e.to_string())),
                user.trim(),
            ),
            None => (
                Err(Failure::usage("expected `isp,user` (or pass --isp)")),
                text.trim(),
            ),
        },
    };
    let job = isp.and_then(|i| check_username(user).map(|_| i).map_err(Failure::usage));
    Entry {
        line: line_no,
        user: user.to_string(),
        job,
    }
}

fn read_entries(args: &LookupArgs) -> Result<Vec<Entry>, Failure> {
    let path = args.users_from.clone().unwrap_or_default();
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&path)
            .map_err(|e| Failure::usage(format!("cannot read --users-from {}: {e}", path.display())))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut entries = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure::usage(format!("cannot read line {}: {e}", i + 1)))?;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        entries.push(parse_line(i + 1, t, args.isp));
    }
    Ok(entries)
}

pub fn run(ctx: &mut Ctx, args: LookupArgs) -> anyhow::Result<ExitCode> {
    let entries = read_entries(&args)?;
    let client = ctx.client()?;
    let workers = usize::from(args.jobs)
        .clamp(1, crate::api::MAX_WORKERS)
        .min(entries.len().max(1));
    let next = AtomicUsize::new(0);
    let bar = ctx.ui.progress(entries.len() as u64, "lookups");
    let (tx, rx) = mpsc::channel::<(usize, Value, Option<Kind>)>();
    let mut first_failure: Option<Kind> = None;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (tx, client, next, entries) = (tx.clone(), client.clone(), &next, &entries);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(e) = entries.get(i) else { break };
                    let result = e.job.clone().and_then(|isp| {
                        let reference = crate::reference::new();
                        client
                            .details(isp.slug, &e.user, &reference)
                            .map(|d| (isp, d))
                            .map_err(Failure::from)
                    });
                    let (doc, kind) = match result {
                        Ok((isp, d)) => (render::lookup_json(isp, &e.user, &d), None),
                        Err(f) => {
                            let mut doc = render::failure_json(&f);
                            doc["user"] = json!(e.user);
                            doc["line"] = json!(e.line);
                            (doc, Some(f.kind))
                        }
                    };
                    if tx.send((i, doc, kind)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print in input order as soon as each next line is ready.
        let mut pending: std::collections::BTreeMap<usize, (Value, Option<Kind>)> = Default::default();
        let mut printed = 0;
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for (i, doc, kind) in rx {
            bar.inc(1);
            pending.insert(i, (doc, kind));
            while let Some((doc, kind)) = pending.remove(&printed) {
                if first_failure.is_none() {
                    first_failure = kind;
                }
                let _ = writeln!(out, "{doc}");
                printed += 1;
            }
        }
        let _ = out.flush();
    });
    bar.finish_and_clear();
    Ok(ExitCode::from(first_failure.map(Kind::exit_code).unwrap_or(0)))
}
