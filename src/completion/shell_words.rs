//! The words of a command line as the command will receive them, not as a shell's completion
//! hands them over. bash's own words (`COMP_WORDS`) split `--env=test` at the `=` and, with
//! the cursor between two words, put the word being started in the place of the next one;
//! zsh's keep their quotes (`'test'`). So bash's script hands over the line and the cursor,
//! and both are read here: blanks split, quotes and backslashes come off, an unquoted `~`
//! starting a word is the home, a comment ends the line and a redirection's file is no word.

/// What a `$NAME` on the line stands for: the environment the shell started konnect in.
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The folder a shell's `~` stands for.
pub fn home(vars: Vars) -> Option<String> {
    vars("HOME").or_else(|| vars("USERPROFILE"))
}

/// `text` with its leading `~` (alone, or before a `/`) made `home`; None when it has none.
pub fn home_expanded(text: &str, home: &str) -> Option<String> {
    let rest = text.strip_prefix('~')?;
    (rest.is_empty() || rest.starts_with('/')).then(|| format!("{home}{rest}"))
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

/// A word as read: as typed (quotes off), as the shell expands it (`$NAME`, a leading `~`),
/// and whether it is a redirection's file.
#[derive(Default)]
struct Word {
    typed: String,
    expanded: String,
    target: bool,
    tilde: bool,
}

impl Word {
    fn push(&mut self, c: char) {
        self.typed.push(c);
        self.expanded.push(c);
    }
}

/// The words of bash's `line` and the index of the one under the cursor, `point` characters
/// in (bash counts characters). That word holds what is typed before the cursor, as typed; a
/// cursor between words starts an empty one. None when the cursor is where no argument goes
/// (a comment, a redirection's file).
pub fn split(line: &str, point: usize, vars: Vars) -> Option<(Vec<String>, usize)> {
    let (words, cursor) = read(line, Some(point), vars);
    let cursor = cursor?;
    if words.get(cursor).is_none_or(|w| w.target) {
        return None;
    }
    let index = words[..cursor].iter().filter(|w| !w.target).count();
    Some((arguments(words, Some(cursor), vars), index))
}

/// One word as zsh hands it over (its quotes on), as the command will receive it; `expand`
/// is false for the word under the cursor, which stays as typed.
pub fn unquote(word: &str, vars: Vars, expand: bool) -> String {
    let (words, _) = read(word, None, vars);
    arguments(words, (!expand).then_some(0), vars).concat()
}

/// The argument words of `words` (no redirection's file), expanded but the one under the
/// cursor.
fn arguments(words: Vec<Word>, cursor: Option<usize>, vars: Vars) -> Vec<String> {
    let home = home(vars);
    words
        .into_iter()
        .enumerate()
        .filter(|(_, w)| !w.target)
        .map(|(k, w)| match &home {
            _ if Some(k) == cursor => w.typed,
            Some(home) if w.tilde => home_expanded(&w.expanded, home).unwrap_or(w.expanded),
            _ => w.expanded,
        })
        .collect()
}

/// Reads `line` into words, and finds the one the cursor at `point` is in.
fn read(line: &str, point: Option<usize>, vars: Vars) -> (Vec<Word>, Option<usize>) {
    let chars: Vec<char> = line.chars().collect();
    let point = point.map(|p| p.min(chars.len()));
    let mut words: Vec<Word> = Vec::new();
    // The word being read, and whether the cursor is in it (what follows it is not taken).
    let mut word: Option<Word> = None;
    let mut cut = false;
    // `'`, `"`, or `$` for bash's `$'…'`, whose backslashes escape as C's do.
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
        let next = chars.get(i).copied();
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
                    Some(w) if !w.typed.is_empty() && w.typed.chars().all(|d| d.is_ascii_digit()) => {}
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
        if starts && c == '~' && quote.is_none() {
            w.tilde = next.is_none_or(|n| n == '/' || n.is_whitespace());
        }
        let literal = match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                None
            }
            // `$'…'` and `$"…"`: quotes of their own.
            (None, '$') if matches!(next, Some('\'' | '"')) => {
                quote = next.map(|q| if q == '\'' { '$' } else { q });
                i += 1;
                None
            }
            (Some('$'), '\'') => {
                quote = None;
                None
            }
            (Some(q), _) if c == q && q != '$' => {
                quote = None;
                None
            }
            // A variable, outside single quotes: its value from the environment (kept as
            // typed when it is not there: the shell may know it unexported).
            (None | Some('"'), '$')
                if next.is_some_and(|n| n == '{' || n == '_' || n.is_ascii_alphabetic()) =>
            {
                let (name, end) = variable(&chars, i, point);
                let raw: String = chars[i - 1..end].iter().collect();
                i = end;
                if !cut {
                    w.typed.push_str(&raw);
                    let value = name.and_then(|n| vars(&n));
                    w.expanded.push_str(value.as_deref().unwrap_or(&raw));
                }
                None
            }
            // Outside quotes a backslash takes the next character as it is; inside double
            // quotes only before the characters it escapes there; in `$'…'`, as C does.
            (None, '\\') => next.inspect(|_| i += 1),
            (Some('"'), '\\') if next.is_some_and(|n| matches!(n, '"' | '\\' | '$' | '`')) => {
                i += 1;
                next
            }
            (Some('$'), '\\') => {
                i += 1;
                match next {
                    Some('n') => Some('\n'),
                    Some('t') => Some('\t'),
                    Some('r') => Some('\r'),
                    Some('e' | 'E') => Some('\u{1b}'),
                    Some(n @ ('\\' | '\'' | '"' | '?')) => Some(n),
                    Some(n) => {
                        if !cut {
                            w.push('\\');
                        }
                        Some(n)
                    }
                    None => Some('\\'),
                }
            }
            _ => Some(c),
        };
        if let (Some(c), false) = (literal, cut) {
            w.push(c);
        }
    }
    words.extend(word);
    (words, cursor)
}

