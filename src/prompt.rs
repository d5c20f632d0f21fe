//! The questions konnect asks at the counter. Nothing else touches the terminal's input, and every
//! answer goes through the same check as the flag it stands in for.

use console::Key;
use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, Input, Password, Select};

use crate::api::wire::Package;
use crate::failure::Failure;
use crate::isp::{self, Isp};

/// Runs one of dialoguer's prompts. For a Ctrl-C, console raises SIGINT before the prompt
/// returns, and the handler reads the run's stage on a thread of its own: the prompt waits
/// until the handler has seen it, so that it is judged while this prompt is still asking
/// (a counter's next customer must never be taken for the interrupted one).
fn asked<T>(prompt: impl FnOnce() -> dialoguer::Result<T>) -> Result<T, Failure> {
    let seen = crate::interrupt::seen();
    prompt().map_err(|err| {
        if matches!(&err, dialoguer::Error::IO(e) if e.kind() == std::io::ErrorKind::Interrupted) {
            crate::interrupt::await_seen_after(seen);
        }
        ended(err)
    })
}

/// A read cut short by a signal: the cashier's Ctrl-C cancels; a kill ends the run (and this
/// waits for that).
fn interrupted() -> Failure {
    crate::interrupt::await_termination();
    Failure::cancelled()
}

/// Turns a prompt's failure into a cancellation (Ctrl-C, Esc) or an internal error.
fn ended(err: dialoguer::Error) -> Failure {
    let _ = Term::stderr().show_cursor();
    match err {
        dialoguer::Error::IO(e) if e.kind() == std::io::ErrorKind::Interrupted => interrupted(),
        dialoguer::Error::IO(e) => Failure::internal(format!(
            "cannot prompt on this terminal: {e}; pass the value as a flag"
        )),
    }
}

fn cancelled_if_none<T>(answer: Option<T>) -> Result<T, Failure> {
    answer.ok_or_else(|| {
        let _ = Term::stderr().show_cursor();
        Failure::cancelled()
    })
}

fn theme() -> ColorfulTheme {
    ColorfulTheme::default()
}

/// The ISP, chosen by display name with fuzzy matching; `preselected` (the previous
/// customer's at a counter, or the closest to a mistyped name) is under the cursor.
pub fn isp(preselected: Option<&'static Isp>) -> Result<&'static Isp, Failure> {
    let names: Vec<String> = isp::ISPS
        .iter()
        .map(|i| format!("{} ({})", i.name, i.slug))
        .collect();
    let default = preselected
        .and_then(|p| isp::ISPS.iter().position(|i| i.slug == p.slug))
        .unwrap_or(0);
    let pick = asked(|| {
        FuzzySelect::with_theme(&theme())
            .with_prompt(crate::t!("prompt-isp"))
            .items(&names)
            .default(default)
            .interact_on_opt(&Term::stderr())
    })?;
    Ok(&isp::ISPS[cancelled_if_none(pick)?])
}

/// What the cashier typed at the next customer's prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// A username to serve.
    Customer(String),
    /// `?` alone (None: this shift's pending payments) or `?REF`: look a payment up.
    LookUp(Option<String>),
    /// Enter on an empty line.
    Empty,
    /// Esc, Ctrl-D or Ctrl-C: the shift is over.
    Finish,
}

