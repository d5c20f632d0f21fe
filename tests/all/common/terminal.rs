//! A program in a real pseudo-terminal, read and typed at as a person does.

use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use expectrl::{Any, Captures, Expect, Needle, Session};

/// konnect in a pseudo-terminal. Its `expect` sleeps in `poll` until the terminal has
/// something to read: expectrl's own spins on a core, which the konnect it waits for needs.
pub struct Pty(pub expectrl::session::OsSession);

impl Pty {
    pub fn spawn(cmd: std::process::Command) -> Pty {
        Pty(Session::spawn(cmd).expect("spawn in a pty"))
    }

    /// Waits (at most 30 s) until `needle` was written, as expectrl's `expect` does.
    pub fn expect<N: Needle>(&mut self, needle: N) -> Result<Captures, expectrl::Error> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            // `Any` of one lends the needle to expectrl's one-shot check, which takes it by value.
            let found = self.0.check(Any(std::slice::from_ref(&needle)))?;
            if !found.is_empty() {
                return Ok(found);
            }
            if Instant::now() > deadline {
                return Err(expectrl::Error::ExpectTimeout);
            }
            let mut ready = libc::pollfd {
                fd: self.0.get_stream().as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd, for the duration of the call.
            unsafe { libc::poll(&mut ready, 1, 100) };
        }
    }

    /// Types `text` once konnect is reading keys, as a person who waits for the question
    /// does. The prompts put the terminal in raw mode only while they read a key; a Ctrl-D or
    /// Ctrl-C typed before that is taken by the terminal itself (end of file, SIGINT) and
    /// never reaches the prompt.
    pub fn send(&mut self, text: impl AsRef<[u8]>) -> Result<(), expectrl::Error> {
        let fd = self.0.get_stream().as_raw_fd();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // SAFETY: termios is plain data; tcgetattr fills it. On Linux the master reports
            // the terminal's (the slave's) settings.
            let raw = unsafe {
                let mut settings: libc::termios = std::mem::zeroed();
                libc::tcgetattr(fd, &mut settings) == 0 && settings.c_lflag & libc::ICANON == 0
            };
            if raw || Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        self.0.send(text)
    }
}

impl Pty {
    /// Waits for `text`, and on a time-out fails with what the terminal did show.
    pub fn wait_for(&mut self, text: &str) {
        if self.expect(text).is_err() {
            let shown = self
                .0
                .check(expectrl::Regex("(?s).+"))
                .map(|c| String::from_utf8_lossy(c.as_bytes()).into_owned())
                .unwrap_or_default();
            panic!("{text:?} was not shown; the terminal showed: {shown:?}");
        }
    }
}
