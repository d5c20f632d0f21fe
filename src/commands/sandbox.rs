//! `konnect sandbox`: the built-in simulator served on its own, for other programs and people.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{GlobalArgs, SandboxArgs};
use crate::failure::Failure;
use crate::sandbox::{self, Sandbox};

/// Serves the simulator until killed, after printing its base URL and a test token on stdout.
pub fn run(global: &GlobalArgs, args: SandboxArgs) -> anyhow::Result<ExitCode> {
    if !crate::endpoint::is_loopback_addr(&args.addr) {
        return Err(Failure::usage(format!(
            "the sandbox listens on loopback only, not '{}'",
            args.addr
        ))
        .into());
    }
    let mut opts = sandbox::options_from_env(|k| std::env::var(k).ok()).map_err(Failure::usage)?;
    opts.state_file = args.state.clone();
    let sb = Sandbox::start(&args.addr, opts)
        .map_err(|e| Failure::usage(format!("cannot listen on {}: {e}", args.addr)))?;
    if global.json {
        println!(
            "{}",
            serde_json::json!({"ok": true, "base_url": sb.base_url(), "token": sandbox::TOKEN})
        );
    } else {
        println!("KONNECT_BASE_URL={}", sb.base_url());
        println!("KONNECT_TOKEN={}", sandbox::TOKEN);
    }
    std::io::stdout().flush()?;
    if !global.quiet {
        eprintln!("konnect sandbox: serving on {} (Ctrl-C to stop)", sb.base_url());
    }
    loop {
        std::thread::park();
    }
}
