//! `konnect config`: show where each setting comes from, change one, store the token safely.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use serde_json::json;

use crate::cli::ConfigCommand;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::prompt;
use crate::settings::ConfigFile;

pub fn run(ctx: &mut Ctx, cmd: ConfigCommand) -> anyhow::Result<ExitCode> {
    let path = ctx.settings.config_path.clone();
    match cmd {
        ConfigCommand::Path => println!("{}", path.display()),
        ConfigCommand::Show => show(ctx),
        ConfigCommand::Set { key, value } => {
            let mut file = ConfigFile::load(&path)?;
            file.set(&key, &value)?;
            file.save(&path)?;
            if ctx.ui.json {
                ctx.print_json(&json!({"ok": true, "set": key, "config_path": path}));
            } else {
                ctx.ui.note(&format!("set {key} in {}", path.display()));
            }
        }
        ConfigCommand::SetToken => {
            let token = if std::io::stdin().is_terminal() && ctx.ui.interactive {
                prompt::secret("Token")?
            } else if std::io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "pipe the token on stdin, or run without --no-input/--json to type it",
                )
                .into());
            } else {
                let mut text = String::new();
                std::io::stdin().take(4096).read_to_string(&mut text)?;
                text.lines().next().unwrap_or("").trim().to_string()
            };
            if token.is_empty() || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(Failure::usage("the token is empty or has spaces; nothing was stored").into());
            }
            let mut file = ConfigFile::load(&path)?;
            file.token = Some(token);
            file.save(&path)?;
            let masked = crate::secret::Secret::new(file.token.unwrap_or_default()).masked();
            ctx.ui
                .note(&format!("stored token {masked} in {} (mode 600)", path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Ctx) {
    let s = &ctx.settings;
    let token = s.token.as_ref().map(|t| (t.value.masked(), t.source.to_string()));
    let low = s.low_balance.map(|l| l.fixed2());
    if ctx.ui.json {
        ctx.print_json(&json!({
            "ok": true,
            "config_path": s.config_path,
            "env": {"value": s.env.value.label().to_lowercase(), "source": s.env.source.to_string()},
            "base_url": {"value": s.base_url.value, "source": s.base_url.source.to_string()},
            "token": token.as_ref().map(|(t, src)| json!({"value": t, "source": src})),
            "timeout": {"value": s.timeout.value.as_secs(), "source": s.timeout.source.to_string()},
            "journal": {"value": crate::journal::shown(&s.journal.value), "source": s.journal.source.to_string()},
            "low_balance": low,
            "lookup_grace_secs": s.lookup_grace.as_secs(),
            "ca_file": s.ca_file.as_ref().map(|c| json!({"value": c.value, "source": c.source.to_string()})),
            "counter": {"value": s.counter.value, "source": s.counter.source.to_string()},
            "receipt_width": s.receipt_width,
            "backups_kept": s.backups_kept,
            "lang": {"value": s.lang.value, "source": s.lang.source.to_string()},
            "digits": s.digits.as_str(),
            "shop": {"name": s.shop.name, "address": s.shop.address, "phone": s.shop.phone, "pan": s.shop.pan},
        }));
        return;
    }
    let with = |value: String, source: &dyn std::fmt::Display| (value, Some(source.to_string()));
    let bare = |value: String| (value, None);
    let rows: Vec<(&str, (String, Option<String>))> = vec![
        ("config file", bare(s.config_path.display().to_string())),
        ("env", with(s.env.value.label().to_lowercase(), &s.env.source)),
        ("base_url", with(s.base_url.value.clone(), &s.base_url.source)),
        (
            "token",
            match &token {
                Some((t, src)) => with(t.clone(), src),
                None => with(
                    "(none)".into(),
                    &"set KONNECT_TOKEN or run `konnect config set-token`",
                ),
            },
        ),
        (
            "timeout",
            with(format!("{}s", s.timeout.value.as_secs()), &s.timeout.source),
        ),
        (
            "journal",
            with(
                crate::journal::shown(&s.journal.value).to_string(),
                &s.journal.source,
            ),
        ),
        ("low_balance", bare(low.unwrap_or_else(|| "(not set)".into()))),
        ("lookup_grace_secs", bare(s.lookup_grace.as_secs().to_string())),
        (
            "ca_file",
            match &s.ca_file {
                Some(c) => with(c.value.display().to_string(), &c.source),
                None => bare("(none: the system's trust store)".into()),
            },
        ),
        (
            "counter",
            with(
                crate::text::clean(&s.counter.value).into_owned(),
                &s.counter.source,
            ),
        ),
        ("receipt_width", bare(s.receipt_width.to_string())),
        ("backups_kept", bare(s.backups_kept.to_string())),
        ("lang", with(s.lang.value.code().to_string(), &s.lang.source)),
        ("digits", bare(s.digits.as_str().to_string())),
        ("shop_name", bare(shop_value(&s.shop.name))),
        ("shop_address", bare(shop_value(&s.shop.address))),
        ("shop_phone", bare(shop_value(&s.shop.phone))),
        ("shop_pan", bare(shop_value(&s.shop.pan))),
    ];
    // One column of keys and one of values, as wide as the longest key.
    let key_w = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 2;
    for (key, (value, source)) in rows {
        match source {
            Some(src) => println!("{key:<key_w$}{value:<40} ({src})"),
            None => println!("{key:<key_w$}{value}"),
        }
    }
    if let Some(mode) = s.loose_config_mode {
        ctx.ui.warn(&format!(
            "the config file holds the token but has mode {mode:o}; run `chmod 600 {}`",
            s.config_path.display()
        ));
    }
}

/// A shop detail for the receipt, or that it is not set.
fn shop_value(v: &Option<String>) -> String {
    v.as_deref()
        .map_or_else(|| "(not set)".into(), |t| crate::text::clean(t).into_owned())
}
