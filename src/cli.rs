//! The command line: clap definitions only. Values are checked here (ISP slugs, amounts) so that
//! a prompt and a flag go through the same check.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::failure::EXIT_CODES_HELP;
use crate::isp::{self, Isp};
use crate::money::Npr;

#[derive(Debug, Parser)]
#[command(
    name = "konnect",
    version,
    about = "Renew home-internet subscriptions of Konnect (KCMS) ISPs through the Khalti service API",
    long_about = "Renew home-internet subscriptions of Konnect (KCMS) ISPs through the Khalti service API.\n\n\
        Look a customer up, pick a package, confirm, pay, print the receipt. Every payment is written \
        to a local journal before it is sent and is never sent twice by accident.",
    after_help = EXIT_CODES_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print exactly one JSON document on stdout (NDJSON for batches)
    #[arg(long, global = true)]
    pub json: bool,
    /// Never prompt: missing values and confirmations become usage errors
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Run against the built-in simulator (test token, journal of its own)
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Which service: the staging server (test) or the live one
    #[arg(long, global = true, value_enum)]
    pub env: Option<EnvName>,
    /// Base URL of the service, overriding --env
    #[arg(long, global = true, value_name = "URL", value_parser = BaseUrlParser)]
    pub base_url: Option<String>,
    /// Read the token from this file (there is no flag that takes the token itself)
    #[arg(long, global = true, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Seconds a whole request may take [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: Option<u64>,
    /// The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop's
    /// counters (the password never here: PGPASSWORD, ~/.pgpass or the config file)
    /// [default: journal.sqlite3 in konnect's data folder]
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub journal: Option<PathBuf>,
    /// This counter's name in a shared journal [default: the computer's name]
    #[arg(long, global = true, value_name = "NAME")]
    pub counter: Option<String>,
    /// Log each HTTP exchange on stderr (method, path, status, time; never the token)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print only results and errors (no banner, no warnings)
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// The language of what a person reads: en or ne (Nepali) [default: config lang, else
    /// the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
    /// When to use colour (NO_COLOR is honoured by auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnvName {
    Test,
    Live,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show a customer: subscription, due amount, packages on offer
    #[command(
        after_help = "Examples:\n  konnect lookup --isp izone --user 9779869045195\n  konnect --json lookup --isp izone --users-from customers.txt --jobs 8"
    )]
    Lookup(LookupArgs),
    /// Pay for a package: look up, choose, confirm, pay once, print the receipt
    #[command(
        after_help = "Examples:\n  konnect pay --isp izone --user 9779869045195\n  konnect --json pay --isp izone --user 9779869045195 --package 1-13286-5-3 --yes\n  konnect --sandbox pay --isp izone --user active"
    )]
    Pay(PayArgs),
    /// Look a payment up at the service and settle it in the journal
    #[command(
        after_help = "Examples:\n  konnect status 53990b5d          (the short form a receipt shows)\n  konnect --json status 01a21c55ac8b71eca6a1e35c53990b5d"
    )]
    Status(StatusArgs),
    /// Look up every unsettled payment and settle it
    Reconcile,
    /// Show the account's credits
    Balance,
    /// List payments from the journal, newest first
    History(HistoryArgs),
    /// A day's totals per ISP and outcome
    #[command(
        after_help = "Examples:\n  konnect report\n  konnect report --date yesterday --csv > yesterday.csv\n  konnect report --date 2083-08-11bs"
    )]
    Report(ReportArgs),
    /// Print a payment's receipt again
    #[command(after_help = "Examples:\n  konnect receipt --last\n  konnect receipt 53990b5d --width 32")]
    Receipt(ReceiptArgs),
    /// Show or change settings
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Serve customers one after another at a counter (a terminal): one process, warm connection
    #[command(
        after_help = "Examples:\n  konnect counter\n  konnect counter --isp izone\n  konnect --sandbox counter"
    )]
    Counter(CounterArgs),
    /// Work on the journal itself: copy it into another (a shop moving to PostgreSQL)
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Check the setup: token, config, journal, the way to the service, the balance, the clock
    #[command(after_help = "Examples:\n  konnect doctor\n  konnect --json doctor")]
    Doctor,
    /// Show the version, commit, build date, target, features and journal schema
    #[command(
        after_help = "Examples:\n  konnect version\n  konnect --json version\n  konnect --version --verbose"
    )]
    Version,
    /// Print a shell's completion script (`source <(konnect completions bash)`)
    #[command(
        after_help = "Tab then completes commands, flags, ISP slugs, and from the journal: references (status,\nreceipt), customers paid before (--user) and days with payments (--date, --since).\n\nExamples:\n  source <(konnect completions bash)            (in ~/.bashrc)\n  source <(konnect completions zsh)             (in ~/.zshrc, after compinit)\n  konnect completions fish | source             (in ~/.config/fish/config.fish)\n  konnect completions powershell | Out-String | Invoke-Expression   (in $PROFILE)"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Serve the built-in simulator; prints its base URL and a test token
    #[cfg(feature = "sandbox")]
    Sandbox(SandboxArgs),
}

