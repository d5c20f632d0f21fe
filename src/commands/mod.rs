//! The commands, one module each, and the one place that dispatches to them. They return exit
//! codes or [`crate::failure::Failure`]s. What several share lives in a module of its own
//! (`rows`: finding and settling a payment's row), never inside another command.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::context::Ctx;

pub mod balance;
pub mod batch;
pub mod completions;
pub mod config;
pub mod counter;
pub mod doctor;
pub mod history;
pub mod journal;
pub mod lookup;
pub mod pay;
pub mod receipt;
pub mod reconcile;
pub mod report;
mod rows;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod status;
pub mod version;

#[cfg(test)]
mod output_safety;

/// Runs the parsed command. Failures come back as [`Failure`] (or any error, mapped to internal).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Cli { global, command } = cli;
    match command {
        Command::Completions { shell } => return completions::run(shell),
        Command::Version => return version::run(global.json),
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => return sandbox::run(&global, args),
        _ => {}
    }
    let mut ctx = Ctx::new(global)?;
    let ctx = &mut ctx;
    let done = match command {
        Command::Lookup(args) => lookup::run(ctx, args),
        Command::Pay(args) => pay::run(ctx, args),
        Command::Counter(args) => counter::run(ctx, args),
        Command::Status(args) => status::run(ctx, &args.reference),
        Command::Reconcile => reconcile::run(ctx),
        Command::Balance => balance::run(ctx),
        Command::History(args) => history::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Receipt(args) => receipt::run(ctx, args),
        Command::Config(cmd) => config::run(ctx, cmd),
        Command::Doctor => doctor::run(ctx),
        // Its own copies are what it makes; a restore must not be followed by a copy of it.
        Command::Journal(cmd) => return journal::run(ctx, cmd),
        Command::Completions { .. } | Command::Version => unreachable!("handled above"),
        #[cfg(feature = "sandbox")]
        Command::Sandbox(_) => unreachable!("handled above"),
    };
    ctx.daily_copy();
    done
}
