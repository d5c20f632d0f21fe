//! `konnect lookup --users-from FILE`: many lookups over kept-alive connections, NDJSON out in
//! input order. A bad line becomes an `ok: false` line; it never stops the batch.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde_json::{Value, json};

use crate::cli::LookupArgs;
use crate::context::Ctx;
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

/// The longest input line taken: a username is short; a longer line is refused, not buffered.
const MAX_LINE: usize = 1024;
/// How much of one over-long line is skipped looking for its end before the input is given up.
const MAX_SKIP: u64 = 1024 * 1024;
/// The most lines one batch takes.
const MAX_LINES: usize = 100_000;

/// A line that cannot be looked up, as a failed NDJSON line of its own.
fn refused(line: usize, why: String) -> Entry {
    Entry {
        line,
        user: String::new(),
        job: Err(Failure::usage(why)),
    }
}

/// Skips the rest of an over-long line: true when its end (or the input's) was found in time.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<bool> {
    let mut rest = Vec::new();
    let mut budget = std::io::Read::take(reader, MAX_SKIP);
    loop {
        rest.clear();
        let n = budget.read_until(b'\n', &mut rest)?;
        if n == 0 {
            return Ok(budget.limit() > 0);
        }
        if rest.ends_with(b"\n") {
            return Ok(true);
        }
    }
}

/// Reads the lines in bounded memory: an over-long or non-UTF-8 line is a failed line, and an
/// input with no line ends at all (`/dev/zero`) is given up with an error.
fn read_entries(args: &LookupArgs) -> Result<Vec<Entry>, Failure> {
    // A batch cannot ask: an unknown --isp is an error before any line is read.
    let fixed = args
        .isp
        .as_ref()
        .map(crate::cli::IspArg::known)
        .transpose()
        .map_err(|e| Failure::usage(e.to_string()))?;
    let path = args.users_from.clone().unwrap_or_default();
    let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&path)
            .map_err(|e| Failure::usage(format!("cannot read --users-from {}: {e}", path.display())))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut entries = Vec::new();
    let mut buf = Vec::with_capacity(MAX_LINE + 1);
    for line_no in 1.. {
        buf.clear();
        let read_error = |e: std::io::Error| Failure::usage(format!("cannot read line {line_no}: {e}"));
        let n = std::io::Read::take(&mut reader, MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(read_error)?;
        if n == 0 {
            break;
        }
        if entries.len() >= MAX_LINES {
            return Err(Failure::usage(format!(
                "--users-from has more than {MAX_LINES} lines; split it"
            )));
        }
        if !buf.ends_with(b"\n") && buf.len() > MAX_LINE {
            if !skip_line(&mut *reader).map_err(read_error)? {
                return Err(Failure::usage(format!(
                    "--users-from: line {line_no} has no end within {MAX_SKIP} bytes; stopped (expected one username per line)"
                )));
            }
            entries.push(refused(
                line_no,
                format!("line {line_no} is longer than {MAX_LINE} bytes"),
            ));
            continue;
        }
        let Ok(text) = std::str::from_utf8(&buf) else {
            entries.push(refused(line_no, format!("line {line_no} is not UTF-8 text")));
            continue;
        };
        let t = text.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        entries.push(parse_line(line_no, t, fixed));
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
                let _ = writeln!(out, "{}", crate::text::json_line(&doc));
                printed += 1;
            }
        }
        let _ = out.flush();
    });
    bar.finish_and_clear();
    Ok(ExitCode::from(first_failure.map(Kind::exit_code).unwrap_or(0)))
}