#[derive(Debug, Clone, Args)]
pub struct LookupArgs {
    /// The ISP's slug (prompted for on a terminal when missing or unknown)
    #[arg(long, value_parser = IspArgParser)]
    pub isp: Option<IspArg>,
    /// The customer's username (prompted for on a terminal when missing)
    #[arg(long, value_name = "NAME", conflicts_with = "users_from", value_hint = clap::ValueHint::Other)]
    pub user: Option<String>,
    /// Look up many: one username per line, or `isp,user` lines without --isp ("-" for stdin)
    #[arg(long, value_name = "FILE")]
    pub users_from: Option<PathBuf>,
    /// Parallel lookups for --users-from (1 to 16)
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub jobs: u8,
}

#[derive(Debug, Clone, Args)]
pub struct PayArgs {
    /// The ISP's slug (prompted for on a terminal when missing or unknown)
    #[arg(long, value_parser = IspArgParser)]
    pub isp: Option<IspArg>,
    /// The customer's username (prompted for on a terminal when missing)
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other)]
    pub user: Option<String>,
    /// The package to pay for (prompted for, current one preselected, when missing)
    #[arg(long, value_name = "ID")]
    pub package: Option<String>,
    /// The amount the customer pays; must equal the package's amount
    #[arg(long, value_name = "NPR", value_parser = parse_amount)]
    pub amount: Option<Npr>,
    /// Skip the confirmation
    #[arg(short, long)]
    pub yes: bool,
    /// Pay even though the same customer was paid for in the last 24 hours
    #[arg(long)]
    pub allow_repeat: bool,
    /// Do everything up to the payment, print the request that would be sent, send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Receipt characters per line: 32, 42 or 48 [default: config receipt_width, else 42]
    #[arg(long, value_parser = parse_width)]
    pub width: Option<usize>,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The payment's reference (shown on every outcome of `pay`)
    pub reference: String,
}

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// From this day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs (local time)
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<jiff::civil::Date>,
    /// Up to and including this day (same forms as --since)
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<jiff::civil::Date>,
    #[arg(long, value_parser = IspParser)]
    pub isp: Option<&'static Isp>,
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other)]
    pub user: Option<String>,
    #[arg(long, value_enum)]
    pub outcome: Option<OutcomeFilter>,
    /// Only the payments made at this counter (a shared journal)
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other)]
    pub at_counter: Option<String>,
    /// At most this many rows
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// CSV on stdout
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeFilter {
    Success,
    Pending,
    Failed,
}

#[derive(Debug, Clone, Args)]
pub struct CounterArgs {
    /// Serve every customer at this ISP (else asked for each, the last one preselected)
    #[arg(long, value_parser = IspParser)]
    pub isp: Option<&'static Isp>,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs [default: today]
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub date: Option<jiff::civil::Date>,
    /// Only the payments made at this counter (a shared journal)
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other)]
    pub at_counter: Option<String>,
    /// CSV on stdout
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ReceiptArgs {
    /// The payment's reference: whole, its start, or the short form a receipt shows (on a
    /// terminal, left out: a list of today's payments to choose from)
    pub reference: Option<String>,
    /// The newest payment of this journal
    #[arg(long, conflicts_with = "reference")]
    pub last: bool,
    /// Characters per line, for thermal printers [default: config receipt_width, else 42]
    #[arg(long, value_parser = parse_width)]
    pub width: Option<usize>,
}

/// A receipt width a thermal printer takes: 32, 42 or 48.
pub fn parse_width(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|w| crate::settings::RECEIPT_WIDTHS.contains(w))
        .ok_or_else(|| "the width must be 32, 42 or 48 (characters per line)".into())
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Copy every row of this journal into another, keeping references; safe to run again
    #[command(
        after_help = "Examples:\n  PGPASSWORD=… konnect journal copy --to postgres://konnect@db.shop.lan/konnect\n  konnect --journal old.sqlite3 journal copy --to new.sqlite3"
    )]
    Copy {
        /// The journal to copy into: postgres://USER@HOST[:PORT]/DB (the password from
        /// PGPASSWORD, ~/.pgpass or the config file) or a SQLite file
        #[arg(long, value_name = "JOURNAL", value_hint = clap::ValueHint::Other)]
        to: PathBuf,
    },
    /// Write a checked copy of the SQLite journal while counters keep paying
    #[command(
        after_help = "Without DEST the copy goes into the folder beside the journal (JOURNAL.backups), where the daily\ncopies are kept too. A PostgreSQL journal is backed up with the shop's own pg_dump.\n\nExamples:\n  konnect journal backup\n  konnect journal backup /media/usb/"
    )]
    Backup {
        /// A new file, or a folder to put the copy in
        #[arg(value_name = "DEST", value_hint = clap::ValueHint::AnyPath)]
        dest: Option<PathBuf>,
    },
    /// Put a copy back as the journal (the journal as it was is kept first)
    #[command(
        after_help = "Refuses (exit 2) a file that is not a konnect journal, is damaged or comes from a newer konnect,\nand a copy that lacks payments the journal holds, unless --force. The journal as it was is kept\nin JOURNAL.backups (a damaged one is moved there). Stop the other counters using this file first.\n\nExample:\n  konnect journal restore ~/.local/share/konnect/journal.sqlite3.backups/daily-20261202-091500.sqlite3"
    )]
    Restore {
        /// The copy to restore
        #[arg(value_name = "SRC", value_hint = clap::ValueHint::FilePath)]
        src: PathBuf,
        /// Restore even though the journal holds payments the copy lacks
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum ConfigCommand {
    /// Show each setting and where it came from (the token masked)
    Show,
    /// Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file,
    /// receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone,
    /// shop_pan
    Set { key: String, value: String },
    /// Store the token (read from stdin, or a hidden prompt on a terminal)
    SetToken,
    /// Print the config file's path
    Path,
}

#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// Address to listen on (loopback only)
    #[arg(long, default_value = "127.0.0.1:0", value_name = "HOST:PORT")]
    pub addr: String,
    /// Keep the simulator's state in this file (default: in memory)
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// Serve HTTPS with a certificate made at start; prints the CA file to trust
    #[arg(long)]
    pub tls: bool,
}

