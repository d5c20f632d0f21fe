//! Text from outside (the service, old journals, files) made safe to show: control characters
//! and bidirectional overrides could forge what a cashier reads, so they become a visible mark.

use std::borrow::Cow;

/// What stands in for a character that must not reach a terminal or a spreadsheet.
pub const STAND_IN: char = '\u{FFFD}';

/// C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates, and
/// the line and paragraph separators.
/// The zero-width joiner and non-joiner (which Devanagari needs) are not among them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                // Line and paragraph separators: a new line to some terminals and shells.
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// The text with every unsafe character replaced by [`STAND_IN`]; borrowed when already safe.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_unsafe(c) { STAND_IN } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// One CSV cell: cleaned, a leading `=`, `+`, `-` or `@` disarmed with `'` (a spreadsheet would
/// run it as a formula), and quoted when it must be (RFC 4180).
pub fn csv_cell(text: &str) -> String {
    let clean = clean(text);
    let cell = if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    };
    if cell.contains([',', '"']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// A JSON document on one line with every unsafe character escaped as `\uXXXX`, so a reader
/// that prints a field raw cannot be forged either. The data is unchanged for a JSON parser.
pub fn json_line(v: &serde_json::Value) -> String {
    let text = v.to_string();
    if !text.chars().any(is_unsafe) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            // Only inside strings: JSON's own syntax is ASCII and has no controls.
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The words of `text` as a line may break between them: an amount's currency stays with its
/// figure ("Rs. 5,999.00" is one word).
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            // "Rs. 5,999.00", "रु. ५,९९९.००": the currency stays with its figure.
            Some(last)
                if (last.ends_with("Rs.") || last.ends_with("रु."))
                    && word.starts_with(|c: char| c.is_ascii_digit() || ('०'..='९').contains(&c)) =>
            {
                last.push(' ');
                last.push_str(word);
            }
            // A command of ours to type (`konnect status 1e69fcfb`) stays on one line; a stray
            // backtick in someone else's words glues nothing.
            Some(last) if opens_a_command(last) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// Whether `word` starts one of our own commands in backticks (`` (`konnect status ``) that
/// has not ended yet.
fn opens_a_command(word: &str) -> bool {
    let word = word.trim_start_matches('(');
    word.starts_with("`konnect") && word.matches('`').count() == 1
}

/// Splits text into lines of at most `cols` display columns (Devanagari measured as it shows),
/// at spaces; a word wider than a line is cut between grapheme clusters.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let cols = cols.max(1);
    let width = |s: &str| console::measure_text_width(s);
    let mut lines = Vec::new();
    let mut line = String::new();
    for mut word in words(text) {
        loop {
            let sep = usize::from(!line.is_empty());
            if width(&line) + sep + width(&word) <= cols {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word wider than the line: cut it between grapheme clusters.
            let mut head = String::new();
            let mut rest = word.graphemes(true).peekable();
            while let Some(g) = rest.peek() {
                if width(&head) + width(g) > cols && !head.is_empty() {
                    break;
                }
                head.push_str(g);
                rest.next();
            }
            lines.push(head);
            word = rest.collect();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` after a mark such as `error:` (drawn as `styled`, its colour), wrapped at words to
/// `cols`, the later lines two columns in.
pub fn tagged(word: &str, styled: &str, text: &str, cols: usize) -> String {
    let lines = hanging(&format!("{word} "), "  ", text, cols);
    let text = lines.join("\n");
    // The first line starts with the word as written: its coloured form takes its place.
    match text.strip_prefix(word) {
        Some(rest) => format!("{styled}{rest}"),
        None => text,
    }
}

/// `text` wrapped at words with a hanging indent: the first line after `first`, the others
/// after `rest`; a column stays spare, so that no line reaches the terminal's edge.
pub fn hanging(first: &str, rest: &str, text: &str, cols: usize) -> Vec<String> {
    let width = |s: &str| console::measure_text_width(s);
    let room = cols.saturating_sub(width(first).max(width(rest)) + 1);
    wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| format!("{}{part}", if i == 0 { first } else { rest }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_and_paragraph_separators_are_neutralised_like_new_lines() {
        for c in ['\n', '\u{2028}', '\u{2029}', '\u{202E}'] {
            assert!(is_unsafe(c), "{c:?}");
        }
        assert!(!is_unsafe('\u{200D}'), "the joiner Devanagari needs");
    }

    #[test]
    fn a_hanging_indent_keeps_every_line_inside_the_width() {
        let lines = hanging(
            "✗ journal  ",
            "           ",
            "row 01a2 cannot be read; the row needs repair",
            30,
        );
        assert_eq!(
            lines,
            [
                "✗ journal  row 01a2 cannot be",
                "           read; the row",
                "           needs repair"
            ]
        );
        assert!(lines.iter().all(|l| console::measure_text_width(l) < 30));
        assert_eq!(hanging("", "  ", "one line", usize::MAX), ["one line"]);
    }

    #[test]
    fn lines_break_between_words_never_inside_an_amount_or_a_syllable() {
        let text = "Keep the customer's Rs. 5,999.00 (take it if you have not)";
        for cols in 12..40 {
            for line in wrap(text, cols) {
                assert!(console::measure_text_width(&line) <= cols, "{cols}: {line}");
                assert!(!line.ends_with("Rs."), "{cols}: {line}");
            }
            assert!(
                wrap(text, cols).iter().any(|l| l.contains("Rs. 5,999.00")),
                "{cols}"
            );
        }
        // A name wider than the line is cut between syllables: every piece starts with a
        // letter, never with a vowel sign or a virama that belongs to the one before.
        let name = "चन्द्रमणिन्यौपानेक्षत्रिय";
        for cols in 2..12 {
            let pieces = wrap(name, cols);
            assert_eq!(pieces.concat(), name);
            for piece in &pieces {
                let first = piece.chars().next().unwrap();
                assert!(!('\u{093E}'..='\u{094D}').contains(&first), "{cols}: {pieces:?}");
                assert!(
                    console::measure_text_width(piece) <= cols.max(3),
                    "{cols}: {pieces:?}"
                );
            }
        }
    }

    const FORGED: &str =
        "\u{1b}[2J\u{1b}[H\u{1b}[31mPAID Rs. 1.00\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{202E}cba\r\u{9b}31m\u{7f}";

    #[test]
    fn forged_screens_become_visible_marks() {
        let c = clean(FORGED);
        assert!(!c.chars().any(is_unsafe), "{c:?}");
        assert!(c.contains("PAID Rs. 1.00") && c.contains(STAND_IN));
        assert_eq!(clean("plain"), Cow::Borrowed("plain"));
    }

    #[test]
    fn devanagari_with_its_joiners_is_intact() {
        let name = "चन्द्रमणि न्यौपाने क्\u{200D}ष र\u{200C}";
        assert_eq!(clean(name), name);
    }

    #[test]
    fn csv_cells_cannot_run_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("line\nbreak"), "line\u{FFFD}break");
        assert_eq!(csv_cell("5999.00"), "5999.00");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives(s in any::<String>()) {
            prop_assert!(!clean(&s).chars().any(is_unsafe));
            prop_assert!(!csv_cell(&s).chars().any(is_unsafe));
            let v = serde_json::json!({"name": s, "list": [s]});
            let line = json_line(&v);
            prop_assert!(!line.chars().any(is_unsafe));
            let back: serde_json::Value = serde_json::from_str(&line).unwrap();
            prop_assert_eq!(back, v);
        }

        #[test]
        fn safe_text_is_untouched(s in "[a-zA-Z0-9 .,\u{0900}-\u{097F}\u{200C}\u{200D}]{0,40}") {
            prop_assert_eq!(clean(&s), Cow::Borrowed(s.as_str()));
        }
    }
}
