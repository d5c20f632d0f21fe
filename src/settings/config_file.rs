//! The config file: its keys, how `config set` checks a value the way it will be read, and
//! how the file is read (capped, errors without values) and written (0600, atomically).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{BaseUrl, DEFAULT_LOOKUP_GRACE_SECS, Env, MAX_LOOKUP_GRACE_SECS};
use crate::failure::Failure;
use crate::money::Npr;

/// The config file, as TOML. Every key is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journal: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_balance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup_grace_secs: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_width: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backups_kept: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digits: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop_phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shop_pan: Option<String>,
    /// Keys this konnect does not know (a newer konnect's, or a typo): warned about, never
    /// used, and written back unchanged by `config set`.
    #[serde(flatten)]
    pub unknown: toml::Table,
}

/// The receipt widths thermal printers take (characters per line).
pub const RECEIPT_WIDTHS: [usize; 3] = [32, 42, 48];
pub(super) const DEFAULT_RECEIPT_WIDTH: usize = 42;

/// How many daily copies of a SQLite journal are kept beside it, unless the config says.
pub const DEFAULT_BACKUPS_KEPT: u32 = 7;
/// More than a year of daily copies is a mistyped number.
const MAX_BACKUPS_KEPT: u32 = 366;

/// The shop, as its receipts name it; any part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shop {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub pan: Option<String>,
}

const LANG_RULE: &str = "lang must be en (English) or ne (Nepali)";
const DIGITS_RULE: &str = "digits must be devanagari (०-९, the default in Nepali) or latin (0-9)";

/// The keys `config set` accepts; the token has its own command so it never sits in argv.
pub const SETTABLE_KEYS: &[&str] = &[
    "env",
    "base_url",
    "timeout",
    "journal",
    "low_balance",
    "lookup_grace_secs",
    "ca_file",
    "receipt_width",
    "backups_kept",
    "counter",
    "lang",
    "digits",
    "shop_name",
    "shop_address",
    "shop_phone",
    "shop_pan",
];

impl ConfigFile {
    /// One warning for the keys this konnect does not know, naming the keys, never a value.
    pub fn unknown_keys_warning(&self, path: &Path) -> Option<String> {
        if self.unknown.is_empty() {
            return None;
        }
        let keys: Vec<String> = self
            .unknown
            .keys()
            // A key may be a pasted secret: only what looks like a setting's name is shown.
            .map(|k| {
                let plain = (1..=32).contains(&k.len())
                    && k.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if plain {
                    k.clone()
                } else {
                    "a key that is not a name".into()
                }
            })
            .collect();
        Some(format!(
            "config file {} has keys this konnect does not know ({}); they are ignored and kept (a newer konnect's, or a typo? known: {})",
            path.display(),
            keys.join(", "),
            SETTABLE_KEYS.join(", ")
        ))
    }

