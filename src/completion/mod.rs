//! Tab completion. `konnect completions SHELL` prints clap_complete's registration script; on
//! each Tab it calls konnect back as `KONNECT_COMPLETE=SHELL konnect -- WORDS…`, and one engine
//! (clap_complete's) answers every shell from the command's own definition, with the values
//! only the journal knows (references, customers, days) added here. Never the network, never
//! the token, and silent on any trouble: a completion must not print into a command line.

mod journal_values;
mod line;
mod reply;
mod shell_words;

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use clap::CommandFactory;
use clap_complete::ArgValueCompleter;
use clap_complete::env::Shells;

use crate::cli::Cli;
use journal_values::Order;
pub use line::Line;
use reply::Reply;

/// The variable the registration scripts set when they ask for candidates.
pub const VAR: &str = "KONNECT_COMPLETE";

/// The script that makes `shell` ask konnect on Tab (`source <(konnect completions bash)`).
pub fn registration(shell: clap_complete::Shell) -> Vec<u8> {
    registration_named(&shell.to_string())
}

/// zsh's script is ours: clap_complete's lets `_describe` sort the candidates, and the order
/// (unsettled first, newest first) is the point.
const ZSH: &str = include_str!("konnect.zsh");
/// bash's script is ours: clap_complete's hands over bash's words, which lose `--env=test`
/// and the word after the cursor ([`shell_words`]).
const BASH: &str = include_str!("konnect.bash");

fn registration_named(shell: &str) -> Vec<u8> {
    match Reply::for_shell(shell) {
        Some(Reply::Zsh) => return ZSH.as_bytes().to_vec(),
        Some(Reply::Bash) => return BASH.as_bytes().to_vec(),
        _ => {}
    }
    let mut out = Vec::new();
    if let Some(completer) = Shells::builtins().completer(shell) {
        // The program is found on PATH, as the cashier types it, wherever it is installed.
        let _ = completer.write_registration(VAR, "konnect", "konnect", "konnect", &mut out);
    }
    out
}

/// Answers the shell when it asked (`KONNECT_COMPLETE` set and the words after `--`, as the
/// scripts call it, or nothing: the script itself), else None and the run goes on: a
/// variable left exported must never turn `konnect pay …` into a silent success.
/// Nothing but the answer is ever written: a panic is swallowed, stderr stays untouched.
pub fn answer_if_asked(args: &[OsString]) -> Option<ExitCode> {
    let shell = std::env::var(VAR).ok()?;
    if shell.is_empty() || shell == "0" || args.get(1).is_some_and(|a| a != "--") {
        return None;
    }
    std::panic::set_hook(Box::new(|_| {}));
    let out = std::panic::catch_unwind(|| answer(&shell, args))
        .ok()
        .flatten()
        .unwrap_or_default();
    let _ = std::io::stdout().write_all(&out);
    Some(ExitCode::SUCCESS)
}

/// The candidates for the word under the cursor, in the shell's form; without words (a
/// person typing `KONNECT_COMPLETE=bash konnect`), the registration script.
fn answer(shell: &str, args: &[OsString]) -> Option<Vec<u8>> {
    let reply = Reply::for_shell(shell)?;
    if args.len() < 2 {
        return Some(registration_named(shell));
    }
    let (words, index) = reply.words(&args[2..])?;
    if index == 0 {
        return None;
    }
    let line = Arc::new(Line::new(&words, index));
    let mut cmd = with_journal_values(Cli::command(), &line);
    // After a mistyped command (`konnect recept ⇥`), nothing: the commands again would
    // make `konnect recept receipt`.
    let before = cmd.try_get_matches_from_mut(&words[..index]);
    if before.is_err_and(|e| e.kind() == clap::error::ErrorKind::InvalidSubcommand) {
        return None;
    }
    let here = std::env::current_dir().ok();
    let mut candidates = clap_complete::engine::complete(&mut cmd, words, index, here.as_deref()).ok()?;
    // As zsh and fish do, flags wait for a `-`: a bare Tab offers the values and commands.
    // Where a reference, customer or day goes, never a flag: with none in the journal, a
    // bash Tab would fill in `--`.
    let is_flag = |c: &clap_complete::CompletionCandidate| c.get_value().to_string_lossy().starts_with('-');
    if line.current().is_empty() && (line.asked() || candidates.iter().any(|c| !is_flag(c))) {
        candidates.retain(|c| !is_flag(c));
    }
    // A flag given already is not offered again, in either spelling, unless it counts.
    let given = given_once(&cmd, &line);
    candidates.retain(|c| !given.iter().any(|g| c.get_value() == g.as_str()));
    Some(reply.write(&candidates, line.current()).into_bytes())
}

/// The flags of `cmd` and its commands that the line gives already and that are taken once,
/// in both spellings (`--yes`, `-y`); `-v -v` counts, and stays on offer.
fn given_once(cmd: &clap::Command, line: &Line) -> Vec<String> {
    use clap::ArgAction::{Append, Count};
    let mut given = Vec::new();
    for arg in cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_action(), Append | Count))
    {
        let long = arg.get_long().map(|l| format!("--{l}"));
        let short = arg.get_short();
        if long.as_deref().is_some_and(|l| line.gives(l)) || short.is_some_and(|s| line.gives_short(s)) {
            given.extend(long);
            given.extend(short.map(|s| format!("-{s}")));
        }
    }
    for sub in cmd.get_subcommands() {
        given.extend(given_once(sub, line));
    }
    given
}

/// The command with the journal's values attached to the arguments that take them.
fn with_journal_values(cmd: clap::Command, line: &Arc<Line>) -> clap::Command {
    let values = |f: fn(&Line, &str) -> Vec<clap_complete::CompletionCandidate>| {
        let line = Arc::clone(line);
        ArgValueCompleter::new(move |typed: &OsStr| f(line.ask(), &typed.to_string_lossy()))
    };
    let status = |l: &Line, t: &str| journal_values::references(l, Order::UnsettledFirst, t);
    let receipt = |l: &Line, t: &str| journal_values::references(l, Order::Newest, t);
    cmd.mut_subcommand("status", |c| c.mut_arg("reference", |a| a.add(values(status))))
        .mut_subcommand("receipt", |c| c.mut_arg("reference", |a| a.add(values(receipt))))
        .mut_subcommand("pay", |c| {
            c.mut_arg("user", |a| a.add(values(journal_values::customers)))
        })
        .mut_subcommand("lookup", |c| {
            c.mut_arg("user", |a| a.add(values(journal_values::customers)))
        })
        .mut_subcommand("history", |c| {
            c.mut_arg("user", |a| a.add(values(journal_values::customers)))
                .mut_arg("since", |a| a.add(values(journal_values::days)))
                .mut_arg("until", |a| a.add(values(journal_values::days)))
        })
        .mut_subcommand("report", |c| {
            c.mut_arg("date", |a| a.add(values(journal_values::days)))
        })
}
