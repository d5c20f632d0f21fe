//! A journal opened only to read it, for shell completion: never created, migrated or waited
//! on, so that a Tab costs one read, and a missing, busy or foreign file costs nothing.

use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{Journal, is_postgres, store};
use crate::failure::Failure;

impl Journal {
    /// Opens a SQLite journal read-only, failing at once rather than waiting on a writer's
    /// lock. A shared PostgreSQL journal is refused: a Tab must never wait on the network.
    pub fn open_read_only(location: &Path, env: &str) -> Result<Journal, Failure> {
        if is_postgres(location) {
            return Err(Failure::usage("a PostgreSQL journal is not read for completion"));
        }
        // A FIFO or a device would block the open, and the shell's Tab with it.
        if !std::fs::metadata(location).is_ok_and(|m| m.is_file()) {
            return Err(Failure::usage(format!(
                "{} is not a journal file",
                location.display()
            )));
        }
        let fail = |e: rusqlite::Error| Failure::internal(format!("journal {}: {e}", location.display()));
        let conn = Connection::open_with_flags(
            location,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(fail)?;
        conn.busy_timeout(Duration::ZERO).map_err(fail)?;
        Ok(Journal {
            store: RefCell::new(Box::new(store::Sqlite {
                conn,
                patience: Duration::ZERO,
            })),
            shown: location.to_path_buf(),
            env: env.to_string(),
            location: location.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_journal_stays_missing_and_a_present_one_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.sqlite3");
        assert!(Journal::open_read_only(&path, "TEST").is_err());
        assert!(!path.exists(), "reading never creates a journal");
        Journal::open(&path, "TEST").unwrap();
        let j = Journal::open_read_only(&path, "TEST").unwrap();
        assert_eq!(j.unsettled_count().unwrap(), 0);
        let url = Path::new("postgres://konnect@127.0.0.1/konnect");
        assert!(Journal::open_read_only(url, "TEST").is_err());
        assert!(Journal::open_read_only(dir.path(), "TEST").is_err(), "a folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_rather_than_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string, for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // Opening it would block until a writer came: it is refused without opening.
        assert!(Journal::open_read_only(&fifo, "TEST").is_err());
    }
}
