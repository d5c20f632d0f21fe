//! The answer to a shell, in the form its script (clap_complete's registration) reads: which
//! word is under the cursor, and the candidates with their descriptions where it shows them.

use std::ffi::OsString;

use clap_complete::CompletionCandidate;

/// How a shell asks and how it wants the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Values separated by `_CLAP_IFS`; the word's index in `_CLAP_COMPLETE_INDEX`.
    Bash,
    Elvish,
    /// `value<TAB>description` lines, read by our own script (`konnect.zsh`); the word's
    /// index in `_CLAP_COMPLETE_INDEX`.
    Zsh,
    /// `value<TAB>description` lines; the word under the cursor is the last.
    Fish,
    PowerShell,
}

impl Reply {
    /// The shell named by `KONNECT_COMPLETE` (a path to it, as `$SHELL` gives, is taken too).
    pub fn for_shell(name: &str) -> Option<Reply> {
        let name = std::path::Path::new(name).file_stem()?.to_str()?;
        Some(match name {
            "bash" => Reply::Bash,
            "elvish" => Reply::Elvish,
            "zsh" => Reply::Zsh,
            "fish" => Reply::Fish,
            "powershell" | "pwsh" | "powershell_ise" => Reply::PowerShell,
            _ => return None,
        })
    }

    /// The index of the word being completed among `words` (the program's name first).
    pub fn index(self, words: &[OsString]) -> usize {
        let last = words.len().saturating_sub(1);
        match self {
            Reply::Bash | Reply::Elvish | Reply::Zsh => std::env::var("_CLAP_COMPLETE_INDEX")
                .ok()
                .and_then(|i| i.parse().ok())
                .unwrap_or(last),
            Reply::Fish | Reply::PowerShell => last,
        }
    }

    /// The candidates as the shell's script reads them.
    pub fn write(self, candidates: &[CompletionCandidate]) -> String {
        let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let value = |c: &CompletionCandidate| c.get_value().to_string_lossy().into_owned();
        let help = |c: &CompletionCandidate| {
            c.get_help()
                .map(|h| crate::text::clean(h.to_string().lines().next().unwrap_or("")).into_owned())
        };
        let items: Vec<String> = candidates
            .iter()
            .map(|c| match self {
                Reply::Bash | Reply::Elvish => value(c),
                Reply::Zsh | Reply::Fish | Reply::PowerShell => match help(c) {
                    Some(h) => format!("{}\t{h}\n", value(c)),
                    None => format!("{}\n", value(c)),
                },
            })
            .collect();
        match self {
            Reply::Zsh | Reply::Fish | Reply::PowerShell => items.concat(),
            _ => items.join(&ifs),
        }
    }
}
