//! One run's context: settings resolved once, and what a run shares (the sandbox, the client,
//! the banner, the journal) in one place. It sits below the commands and knows none of them.

use serde_json::Value;

use crate::api::Client;
use crate::cli::GlobalArgs;
use crate::failure::Failure;
use crate::isp::Isp;
use crate::journal::Journal;
use crate::prompt;
#[cfg(feature = "sandbox")]
use crate::sandbox::{self, Sandbox};
use crate::settings::Settings;
use crate::ui::Ui;

/// What every command is handed.
pub struct Ctx {
    pub global: GlobalArgs,
    pub settings: Settings,
    pub ui: Ui,
    #[cfg(feature = "sandbox")]
    sandbox: Option<Sandbox>,
    banner_shown: bool,
    /// The unsettled-payments warning is said once per run.
    unsettled_warned: bool,
    /// A journal was opened: the daily copy is due a look when the command ends.
    journal_used: bool,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Result<Ctx, Failure> {
        let env = |k: &str| std::env::var(k).ok();
        let settings = Settings::resolve(&global.overrides(), &env)?;
        crate::i18n::set(settings.lang.value, settings.digits);
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let mut ui = Ui::new(&global, no_color);
        ui.limit = Some(settings.timeout.value);
        if let Some(w) = &settings.config_warning {
            ui.warn(w);
        }
        Ok(Ctx {
            global,
            settings,
            ui,
            #[cfg(feature = "sandbox")]
            sandbox: None,
            banner_shown: false,
            unsettled_warned: false,
            journal_used: false,
        })
    }

    /// Without the `sandbox` feature, `--sandbox` is refused plainly.
    #[cfg(not(feature = "sandbox"))]
    pub(crate) fn ensure_sandbox(&mut self) -> Result<(), Failure> {
        if self.settings.sandbox {
            return Err(Failure::usage(
                "this konnect was built without the sandbox (cargo feature `sandbox`)",
            ));
        }
        Ok(())
    }

    /// Starts the in-process sandbox for `--sandbox`, once, with its state in the data dir.
    #[cfg(feature = "sandbox")]
    pub(crate) fn ensure_sandbox(&mut self) -> Result<(), Failure> {
        if !self.settings.sandbox || self.sandbox.is_some() {
            return Ok(());
        }
        let dir = self.settings.data_dir.join("sandbox");
        crate::private::create_dir(&dir)
            .map_err(|e| Failure::internal(format!("cannot create {}: {e}", dir.display())))?;
        let mut opts = sandbox::options_from_env(|k| std::env::var(k).ok()).map_err(Failure::usage)?;
        opts.state_file = Some(dir.join("state.json"));
        let sb = Sandbox::start("127.0.0.1:0", opts)
            .map_err(|e| Failure::internal(format!("cannot start the sandbox: {e}")))?;
        self.settings.use_sandbox(sb.base_url(), sandbox::TOKEN);
        self.sandbox = Some(sb);
        Ok(())
    }

    /// Says once per run which service this is (TEST or LIVE, and the host), before anything
    /// is asked or sent.
    pub fn banner(&mut self) {
        if std::mem::replace(&mut self.banner_shown, true) {
            return;
        }
        let label = if self.settings.is_live() {
            console::style(self.settings.banner()).red().bold().for_stderr()
        } else {
            console::style(self.settings.banner()).cyan().for_stderr()
        };
        self.ui.note(&format!("konnect · {label}"));
    }

    /// A client for the service, after the checks that keep the token safe; shows the banner once.
    pub fn client(&mut self) -> Result<Client, Failure> {
        self.ensure_sandbox()?;
        let token = self.settings.require_service()?.clone();
        self.banner();
        let endpoint = self.settings.endpoint()?;
        let ca_file = self.settings.ca_file.as_ref().map(|c| c.value.as_path());
        let roots = crate::api::tls::roots(ca_file)
            .map_err(|e| Failure::auth(format!("{e}; fix or unset ca_file")))?;
        Ok(Client::with_roots(
            &endpoint,
            token,
            self.settings.timeout.value,
            self.global.verbose > 0,
            roots,
        ))
    }

