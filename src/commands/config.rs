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
            "shop": {"name": s.shop.name, "address": s.shop.address, "phone": s.shop.phone, "pan": s.shop.pan},
        }));
        return;
    }
    println!("config file  {}", s.config_path.display());
    println!(
        "env          {:<40} ({})",
        s.env.value.label().to_lowercase(),
        s.env.source
    );
    println!("base_url     {:<40} ({})", s.base_url.value, s.base_url.source);
    match &token {
        Some((t, src)) => println!("token        {t:<40} ({src})"),
        None => println!(
            "token        {:<40} (set KONNECT_TOKEN or run `konnect config set-token`)",
            "(none)"
        ),
    }
    println!(
        "timeout      {:<40} ({})",
        format!("{}s", s.timeout.value.as_secs()),
        s.timeout.source
    );
    println!(
        "journal      {:<40} ({})",
        crate::journal::shown(&s.journal.value),
        s.journal.source
    );
    println!("low_balance  {}", low.unwrap_or_else(|| "(not set)".into()));
    println!("lookup_grace_secs  {}", s.lookup_grace.as_secs());
    match &s.ca_file {
        Some(c) => println!("ca_file      {:<40} ({})", c.value.display(), c.source),
        None => println!("ca_file      (none: the system's trust store)"),
    }
    println!(
        "counter      {:<40} ({})",
        crate::text::clean(&s.counter.value),
        s.counter.source
    );
    println!("receipt_width  {}", s.receipt_width);
    println!("backups_kept  {}", s.backups_kept);
    let shop = [
        ("shop_name", &s.shop.name),
        ("shop_address", &s.shop.address),
        ("shop_phone", &s.shop.phone),
        ("shop_pan", &s.shop.pan),
    ];
    for (key, value) in shop {
        println!("{key:<13}{}", value.as_deref().unwrap_or("(not set)"));
    }
    if let Some(mode) = s.loose_config_mode {
        ctx.ui.warn(&format!(
            "the config file holds the token but has mode {mode:o}; run `chmod 600 {}`",
            s.config_path.display()
        ));
    }
}
