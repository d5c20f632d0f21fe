//! How this run talks to the person at the counter: whether it may prompt, colour, spin, warn.
//! Results go to stdout; everything else to stderr.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{ColorWhen, GlobalArgs};

/// The run's output policy, fixed once from flags and terminals.
#[derive(Debug, Clone)]
pub struct Ui {
    pub json: bool,
    pub quiet: bool,
    /// Prompts are allowed: a terminal on stdin and stderr, and neither --no-input nor --json.
    pub interactive: bool,
    /// stderr is a terminal: spinners and progress bars may be drawn.
    pub stderr_tty: bool,
    /// The terminal shows more than ASCII (a UTF-8 locale, Windows Terminal); the old Windows
    /// console gets ASCII marks and spinner instead of boxes it cannot draw.
    pub unicode: bool,
    /// The longest a call may take, shown beside a spinner's elapsed time.
    pub limit: Option<Duration>,
}

/// Whether `--verbose` was given: then a person reads the technical messages too.
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// How wide the terminal is (stderr's, where prompts and views go), or 80 when it is not one.
pub fn columns() -> usize {
    console::Term::stderr()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|c| *c >= 20)
        .unwrap_or(80)
}

/// How wide stdout's terminal is; unbounded when stdout is a file or a pipe, so that what a
/// script reads is never cut or wrapped.
pub fn stdout_columns() -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return usize::MAX;
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|c| *c >= 20)
        .unwrap_or(80)
}

/// A receipt's characters per line: as chosen for the printer, but on a terminal never
/// wider than the terminal, whose own wrapping would break its rules and columns.
pub fn receipt_width(chosen: usize) -> usize {
    chosen.min(stdout_columns())
}

/// The marks a line starts with: a tick and a cross, or their ASCII stand-ins.
pub fn marks(unicode: bool) -> (&'static str, &'static str) {
    if unicode { ("✓", "✗") } else { ("OK", "X") }
}

impl Ui {
    pub fn new(flags: &GlobalArgs, no_color_env: bool) -> Ui {
        let stderr_tty = std::io::stderr().is_terminal();
        let stdout_tty = std::io::stdout().is_terminal();
        let interactive = !flags.no_input && !flags.json && std::io::stdin().is_terminal() && stderr_tty;
        let (out, err) = match flags.color {
            ColorWhen::Always => (true, true),
            ColorWhen::Never => (false, false),
            ColorWhen::Auto => (stdout_tty && !no_color_env, stderr_tty && !no_color_env),
        };
        VERBOSE.store(flags.verbose > 0, std::sync::atomic::Ordering::Relaxed);
        console::set_colors_enabled(out);
        console::set_colors_enabled_stderr(err);
        Ui {
            json: flags.json,
            quiet: flags.quiet,
            interactive,
            stderr_tty,
            unicode: console::Term::stderr().features().wants_emoji() || !stderr_tty,
            limit: None,
        }
    }

    /// A note on stderr (banner, hint), unless --quiet; on a terminal wrapped at words to its
    /// width, each line of it on its own.
    pub fn note(&self, text: &str) {
        if self.quiet {
            return;
        }
        if !self.stderr_tty {
            eprintln!("{text}");
            return;
        }
        for line in text.lines() {
            for part in crate::text::hanging("", "  ", line, columns()) {
                eprintln!("{part}");
            }
        }
    }

    /// A warning on stderr, unless --quiet; on a terminal wrapped at words to its width.
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.warn_always(text);
        }
    }

    /// A warning shown even with --quiet: one that the question after it needs.
    pub fn warn_always(&self, text: &str) {
        if !self.stderr_tty {
            let label = console::style("warning:").yellow().bold().for_stderr();
            eprintln!("{label} {text}");
            return;
        }
        // On a terminal in the run's language ("चेतावनी:").
        let word = crate::t!("word-warning");
        let styled = console::style(&word).yellow().bold().for_stderr().to_string();
        eprintln!("{}", crate::text::tagged(&word, &styled, text, columns()));
    }

    /// Runs a blocking call under a spinner on a terminal; the steady tick keeps it moving.
    pub fn spin<T>(&self, message: &str, work: impl FnOnce() -> T) -> T {
        if !self.stderr_tty || self.quiet {
            return work();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let template = match self.limit {
            Some(limit) => format!(
                "{{spinner}} {{msg}} ({})",
                crate::t!(
                    "spin-took",
                    elapsed = "{elapsed}",
                    limit = crate::i18n::number(limit.as_secs().max(1))
                )
            ),
            None => "{spinner} {msg} ({elapsed})".to_string(),
        };
        let style =
            ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(if self.unicode {
            style
        } else {
            style.tick_chars("|/-\\ ")
        });
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(80));
        let result = work();
        bar.finish_and_clear();
        result
    }

    /// A progress bar for many items, on a terminal only.
    pub fn progress(&self, len: u64, what: &str) -> ProgressBar {
        if !self.stderr_tty || self.quiet || len < 2 {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        // The bar gives way on a narrow terminal: a line wider than it would wrap on every redraw.
        let bar_w = columns()
            .saturating_sub(console::measure_text_width(what) + 14)
            .clamp(5, 30);
        let template = format!("{{bar:{bar_w}}} {{pos}}/{{len}} {what}");
        bar.set_style(
            ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    }
}
