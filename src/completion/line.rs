//! The words a shell hands over for a completion: what is already typed around the word under
//! the cursor, read as konnect will read it (`--flag VALUE` or `--flag=VALUE`, the last one
//! winning, wherever it is), so that the journal, the environment and the ISP on the line are
//! honoured.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::settings::{Env, Overrides};

/// The command line being completed.
#[derive(Debug, Default)]
pub struct Line {
    /// The words besides the one being completed, up to a `--` (after it nothing is a flag).
    others: Vec<String>,
    /// The word being completed, as far as it is typed.
    current: String,
    /// Whether a value of the journal was asked for: the word is a value, never a flag.
    asked: AtomicBool,
}

impl Line {
    /// The line of `words` (the program's name first) completed at `index`.
    pub fn new(words: &[OsString], index: usize) -> Line {
        let text = |w: &OsString| w.to_string_lossy().into_owned();
        let others = words
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(i, _)| *i != index)
            .map(|(_, w)| w)
            .take_while(|w| *w != "--")
            .map(text)
            .collect();
        Line {
            others,
            current: words.get(index).map(text).unwrap_or_default(),
            asked: AtomicBool::new(false),
        }
    }

    pub fn current(&self) -> &str {
        &self.current
    }

    /// Notes that the journal was asked for the word's values (see [`Line::asked`]).
    pub fn ask(&self) -> &Line {
        self.asked.store(true, Ordering::Relaxed);
        self
    }

    /// Whether the word under the cursor takes a value the journal knows: a reference, a
    /// customer, a day. Then nothing else is offered, not even when the journal has none.
    pub fn asked(&self) -> bool {
        self.asked.load(Ordering::Relaxed)
    }

    /// The value last given to the long flag `flag` (`--isp`) on the line.
    pub fn value_of(&self, flag: &str) -> Option<&str> {
        let mut found = None;
        let mut words = self.others.iter();
        while let Some(word) = words.next() {
            if word == flag {
                found = words.next().map(String::as_str).or(found);
            } else if let Some(value) = word.strip_prefix(flag).and_then(|w| w.strip_prefix('=')) {
                found = Some(value);
            }
        }
        found
    }

    /// Whether the long flag `flag` is given on the line, alone or with its `=VALUE`.
    pub fn gives(&self, flag: &str) -> bool {
        self.others
            .iter()
            .any(|w| w == flag || w.strip_prefix(flag).is_some_and(|rest| rest.starts_with('=')))
    }

    /// Whether the short flag `-s` is given on the line, alone or among others (`-qy`).
    pub fn gives_short(&self, s: char) -> bool {
        self.others.iter().any(|w| {
            w.strip_prefix('-').is_some_and(|cluster| {
                !cluster.starts_with('-')
                    && cluster.chars().all(|c| c.is_ascii_alphabetic())
                    && cluster.contains(s)
            })
        })
    }

    /// What the line says about where the journal is and which environment it is for.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            env: self.value_of("--env").and_then(Env::parse),
            base_url: self.value_of("--base-url").map(str::to_string),
            journal: self.value_of("--journal").map(PathBuf::from),
            sandbox: self.gives("--sandbox"),
            ..Overrides::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Line {
        let words: Vec<OsString> = words.iter().map(OsString::from).collect();
        Line::new(&words, words.len() - 1)
    }

    #[test]
    fn flags_before_the_cursor_are_read_as_konnect_reads_them() {
        let l = line(&[
            "konnect",
            "--journal=/a.sqlite3",
            "--env",
            "live",
            "pay",
            "--env",
            "test",
            "--isp",
            "izone",
            "--user",
            "97",
        ]);
        assert_eq!(l.value_of("--journal"), Some("/a.sqlite3"));
        assert_eq!(l.value_of("--env"), Some("test"), "the last one wins");
        assert_eq!(l.value_of("--isp"), Some("izone"));
        assert_eq!(l.current(), "97");
        assert_eq!(l.overrides().env, Some(Env::Test));
        assert!(!l.gives("--sandbox"));
    }

    #[test]
    fn the_word_under_the_cursor_and_what_follows_a_double_dash_are_not_flags() {
        let l = line(&["konnect", "pay", "--isp", "izo"]);
        assert_eq!(l.value_of("--isp"), None, "a value being typed is not given yet");
        // What follows the cursor counts as well: konnect will read it.
        let words: Vec<OsString> = ["konnect", "--env", "live", "status", "", "--env", "test"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(Line::new(&words, 4).value_of("--env"), Some("test"));
        let l = line(&["konnect", "status", "--", "--sandbox", ""]);
        assert!(!l.gives("--sandbox"));
        let l = line(&["konnect", "--env"]);
        assert_eq!(l.value_of("--env"), None);
        assert_eq!(l.current(), "--env");
    }
}
