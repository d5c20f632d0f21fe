//! Where each setting comes from: flags, then environment, then the config file, then defaults.
//! The token is never a flag, and the checks that keep it safe run before any request.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::endpoint::{BaseUrl, Scheme};
use crate::failure::Failure;
use crate::money::Npr;
use crate::secret::Secret;

mod config_file;
mod inputs;
pub use config_file::{ConfigFile, RECEIPT_WIDTHS, SETTABLE_KEYS, Shop};
use config_file::{DEFAULT_RECEIPT_WIDTH, outside};
use inputs::Inputs;

pub const LIVE_URL: &str = "https://services.khalti.com";
pub const TEST_URL: &str = "https://uatservices.khalti.com";
const LIVE_HOST: &str = "services.khalti.com";
const TEST_HOST: &str = "uatservices.khalti.com";
const DEFAULT_TIMEOUT: u64 = 30;
/// How old a payment must be before "unknown reference" proves it was never charged: the
/// aggregator's own advice is to look a held payment up again after five minutes.
pub const DEFAULT_LOOKUP_GRACE_SECS: u64 = 5 * 60;
/// The longest grace a config may set (a day: the repeat guard's window).
pub(super) const MAX_LOOKUP_GRACE_SECS: u64 = 24 * 60 * 60;

/// Which service a command talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Env {
    Test,
    Live,
}

impl Env {
    pub fn label(self) -> &'static str {
        match self {
            Env::Test => "TEST",
            Env::Live => "LIVE",
        }
    }

    fn default_url(self) -> &'static str {
        match self {
            Env::Test => TEST_URL,
            Env::Live => LIVE_URL,
        }
    }

    pub fn parse(text: &str) -> Option<Env> {
        match text.trim().to_ascii_lowercase().as_str() {
            "test" | "uat" | "staging" => Some(Env::Test),
            "live" | "prod" | "production" => Some(Env::Live),
            _ => None,
        }
    }
}

/// Where a setting's value came from, as `config show` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    EnvVar(&'static str),
    Config,
    Default,
    Sandbox,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(name) => write!(f, "flag {name}"),
            Source::EnvVar(name) => write!(f, "environment ${name}"),
            Source::Config => f.write_str("config file"),
            Source::Default => f.write_str("default"),
            Source::Sandbox => f.write_str("--sandbox"),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Sourced<T> {
        Sourced { value, source }
    }
}

/// What the command line says, as plain values: settings know nothing of clap.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub env: Option<Env>,
    pub base_url: Option<String>,
    pub token_file: Option<PathBuf>,
    pub timeout: Option<Duration>,
    pub journal: Option<PathBuf>,
    pub counter: Option<String>,
    pub sandbox: bool,
    pub lang: Option<crate::i18n::Lang>,
    /// --verbose: the banner names the host too.
    pub verbose: bool,
}

/// Everything a command needs to know about where and how to talk, resolved once.
#[derive(Debug, Clone)]
pub struct Settings {
    pub env: Sourced<Env>,
    pub base_url: Sourced<String>,
    pub token: Option<Sourced<Secret>>,
    pub timeout: Sourced<Duration>,
    pub journal: Sourced<PathBuf>,
    /// An extra root certificate (PEM) to trust beside the system's.
    pub ca_file: Option<Sourced<PathBuf>>,
    /// Characters per receipt line (32, 42 or 48).
    pub receipt_width: usize,
    /// Daily copies of a SQLite journal kept beside it; 0: none made.
    pub backups_kept: u32,
    /// This counter's name in a shared journal.
    pub counter: Sourced<String>,
    /// The language a person reads: --lang, the config's `lang`, the locale, English.
    pub lang: Sourced<crate::i18n::Lang>,
    /// The digits Nepali text uses.
    pub digits: crate::i18n::Digits,
    pub shop: Shop,
    pub low_balance: Option<Npr>,
    /// See [`DEFAULT_LOOKUP_GRACE_SECS`].
    pub lookup_grace: Duration,
    pub config_path: PathBuf,
    pub data_dir: PathBuf,
    /// Set when the config file holds the token but others can read it (its mode).
    pub loose_config_mode: Option<u32>,
    pub sandbox: bool,
    /// --verbose was given.
    pub verbose: bool,
    /// What the config file holds that this konnect does not know, as a warning.
    pub config_warning: Option<String>,
}

