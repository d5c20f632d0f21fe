//! One run of konnect: resolves settings once, hands each command its context, and keeps the
//! things a run shares (the sandbox, the client, the banner) in one place.

use std::process::ExitCode;
use std::sync::Mutex;

use serde_json::Value;

use crate::api::Client;
use crate::cli::{Cli, Command, GlobalArgs};
use crate::failure::Failure;
use crate::isp::Isp;
use crate::journal::Journal;
use crate::prompt;
use crate::sandbox::{self, Sandbox};
use crate::settings::Settings;
use crate::ui::Ui;

/// What every command is handed.
pub struct Ctx {
    pub global: GlobalArgs,
    pub settings: Settings,
    pub ui: Ui,
    sandbox: Option<Sandbox>,
    banner_shown: bool,
}

/// Where the payment of this run is, so that an interrupt (Ctrl-C, SIGTERM, SIGHUP) says the
/// truth about the money: nothing sent, possibly sent, or answered and journaled.
#[derive(Debug, Clone, Default)]
pub enum Stage {
    /// No commit has left: an interrupt cancels and nothing was sent.
    #[default]
    Idle,
    /// A commit is out (or may be): pending. `json` is the document to print under `--json`.
    Sending { reference: String, json: Option<Value> },
    /// The answer is in and journaled, but not yet reported.
    Answered {
        reference: String,
        outcome: crate::api::Outcome,
        json: Option<Value>,
    },
    /// The result was printed: an interrupt only ends the run with its exit code.
    Reported { code: u8 },
}

static STAGE: Mutex<Stage> = Mutex::new(Stage::Idle);

fn stage_slot() -> std::sync::MutexGuard<'static, Stage> {
    STAGE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Moves the run's payment to a new stage.
pub fn set_stage(stage: Stage) {
    *stage_slot() = stage;
}

/// Prints the run's result with the stage held, so that an interrupt cannot cut it in half or
/// print a second document; afterwards an interrupt only exits with `code`.
pub fn report_then(code: u8, print: impl FnOnce()) {
    let mut slot = stage_slot();
    print();
    *slot = Stage::Reported { code };
}

/// The interrupt handler's words and exit code for a stage (what it prints on stdout, if anything).
fn interrupted(stage: &Stage) -> (Option<String>, Option<&Value>, u8) {
    use crate::failure::outcome_exit_code;
    match stage {
        Stage::Idle => (Some("cancelled; nothing was sent".into()), None, 130),
        Stage::Sending { reference: r, json } => (
            Some(format!(
                "interrupted while payment {r} was being sent. It may have gone through and stays PENDING in the journal. Do NOT pay again; run `konnect status {r}` after 5 minutes."
            )),
            json.as_ref(),
            crate::failure::Kind::Pending.exit_code(),
        ),
        Stage::Answered {
            reference: r,
            outcome,
            json,
        } => (
            Some(format!(
                "interrupted after payment {r} was answered: it is {} in the journal; reprint it with `konnect receipt {r}`.",
                outcome.as_str().to_uppercase()
            )),
            json.as_ref(),
            outcome_exit_code(*outcome),
        ),
        Stage::Reported { code } => (None, None, *code),
    }
}

