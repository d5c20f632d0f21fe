//! Each setting read from where it may come from, in order: a flag, the environment, the
//! config file, a default; with where it came from, for `config show`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::config_file::{COUNTER_NAME_RULE, MAX_TOKEN_FILE_BYTES, is_counter_name, outside};
use super::{ConfigFile, DEFAULT_TIMEOUT, Env, EnvLookup, Overrides, Source, Sourced};
use crate::failure::Failure;
use crate::secret::Secret;

/// Where settings are read from besides the command line.
pub(super) struct Inputs<'a> {
    pub(super) flags: &'a Overrides,
    pub(super) env: EnvLookup<'a>,
    pub(super) config: &'a ConfigFile,
    pub(super) data_dir: &'a Path,
}

impl Inputs<'_> {
    /// An environment variable, when set to something other than blanks.
    fn var(&self, name: &'static str) -> Option<String> {
        (self.env)(name).filter(|v| !v.trim().is_empty())
    }

    pub(super) fn service_env(&self) -> Result<Sourced<Env>, Failure> {
        if let Some(e) = self.flags.env {
            return Ok(Sourced::new(e, Source::Flag("--env")));
        }
        if let Some(v) = self.var("KONNECT_ENV") {
            let e = Env::parse(&v).ok_or_else(|| Failure::usage("KONNECT_ENV must be test or live"))?;
            return Ok(Sourced::new(e, Source::EnvVar("KONNECT_ENV")));
        }
        if let Some(v) = &self.config.env {
            let e = Env::parse(v).ok_or_else(|| {
                Failure::auth("config env must be test or live; fix it with `konnect config set env test`")
            })?;
            return Ok(Sourced::new(e, Source::Config));
        }
        Ok(Sourced::new(Env::Test, Source::Default))
    }

    pub(super) fn base_url(&self, env: Env) -> Sourced<String> {
        if let Some(u) = &self.flags.base_url {
            Sourced::new(u.clone(), Source::Flag("--base-url"))
        } else if let Some(u) = self.var("KONNECT_BASE_URL") {
            Sourced::new(u, Source::EnvVar("KONNECT_BASE_URL"))
        } else if let Some(u) = &self.config.base_url {
            Sourced::new(u.clone(), Source::Config)
        } else {
            Sourced::new(env.default_url().to_string(), Source::Default)
        }
    }

    /// The token: the environment wins, then `--token-file` (private, capped), then the config.
    pub(super) fn token(&self) -> Result<Option<Sourced<Secret>>, Failure> {
        if let Some(t) = self.var("KONNECT_TOKEN") {
            return Ok(Some(Sourced::new(
                Secret::new(t),
                Source::EnvVar("KONNECT_TOKEN"),
            )));
        }
        if let Some(path) = &self.flags.token_file {
            return read_token_file(path).map(|t| Some(Sourced::new(t, Source::Flag("--token-file"))));
        }
        Ok(self
            .config
            .token
            .as_ref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| Sourced::new(Secret::new(t.clone()), Source::Config)))
    }

    /// `KONNECT_TIMEOUT_MS` is for tests only (not in `--help`): it lets them wait milliseconds,
    /// not the flag's one-second minimum.
    pub(super) fn timeout(&self) -> Sourced<Duration> {
        let test_ms = self
            .var("KONNECT_TIMEOUT_MS")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| (1..=600_000).contains(ms));
        match (self.flags.timeout, test_ms, self.config.timeout) {
            (Some(t), _, _) => Sourced::new(t, Source::Flag("--timeout")),
            (None, Some(ms), _) => {
                Sourced::new(Duration::from_millis(ms), Source::EnvVar("KONNECT_TIMEOUT_MS"))
            }
            (None, None, Some(s)) if (1..=600).contains(&s) => {
                Sourced::new(Duration::from_secs(s), Source::Config)
            }
            _ => Sourced::new(Duration::from_secs(DEFAULT_TIMEOUT), Source::Default),
        }
    }

    /// This counter's name: `--counter`, `KONNECT_COUNTER`, config `counter`, else the
    /// computer's name.
    /// A name given is checked (it goes on every row, receipt and report); the computer's
    /// name is taken as it is, cleaned.
    pub(super) fn counter(&self) -> Result<Sourced<String>, Failure> {
        let given = if let Some(c) = &self.flags.counter {
            Some(Sourced::new(c.clone(), Source::Flag("--counter")))
        } else if let Some(c) = self.var("KONNECT_COUNTER") {
            Some(Sourced::new(c, Source::EnvVar("KONNECT_COUNTER")))
        } else {
            outside(&self.config.counter).map(|c| Sourced::new(c, Source::Config))
        };
        if let Some(c) = given {
            if !is_counter_name(&c.value) {
                return Err(Failure::usage(format!(
                    "the counter name from {} {COUNTER_NAME_RULE}",
                    c.source
                )));
            }
            return Ok(c);
        }
        let host = self
            .var("COMPUTERNAME")
            .or_else(|| self.var("HOSTNAME"))
            .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
            .map(|h| crate::text::clean(h.trim()).into_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "counter".into());
        Ok(Sourced::new(host, Source::Default))
    }

    pub(super) fn ca_file(&self) -> Option<Sourced<PathBuf>> {
        if let Some(p) = self.var("KONNECT_CA_FILE") {
            return Some(Sourced::new(PathBuf::from(p), Source::EnvVar("KONNECT_CA_FILE")));
        }
        self.config
            .ca_file
            .clone()
            .map(|p| Sourced::new(p, Source::Config))
    }

    /// The sandbox keeps a journal of its own so that play money never mixes with real payments.
    pub(super) fn journal(&self) -> Sourced<PathBuf> {
        if let Some(p) = &self.flags.journal {
            Sourced::new(p.clone(), Source::Flag("--journal"))
        } else if self.flags.sandbox {
            Sourced::new(
                self.data_dir.join("sandbox").join("journal.sqlite3"),
                Source::Sandbox,
            )
        } else if let Some(p) = self.var("KONNECT_JOURNAL") {
            Sourced::new(PathBuf::from(p), Source::EnvVar("KONNECT_JOURNAL"))
        } else if let Some(p) = &self.config.journal {
            Sourced::new(p.clone(), Source::Config)
        } else {
            Sourced::new(self.data_dir.join("journal.sqlite3"), Source::Default)
        }
    }
}

/// Reads the first line of a token file that only its owner can read.
fn read_token_file(path: &Path) -> Result<Secret, Failure> {
    if let Some(mode) = crate::private::loose_mode(path) {
        return Err(Failure::auth(format!(
            "the token file {p} can be read by others (mode {mode:o}); run `chmod 600 {p}`",
            p = path.display()
        )));
    }
    let text = crate::private::read_capped(path, MAX_TOKEN_FILE_BYTES)
        .map_err(|e| Failure::auth(format!("cannot read the token file {}: {e}", path.display())))?;
    let first = text.lines().next().unwrap_or("").trim().to_string();
    if first.is_empty() {
        return Err(Failure::auth(format!(
            "the token file {} is empty",
            path.display()
        )));
    }
    Ok(Secret::new(first))
}
