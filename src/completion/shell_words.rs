//! The words of a command line as the command will receive them, not as a shell's completion
//! hands them over. bash's own words (`COMP_WORDS`) split `--env=test` at the `=` and, with
//! the cursor between two words, put the word being started in the place of the next one;
//! zsh's keep their quotes (`'test'`). So bash's script hands over the line and the cursor,
//! and both are read here: blanks split, quotes and backslashes come off, an unquoted `~`
//! starting a word is the home, a comment ends the line and a redirection's file is no word.

/// The folder a shell's `~` stands for.
pub fn home() -> Option<String> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(home.to_string_lossy().into_owned())
}

/// `value` as one word of bash's line: what bash would read otherwise behind a backslash.
pub fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_whitespace() || "\"'\\$`<>()|&;*?[]{}!#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A word as read: its text, whether it is a redirection's file, whether it starts with a
/// `~` the shell expands.
#[derive(Default)]
struct Word {
    text: String,
    target: bool,
    tilde: bool,
}

/// The words of bash's `line` and the index of the one under the cursor, `point` characters
/// in (bash counts characters). That word holds what is typed before the cursor, as typed; a
/// cursor between words starts an empty one. None when the cursor is where no argument goes
/// (a comment, a redirection's file).
pub fn split(line: &str, point: usize, home: Option<&str>) -> Option<(Vec<String>, usize)> {
    let (words, cursor) = read(line, Some(point));
    let cursor = cursor?;
    if words.get(cursor).is_none_or(|w| w.target) {
        return None;
    }
    let index = words[..cursor].iter().filter(|w| !w.target).count();
    Some((arguments(words, Some(cursor), home), index))
}

/// One word as zsh hands it over (its quotes on): as the command will receive it. `home` is
/// for a leading `~`; None for the word under the cursor, which stays as typed.
pub fn unquote(word: &str, home: Option<&str>) -> String {
    arguments(read(word, None).0, None, home).concat()
}

/// The argument words of `words` (no redirection's file), a leading `~` made `home` but in the
/// word under the cursor.
fn arguments(words: Vec<Word>, cursor: Option<usize>, home: Option<&str>) -> Vec<String> {
    words
        .into_iter()
        .enumerate()
        .filter(|(_, w)| !w.target)
        .map(|(k, w)| match home {
            Some(home) if w.tilde && Some(k) != cursor => format!("{home}{}", &w.text[1..]),
            _ => w.text,
        })
        .collect()
}

/// Reads `line` into words, and finds the one the cursor at `point` is in.
fn read(line: &str, point: Option<usize>) -> (Vec<Word>, Option<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let point = point.map(|p| p.min(chars.len()));
    let mut words: Vec<Word> = Vec::new();
    // The word being read, and whether the cursor is in it (what follows it is not taken).
    let mut word: Option<Word> = None;
    let mut cut = false;
    let mut quote: Option<char> = None;
    let mut cursor = None;
    let mut target_next = false;
    let mut i = 0;
    loop {
        if Some(i) == point && cursor.is_none() {
            cursor = Some(words.len());
            match word {
                Some(_) => cut = true,
                None => words.push(Word {
                    target: std::mem::take(&mut target_next),
                    ..Word::default()
                }),
            }
        }
        let Some(&c) = chars.get(i) else { break };
        i += 1;
        if quote.is_none() {
            if c.is_whitespace() {
                words.extend(word.take());
                cut = false;
                continue;
            }
            // A comment runs to the end of the line.
            if c == '#' && word.is_none() {
                break;
            }
            // A redirection: a number just before it is its descriptor, the word after it
            // its file; neither is an argument.
            if matches!(c, '<' | '>') {
                match word.take() {
                    Some(w) if !w.text.is_empty() && w.text.chars().all(|d| d.is_ascii_digit()) => {}
                    w => words.extend(w),
                }
                while Some(i) != point && chars.get(i).is_some_and(|n| matches!(n, '<' | '>' | '&' | '|')) {
                    i += 1;
                }
                cut = false;
                target_next = true;
                continue;
            }
        }
        let starts = word.is_none();
        let w = word.get_or_insert_with(|| Word {
            target: std::mem::take(&mut target_next),
            ..Word::default()
        });
        let literal = match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                None
            }
            (Some(q), _) if c == q => {
                quote = None;
                None
            }
            // Outside quotes a backslash takes the next character as it is; inside double
            // quotes only before the characters it escapes there.
            (None, '\\') => chars.get(i).copied().inspect(|_| i += 1),
            (Some('"'), '\\') if chars.get(i).is_some_and(|n| matches!(n, '"' | '\\' | '$' | '`')) => {
                i += 1;
                chars.get(i - 1).copied()
            }
            _ => Some(c),
        };
        if starts && c == '~' && quote.is_none() {
            w.tilde = chars.get(i).is_none_or(|n| *n == '/' || n.is_whitespace());
        }
        if let (Some(c), false) = (literal, cut) {
            w.text.push(c);
        }
    }
    words.extend(word);
    (words, cursor)
}