/// The variable named from `from` on (just past its `$`: `NAME` or `{NAME}`, read no further
/// than the cursor at `point`), and where it ends; no name when its brace is not closed.
fn variable(chars: &[char], from: usize, point: Option<usize>) -> (Option<String>, usize) {
    let braced = chars.get(from) == Some(&'{');
    let start = from + usize::from(braced);
    let mut end = start;
    while end < chars.len() && Some(end) != point && (chars[end] == '_' || chars[end].is_ascii_alphanumeric())
    {
        end += 1;
    }
    let name: String = chars[start..end].iter().collect();
    match braced {
        false => (Some(name), end),
        true if chars.get(end) == Some(&'}') && !name.is_empty() => (Some(name), end + 1),
        true => (None, end),
    }
}

#[cfg(test)]
mod tests {
    use super::{escaped, split, unquote};

    /// The environment of these tests: a home, a name, and nothing else.
    fn vars(name: &str) -> Option<String> {
        match name {
            "HOME" => Some("/home/k".into()),
            "SHOP" => Some("kathmandu".into()),
            _ => None,
        }
    }

    fn none(_: &str) -> Option<String> {
        None
    }

    fn at_end(line: &str) -> Option<(Vec<String>, usize)> {
        split(line, line.chars().count(), &vars)
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
        assert_eq!(split(line, 19, &none), expected);
        // The cursor inside `status`: the word is what is before it.
        let expected = words(&["konnect", "stat", "--env", "test"], 1);
        assert_eq!(split("konnect status --env test", 12, &none), expected);
        // The cursor at the start of a word: an empty word is started before it.
        let expected = words(&["konnect", "status", "", "--env"], 2);
        assert_eq!(split("konnect status --env", 15, &none), expected);
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
        assert_eq!(unquote("'test'", &vars, true), "test");
        assert_eq!(unquote(r"/tmp/a\ b", &vars, true), "/tmp/a b");
        assert_eq!(unquote("~/j", &vars, true), "/home/k/j");
        assert_eq!(unquote("~/j", &vars, false), "~/j", "the word being typed");
        // What bash is handed back reads as the same one word.
        let odd = "/tmp/dir é/a b'c\"$(x);#";
        assert_eq!(escaped(odd), r#"/tmp/dir\ é/a\ b\'c\"\$\(x\)\;\#"#);
        assert_eq!(unquote(&escaped(odd), &none, true), odd);
        // A lone backslash at the end, an empty line, a point far past the end: no panic.
        assert_eq!(at_end("konnect \\"), words(&["konnect", ""], 1));
        assert_eq!(split("", 0, &none), words(&[""], 0));
        assert_eq!(split("konnect", 1000, &none), words(&["konnect"], 0));
    }

    #[test]
    fn variables_and_c_quotes_are_read_as_bash_reads_them() {
        let (list, _) =
            at_end(r#"konnect --journal $HOME/j "${SHOP}.db" '$SHOP' $NOPE/x $'te\x' $'a\tb' $"test" "#)
                .unwrap();
        assert_eq!(
            list,
            [
                "konnect",
                "--journal",
                "/home/k/j",
                "kathmandu.db",
                "$SHOP",
                "$NOPE/x",
                "te\\x",
                "a\tb",
                "test",
                ""
            ]
        );
        // The word being typed stays as typed; a brace never closed is text.
        assert_eq!(at_end("konnect --journal $HOME/j").unwrap().0[2], "$HOME/j");
        assert_eq!(at_end("konnect ${HOME x").unwrap().0[1], "${HOME");
    }

    #[test]
    fn a_comment_ends_the_line_and_a_redirection_is_no_argument() {
        let expected = words(&["konnect", "status", "1"], 2);
        assert_eq!(split("konnect status 1 # --env test", 16, &none), expected);
        let expected = words(&["konnect", "status", "1", "test"], 2);
        assert_eq!(split("konnect status 1 > --env test", 16, &none), expected);
        assert_eq!(
            split("konnect status 1 2>>log --env test", 16, &none).unwrap().0,
            ["konnect", "status", "1", "--env", "test"]
        );
        // The cursor in a comment or at a redirection's file: nothing to complete.
        assert_eq!(at_end("konnect status # x"), None);
        assert_eq!(at_end("konnect status >"), None);
        assert_eq!(at_end("konnect status > lo"), None);
    }
}