    /// The journal, opened (and migrated) on first use; warns about unsettled payments.
    pub fn journal(&mut self) -> Result<Journal, Failure> {
        self.ensure_sandbox()?;
        let journal = Journal::open(&self.settings.journal.value, self.settings.env_label())?;
        self.journal_used = true;
        let unsettled = journal.unsettled_count()?;
        if unsettled > 0 && !std::mem::replace(&mut self.unsettled_warned, true) {
            self.ui.warn(&crate::t!(
                "warn-unsettled",
                count = crate::i18n::number(unsettled)
            ));
        }
        Ok(journal)
    }

    /// Makes the day's copy of a SQLite journal this run used, if it is due (see
    /// [`Journal::daily_copy`]): after the command's work, so it never delays a payment, and
    /// never its outcome: a copy that fails is a warning.
    pub fn daily_copy(&mut self) {
        // The folder is looked at first: only once a day is the journal opened again for it.
        let location = &self.settings.journal.value;
        if !self.journal_used
            || self.settings.backups_kept == 0
            || crate::journal::is_postgres(location)
            || !crate::journal::backup::copy_due(location)
        {
            return;
        }
        let made = Journal::open(&self.settings.journal.value, self.settings.env_label())
            .and_then(|j| j.daily_copy(self.settings.backups_kept));
        match made {
            Ok(Some(w)) if self.global.verbose > 0 => {
                self.ui.note(&format!("the day's copy of the journal: {}", w.path.display()));
            }
            Ok(_) => {}
            Err(e) => self.ui.warn(&format!(
                "the day's copy of the journal was not made: {}; payments are not affected (try `konnect journal backup`)",
                e.message
            )),
        }
    }

    /// The journal without the unsettled-payments warning, for a command that reports on one
    /// of them itself (`status REF`) and warns about the others.
    pub fn journal_quiet(&mut self) -> Result<Journal, Failure> {
        self.unsettled_warned = true;
        self.journal()
    }

    /// The ISP from `--isp`, or asked for on a terminal (also when the one given is unknown).
    pub fn isp_arg(&self, given: Option<&crate::cli::IspArg>) -> Result<&'static Isp, Failure> {
        match given.map(crate::cli::IspArg::known) {
            Some(Ok(isp)) => Ok(isp),
            Some(Err(e)) if self.ui.interactive => {
                self.ui.warn(&format!("{e}; choose it from the list"));
                let closest = match given {
                    Some(crate::cli::IspArg::Unknown(text)) => crate::isp::closest(text),
                    _ => None,
                };
                prompt::isp(closest)
            }
            Some(Err(e)) => Err(Failure::usage(e.to_string())),
            None if self.ui.interactive => prompt::isp(None),
            None => Err(Failure::usage(format!(
                "missing --isp SLUG (one of {})",
                crate::isp::slugs().join(", ")
            ))),
        }
    }

    /// The username from `--user`, or asked for on a terminal; both checked alike.
    pub fn user_arg(&self, given: Option<&str>) -> Result<String, Failure> {
        match given {
            Some(u) => prompt::check_username(u).map_err(|e| Failure::usage(format!("--user: {e}"))),
            None if self.ui.interactive => prompt::username(),
            None => Err(Failure::usage("missing --user NAME (the customer's username)")),
        }
    }

    /// Warns when a balance (named by `what`) is below the configured `low_balance`.
    pub fn warn_low_balance(&self, what: &str, balance: crate::money::Npr) {
        if let Some(low) = self.settings.low_balance_crossed(balance) {
            self.ui.warn(&crate::t!(
                "warn-low-balance",
                what = what,
                balance = crate::i18n::money(balance),
                low = crate::i18n::money(low)
            ));
        }
    }

    /// The one JSON document of this run.
    pub fn print_json(&self, v: &Value) {
        println!("{}", crate::text::json_line(v));
    }
}