/// The environment as a lookup function, so tests can resolve settings without touching the process.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The config file: `KONNECT_CONFIG`, else `konnect/config.toml` in the platform's config
/// folder (`$XDG_CONFIG_HOME` or `~/.config` on Linux, `%APPDATA%` on Windows, Application
/// Support on macOS).
/// The config file's `lang`, for `--help` (which speaks before the settings are resolved);
/// None when it says nothing, or cannot be read (the command then says why).
pub fn configured_lang(env: EnvLookup) -> Option<crate::i18n::Lang> {
    ConfigFile::load(&config_path(env)).ok()?.lang().ok().flatten()
}

pub fn config_path(env: EnvLookup) -> PathBuf {
    if let Some(p) = env("KONNECT_CONFIG").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let dir = directories::BaseDirs::new().map(|d| d.config_dir().to_path_buf());
    dir.unwrap_or_else(|| PathBuf::from("."))
        .join("konnect")
        .join("config.toml")
}

/// konnect's data folder (the journal, the sandbox's state): `KONNECT_DATA_DIR`, else
/// `konnect` in `$XDG_DATA_HOME` or `~/.local/share` on Linux, `%LOCALAPPDATA%` on Windows
/// (the journal stays on this PC, never roams), Application Support on macOS.
pub fn data_dir(env: EnvLookup) -> PathBuf {
    if let Some(p) = env("KONNECT_DATA_DIR").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let dir = directories::BaseDirs::new().map(|d| d.data_local_dir().to_path_buf());
    dir.unwrap_or_else(|| PathBuf::from(".")).join("konnect")
}

/// The journal a run would use and the environment whose rows it would see, resolved as
/// [`Settings::resolve`] does but without the token: what shell completion reads.
pub fn journal_to_read(flags: &Overrides, env: EnvLookup) -> Result<(PathBuf, &'static str), Failure> {
    let config = ConfigFile::load(&config_path(env))?;
    let data_dir = data_dir(env);
    let inputs = Inputs {
        flags,
        env,
        config: &config,
        data_dir: &data_dir,
    };
    let label = if flags.sandbox {
        Env::Test.label()
    } else {
        let service_env = inputs.service_env()?.value;
        label_of(&inputs.base_url(service_env).value, service_env)
    };
    Ok((inputs.journal().value, label))
}

/// The environment a base URL means: LIVE when it is the live host whatever --env says.
fn label_of(base_url: &str, env: Env) -> &'static str {
    if BaseUrl::parse(base_url).is_ok_and(|u| u.is_host(LIVE_HOST)) {
        "LIVE"
    } else {
        env.label()
    }
}

impl Settings {
    /// Resolves the command line's overrides, the environment and the config file, each in
    /// that order. Fails only on a broken config or token file.
    pub fn resolve(flags: &Overrides, env: EnvLookup) -> Result<Settings, Failure> {
        let config_path = config_path(env);
        let config = ConfigFile::load(&config_path)?;
        let data_dir = data_dir(env);
        let inputs = Inputs {
            flags,
            env,
            config: &config,
            data_dir: &data_dir,
        };
        let service_env = inputs.service_env()?;
        let journal = inputs.journal();
        if journal.source == Source::Flag("--journal")
            && crate::journal::is_postgres(&journal.value)
            && crate::journal::postgres_url::has_password(&journal.value.to_string_lossy())
        {
            return Err(Failure::usage(
                "a password in --journal would be seen by others (shell history, ps); give it in PGPASSWORD, ~/.pgpass or the config file's journal URL",
            ));
        }
        if journal.source == Source::Config
            && crate::journal::postgres_url::has_password(&journal.value.to_string_lossy())
            && let Some(mode) = crate::private::loose_mode(&config_path)
        {
            return Err(Failure::auth(format!(
                "the config file holds the journal's password but has mode {mode:o}; run `chmod 600 {}`",
                config_path.display()
            )));
        }
        let token = inputs.token()?;
        let loose_config_mode = match &token {
            Some(t) if t.source == Source::Config => crate::private::loose_mode(&config_path),
            _ => None,
        };
        Ok(Settings {
            base_url: inputs.base_url(service_env.value),
            env: service_env,
            token,
            timeout: inputs.timeout(),
            journal,
            ca_file: inputs.ca_file(),
            counter: inputs.counter()?,
            receipt_width: config
                .receipt_width
                .filter(|w| RECEIPT_WIDTHS.contains(w))
                .unwrap_or(DEFAULT_RECEIPT_WIDTH),
            shop: Shop {
                name: outside(&config.shop_name),
                address: outside(&config.shop_address),
                phone: outside(&config.shop_phone),
                pan: outside(&config.shop_pan),
            },
            backups_kept: config.backups_kept()?,
            lang: match (flags.lang, config.lang()?) {
                (Some(l), _) => Sourced::new(l, Source::Flag("--lang")),
                (None, Some(l)) => Sourced::new(l, Source::Config),
                (None, None) => Sourced::new(crate::i18n::Lang::of_system(env), Source::EnvVar("LANG")),
            },
            digits: config.digits()?,
            low_balance: config.low_balance()?,
            lookup_grace: config.lookup_grace()?,
            loose_config_mode,
            sandbox: flags.sandbox,
            verbose: flags.verbose,
            config_warning: config.unknown_keys_warning(&config_path),
            config_path,
            data_dir,
        })
    }