    /// Reads the file (at most 64 KiB). Errors name the line and key, never a value: a token
    /// pasted under the wrong key must not be printed back.
    pub fn load(path: &Path) -> Result<ConfigFile, Failure> {
        use crate::private::ReadError;
        let text = match crate::private::read_capped(path, MAX_CONFIG_BYTES) {
            Ok(text) => text,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ConfigFile::default());
            }
            Err(e) => {
                return Err(Failure::auth(format!(
                    "cannot read config file {}: {e}",
                    path.display()
                )));
            }
        };
        toml::from_str(&text).map_err(|e| {
            Failure::auth(format!(
                "config file {} is not valid: {}; fix or remove it",
                path.display(),
                describe_toml_error(&text, &e)
            ))
        })
    }

    /// Writes the file with mode 0600 (its folder 0700): it may hold the token.
    pub fn save(&self, path: &Path) -> Result<(), Failure> {
        let fail = |e: std::io::Error| {
            Failure::internal(format!("cannot write config file {}: {e}", path.display()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private::create_dir(dir).map_err(fail)?;
        }
        let text =
            toml::to_string(self).map_err(|e| Failure::internal(format!("cannot encode config: {e}")))?;
        let tmp = path.with_extension("toml.tmp");
        let mut file = crate::private::create_file(&tmp).map_err(fail)?;
        file.write_all(text.as_bytes())
            .and_then(|_| file.sync_all())
            .map_err(fail)?;
        fs::rename(&tmp, path).map_err(fail)
    }

    /// Sets one key from `config set`, checking the value the way it will be read.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), Failure> {
        let value = value.trim();
        match key {
            "env" => {
                Env::parse(value).ok_or_else(|| Failure::usage("env must be test or live"))?;
                self.env = Some(value.to_ascii_lowercase());
            }
            "base_url" => {
                BaseUrl::parse(value).map_err(|e| Failure::usage(format!("base_url {e}")))?;
                self.base_url = Some(value.to_string());
            }
            "timeout" => {
                let secs = value.parse::<u64>().ok().filter(|s| (1..=600).contains(s));
                self.timeout =
                    Some(secs.ok_or_else(|| Failure::usage("timeout must be whole seconds from 1 to 600"))?);
            }
            "journal" => self.journal = Some(PathBuf::from(value)),
            "ca_file" => self.ca_file = Some(PathBuf::from(value)),
            "receipt_width" => {
                let width = value.parse::<usize>().ok().filter(|w| RECEIPT_WIDTHS.contains(w));
                self.receipt_width =
                    Some(width.ok_or_else(|| Failure::usage("receipt_width must be 32, 42 or 48"))?);
            }
            "lang" => {
                let lang = crate::i18n::Lang::parse(value).ok_or_else(|| Failure::usage(LANG_RULE))?;
                self.lang = Some(lang.code().to_string());
            }
            "digits" => {
                let digits = crate::i18n::Digits::parse(value).ok_or_else(|| Failure::usage(DIGITS_RULE))?;
                self.digits = Some(digits.as_str().to_string());
            }
            "counter" => {
                if !is_counter_name(value) {
                    return Err(Failure::usage(format!("counter {COUNTER_NAME_RULE}")));
                }
                self.counter = Some(value.to_string());
            }
            "shop_name" | "shop_address" | "shop_phone" | "shop_pan" => {
                let text = crate::text::clean(value).chars().take(60).collect::<String>();
                let slot = match key {
                    "shop_name" => &mut self.shop_name,
                    "shop_address" => &mut self.shop_address,
                    "shop_phone" => &mut self.shop_phone,
                    _ => &mut self.shop_pan,
                };
                *slot = (!text.is_empty()).then_some(text);
            }
            "low_balance" => {
                Npr::parse_typed(value)
                    .map_err(|_| Failure::usage("low_balance must be an amount such as 5000 or 5,000.00"))?;
                self.low_balance = Some(value.to_string());
            }
            "backups_kept" => {
                let kept = value.parse::<u32>().ok().filter(|k| *k <= MAX_BACKUPS_KEPT);
                self.backups_kept = Some(kept.ok_or_else(|| {
                    Failure::usage(format!(
                        "backups_kept must be a whole number from 0 (no daily copies) to {MAX_BACKUPS_KEPT} (default {DEFAULT_BACKUPS_KEPT})"
                    ))
                })?);
            }
            "lookup_grace_secs" => {
                let secs = value.parse::<u64>().ok().filter(|s| *s <= MAX_LOOKUP_GRACE_SECS);
                self.lookup_grace_secs = Some(secs.ok_or_else(|| {
                    Failure::usage(format!(
                        "lookup_grace_secs must be whole seconds from 0 to {MAX_LOOKUP_GRACE_SECS} (default {DEFAULT_LOOKUP_GRACE_SECS})"
                    ))
                })?);
            }
            "token" => {
                return Err(Failure::usage(
                    "the token is set with `konnect config set-token` (stdin or a hidden prompt), never on the command line",
                ));
            }
            other => {
                return Err(Failure::usage(format!(
                    "unknown setting '{other}'; settable: {}",
                    SETTABLE_KEYS.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// What a counter's name may be: it goes on every row, receipt and report.
pub(super) const COUNTER_NAME_RULE: &str =
    "must be 1 to 32 letters, digits, '-', '_' or '.' (for example front-desk)";

pub(super) fn is_counter_name(name: &str) -> bool {
    (1..=32).contains(&name.chars().count()) && name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

/// The largest config file read; a config is a few lines.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;
/// The largest token file read; a token is a few dozen characters.
pub(super) const MAX_TOKEN_FILE_BYTES: u64 = 4096;

/// Text from the config file as it will be printed: neutralised (the file may be hand-edited).
pub(super) fn outside(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(|t| crate::text::clean(t.trim()).into_owned())
        .filter(|t| !t.is_empty())
}

/// Where a TOML error is and what kind it is, without the value it quotes.
pub(super) fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let Some(span) = e.span() else {
        return "it is not TOML".into();
    };
    let line_no = text[..span.start.min(text.len())].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or("");
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| (1..=32).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    // Unknown keys are not errors (they are kept as `unknown`): what is left is a wrong value.
    let what = "a value of the wrong kind, or not TOML";
    match key {
        Some(k) => format!("line {line_no}, key {k}: {what}"),
        None => format!("line {line_no}: {what}"),
    }
}

impl ConfigFile {
    pub(super) fn low_balance(&self) -> Result<Option<Npr>, Failure> {
        self.low_balance
            .as_deref()
            .map(|v| {
                Npr::parse_typed(v).map_err(|_| {
                    Failure::auth("config low_balance is not an amount; fix it with `konnect config set low_balance 5000`")
                })
            })
            .transpose()
    }

    /// A hand-edited count over the bound is refused as `config set` would refuse it.
    /// The language the config asks for, if any; a value konnect does not speak is an error.
    pub(super) fn lang(&self) -> Result<Option<crate::i18n::Lang>, Failure> {
        match &self.lang {
            None => Ok(None),
            Some(v) => crate::i18n::Lang::parse(v).map(Some).ok_or_else(|| {
                Failure::usage(format!(
                    "config {LANG_RULE}; fix it with `konnect config set lang en`"
                ))
            }),
        }
    }

    /// The digits Nepali text uses: Devanagari unless the config says latin.
    pub(super) fn digits(&self) -> Result<crate::i18n::Digits, Failure> {
        match &self.digits {
            None => Ok(crate::i18n::Digits::default()),
            Some(v) => crate::i18n::Digits::parse(v).ok_or_else(|| {
                Failure::usage(format!(
                    "config {DIGITS_RULE}; fix it with `konnect config set digits latin`"
                ))
            }),
        }
    }

    pub(super) fn backups_kept(&self) -> Result<u32, Failure> {
        match self.backups_kept {
            None => Ok(DEFAULT_BACKUPS_KEPT),
            Some(k) if k <= MAX_BACKUPS_KEPT => Ok(k),
            Some(_) => Err(Failure::usage(format!(
                "config backups_kept is over {MAX_BACKUPS_KEPT}; fix it with `konnect config set backups_kept N`"
            ))),
        }
    }

    pub(super) fn lookup_grace(&self) -> Result<Duration, Failure> {
        match self.lookup_grace_secs {
            Some(s) if s <= MAX_LOOKUP_GRACE_SECS => Ok(Duration::from_secs(s)),
            Some(_) => Err(Failure::auth(format!(
                "config lookup_grace_secs is over {MAX_LOOKUP_GRACE_SECS}; fix it with `konnect config set lookup_grace_secs SECONDS`"
            ))),
            None => Ok(Duration::from_secs(DEFAULT_LOOKUP_GRACE_SECS)),
        }
    }
}
