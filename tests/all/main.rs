//! The integration tests, in one binary so that they run in parallel with each other and link
//! once. Each module is one area; `common` is the harness (homes, the binary, readers).

mod common;

mod backup;
mod books;
mod bounds;
mod client;
// Before the others, by name: its stalls are waited out while the rest run.
mod commit_stall;
mod completion;
#[cfg(unix)]
mod completion_shells;
mod generated;
mod hostile;
mod lookup;
mod nepali;
mod once;
mod pay;
mod props;
#[cfg(unix)]
mod pty;
mod receipts;
mod secrets;
mod shared;
// SIGKILL and four counters of processes: Linux's; under Wine its starts alone take minutes.
#[cfg(unix)]
mod soak;
mod tls;
mod upgrade;
