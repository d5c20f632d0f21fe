//! The words a person reads, in English or Nepali: one Fluent catalogue per language
//! (`locales/*.ftl`, compiled in). Scripts see no change: JSON, CSV, exit codes and the
//! messages inside JSON stay English; only what is shown on a terminal is translated.

mod digits;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use digits::{Digits, devanagari, to_devanagari};

/// A language konnect speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ne,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ne => "ne",
        }
    }

    /// `en` or `ne`, as the config file and `--lang` spell them.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ne" => Some(Lang::Ne),
            _ => None,
        }
    }

    /// The language a locale name asks for (`ne_NP.UTF-8`, `ne-NP`, `ne`): Nepali for `ne`,
    /// English for anything else.
    pub fn of_locale(name: &str) -> Lang {
        let lower = name.trim().to_ascii_lowercase();
        if lower == "ne" || lower.starts_with("ne_") || lower.starts_with("ne-") || lower.starts_with("ne.") {
            Lang::Ne
        } else {
            Lang::En
        }
    }

    /// The user's locale: POSIX's `LC_ALL`, `LC_MESSAGES`, `LANG` (the first set), or on
    /// Windows the user's UI language.
    pub fn of_system(env: &dyn Fn(&str) -> Option<String>) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = env(key).filter(|v| !v.trim().is_empty()) {
                return Lang::of_locale(&v);
            }
        }
        #[cfg(windows)]
        if let Some(name) = sys_locale::get_locale() {
            return Lang::of_locale(&name);
        }
        Lang::En
    }
}

const EN: &str = include_str!("../../locales/en.ftl");
const NE: &str = include_str!("../../locales/ne.ftl");

/// The language of this run's human output, fixed once at start (English until then).
static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets this run's language and digits (once, from the settings).
pub fn set(lang: Lang, digits: Digits) {
    LANG.store(lang as u8, Ordering::Relaxed);
    digits::set(lang == Lang::Ne && digits == Digits::Devanagari);
}

/// This run's language.
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::Ne as u8 {
        Lang::Ne
    } else {
        Lang::En
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let (id, text) = match lang {
            Lang::En => ("en", EN),
            Lang::Ne => ("ne", NE),
        };
        // The catalogues are ours and checked by the tests: a syntax error cannot ship.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
        let mut bundle = FluentBundle::new_concurrent(vec![id.parse().unwrap_or_default()]);
        // No bidi isolation marks around placeables: konnect treats them as unsafe text.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `key` in `lang`, its `{ $name }` placeholders filled from `args`. A key
/// missing in the language falls back to English, and a key missing in both shows itself.
pub fn message_in(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// The message `key` in this run's language.
pub fn message(key: &str, args: &[(&str, &str)]) -> String {
    message_in(lang(), key, args)
}

/// `t!("key")` or `t!("key", name = value, …)`: the message in this run's language.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::message($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($key, &[$((stringify!($name), &*$value)),+])
    };
}

/// A count as a person reads it: Devanagari digits in Nepali (unless `digits = latin`).
pub fn number(n: impl std::fmt::Display) -> String {
    devanagari(&n.to_string()).into_owned()
}

/// An amount as a person reads it: `Rs. 1,00,000.00`, or `रु. १,००,०००.००` in Nepali.
pub fn money(amount: crate::money::Npr) -> String {
    money_in(lang(), digits::shown(), amount)
}

/// [`money`] in a given language (English for the messages inside JSON documents).
pub fn money_for(lang: Lang, amount: crate::money::Npr) -> String {
    money_in(lang, digits::shown(), amount)
}

/// A time or a count in a given language: Devanagari digits in Nepali, as this run shows them.
pub fn figures_for(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Ne => devanagari(text).into_owned(),
    }
}

/// [`money`] for a given language and digits.
pub fn money_in(lang: Lang, digits: Digits, amount: crate::money::Npr) -> String {
    match lang {
        Lang::En => amount.lakh(),
        Lang::Ne => {
            let figure = amount.lakh();
            let figure = figure.strip_prefix("Rs. ").unwrap_or(&figure);
            match digits {
                Digits::Devanagari => format!("रु. {}", digits::to_devanagari(figure)),
                Digits::Latin => format!("रु. {figure}"),
            }
        }
    }
}

#[cfg(test)]
mod tests;