/// A day as a person names it (see [`crate::calendar::parse_day`]).
pub fn parse_day(text: &str) -> Result<jiff::civil::Date, String> {
    crate::calendar::parse_day(text, crate::clock::today())
}

/// An `--amount` as an exact decimal, checked the same way a typed amount is.
pub fn parse_amount(text: &str) -> Result<Npr, String> {
    Npr::parse_typed(text).map_err(|e| e.to_string())
}

impl GlobalArgs {
    /// The flags that settings take, as plain values.
    pub fn overrides(&self) -> crate::settings::Overrides {
        crate::settings::Overrides {
            env: self.env.map(|e| match e {
                EnvName::Test => crate::settings::Env::Test,
                EnvName::Live => crate::settings::Env::Live,
            }),
            base_url: self.base_url.clone(),
            token_file: self.token_file.clone(),
            timeout: self.timeout.map(std::time::Duration::from_secs),
            journal: self.journal.clone(),
            counter: self.counter.clone(),
            sandbox: self.sandbox,
            lang: self.lang,
            verbose: self.verbose > 0,
        }
    }
}

/// A `--base-url`, checked by the same parser the client uses and kept as text for `config
/// show`. Its error does not repeat the URL: it may carry a password as user info.
#[derive(Clone, Copy, Debug)]
pub struct BaseUrlParser;

impl TypedValueParser for BaseUrlParser {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        crate::endpoint::BaseUrl::parse(&text)
            .map(|_| text.trim().to_string())
            .map_err(|e| {
                clap::Error::raw(
                    clap::error::ErrorKind::ValueValidation,
                    format!("--base-url {e}\n"),
                )
            })
    }
}

/// An `--isp` clap refuses, in the ISP table's own words.
fn invalid_isp(e: &isp::IspError) -> clap::Error {
    clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{e}\n"))
}

/// Checks `--isp` against the ISP table and offers the slugs to shell completion.
#[derive(Clone, Copy, Debug)]
pub struct IspParser;

/// An `--isp` as given: a known ISP, or a name that matches none, kept so that a terminal can
/// offer the list instead of failing (a script gets the same error as ever).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IspArg {
    Known(&'static Isp),
    Unknown(String),
}

impl IspArg {
    /// The ISP, or the error that names the closest one.
    pub fn known(&self) -> Result<&'static Isp, crate::isp::IspError> {
        match self {
            IspArg::Known(isp) => Ok(isp),
            IspArg::Unknown(text) => crate::isp::resolve(text),
        }
    }
}

/// Parses `--isp` for the commands that can ask: an ISP that moved away is still an error.
#[derive(Clone, Copy, Debug)]
pub struct IspArgParser;

impl TypedValueParser for IspArgParser {
    type Value = IspArg;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        match isp::resolve(&text) {
            Ok(isp) => Ok(IspArg::Known(isp)),
            Err(isp::IspError::Unknown { .. }) => Ok(IspArg::Unknown(text.into_owned())),
            Err(e) => Err(invalid_isp(&e)),
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        IspParser.possible_values()
    }
}

impl TypedValueParser for IspParser {
    type Value = &'static Isp;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        isp::resolve(&text).map_err(|e| invalid_isp(&e))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            isp::ISPS.iter().map(|i| PossibleValue::new(i.slug).help(i.name)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn config_set_help_names_every_key_it_takes() {
        let mut cli = Cli::command();
        let set = cli
            .find_subcommand_mut("config")
            .and_then(|c| c.find_subcommand_mut("set"))
            .expect("config set");
        let help = set.render_help().to_string();
        for key in crate::settings::SETTABLE_KEYS {
            assert!(help.contains(key), "`config set --help` lacks {key}:\n{help}");
        }
    }
}