/// Interrupts outside a prompt: show the cursor again and end with what the stage means:
/// 130 when nothing was sent, 4 (pending) while a commit is out, the outcome once answered.
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        let _ = console::Term::stderr().show_cursor();
        let slot = stage_slot();
        let (message, json, code) = interrupted(&slot);
        if let Some(doc) = json {
            println!("{}", crate::text::json_line(doc));
        }
        if let Some(m) = message {
            eprintln!("\nkonnect: {m}");
        }
        std::process::exit(i32::from(code));
    });
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Result<Ctx, Failure> {
        let env = |k: &str| std::env::var(k).ok();
        let settings = Settings::resolve(&global, &env)?;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let ui = Ui::new(&global, no_color);
        Ok(Ctx {
            global,
            settings,
            ui,
            sandbox: None,
            banner_shown: false,
        })
    }

    /// Starts the in-process sandbox for `--sandbox`, once, with its state in the data dir.
    fn ensure_sandbox(&mut self) -> Result<(), Failure> {
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
        self.settings.use_sandbox(sb.base_url());
        self.sandbox = Some(sb);
        Ok(())
    }

    /// A client for the service, after the checks that keep the token safe; shows the banner once.
    pub fn client(&mut self) -> Result<Client, Failure> {
        self.ensure_sandbox()?;
        let token = self.settings.require_service()?.clone();
        if !self.banner_shown {
            self.banner_shown = true;
            let label = if self.settings.is_live() {
                console::style(self.settings.banner()).red().bold().for_stderr()
            } else {
                console::style(self.settings.banner()).cyan().for_stderr()
            };
            self.ui.note(&format!("konnect · {label}"));
        }
        let endpoint = self.settings.endpoint()?;
        Ok(Client::new(
            &endpoint,
            token,
            self.settings.timeout.0,
            self.global.verbose > 0,
        ))
    }

    /// The journal, opened (and migrated) on first use; warns about unsettled payments.
    pub fn journal(&mut self) -> Result<Journal, Failure> {
        self.ensure_sandbox()?;
        let journal = Journal::open(&self.settings.journal.0, self.settings.env_label())?;
        let unsettled = journal.unsettled_count()?;
        if unsettled > 0 {
            self.ui.warn(&format!(
                "{unsettled} payment(s) are not settled (pending or interrupted); run `konnect reconcile`"
            ));
        }
        Ok(journal)
    }

    /// The ISP from `--isp`, or asked for on a terminal.
    pub fn isp_arg(&self, given: Option<&'static Isp>) -> Result<&'static Isp, Failure> {
        match given {
            Some(isp) => Ok(isp),
            None if self.ui.interactive => prompt::isp(),
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
            self.ui.warn(&format!(
                "{what} {} is below low_balance {}; top up the account",
                balance.lakh(),
                low.lakh()
            ));
        }
    }

    /// The one JSON document of this run.
    pub fn print_json(&self, v: &Value) {
        println!("{}", crate::text::json_line(v));
    }
}

/// Runs the parsed command. Failures come back as [`Failure`] (or any error, mapped to internal).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Cli { global, command } = cli;
    let ctx = Ctx::new;
    match command {
        Command::Completions { shell } => crate::flow::meta::completions(shell),
        Command::Sandbox(args) => crate::flow::meta::sandbox(&global, args),
        Command::Lookup(args) => crate::flow::lookup::run(&mut ctx(global)?, args),
        Command::Pay(args) => crate::flow::pay::run(&mut ctx(global)?, args),
        Command::Status(args) => crate::flow::status::status(&mut ctx(global)?, &args.reference),
        Command::Reconcile => crate::flow::status::reconcile(&mut ctx(global)?),
        Command::Balance => crate::flow::books::balance(&mut ctx(global)?),
        Command::History(args) => crate::flow::books::history(&mut ctx(global)?, args),
        Command::Report(args) => crate::flow::books::report(&mut ctx(global)?, args),
        Command::Receipt(args) => crate::flow::books::receipt(&mut ctx(global)?, args),
        Command::Config(cmd) => crate::flow::config::run(&mut ctx(global)?, cmd),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Outcome;

    #[test]
    fn an_interrupt_tells_the_truth_about_the_money_at_each_stage() {
        let (said, json, code) = interrupted(&Stage::Idle);
        assert_eq!(
            (said.as_deref(), json, code),
            (Some("cancelled; nothing was sent"), None, 130)
        );
        let doc = serde_json::json!({"outcome": "pending"});
        let sending = Stage::Sending {
            reference: "R1".into(),
            json: Some(doc.clone()),
        };
        let (said, json, code) = interrupted(&sending);
        let said = said.unwrap();
        assert!(
            said.contains("PENDING") && said.contains("konnect status R1"),
            "{said}"
        );
        assert_eq!((json, code), (Some(&doc), 4));
        for (outcome, exit) in [(Outcome::Success, 0), (Outcome::Failed, 3), (Outcome::Pending, 4)] {
            let answered = Stage::Answered {
                reference: "R1".into(),
                outcome,
                json: None,
            };
            let (said, _, code) = interrupted(&answered);
            let said = said.unwrap();
            assert!(!said.contains("nothing was sent"), "{said}");
            assert!(said.contains(&outcome.as_str().to_uppercase()) && said.contains("konnect receipt R1"));
            assert_eq!(code, exit);
        }
        assert_eq!(interrupted(&Stage::Reported { code: 3 }), (None, None, 3));
    }
}
