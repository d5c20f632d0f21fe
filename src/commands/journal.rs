//! `konnect journal …`: moving a journal (`copy --to`), and the copies that protect a SQLite
//! journal from its PC (`backup`, `restore`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use crate::cli::JournalCommand;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::journal::{self, Journal, backup};

pub fn run(ctx: &mut Ctx, cmd: JournalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        JournalCommand::Copy { to } => copy(ctx, &to),
        JournalCommand::Backup { dest } => make_backup(ctx, dest),
        JournalCommand::Restore { src, force } => restore(ctx, &src, force),
    }
}

fn copy(ctx: &mut Ctx, to: &Path) -> anyhow::Result<ExitCode> {
    let target = to.to_string_lossy();
    if journal::is_postgres(to) && journal::postgres_url::has_password(&target) {
        return Err(Failure::usage(
            "a password in --to would be seen by others (shell history, ps); give it in PGPASSWORD or ~/.pgpass",
        )
        .into());
    }
    let from = ctx.journal_quiet()?;
    let into = Journal::open(to, from.env())?;
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

/// Where a backup goes: DEST as a new file, into DEST when it is a folder, else the folder
/// beside the journal; a stamped name in a folder.
/// Says whether the file is one [`backup::new_copy_path`] reserved.
fn destination(journal: &Path, dest: Option<PathBuf>) -> Result<(PathBuf, bool), Failure> {
    match dest {
        Some(d) if d.is_dir() => Ok((backup::new_copy_path(&d, backup::Kind::Manual)?, true)),
        Some(d) => {
            let parent = d.parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(p) = parent.filter(|p| !p.is_dir()) {
                return Err(Failure::usage(format!(
                    "the folder {} does not exist; create it or give another DEST",
                    p.display()
                )));
            }
            Ok((d, false))
        }
        None => {
            let dir = backup::folder(journal);
            crate::private::create_dir(&dir)
                .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
            Ok((backup::new_copy_path(&dir, backup::Kind::Manual)?, true))
        }
    }
}

fn make_backup(ctx: &mut Ctx, dest: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let location = ctx.settings.journal.value.clone();
    if journal::is_postgres(&location) {
        return Err(Failure::usage(backup::PG_DUMP).into());
    }
    let from = ctx.journal_quiet()?;
    let (dest, reserved) = destination(&location, dest)?;
    let written = from.backup_to(&dest, reserved)?;
    let shown = written.path.display().to_string();
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": true, "journal": from.path().display().to_string(), "path": shown,
            "rows": written.rows, "bytes": written.bytes,
        }));
    } else {
        println!(
            "Copied the journal ({} payment(s), {} KB, checked) to {shown}",
            written.rows,
            written.bytes.div_ceil(1024)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn restore(ctx: &mut Ctx, src: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let location = ctx.settings.journal.value.clone();
    let done = journal::restore::restore(&location, src, force)?;
    let kept = done.kept.as_ref().map(|k| k.display().to_string());
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": true, "journal": journal::shown(&location), "from": src.display().to_string(),
            "rows": done.rows, "kept": kept, "replaced": done.replaced,
        }));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Restored {} payment(s) from {} into {}.",
        done.rows,
        src.display(),
        journal::shown(&location)
    );
    if let Some(k) = &kept {
        println!("The journal as it was is kept in {k}");
    }
    if !done.replaced.is_empty() {
        ctx.ui.warn(&format!(
            "{} payment(s) the copy lacked are no longer in the journal; they are in the kept file: bring them back with `konnect --journal {} journal copy --to {}`",
            done.replaced.len(),
            kept.as_deref().unwrap_or("KEPT"),
            journal::shown(&location)
        ));
    }
    Ok(ExitCode::SUCCESS)
}
