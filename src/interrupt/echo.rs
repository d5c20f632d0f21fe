//! The terminal's echo, off while a counter waits for a commit: a ^C (or any key) typed then
//! would land beside the spinner and leave a stale line above the outcome. What was typed
//! meanwhile is dropped (an impatient Enter must not answer the next question), and the
//! settings come back on drop, or from the interrupt handler before it exits.

#[cfg(unix)]
use std::sync::Mutex;

/// The terminal's settings before the wait, for whoever ends it first.
#[cfg(unix)]
static SAVED: Mutex<Option<libc::termios>> = Mutex::new(None);

/// Echo off until dropped.
pub(super) struct Off;

impl Off {
    pub(super) fn new() -> Off {
        #[cfg(unix)]
        {
            // SAFETY: termios is plain data that tcgetattr fills; fd 0 is this process's stdin.
            let saved = unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                (libc::tcgetattr(0, &mut t) == 0).then_some(t)
            };
            if let Some(t) = saved {
                let mut quiet = t;
                quiet.c_lflag &= !(libc::ECHO | libc::ECHOCTL);
                // SAFETY: a termios read from this terminal, with two flags cleared.
                unsafe { libc::tcsetattr(0, libc::TCSANOW, &quiet) };
                *SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(t);
            }
        }
        Off
    }
}

impl Drop for Off {
    fn drop(&mut self) {
        restore();
    }
}

/// The settings from before the wait, once; keys typed during it are dropped.
pub(super) fn restore() {
    #[cfg(unix)]
    if let Some(t) = SAVED.lock().unwrap_or_else(|p| p.into_inner()).take() {
        // SAFETY: fd 0 is this process's stdin; the settings are the ones it had before.
        unsafe {
            libc::tcflush(0, libc::TCIFLUSH);
            libc::tcsetattr(0, libc::TCSANOW, &t);
        }
    }
}
