//! `konnect sandbox`: the built-in simulator served on its own, for other programs and people.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{GlobalArgs, SandboxArgs};
use crate::failure::Failure;
use crate::sandbox::tls::{Authority, Leaf};
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
    let listen_error = |e: std::io::Error| Failure::usage(format!("cannot listen on {}: {e}", args.addr));
    let (sb, ca_file) = if args.tls {
        let authority =
            Authority::new().map_err(|e| Failure::internal(format!("cannot make a certificate: {e}")))?;
        let ca_file = write_ca(&authority)?;
        let sb = Sandbox::start_tls(&args.addr, opts, &authority, Leaf::Valid).map_err(listen_error)?;
        (sb, Some(ca_file))
    } else {
        (Sandbox::start(&args.addr, opts).map_err(listen_error)?, None)
    };
    if global.json {
        let doc = serde_json::json!({"ok": true, "base_url": sb.base_url(), "token": sandbox::TOKEN, "ca_file": ca_file});
        println!("{doc}");
    } else {
        println!("KONNECT_BASE_URL={}", sb.base_url());
        println!("KONNECT_TOKEN={}", sandbox::TOKEN);
        if let Some(ca) = &ca_file {
            println!("KONNECT_CA_FILE={}", ca.display());
        }
    }
    std::io::stdout().flush()?;
    if !global.quiet {
        eprintln!("konnect sandbox: serving on {} (Ctrl-C to stop)", sb.base_url());
    }
    loop {
        std::thread::park();
    }
}

/// Writes the sandbox's CA certificate where a client can be pointed at it (`ca_file`).
fn write_ca(authority: &Authority) -> Result<std::path::PathBuf, Failure> {
    let dir = crate::settings::data_dir(&|k| std::env::var(k).ok()).join("sandbox");
    let path = dir.join(format!("ca-{}.pem", std::process::id()));
    let fail = |e: std::io::Error| Failure::internal(format!("cannot write {}: {e}", path.display()));
    crate::private::create_dir(&dir).map_err(fail)?;
    std::fs::write(&path, authority.pem()).map_err(fail)?;
    Ok(path)
}