/// The next customer's username, typed on a line of its own (dialoguer's input ignores Esc
/// and Ctrl-D). `initial` is already typed, for the cashier to edit. Tab completes what is
/// typed as a shell does, from `paid_before` (the customers paid before starting with it,
/// the most recent first): as far as they agree, else they are listed under the line; with
/// none, it takes `tab` (the earlier customer a mistyped name is close to).
pub fn next_customer(
    initial: &str,
    tab: Option<&str>,
    paid_before: &dyn Fn(&str) -> Vec<String>,
) -> Result<Asked, Failure> {
    use console::Key;
    let term = Term::stderr();
    let fail = |e: std::io::Error| Failure::internal(format!("cannot prompt on this terminal: {e}"));
    let mut initial = initial.to_string();
    loop {
        term.write_str(&next_question()).map_err(fail)?;
        term.write_str(&initial).map_err(fail)?;
        let mut text = std::mem::take(&mut initial);
        let finished = loop {
            // Raw: a Ctrl-C here is a key that ends the shift, not a SIGINT.
            match term.read_key_raw() {
                Ok(Key::Enter) => break false,
                Ok(Key::Escape) => break true,
                // Also what a signal's interrupted read becomes: a kill ends the run instead.
                Ok(Key::CtrlC) => {
                    crate::interrupt::await_termination();
                    break true;
                }
                Ok(Key::Char('\u{4}')) if text.is_empty() => break true,
                Ok(Key::Backspace) => {
                    let before = text.clone();
                    if text.pop().is_some() {
                        retype(&term, &before, &text).map_err(fail)?;
                    }
                }
                // Ctrl-U and Ctrl-W, as a shell's line takes them: the whole text, the last word.
                Ok(Key::Char(c @ ('\u{15}' | '\u{17}'))) => {
                    let keep = match c {
                        '\u{17}' => text.trim_end().rfind(' ').map_or(0, |i| i + 1),
                        _ => 0,
                    };
                    let before = text.clone();
                    text.truncate(keep);
                    retype(&term, &before, &text).map_err(fail)?;
                }
                Ok(Key::Tab) => {
                    // Nothing typed: the customers paid before, the most recent first.
                    let starting = paid_before(&text);
                    let agreed = common_start(&starting);
                    let replacement = if agreed.chars().count() > text.chars().count() {
                        Some(agreed)
                    } else {
                        tab.filter(|_| starting.is_empty()).map(str::to_string)
                    };
                    if let Some(r) = replacement {
                        retype(&term, &text, &r).map_err(fail)?;
                        text = r;
                    } else if starting.len() > 1 {
                        term.write_line("").map_err(fail)?;
                        let cols = usize::from(term.size().1);
                        for line in listed(&starting, cols) {
                            term.write_line(&line).map_err(fail)?;
                        }
                        term.write_str(&format!("{}{text}", next_question()))
                            .map_err(fail)?;
                    }
                }
                Ok(Key::Char(c)) if !c.is_control() => {
                    text.push(c);
                    term.write_str(c.encode_utf8(&mut [0; 4])).map_err(fail)?;
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    crate::interrupt::await_termination();
                    break true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break true,
                Err(e) => return Err(fail(e)),
            }
        };
        term.write_line("").map_err(fail)?;
        if finished {
            return Ok(Asked::Finish);
        }
        let typed = text.trim();
        if typed.is_empty() {
            return Ok(Asked::Empty);
        }
        if let Some(reference) = typed.strip_prefix('?') {
            let reference = reference.trim();
            return Ok(Asked::LookUp(
                (!reference.is_empty()).then(|| reference.to_string()),
            ));
        }
        match check_username_in(crate::i18n::lang(), typed) {
            Ok(user) => return Ok(Asked::Customer(user)),
            Err(why) => {
                eprintln!("{why}");
                initial = text;
            }
        }
    }
}

/// The question before the next customer's name, with the space the name follows.
fn next_question() -> String {
    format!("{} ", crate::t!("prompt-next"))
}

/// Writes the customer's line again with `after` for `before`. Moving back over what is
/// erased would stop at the row it wrapped onto (a long name at 40 columns): the line is
/// written again from its first row.
fn retype(term: &Term, before: &str, after: &str) -> std::io::Result<()> {
    let prompt = next_question();
    let cols = usize::from(term.size().1).max(1);
    // The cursor sits on the row of the last character (a full row keeps it there).
    let rows = console::measure_text_width(&format!("{prompt}{before}")).saturating_sub(1) / cols;
    term.move_cursor_up(rows)?;
    term.write_str("\r")?;
    term.clear_to_end_of_screen()?;
    term.write_str(&format!("{prompt}{after}"))
}

/// The customers a Tab lists, at most eight, two spaces apart, in lines of `cols`: a handle
/// never split, and then how many more there are.
fn listed(names: &[String], cols: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for name in names.iter().take(8) {
        let name = crate::text::clean(name);
        let fits = console::measure_text_width(&line) + 2 + console::measure_text_width(&name) < cols;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&name);
    }
    lines.push(line);
    if names.len() > 8 {
        let more = crate::t!("prompt-more", count = crate::i18n::number(names.len() - 8));
        lines.extend(crate::text::wrap(&more, cols.saturating_sub(1)));
    }
    lines
}

/// The longest start all of `names` share (nothing for none).
fn common_start(names: &[String]) -> String {
    let Some((first, rest)) = names.split_first() else {
        return String::new();
    };
    let mut agreed: &str = first;
    for name in rest {
        let shared = agreed
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(agreed.len().min(name.len()), |((i, _), _)| i);
        agreed = &agreed[..shared];
    }
    agreed.to_string()
}

