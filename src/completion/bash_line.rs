//! bash's command line read as konnect will receive it. bash's own words (`COMP_WORDS`) split
//! `--env=test` at the `=` and, with the cursor between two words, put the word being
//! started in the place of the next one: read so, `konnect status ⇥ --env test` would lose
//! its `--env`. So the script hands over the line and the cursor (`COMP_LINE`, `COMP_POINT`),
//! and the words are split here, at blanks, with quotes and backslashes taken off.

/// The words of `line` and the index of the one under the cursor, `point` characters in (as
/// bash counts them). That word holds what is typed before the cursor only; a cursor between
/// words starts an empty one.
pub fn split(line: &str, point: usize) -> (Vec<String>, usize) {
    let chars: Vec<char> = line.chars().collect();
    let point = point.min(chars.len());
    let mut words = Vec::new();
    // The word being read, while inside one, and whether the cursor is in it (what follows
    // the cursor is not taken).
    let mut word: Option<String> = None;
    let mut cut = false;
    let mut quote: Option<char> = None;
    let mut index = None;
    let mut i = 0;
    loop {
        if i == point && index.is_none() {
            index = Some(words.len());
            match word {
                Some(_) => cut = true,
                None => words.push(String::new()),
            }
        }
        let Some(&c) = chars.get(i) else { break };
        i += 1;
        if quote.is_none() && c.is_whitespace() {
            if let Some(w) = word.take() {
                words.push(w);
            }
            cut = false;
            continue;
        }
        let w = word.get_or_insert_with(String::new);
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
        if let (Some(c), false) = (literal, cut) {
            w.push(c);
        }
    }
    if let Some(w) = word {
        words.push(w);
    }
    let index = index.unwrap_or(words.len().saturating_sub(1));
    (words, index)
}

#[cfg(test)]
mod tests {
    use super::split;

    fn at_end(line: &str) -> (Vec<String>, usize) {
        split(line, line.chars().count())
    }

    #[test]
    fn an_equals_sign_stays_in_its_word_and_a_blank_before_the_cursor_starts_a_word() {
        assert_eq!(
            at_end("konnect --env=te"),
            (vec!["konnect".into(), "--env=te".into()], 1)
        );
        let (words, index) = at_end("konnect status ");
        assert_eq!(
            (words, index),
            (vec!["konnect".into(), "status".into(), String::new()], 2)
        );
    }

    #[test]
    fn the_words_after_the_cursor_are_kept_and_the_one_under_it_is_cut_there() {
        // The cursor after `status ` (Devanagari counts as characters, as bash counts them).
        let line = "konnect राम status  --env test";
        let (words, index) = split(line, 19);
        assert_eq!(words, ["konnect", "राम", "status", "", "--env", "test"]);
        assert_eq!(index, 3);
        // The cursor inside `status`: the word is what is before it.
        let (words, index) = split("konnect status --env test", 12);
        assert_eq!(words, ["konnect", "stat", "--env", "test"]);
        assert_eq!(index, 1);
        // The cursor at the start of a word: an empty word is started before it.
        let (words, index) = split("konnect status --env", 15);
        assert_eq!(words, ["konnect", "status", "", "--env"]);
        assert_eq!(index, 2);
    }

    #[test]
    fn quotes_and_backslashes_are_taken_off_as_bash_does() {
        let (words, index) = at_end(r#"konnect --journal '/tmp/my fi"#);
        assert_eq!(words, ["konnect", "--journal", "/tmp/my fi"]);
        assert_eq!(index, 2);
        let (words, _) = at_end(r#"konnect --journal "/a \"b\" \x" /c\ d x"#);
        assert_eq!(words, ["konnect", "--journal", r#"/a "b" \x"#, "/c d", "x"]);
        // A lone backslash at the end, an empty line, a point far past the end: no panic.
        assert_eq!(at_end("konnect \\"), (vec!["konnect".into(), String::new()], 1));
        assert_eq!(split("", 0), (vec![String::new()], 0));
        assert_eq!(split("konnect", 1000), (vec!["konnect".into()], 0));
    }
}
