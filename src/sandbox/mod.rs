//! The built-in simulator of the service, on loopback: what the test suite pays against, and
//! what anyone can try konnect on without credentials.

pub mod chaos;
mod customers;
pub mod http;
pub mod sim;
pub mod tls;

use std::io;
use std::sync::Arc;
use std::time::Duration;

pub use http::{Reply, Request, Server};
pub use sim::{Options, Simulator, State};

use crate::money::Npr;

/// The token printed by `konnect sandbox` and used by `--sandbox`; the sandbox takes any `TEST:` token.
pub const TOKEN: &str = "TEST:sandbox-not-a-real-token";

/// A running sandbox: the server and the simulator behind it.
pub struct Sandbox {
    server: Server,
    sim: Arc<Simulator>,
}

impl Sandbox {
    pub fn start(addr: &str, opts: Options) -> io::Result<Sandbox> {
        Sandbox::serve(addr, opts, None)
    }

    /// The simulator over HTTPS, with a certificate signed by `authority`.
    pub fn start_tls(
        addr: &str,
        opts: Options,
        authority: &tls::Authority,
        leaf: tls::Leaf,
    ) -> io::Result<Sandbox> {
        let config = authority.server(leaf, &[]).map_err(io::Error::other)?;
        Sandbox::serve(addr, opts, Some(config))
    }

    fn serve(addr: &str, opts: Options, tls: Option<Arc<rustls::ServerConfig>>) -> io::Result<Sandbox> {
        let sim = Arc::new(Simulator::new(opts));
        let handler_sim = sim.clone();
        let handler: http::Handler = Arc::new(move |req: &Request| handler_sim.handle(req));
        let server = match tls {
            Some(config) => Server::spawn_tls(addr, handler, config)?,
            None => Server::spawn(addr, handler)?,
        };
        Ok(Sandbox { server, sim })
    }

    pub fn base_url(&self) -> String {
        self.server.base_url()
    }

    pub fn state(&self) -> State {
        self.sim.state()
    }
}

/// Options from `KONNECT_SANDBOX_SLOW_SECS`, `KONNECT_SANDBOX_SETTLE_SECS`, `KONNECT_SANDBOX_LATE_SECS`,
/// `KONNECT_SANDBOX_HOLD`, `KONNECT_SANDBOX_CREDITS` and `KONNECT_SANDBOX_CHAOS[_RATES]`,
/// so that tests can make the faults quick without flags on every command.
pub fn options_from_env(get: impl Fn(&str) -> Option<String>) -> Result<Options, String> {
    let mut opts = Options::default();
    let secs = |name: &str| -> Result<Option<Duration>, String> {
        get(name)
            .map(|v| {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0 && *s < 86_400.0)
                    .map(Duration::from_secs_f64)
                    .ok_or(format!("{name} must be a number of seconds under a day"))
            })
            .transpose()
    };
    if let Some(d) = secs("KONNECT_SANDBOX_SLOW_SECS")? {
        opts.slow = d;
    }
    if let Some(d) = secs("KONNECT_SANDBOX_SETTLE_SECS")? {
        opts.settle = d;
    }
    if let Some(d) = secs("KONNECT_SANDBOX_LATE_SECS")? {
        opts.late = d;
    }
    if let Some(h) = get("KONNECT_SANDBOX_HOLD") {
        opts.hold = h
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= 64)
            .ok_or(format!(
                "KONNECT_SANDBOX_HOLD must be a count from 0 to 64, not '{h}'"
            ))?;
    }
    opts.chaos = chaos::Chaos::from_env(&get)?;
    if let Some(c) = get("KONNECT_SANDBOX_CREDITS") {
        opts.credits =
            Npr::parse_typed(&c).map_err(|_| "KONNECT_SANDBOX_CREDITS must be an amount".to_string())?;
    }
    Ok(opts)
}