    /// Points the settings at a running sandbox, with its test token.
    pub fn use_sandbox(&mut self, base_url: String, token: &str) {
        self.env = Sourced::new(Env::Test, Source::Sandbox);
        self.base_url = Sourced::new(base_url, Source::Sandbox);
        self.token = Some(Sourced::new(Secret::new(token), Source::Sandbox));
        self.loose_config_mode = None;
    }

    /// The checks that must pass before the token goes anywhere; each failure says how to fix it.
    pub fn require_service(&self) -> Result<&Secret, Failure> {
        let Some(Sourced { value: token, .. }) = &self.token else {
            return Err(Failure::auth(
                "no token: set KONNECT_TOKEN, pass --token-file PATH, or run `konnect config set-token` (try --sandbox to play without one)",
            ));
        };
        if let Some(mode) = self.loose_config_mode {
            let p = self.config_path.display();
            return Err(Failure::auth(format!(
                "config file {p} holds the token but others can read it (mode {mode:o}); run `chmod 600 {p}`"
            )));
        }
        let url = self.endpoint()?;
        if url.scheme() == Scheme::Http && !url.is_loopback() {
            return Err(Failure::auth(format!(
                "refusing to send the token over plain http to {}; use an https:// base URL",
                url.host_port()
            )));
        }
        if url.is_host(LIVE_HOST) && token.is_test() {
            return Err(Failure::auth(
                "a TEST: token cannot pay on the live service; use the live token, or --env test for the staging server",
            ));
        }
        if url.is_host(TEST_HOST) && !token.is_test() {
            return Err(Failure::auth(
                "a live token must not be sent to the staging server; use a TEST: token there, or --env live",
            ));
        }
        Ok(token)
    }

    /// The base URL, parsed and checked; a bad one is a usage error that names where it came
    /// from but not its text (it may carry a password as user info).
    pub fn endpoint(&self) -> Result<BaseUrl, Failure> {
        let Sourced { value: text, source } = &self.base_url;
        BaseUrl::parse(text)
            .map_err(|e| Failure::usage(format!("the base URL from {source} {e}; fix it and try again")))
    }

    /// The `low_balance` threshold, when this balance is below it.
    pub fn low_balance_crossed(&self, balance: Npr) -> Option<Npr> {
        self.low_balance.filter(|low| balance < *low)
    }

    /// The banner's text: `TEST (not real money)`, `LIVE (real money)`.
    pub fn banner(&self) -> String {
        self.banner_in(crate::i18n::lang(), self.verbose)
    }

    /// The banner in `lang`, the host named when `with_host` or not Khalti's own: English and
    /// with the host in `doctor`'s JSON, which a language or --verbose must not change.
    pub fn banner_in(&self, lang: crate::i18n::Lang, with_host: bool) -> String {
        let said = |key: &str| crate::i18n::message_in(lang, key, &[]);
        let money = said(if self.is_live() {
            "banner-real"
        } else {
            "banner-not-real"
        });
        if self.sandbox {
            return format!("{} ({money})", said("banner-sandbox"));
        }
        // A cashier reads what the money is; the host only when it is not one of Khalti's own
        // (a base URL set by hand is worth a second look), or under --verbose.
        let host = match self.endpoint() {
            Ok(u) if (u.is_host(LIVE_HOST) || u.is_host(TEST_HOST)) && !with_host => None,
            Ok(u) => Some(u.host_port()),
            Err(_) => Some("an invalid base URL".into()),
        };
        match host {
            Some(h) => format!("{} ({money}, {h})", self.env_label()),
            None => format!("{} ({money})", self.env_label()),
        }
    }