#[cfg(test)]
mod tests {
    use super::{escaped, split, unquote};

    fn at_end(line: &str) -> Option<(Vec<String>, usize)> {
        split(line, line.chars().count(), Some("/home/k"))
    }

    fn words(list: &[&str], index: usize) -> Option<(Vec<String>, usize)> {
        Some((list.iter().map(|w| w.to_string()).collect(), index))
    }

    #[test]
    fn an_equals_sign_stays_in_its_word_and_a_blank_before_the_cursor_starts_a_word() {
        assert_eq!(at_end("konnect --env=te"), words(&["konnect", "--env=te"], 1));
        assert_eq!(at_end("konnect status "), words(&["konnect", "status", ""], 2));
    }

    #[test]
    fn the_words_after_the_cursor_are_kept_and_the_one_under_it_is_cut_there() {
        // The cursor after `status ` (Devanagari counts as characters, as bash counts them).
        let line = "konnect राम status  --env test";
        let expected = words(&["konnect", "राम", "status", "", "--env", "test"], 3);
        assert_eq!(split(line, 19, None), expected);
        // The cursor inside `status`: the word is what is before it.
        let expected = words(&["konnect", "stat", "--env", "test"], 1);
        assert_eq!(split("konnect status --env test", 12, None), expected);
        // The cursor at the start of a word: an empty word is started before it.
        let expected = words(&["konnect", "status", "", "--env"], 2);
        assert_eq!(split("konnect status --env", 15, None), expected);
    }

    #[test]
    fn quotes_and_backslashes_come_off_and_an_unquoted_tilde_starting_a_word_is_the_home() {
        let expected = words(&["konnect", "--journal", "/tmp/my fi"], 2);
        assert_eq!(at_end(r#"konnect --journal '/tmp/my fi"#), expected);
        let (list, _) = at_end(r#"konnect --journal "/a \"b\" \x" /c\ d x"#).unwrap();
        assert_eq!(list, ["konnect", "--journal", r#"/a "b" \x"#, "/c d", "x"]);
        // The shell expands `~` starting a word, never after `=` or in quotes; the word
        // being typed stays as typed.
        let (list, _) = at_end("konnect --journal ~/j --journal=~/j '~/j' ~ ~x ~/").unwrap();
        assert_eq!(
            list,
            [
                "konnect",
                "--journal",
                "/home/k/j",
                "--journal=~/j",
                "~/j",
                "/home/k",
                "~x",
                "~/"
            ]
        );
        assert_eq!(unquote("'test'", None), "test");
        assert_eq!(unquote(r"/tmp/a\ b", None), "/tmp/a b");
        assert_eq!(unquote("~/j", Some("/home/k")), "/home/k/j");
        // What bash is handed back reads as the same one word.
        let odd = "/tmp/dir é/a b'c\"$(x);#";
        assert_eq!(escaped(odd), r#"/tmp/dir\ é/a\ b\'c\"\$\(x\)\;\#"#);
        assert_eq!(unquote(&escaped(odd), None), odd);
        // A lone backslash at the end, an empty line, a point far past the end: no panic.
        assert_eq!(at_end("konnect \\"), words(&["konnect", ""], 1));
        assert_eq!(split("", 0, None), words(&[""], 0));
        assert_eq!(split("konnect", 1000, None), words(&["konnect"], 0));
    }

    #[test]
    fn a_comment_ends_the_line_and_a_redirection_is_no_argument() {
        let expected = words(&["konnect", "status", "1"], 2);
        assert_eq!(split("konnect status 1 # --env test", 16, None), expected);
        let expected = words(&["konnect", "status", "1", "test"], 2);
        assert_eq!(split("konnect status 1 > --env test", 16, None), expected);
        assert_eq!(
            split("konnect status 1 2>>log --env test", 16, None).unwrap().0,
            ["konnect", "status", "1", "--env", "test"]
        );
        // The cursor in a comment or at a redirection's file: nothing to complete.
        assert_eq!(at_end("konnect status # x"), None);
        assert_eq!(at_end("konnect status >"), None);
        assert_eq!(at_end("konnect status > lo"), None);
    }
}
