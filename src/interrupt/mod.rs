//! What an interrupt (Ctrl-C, SIGTERM, SIGHUP) says and how the run ends: the truth about the
//! money at the moment it arrives (nothing sent, possibly sent, answered and journaled).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde_json::Value;

mod echo;

/// Where the payment of this run is, so that an interrupt (Ctrl-C, SIGTERM, SIGHUP) says the
/// truth about the money: nothing sent, possibly sent, or answered and journaled.
#[derive(Debug, Clone, Default)]
pub enum Stage {
    /// No commit has left: an interrupt cancels and nothing was sent.
    #[default]
    Idle,
    /// A counter between customers: the prompt that is waiting handles the interrupt itself
    /// (back to the next customer, or the end of the shift), so the process goes on.
    Counter,
    /// A commit is out (or may be): pending, to be looked up after `after_ms` (its answer's
    /// due time plus the grace). `json` is the document to print under `--json`.
    Sending {
        reference: String,
        after_ms: i64,
        json: Option<Value>,
    },
    /// The answer is in and journaled, but not yet reported.
    Answered {
        reference: String,
        outcome: crate::api::Outcome,
        json: Option<Value>,
    },
    /// The result was printed: an interrupt only ends the run with its exit code.
    Reported { code: u8 },
}

static STAGE: Mutex<Stage> = Mutex::new(Stage::Idle);
/// Whether the interrupt came from outside (SIGTERM, SIGHUP): then even a counter between
/// customers ends, where a Ctrl-C would only return it to the next customer.
static TERMINATED: AtomicBool = AtomicBool::new(false);
/// Whether this run is a counter: there a cashier's Ctrl-C while a commit is out stops the
/// wait for its answer (the payment stays pending) instead of ending the shift.
static COUNTER: AtomicBool = AtomicBool::new(false);
/// Set by the handler when a counter's cashier stopped waiting for a commit's answer.
static GAVE_UP: AtomicBool = AtomicBool::new(false);
/// Whether the run prints JSON: then even a cancellation ends with its one document.
static JSON: AtomicBool = AtomicBool::new(false);

fn stage_slot() -> std::sync::MutexGuard<'static, Stage> {
    STAGE.lock().unwrap_or_else(|p| p.into_inner())
}

/// How many interrupts the handler has looked at and let pass (a counter between customers).
static SEEN: AtomicU64 = AtomicU64::new(0);

/// The handler's count of interrupts it let pass, to wait on with [`await_seen_after`].
pub fn seen() -> u64 {
    SEEN.load(Ordering::SeqCst)
}

/// Waits (at most a second) until the handler has looked at an interrupt after `before`: a
/// prompt that raised SIGINT goes on only once the handler has judged it.
pub fn await_seen_after(before: u64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    while SEEN.load(Ordering::SeqCst) == before && std::time::Instant::now() < deadline {
        std::thread::yield_now();
    }
}

/// For a prompt whose read was interrupted: after a kill or a closed terminal the handler is
/// already ending the run, so the prompt waits for that instead of asking the next question.
pub fn await_termination() {
    if TERMINATED.load(Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// Marks this run as a counter: from now on a Ctrl-C never ends it while it serves a
/// customer (a kill or a closed terminal still does).
pub fn serve_a_queue() {
    COUNTER.store(true, Ordering::SeqCst);
}

/// How a wait at a counter ended.
pub enum Waited<T> {
    Answered(T),
    /// The cashier's Ctrl-C: the answer, whenever it comes, is left to a look-up.
    GaveUp,
    /// The call's thread ended without an answer (it panicked): nobody can say whether it
    /// was sent.
    Lost,
}

/// Runs `call` (a commit and what decides it). At a counter it runs on a thread of its own,
/// so that the cashier's Ctrl-C ends the wait, the terminal's echo off meanwhile.
pub fn unless_given_up<T: Send + 'static>(call: impl FnOnce() -> T + Send + 'static) -> Waited<T> {
    use std::sync::mpsc::RecvTimeoutError;
    if !COUNTER.load(Ordering::SeqCst) {
        return Waited::Answered(call());
    }
    let _quiet = echo::Off::new();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(call());
    });
    loop {
        match rx.recv_timeout(std::time::Duration::from_millis(50)) {
            Ok(answer) => return Waited::Answered(answer),
            Err(RecvTimeoutError::Timeout) if GAVE_UP.swap(false, Ordering::SeqCst) => return Waited::GaveUp,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Waited::Lost,
        }
    }
}

/// Moves the run's payment to a new stage.
pub fn set_stage(stage: Stage) {
    let mut slot = stage_slot();
    // A Ctrl-C that stopped the wait belongs to the commit it interrupted, none after it.
    GAVE_UP.store(false, Ordering::SeqCst);
    *slot = stage;
}

/// Prints the run's result with the stage held, so that an interrupt cannot cut it in half or
/// print a second document; afterwards an interrupt only exits with `code`.
pub fn report_then(code: u8, print: impl FnOnce()) {
    let mut slot = stage_slot();
    print();
    *slot = Stage::Reported { code };
}

