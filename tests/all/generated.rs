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
        let out = c.output().unwrap();
        assert!(out.status.success(), "{shell}");
        check(file, &out.stdout);
    }
}

#[test]
fn isp_slugs_complete_as_values_of_isp() {
    let bash =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/konnect.bash"))
            .unwrap();
    assert!(
        bash.contains("izone world-fiber-net dg-link loop-network acme-internet"),
        "bash offers the slugs"
    );
    let zsh =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/_konnect")).unwrap();
    for isp in konnect::isp::ISPS {
        let offered = format!("{}\\:\"{}\"", isp.slug, isp.name);
        assert!(zsh.contains(&offered), "zsh offers {offered}");
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

#[test]
fn references_complete_from_the_journal_and_user_names_do_not_complete_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bash = std::fs::read_to_string(root.join("completions/konnect.bash")).unwrap();
    assert_eq!(
        bash.matches("$(konnect __references 2>/dev/null)").count(),
        2,
        "status and receipt"
    );
    let user = bash.split("--user)").nth(1).unwrap();
    assert!(!user[..80].contains("compgen -f"), "--user offers no file names");
    let zsh = std::fs::read_to_string(root.join("completions/_konnect")).unwrap();
    assert_eq!(zsh.matches(":_konnect_references'").count(), 2, "{zsh}");
    let home = crate::common::Home::new();
    let pay = crate::common::pay_args("active", "1-13286-5-3", &[]);
    let (_, doc, _) = crate::common::run_json(home.sandbox(&pay));
    let reference = doc["reference"].as_str().unwrap();
    let (code, out, err) = crate::common::run(home.sandbox(&["__references"]));
    assert_eq!(code, 0, "{err}");
    let short = out.trim();
    assert!(short.len() >= 8 && reference.ends_with(short), "{out}");
}
