//! The answer to a shell, in the form its script (clap_complete's registration) reads: which
//! word is under the cursor, and the candidates with their descriptions where it shows them.

use std::ffi::OsString;

use clap_complete::CompletionCandidate;

use super::shell_words;

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

    /// The words of the line (the program's name first) as the command will receive them,
    /// and the index of the one being completed ([`shell_words`]): bash's from the whole line
    /// its script hands over, the others' from the words after `--`. The word at the index
    /// always exists (maybe empty); None when the cursor is where no argument goes.
    pub fn words(self, given: &[OsString]) -> Option<(Vec<OsString>, usize)> {
        let var = |k: &str| std::env::var(k).ok();
        let home = shell_words::home(&var);
        let point = var("_KONNECT_POINT").and_then(|p| p.parse().ok());
        if let (Reply::Bash, Some(line), Some(point)) = (self, var("_KONNECT_LINE"), point) {
            let (words, index) = shell_words::split(&line, point, &var)?;
            return Some((words.into_iter().map(OsString::from).collect(), index));
        }
        let mut words = given.to_vec();
        // A word just past the last one is the empty word being started; beyond it, nonsense.
        let index = self.index(&words).min(words.len());
        if words.len() == index {
            words.push(OsString::new());
        }
        for (k, word) in words.iter_mut().enumerate() {
            // The word being typed stays as typed; the others as the command gets them.
            let home = home.as_deref().filter(|_| k != index);
            let text = word.to_string_lossy();
            let taken = match self {
                // zsh's words keep their quotes.
                Reply::Zsh => shell_words::unquote(&text, &var, k != index),
                // fish's have theirs off already, but not a `~` expanded.
                Reply::Fish => match home.and_then(|home| shell_words::home_expanded(&text, home)) {
                    Some(expanded) => expanded,
                    None => continue,
                },
                _ => continue,
            };
            *word = OsString::from(taken);
        }
        Some((words, index))
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
        // bash inserts a value as it is: a folder's space would split the word (inside a
        // quote the word is its text: bash's script says when).
        let escape = self == Reply::Bash && std::env::var_os("_KONNECT_QUOTED").is_none_or(|q| q.is_empty());
        let help = |c: &CompletionCandidate| {
            c.get_help()
                .map(|h| crate::text::clean(h.to_string().lines().next().unwrap_or("")).into_owned())
        };
        let items: Vec<String> = candidates
            .into_iter()
            .map(|c| match self {
                Reply::Bash if escape => shell_words::escaped(&value(c)),
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