    /// LIVE when the live host is the target whatever --env says, TEST otherwise.
    pub fn env_label(&self) -> &'static str {
        label_of(&self.base_url.value, self.env.value)
    }

    /// The look-up grace in milliseconds, as journal times count.
    pub fn lookup_grace_ms(&self) -> i64 {
        i64::try_from(self.lookup_grace.as_millis()).unwrap_or(i64::MAX)
    }

    pub fn is_live(&self) -> bool {
        self.env_label() == "LIVE"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn resolve(flags: Overrides, vars: &[(&str, &str)]) -> Result<Settings, Failure> {
        let dir = tempfile::tempdir().unwrap();
        let mut map: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        map.entry("KONNECT_CONFIG".into())
            .or_insert(dir.path().join("none.toml").display().to_string());
        map.insert("HOME".into(), dir.path().display().to_string());
        Settings::resolve(&flags, &|k| map.get(k).cloned())
    }

    fn base_url(url: &str) -> Overrides {
        Overrides {
            base_url: Some(url.into()),
            ..Overrides::default()
        }
    }

    fn live() -> Overrides {
        Overrides {
            env: Some(Env::Live),
            ..Overrides::default()
        }
    }

    fn refusal(flags: Overrides, token: &str) -> String {
        let s = resolve(flags, &[("KONNECT_TOKEN", token)]).unwrap();
        s.require_service().unwrap_err().message
    }

    #[test]
    fn precedence_flag_env_config_default() {
        let b = ("KONNECT_BASE_URL", "https://b.example");
        let s = resolve(base_url("https://a.example"), &[b]).unwrap();
        assert_eq!(
            s.base_url,
            Sourced::new("https://a.example".into(), Source::Flag("--base-url"))
        );
        let s = resolve(Overrides::default(), &[b]).unwrap();
        assert_eq!(s.base_url.source, Source::EnvVar("KONNECT_BASE_URL"));
        assert_eq!(resolve(live(), &[]).unwrap().base_url.value, LIVE_URL);
        let s = resolve(Overrides::default(), &[]).unwrap();
        assert_eq!(s.base_url.value, TEST_URL);
        assert_eq!(s.timeout, Sourced::new(Duration::from_secs(30), Source::Default));
        let s = resolve(Overrides::default(), &[("KONNECT_TIMEOUT_MS", "250")]).unwrap();
        assert_eq!(s.timeout.value, Duration::from_millis(250));
        let sandbox = Overrides {
            sandbox: true,
            ..Overrides::default()
        };
        let s = resolve(sandbox, &[("KONNECT_JOURNAL", "/elsewhere.sqlite3")]).unwrap();
        assert_eq!(
            s.journal.source,
            Source::Sandbox,
            "play money never lands in the real journal"
        );
    }

    #[test]
    fn refuses_unsafe_combinations() {
        assert!(refusal(live(), "TEST:abc").contains("TEST: token"));
        assert!(refusal(Overrides::default(), "abcdef").contains("live token"));
        assert!(refusal(base_url("http://example.com"), "TEST:abc").contains("plain http"));
        let local = resolve(
            base_url("http://127.0.0.1:8080"),
            &[("KONNECT_TOKEN", "TEST:abc")],
        )
        .unwrap();
        assert!(local.require_service().is_ok());
        let none = resolve(Overrides::default(), &[]).unwrap();
        assert!(
            none.require_service()
                .unwrap_err()
                .message
                .starts_with("no token")
        );
    }

    #[test]
    fn the_live_host_is_known_in_any_spelling() {
        for url in [
            "https://SERVICES.khalti.com",
            "https://services.khalti.com.",
            "https://services.khalti.com:443/",
        ] {
            let s = resolve(base_url(url), &[("KONNECT_TOKEN", "TEST:abc")]).unwrap();
            assert_eq!(s.env_label(), "LIVE", "{url}");
            assert!(
                refusal(base_url(url), "TEST:abc").contains("TEST: token"),
                "{url}"
            );
        }
    }

    #[test]
    fn a_bad_base_url_is_a_usage_error_that_does_not_echo_it() {
        let vars = [
            ("KONNECT_TOKEN", "TEST:abc"),
            ("KONNECT_BASE_URL", "https://me:secret@x.example"),
        ];
        let e = resolve(Overrides::default(), &vars)
            .unwrap()
            .require_service()
            .unwrap_err();
        assert_eq!(e.kind, crate::failure::Kind::Usage);
        assert!(
            e.message.contains("$KONNECT_BASE_URL") && !e.message.contains("secret"),
            "{}",
            e.message
        );
    }
}
