//! `konnect completions SHELL`: the script that makes a shell ask konnect on Tab (see
//! [`crate::completion`]): commands, flags, ISP slugs, and the journal's references,
//! customers and days.

use std::io::Write;
use std::process::ExitCode;

/// Prints the shell's registration script.
pub fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    std::io::stdout().write_all(&crate::completion::registration(shell))?;
    Ok(ExitCode::SUCCESS)
}
