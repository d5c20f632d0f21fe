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
    let ctx = Ctx::new;
    match command {
        Command::Completions { shell } => completions::run(shell),
        Command::Version => version::run(global.json),
        #[cfg(feature = "sandbox")]
        Command::Sandbox(args) => sandbox::run(&global, args),
        Command::Lookup(args) => lookup::run(&mut ctx(global)?, args),
        Command::Pay(args) => pay::run(&mut ctx(global)?, args),
        Command::Counter(args) => counter::run(&mut ctx(global)?, args),
        Command::Status(args) => status::run(&mut ctx(global)?, &args.reference),
        Command::Reconcile => reconcile::run(&mut ctx(global)?),
        Command::Balance => balance::run(&mut ctx(global)?),
        Command::History(args) => history::run(&mut ctx(global)?, args),
        Command::Report(args) => report::run(&mut ctx(global)?, args),
        Command::Receipt(args) => receipt::run(&mut ctx(global)?, args),
        Command::Config(cmd) => config::run(&mut ctx(global)?, cmd),
        Command::Doctor => doctor::run(&mut ctx(global)?),
        Command::Journal(cmd) => journal::run(&mut ctx(global)?, cmd),
        Command::References => completions::references(&mut ctx(global)?),
    }
}
