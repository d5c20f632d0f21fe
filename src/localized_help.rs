//! `--help` of the cashier-facing commands in the run's language, as far as clap allows: the
//! commands' and their flags' descriptions. Clap's own words (Usage, Options) and the
//! generated completions and man page stay English.

use clap::Command;

use crate::i18n::{Lang, message_in};

/// The language `--help` speaks, known before the arguments are parsed: `--lang` on the
/// line, else the config file's `lang`, else the locale.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    for (i, a) in args.iter().enumerate() {
        let given = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).cloned(),
            None => None,
        };
        if let Some(lang) = given.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    let env = |k: &str| std::env::var(k).ok();
    crate::settings::configured_lang(&env).unwrap_or_else(|| Lang::of_system(&env))
}

/// A flag's id and its description's key.
type Flag = (&'static str, &'static str);

/// The commands a cashier runs, their descriptions' keys, and their flags' keys.
const COMMANDS: &[(&str, &str, &[Flag])] = &[
    (
        "lookup",
        "help-lookup",
        &[("isp", "help-isp"), ("user", "help-user")],
    ),
    (
        "pay",
        "help-pay",
        &[
            ("isp", "help-isp"),
            ("user", "help-user"),
            ("package", "help-package"),
            ("amount", "help-amount"),
            ("yes", "help-yes"),
            ("allow_repeat", "help-allow-repeat"),
            ("dry_run", "help-dry-run"),
            ("width", "help-width"),
        ],
    ),
    ("status", "help-status", &[("reference", "help-reference")]),
    ("reconcile", "help-reconcile", &[]),
    (
        "history",
        "help-history",
        &[
            ("since", "help-since"),
            ("until", "help-until"),
            ("limit", "help-limit"),
            ("csv", "help-csv"),
        ],
    ),
    (
        "report",
        "help-report",
        &[("date", "help-date"), ("csv", "help-csv")],
    ),
    (
        "receipt",
        "help-receipt",
        &[("last", "help-last"), ("width", "help-width")],
    ),
    ("counter", "help-counter", &[("isp", "help-counter-isp")]),
];

/// The global flags a cashier meets.
const GLOBAL: &[Flag] = &[
    ("lang", "help-lang"),
    ("json", "help-json"),
    ("quiet", "help-quiet"),
];

/// A parse's ending (`--help` above all) in the language the run would speak: only help is
/// asked again of a localised command, so no other run reads the config for it.
pub fn in_its_language(e: clap::Error, args: &[std::ffi::OsString]) -> clap::Error {
    use clap::CommandFactory;
    use clap::error::ErrorKind;
    if !matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return e;
    }
    match early_lang(args) {
        Lang::En => e,
        lang => localized(crate::cli::Cli::command(), lang)
            .try_get_matches_from(args)
            .err()
            .unwrap_or(e),
    }
}

/// `cmd` with the cashier-facing descriptions in `lang`; unchanged in English.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let said = |key: &str| message_in(lang, key, &[]);
    let mut cmd = cmd;
    for (id, key) in GLOBAL {
        cmd = cmd.mut_arg(*id, |a| a.help(said(key)));
    }
    for (name, about, args) in COMMANDS {
        cmd = cmd.mut_subcommand(*name, |mut sub| {
            sub = sub.about(said(about));
            for (id, key) in *args {
                if sub.get_arguments().any(|a| a.get_id() == *id) {
                    sub = sub.mut_arg(*id, |a| a.help(said(key)));
                }
            }
            sub
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_translated_flag_exists_and_nepali_help_says_it_in_nepali() {
        let cmd = crate::cli::Cli::command();
        for (name, _, args) in COMMANDS {
            let sub = cmd.find_subcommand(name).unwrap_or_else(|| panic!("{name}"));
            for (id, _) in *args {
                assert!(sub.get_arguments().any(|a| a.get_id() == *id), "{name} --{id}");
            }
        }
        for (id, _) in GLOBAL {
            assert!(cmd.get_arguments().any(|a| a.get_id() == *id), "--{id}");
        }
        let mut ne = localized(crate::cli::Cli::command(), Lang::Ne);
        let pay = ne.find_subcommand_mut("pay").unwrap().render_help().to_string();
        assert!(pay.contains("भुक्तानी") && pay.contains("--package"), "{pay}");
        assert_eq!(
            early_lang(&["konnect".into(), "--lang".into(), "ne".into()]),
            Lang::Ne
        );
        assert_eq!(early_lang(&["konnect".into(), "--lang=en".into()]), Lang::En);
    }
}
