//! The binary: parse, run, and map every ending to its documented exit code in one place.

use std::process::ExitCode;

use clap::Parser;
use konnect::cli::Cli;
use konnect::failure::{Failure, Kind};
use konnect::render;

fn main() -> ExitCode {
    // Like other Unix filters, end quietly when the reader goes away (`konnect history | head`).
    // Windows has no SIGPIPE: a closed pipe is a write error there.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A shell's Tab: answered before anything else can print, wait or install a handler.
    if let Some(code) = konnect::completion::answer_if_asked(&args) {
        return code;
    }
    let json = args.iter().any(|a| a == "--json");
    if let Some(json) = konnect::commands::version::asked_verbosely(&args) {
        return konnect::commands::version::run(json).unwrap_or(ExitCode::FAILURE);
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_ending(konnect::localized_help::in_its_language(e, &args), json),
    };
    konnect::interrupt::install_handler(json);
    match konnect::commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let failure = match err.downcast::<Failure>() {
                Ok(f) => f,
                Err(other) => Failure::internal(format!("{other:#}")),
            };
            if json {
                println!("{}", konnect::text::json_line(&render::failure_json(&failure)));
            }
            eprintln!("{}", render::failure_line(&failure));
            ExitCode::from(failure.kind.exit_code())
        }
    }
}

/// Help and version exit 0; every parse error is a usage error (2), as a JSON document too with --json.
fn clap_ending(e: clap::Error, json: bool) -> ExitCode {
    let _ = e.print();
    if !e.use_stderr() {
        return ExitCode::SUCCESS;
    }
    if json {
        let text = e.render().to_string();
        let first = text
            .lines()
            .next()
            .unwrap_or("invalid arguments")
            .trim_start_matches("error: ")
            .to_string();
        println!(
            "{}",
            konnect::text::json_line(&render::failure_json(&Failure::usage(first)))
        );
    }
    ExitCode::from(Kind::Usage.exit_code())
}