/// Checks a username the same way for `--user` and for the prompt; why not, in English (a
/// flag's error, which JSON carries).
pub fn check_username(text: &str) -> Result<String, String> {
    check_username_in(crate::i18n::Lang::En, text)
}

/// [`check_username`], saying why not in `lang`: the prompt's, in the run's language.
pub fn check_username_in(lang: crate::i18n::Lang, text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(crate::i18n::message_in(lang, "username-empty", &[]));
    }
    if t.chars().count() > 100 || t.chars().any(|c| c.is_whitespace() || crate::text::is_unsafe(c)) {
        let shown = crate::text::clean(&t.chars().take(100).collect::<String>()).into_owned();
        return Err(crate::i18n::message_in(
            lang,
            "username-invalid",
            &[("text", &shown)],
        ));
    }
    Ok(t.to_string())
}

/// The customer's username, typed.
pub fn username() -> Result<String, Failure> {
    let text: String = asked(|| {
        Input::with_theme(&theme())
            .with_prompt(crate::t!("prompt-username"))
            .validate_with(|s: &String| check_username_in(crate::i18n::lang(), s).map(|_| ()))
            .interact_text_on(&Term::stderr())
    })?;
    check_username(&text).map_err(Failure::usage)
}

/// A package, the current one preselected: the picker is the list (amount first, names cut
/// to the terminal's width, so nothing wraps and redraws leave no stale lines).
pub fn package(packages: &[Package], cols: usize) -> Result<usize, Failure> {
    // The picker draws a marker in front of each item, and echoes the choice after its prompt;
    // on a narrow terminal the names get the room and the echo may take two lines.
    let room = if cols >= 60 {
        cols.saturating_sub(14)
    } else {
        cols.saturating_sub(3)
    };
    let items = crate::render::package_lines(packages, room, "");
    let default = packages.iter().position(|p| p.current).unwrap_or(0);
    let pick = asked(|| {
        // Not echoed after the choice (the echo of a long item would wrap mid-word): the
        // confirmation that follows names the package.
        Select::with_theme(&theme())
            .with_prompt(crate::t!("prompt-package"))
            .items(&items)
            .default(default)
            .report(false)
            .interact_on_opt(&Term::stderr())
    })?;
    cancelled_if_none(pick)
}

/// One of several items, the first preselected.
pub fn choose(question: &str, items: &[String]) -> Result<usize, Failure> {
    let pick = asked(|| {
        Select::with_theme(&theme())
            .with_prompt(question)
            .items(items)
            .default(0)
            .interact_on_opt(&Term::stderr())
    })?;
    cancelled_if_none(pick)
}

/// A yes/no question; Esc counts as no.
pub fn confirm(question: &str, default: bool) -> Result<bool, Failure> {
    // Not dialoguer's Confirm: there Esc only clears the answer and still waits for Enter.
    // Here y or n then Enter answers, Enter alone takes the default, and Esc is No at once.
    let term = Term::stderr();
    let theme = theme();
    let io = |e: std::io::Error| ended(dialoguer::Error::IO(e));
    // The prompt is redrawn in place, so it must stay on one line: a long question's first
    // lines are written above it, wrapped at words. Room is left for the marks and answer.
    let room = crate::ui::columns().saturating_sub(15);
    let mut lines = balanced(crate::text::wrap(question, room), room);
    let question = lines.pop().unwrap_or_default();
    for line in &lines {
        term.write_line(line).map_err(io)?;
    }
    let question = question.as_str();
    // dialoguer's theme, with the answer in the run's language (the keys stay y and n).
    let word = |v: bool| crate::t!(if v { "word-yes" } else { "word-no" });
    let show = |value: Option<bool>, done: bool| -> std::io::Result<()> {
        let value = value.unwrap_or(default);
        let line = if done {
            format!(
                "{} {} {} {}",
                theme.success_prefix,
                theme.prompt_style.apply_to(question),
                theme.success_suffix,
                theme.values_style.apply_to(word(value))
            )
        } else {
            format!(
                "{} {} {} {} {}",
                theme.prompt_prefix,
                theme.prompt_style.apply_to(question),
                theme.hint_style.apply_to("(y/n)"),
                theme.prompt_suffix,
                theme.defaults_style.apply_to(word(value))
            )
        };
        term.clear_line()?;
        term.write_str(&line)?;
        if done {
            term.write_line("")?;
        }
        term.flush()
    };
    show(Some(default), false).map_err(io)?;
    term.hide_cursor().map_err(io)?;
    let mut value = default;
    let answer = loop {
        // Raw: a Ctrl-C here is a key that cancels, not a SIGINT.
        match term.read_key_raw() {
            Ok(Key::Char('y' | 'Y')) => value = true,
            Ok(Key::Char('n' | 'N')) => value = false,
            Ok(Key::Enter) => break Ok(value),
            Ok(Key::Escape) => break Ok(false),
            Ok(Key::CtrlC) => break Err(interrupted()),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => break Err(interrupted()),
            Err(e) => break Err(io(e)),
        }
        show(Some(value), false).map_err(io)?;
    };
    // The answer stays on its own line; an interrupt leaves a clean line for what follows.
    let _ = match &answer {
        Ok(v) => show(Some(*v), true),
        Err(_) => term.write_line(""),
    };
    let _ = term.show_cursor();
    answer
}

