//! `konnect version` (and `konnect --version --verbose`): what this binary is, for the person
//! who supports a shop: version, commit, build date, target, features, journal schema.

use std::process::ExitCode;

use serde_json::{Value, json};

use crate::build_info as b;

/// The version as a JSON document.
pub fn document() -> Value {
    json!({
        "ok": true,
        "version": b::VERSION,
        "commit": b::COMMIT,
        "tree": b::TREE,
        "build_date": b::BUILD_DATE,
        "target": b::TARGET,
        "features": b::features(),
        "journal_schema": {
            "sqlite": crate::journal::SQLITE_VERSION,
            "postgresql": crate::journal::POSTGRES_VERSION,
        },
    })
}

/// The version for people, one fact a line.
pub fn text() -> String {
    let commit = match (b::COMMIT, b::TREE) {
        ("unknown", _) => "unknown".to_string(),
        (c, "dirty") => format!("{c} (with uncommitted changes)"),
        (c, _) => c.to_string(),
    };
    format!(
        "konnect {}\ncommit    {commit}\nbuilt     {}\ntarget    {}\nfeatures  {}\njournal   schema {} (SQLite), {} (PostgreSQL)\n",
        b::VERSION,
        b::BUILD_DATE,
        b::TARGET,
        b::features().join(", "),
        crate::journal::SQLITE_VERSION,
        crate::journal::POSTGRES_VERSION,
    )
}

pub fn run(json: bool) -> anyhow::Result<ExitCode> {
    if json {
        println!("{}", crate::text::json_line(&document()));
    } else {
        print!("{}", text());
    }
    Ok(ExitCode::SUCCESS)
}

/// `konnect --version --verbose` (with `--json`, or `-v`/`-vv`): clap's own `--version` prints
/// the one line before any other flag is read, so this is told apart from argv first.
pub fn asked_verbosely(args: &[std::ffi::OsString]) -> Option<bool> {
    let words: Vec<&str> = args.iter().skip(1).map(|a| a.to_str().unwrap_or("")).collect();
    let is_version = |w: &&str| matches!(*w, "--version" | "-V");
    let is_verbose = |w: &&str| {
        w == &"--verbose" || (w.len() > 1 && w.starts_with('-') && w[1..].chars().all(|c| c == 'v'))
    };
    let known = |w: &&str| is_version(w) || is_verbose(w) || *w == "--json";
    (words.iter().any(is_version) && words.iter().any(is_verbose) && words.iter().all(known))
        .then(|| words.contains(&"--json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("konnect")
            .chain(words.iter().copied())
            .map(Into::into)
            .collect()
    }

    #[test]
    fn only_the_version_and_verbose_flags_ask_for_the_long_version() {
        assert_eq!(asked_verbosely(&argv(&["--version", "--verbose"])), Some(false));
        assert_eq!(asked_verbosely(&argv(&["-v", "-V", "--json"])), Some(true));
        assert_eq!(asked_verbosely(&argv(&["-vv", "--version"])), Some(false));
        assert_eq!(asked_verbosely(&argv(&["--version"])), None);
        assert_eq!(asked_verbosely(&argv(&["pay", "--version", "-v"])), None);
        assert_eq!(asked_verbosely(&argv(&["--verbose"])), None);
    }

    #[test]
    fn the_document_and_the_text_tell_the_same() {
        let doc = document();
        let text = text();
        assert!(text.starts_with(&format!("konnect {}\n", doc["version"].as_str().unwrap())));
        assert!(text.contains(doc["target"].as_str().unwrap()));
        assert!(text.contains(doc["build_date"].as_str().unwrap()));
        assert_eq!(doc["journal_schema"]["sqlite"], crate::journal::SQLITE_VERSION);
    }
}
