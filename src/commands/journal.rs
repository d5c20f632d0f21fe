//! `konnect journal copy --to JOURNAL`: a shop moving its SQLite journal into PostgreSQL (or a
//! copy into another file) keeps every row and reference; run again, it changes nothing.

use std::process::ExitCode;

use serde_json::json;

use crate::cli::JournalCommand;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::{self, Journal};

pub fn run(ctx: &mut Ctx, cmd: JournalCommand) -> anyhow::Result<ExitCode> {
    let JournalCommand::Copy { to } = cmd;
    let target = to.to_string_lossy();
    if journal::is_postgres(&to) && journal::postgres_url::has_password(&target) {
        return Err(Failure::usage(
            "a password in --to would be seen by others (shell history, ps); give it in PGPASSWORD or ~/.pgpass",
        )
        .into());
    }
    let from = ctx.journal_quiet()?;
    let into = Journal::open(&to, from.env())?;
    if into.path() == from.path() {
        return Err(Failure::usage("--to names the journal in use; give another one").into());
    }
    let done = from.copy_into(&into)?;
    let (shown_from, shown_to) = (
        from.path().display().to_string(),
        into.path().display().to_string(),
    );
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": done.differing.is_empty(), "from": shown_from, "to": shown_to,
            "copied": done.copied, "already_there": done.already, "differing": done.differing,
        }));
    } else {
        println!(
            "Copied {} payment(s) from {shown_from} to {shown_to}; {} were there already.",
            done.copied, done.already
        );
    }
    if done.differing.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    // Not an error of the command: the copy is done and kept; a person has to look at these.
    ctx.ui.warn(&format!(
        "{} payment(s) are in both journals with different contents and were left as they were: {}; compare them with `konnect status REF` against each journal",
        done.differing.len(),
        done.differing.join(", ")
    ));
    Ok(ExitCode::from(1))
}