/// Wrapped lines whose last one (the prompt that is answered) is not left with a lone word:
/// words move down from the line before while the last is under half its width.
fn balanced(mut lines: Vec<String>, room: usize) -> Vec<String> {
    let width = console::measure_text_width;
    while lines.len() > 1 {
        let n = lines.len();
        let (before, last) = (&lines[n - 2], &lines[n - 1]);
        let Some((kept, moved)) = before.rsplit_once(' ') else {
            break;
        };
        if width(last) * 2 >= width(before) || width(moved) + 1 + width(last) > room {
            break;
        }
        let last = format!("{moved} {last}");
        lines[n - 2] = kept.to_string();
        lines[n - 1] = last;
    }
    lines
}

/// A secret, typed without echo.
pub fn secret(question: &str) -> Result<String, Failure> {
    asked(|| {
        Password::with_theme(&theme())
            .with_prompt(question)
            .interact_on(&Term::stderr())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_completes_as_far_as_the_customers_paid_before_agree() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_start(&names(&["active-2", "active-1", "active"])),
            "active"
        );
        assert_eq!(common_start(&names(&["9779869045195"])), "9779869045195");
        assert_eq!(common_start(&names(&["due", "expired"])), "");
        assert_eq!(common_start(&names(&["नेपाल१", "नेपाल२"])), "नेपाल");
        assert_eq!(common_start(&[]), "");
    }

    #[test]
    fn a_tab_list_never_splits_a_handle_and_says_how_many_more() {
        let names: Vec<String> = (1..=10).map(|i| format!("customer-{i}")).collect();
        let lines = listed(&names, 40);
        assert_eq!(lines[0], "customer-1  customer-2  customer-3");
        assert_eq!(lines[2], "customer-7  customer-8");
        assert_eq!(lines[3], "(and 2 more: type the start)");
        assert!(
            lines.iter().all(|l| console::measure_text_width(l) < 40),
            "{lines:?}"
        );
        // Narrower than the hint: it wraps at its words.
        let narrow = listed(&names, 20);
        assert!(narrow.iter().any(|l| l == "customer-1"), "{narrow:?}");
        assert!(narrow.iter().all(|l| !l.ends_with("typ")), "{narrow:?}");
        assert_eq!(listed(&names[..2], 80), ["customer-1  customer-2"]);
    }

    #[test]
    fn a_wrapped_question_ends_with_more_than_a_lone_word() {
        let q = "Collect Rs. 5,999.00 from Chandra Mani Neupane and pay?";
        let lines = balanced(crate::text::wrap(q, 25), 25);
        assert_eq!(
            lines,
            ["Collect Rs. 5,999.00 from", "Chandra Mani", "Neupane and pay?"]
        );
        assert_eq!(balanced(vec!["one line".into()], 25), ["one line"]);
    }

    #[test]
    fn usernames_are_checked_alike() {
        assert_eq!(check_username(" 9779869045195 ").unwrap(), "9779869045195");
        assert!(check_username("").is_err());
        assert!(check_username("a b").is_err());
        assert!(check_username(&"x".repeat(101)).is_err());
        // The prompt says why in the run's language; the flag's error (JSON) stays English.
        let why = check_username_in(crate::i18n::Lang::Ne, "a b").unwrap_err();
        assert!(why.contains("युजरनेम होइन") && why.contains("'a b'"), "{why}");
        assert!(check_username("a b").unwrap_err().contains("is not a username"));
    }
}
