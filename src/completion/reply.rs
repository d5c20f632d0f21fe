//! The answer to a shell, in the form its script (clap_complete's registration) reads: which
//! word is under the cursor, and the candidates with their descriptions where it shows them.

use std::ffi::OsString;

use clap_complete::CompletionCandidate;

use super::bash_line;

/// How a shell asks and how it wants the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Values separated by `_CLAP_IFS`, read by our own script (`konnect.bash`), which hands
    /// over the whole line and the cursor.
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

    /// The words of the line (the program's name first) and the index of the one being
    /// completed: bash's from the whole line its script hands over (see [`bash_line`]), the
    /// others' from the words after `--`. The word at the index always exists (maybe empty).
    pub fn words(self, given: &[OsString]) -> (Vec<OsString>, usize) {
        let var = |k: &str| std::env::var(k).ok();
        let point = var("_KONNECT_POINT").and_then(|p| p.parse().ok());
        if let (Reply::Bash, Some(line), Some(point)) = (self, var("_KONNECT_LINE"), point) {
            let (words, index) = bash_line::split(&line, point);
            return (words.into_iter().map(OsString::from).collect(), index);
        }
        let mut words = given.to_vec();
        // A word just past the last one is the empty word being started; beyond it, nonsense.
        let index = self.index(&words).min(words.len());
        if words.len() == index {
            words.push(OsString::new());
        }
        (words, index)
    }

    /// The index of the word being completed among `words` (the program's name first).
    fn index(self, words: &[OsString]) -> usize {
        let last = words.len().saturating_sub(1);
        match self {
            Reply::Bash | Reply::Elvish | Reply::Zsh => std::env::var("_CLAP_COMPLETE_INDEX")
                .ok()
                .and_then(|i| i.parse().ok())
                .unwrap_or(last),
            Reply::Fish | Reply::PowerShell => last,
        }
    }

    /// The candidates for the word `current` as the shell's script reads them. bash
    /// replaces only its own last piece of that word (`te` of `--env=te`: its words break at
    /// `=` and `:`), which its script hands over as `_KONNECT_WORD`: each value starts there.
    pub fn write(self, candidates: &[CompletionCandidate], current: &str) -> String {
        let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let piece = std::env::var("_KONNECT_WORD")
            .ok()
            .filter(|_| self == Reply::Bash);
        let before = piece
            .as_deref()
            .map_or("", |p| current.strip_suffix(p).unwrap_or(""));
        let candidates: Vec<&CompletionCandidate> = candidates
            .iter()
            .filter(|c| c.get_value().to_string_lossy().starts_with(before))
            .collect();
        let value = |c: &CompletionCandidate| c.get_value().to_string_lossy()[before.len()..].to_string();
        let help = |c: &CompletionCandidate| {
            c.get_help()
                .map(|h| crate::text::clean(h.to_string().lines().next().unwrap_or("")).into_owned())
        };
        let items: Vec<String> = candidates
            .into_iter()
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
