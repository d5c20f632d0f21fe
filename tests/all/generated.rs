//! The committed completion scripts and man page must equal what the current code generates.
//! Regenerate with `KONNECT_REGENERATE=1 cargo test --test generated`.

use crate::common;

use std::path::Path;

use clap::CommandFactory;

fn check(path: &str, fresh: &[u8]) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("KONNECT_REGENERATE").is_some() {
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, fresh).unwrap();
        return;
    }
    let committed = std::fs::read(&full).unwrap_or_default();
    assert!(
        committed == fresh,
        "{path} is out of date: run `KONNECT_REGENERATE=1 cargo test --test all generated` and commit it"
    );
}

#[test]
fn completions_are_in_sync() {
    let home = common::Home::new();
    for (shell, file) in [
        ("bash", "completions/konnect.bash"),
        ("zsh", "completions/_konnect"),
        ("fish", "completions/konnect.fish"),
        ("elvish", "completions/konnect.elv"),
        ("powershell", "completions/_konnect.ps1"),
    ] {
        let mut c = home.cmd();
        c.args(["completions", shell]);
        let out = common::started(|| c.output());
        assert!(out.status.success(), "{shell}");
        check(file, &out.stdout);
    }
}

#[test]
fn man_page_is_in_sync() {
    let mut out = Vec::new();
    clap_mangen::Man::new(konnect::cli::Cli::command())
        .render(&mut out)
        .unwrap();
    check("doc/konnect.1", &out);
}