/// The interrupt handler's words and exit code for a stage (what it prints on stdout, if anything).
fn interrupted(stage: &Stage) -> (Option<String>, Option<&Value>, u8) {
    use crate::failure::outcome_exit_code;
    match stage {
        Stage::Idle | Stage::Counter => (Some(crate::t!("interrupt-cancelled")), None, 130),
        Stage::Sending {
            reference: r,
            after_ms,
            json,
        } => (
            Some(crate::t!(
                "interrupt-sending",
                reference = r,
                time = crate::i18n::devanagari(&crate::clock::local_minute_after(*after_ms))
            )),
            json.as_ref(),
            crate::failure::Kind::Pending.exit_code(),
        ),
        Stage::Answered {
            reference: r,
            outcome,
            json,
        } => (
            Some(crate::t!(
                "interrupt-answered",
                reference = r,
                outcome = crate::render::outcome_word(*outcome).to_uppercase()
            )),
            json.as_ref(),
            outcome_exit_code(*outcome),
        ),
        Stage::Reported { code } => (None, None, *code),
    }
}

/// Interrupts outside a prompt: show the cursor again and end with what the stage means:
/// 130 when nothing was sent, 4 (pending) while a commit is out, the outcome once answered.
/// With `json`, stdout still gets its one document.
pub fn install_handler(json: bool) {
    JSON.store(json, Ordering::SeqCst);
    let _ = ctrlc::set_handler(|| {
        let term = console::Term::stderr();
        if term.is_term() {
            let _ = term.show_cursor();
        }
        let slot = stage_slot();
        // Stage::Counter is only ever set by a counter, after serve_a_queue.
        let at_counter = COUNTER.load(Ordering::SeqCst) && !matches!(*slot, Stage::Idle);
        if at_counter && !TERMINATED.load(Ordering::SeqCst) {
            // At a counter the cashier's Ctrl-C never ends the shift: at a question it
            // returns to the next customer, while a commit is out it stops the wait, and once
            // the answer is in the outcome is printed as usual.
            if matches!(*slot, Stage::Sending { .. }) {
                GAVE_UP.store(true, Ordering::SeqCst);
            }
            SEEN.fetch_add(1, Ordering::SeqCst);
            return;
        }
        // The exit below runs no destructor: a counter's wait gives the terminal its echo back here.
        echo::restore();
        let (message, doc, code) = interrupted(&slot);
        match doc {
            Some(doc) => println!("{}", crate::text::json_line(doc)),
            None if JSON.load(Ordering::SeqCst) && matches!(*slot, Stage::Idle) => {
                let cancelled = crate::render::failure_json(&crate::failure::Failure::cancelled());
                println!("{}", crate::text::json_line(&cancelled));
            }
            None => {}
        }
        if let Some(m) = message {
            eprintln!("\nkonnect: {m}");
        }
        std::process::exit(i32::from(code));
    });
    #[cfg(unix)]
    tell_termination_apart();
}

/// ctrlc runs one handler for SIGINT, SIGTERM and SIGHUP. SIGTERM and SIGHUP are taken back
/// here, marked, and passed on as SIGINT, so that the handler knows a `kill` or a closed
/// terminal from the cashier's Ctrl-C.
#[cfg(unix)]
fn tell_termination_apart() {
    extern "C" fn on_termination(_: libc::c_int) {
        TERMINATED.store(true, Ordering::SeqCst);
        // SAFETY: raise is async-signal-safe.
        unsafe {
            libc::raise(libc::SIGINT);
        }
    }
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: a zeroed sigaction with a handler that only stores an atomic and raises a
        // signal, both async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_termination as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Outcome;

    #[test]
    fn an_interrupt_tells_the_truth_about_the_money_at_each_stage() {
        let (said, json, code) = interrupted(&Stage::Idle);
        assert_eq!(
            (said.as_deref(), json, code),
            (Some("cancelled; nothing was sent"), None, 130)
        );
        let doc = serde_json::json!({"outcome": "pending"});
        let after_ms = crate::clock::now_ms() + 7 * 60 * 1000;
        let sending = Stage::Sending {
            reference: "R1".into(),
            after_ms,
            json: Some(doc.clone()),
        };
        let (said, json, code) = interrupted(&sending);
        let said = said.unwrap();
        assert!(
            said.contains("PENDING") && said.contains("konnect status R1"),
            "{said}"
        );
        // The real time to look it up, not a fixed "5 minutes".
        let at = format!("after {}.", crate::clock::local_minute_after(after_ms));
        assert!(said.ends_with(&at) && !said.contains("minutes"), "{said}");
        assert_eq!((json, code), (Some(&doc), 4));
        for (outcome, exit) in [(Outcome::Success, 0), (Outcome::Failed, 3), (Outcome::Pending, 4)] {
            let answered = Stage::Answered {
                reference: "R1".into(),
                outcome,
                json: None,
            };
            let (said, _, code) = interrupted(&answered);
            let said = said.unwrap();
            assert!(!said.contains("nothing was sent"), "{said}");
            assert!(said.contains(&outcome.as_str().to_uppercase()) && said.contains("konnect receipt R1"));
            assert_eq!(code, exit);
        }
        assert_eq!(interrupted(&Stage::Reported { code: 3 }), (None, None, 3));
    }
}
