//! Copies of a SQLite journal: `journal backup` and the daily copy kept beside the journal,
//! taken with SQLite's online backup API so that counters keep paying meanwhile. A copy is
//! written under a temporary name, checked, synced and only then given its name: a copy that
//! has its name is whole.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::Journal;
use super::store::BUSY;
use crate::failure::Failure;

/// How every SQLite database file begins.
pub(super) const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How often a daily copy is made, and how old a killed copy's leftovers get before removal.
pub const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// What `journal backup` says of a PostgreSQL journal: its copies are the shop's own tools'.
pub const PG_DUMP: &str = "a PostgreSQL journal is backed up with the shop's own pg_dump, e.g. pg_dump -Fc -f konnect.dump 'postgres://konnect@db.shop.lan/konnect' (restored with pg_restore)";

/// A copy that was written and checked.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    /// Payment rows in the copy, every environment.
    pub rows: u64,
    pub bytes: u64,
}

/// What a copy's name says it is; the daily ones are the only ones ever removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `journal backup` with no destination.
    Manual,
    /// The automatic copy, one a day.
    Daily,
    /// The journal as it was before `journal restore` replaced it.
    BeforeRestore,
    /// The copy being restored, as a file the journal reads it from; removed after.
    Staged,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Manual => "journal-",
            Kind::Daily => "daily-",
            Kind::BeforeRestore => "before-restore-",
            Kind::Staged => "restoring-",
        }
    }
}

/// The folder beside a journal file where its copies are kept: `journal.sqlite3.backups`.
pub fn folder(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_os_string();
    name.push(".backups");
    journal.with_file_name(name)
}

/// A copy's file name: its kind and the local time, `daily-20261203-101500.sqlite3`.
fn stamped_name(kind: Kind, ms: i64) -> String {
    let stamp = crate::clock::file_stamp(ms);
    format!("{}{stamp}.sqlite3", kind.prefix())
}

/// A new file in `dir` for a copy of this kind, created empty (0600) so that no other process
/// takes the name: two in one second get `-2`, `-3`, … Written with [`write_copy`]'s `reserved`.
pub fn new_copy_path(dir: &Path, kind: Kind) -> Result<PathBuf, Failure> {
    let name = stamped_name(kind, crate::clock::now_ms());
    let stem = name.trim_end_matches(".sqlite3").to_string();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    for n in 1..1000 {
        let path = match n {
            1 => dir.join(&name),
            _ => dir.join(format!("{stem}-{n}.sqlite3")),
        };
        match options.open(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(Failure::usage(format!(
                    "cannot write a copy in {}: {e}; choose a folder you can write to",
                    dir.display()
                )));
            }
        }
    }
    Err(Failure::usage(format!(
        "{} has a thousand copies of this second; give another folder",
        dir.display()
    )))
}

/// The copies in a journal's folder, newest first, with their modification times.
pub fn copies(journal: &Path) -> Vec<(PathBuf, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(folder(journal)) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, SystemTime)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".sqlite3")
                && [Kind::Manual, Kind::Daily, Kind::BeforeRestore]
                    .iter()
                    .any(|k| name.starts_with(k.prefix()))
        })
        .filter_map(|e| Some((e.path(), e.metadata().ok()?.modified().ok()?)))
        // A name reserved by a copy that never finished (killed, disk full) is not a copy.
        .filter(|(p, _)| is_sqlite_file(p))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    found
}

/// Whether a file begins as a SQLite database does.
fn is_sqlite_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// The newest copy of a journal, if it has one.
pub fn newest(journal: &Path) -> Option<(PathBuf, SystemTime)> {
    copies(journal).into_iter().next()
}

/// Whether the day's copy is due: no copy beside the journal is younger than a day. A look
/// at the folder only, so that a command can ask before it opens the journal again.
pub fn copy_due(journal: &Path) -> bool {
    newest(journal)
        .and_then(|(_, at)| at.elapsed().ok())
        .is_none_or(|age| age >= DAY)
}

impl Journal {
    /// Writes a consistent copy of this SQLite journal to `dest` (a new file), while other
    /// counters keep writing: the copy is one read transaction's view of every page.
    /// `reserved`: `dest` is the empty file [`new_copy_path`] made; otherwise it must not exist.
    pub fn backup_to(&self, dest: &Path, reserved: bool) -> Result<Written, Failure> {
        let store = self.store.borrow();
        let Some(conn) = store.sqlite() else {
            return Err(Failure::usage(PG_DUMP));
        };
        write_copy(conn, dest, reserved)
    }

    /// The daily copy: when the newest copy beside this SQLite journal is a day old (or there
    /// is none, and the journal has rows), writes one and keeps the last `kept` daily copies.
    pub fn daily_copy(&self, kept: u32) -> Result<Option<Written>, Failure> {
        if kept == 0 || self.store.borrow().sqlite().is_none() {
            return Ok(None);
        }
        if !copy_due(&self.location) || self.row_count()? == 0 {
            return Ok(None);
        }
        let dir = folder(&self.location);
        crate::private::create_dir(&dir)
            .map_err(|e| Failure::internal(format!("cannot create {}: {e}", dir.display())))?;
        let written = self.backup_to(&new_copy_path(&dir, Kind::Daily)?, true)?;
        prune(&self.location, kept);
        Ok(Some(written))
    }

    /// SQLite's check of every page of this journal (a PostgreSQL server checks its own).
    pub fn check_pages(&self) -> Result<(), Failure> {
        let store = self.store.borrow();
        let Some(conn) = store.sqlite() else {
            return Ok(());
        };
        check(conn)
            .map(drop)
            .map_err(|e| super::damage::damaged(&self.location, &e))
    }

    /// Payment rows of every environment.
    pub fn row_count(&self) -> Result<u64, Failure> {
        let rows = self.rows("SELECT COUNT(*) FROM payments", &[])?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(super::Value::int)
            .unwrap_or(0) as u64)
    }
}

/// Removes daily copies beyond the newest `kept`; the others are a person's and stay.
fn prune(journal: &Path, kept: u32) {
    let daily = copies(journal).into_iter().filter(|(p, _)| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(Kind::Daily.prefix()))
    });
    for (path, _) in daily.skip(kept as usize) {
        let _ = std::fs::remove_file(path);
    }
    // What copies killed midway left, a day on: their partial files, their empty reserved names.
    let Ok(entries) = std::fs::read_dir(folder(journal)) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let leftover = name.contains(".partial")
            || (name.ends_with(".sqlite3") && e.metadata().is_ok_and(|m| m.len() == 0));
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > DAY);
        if leftover && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Copies `src` into a new file `dest`: under `dest.partial`, checked, synced, then renamed.
pub(super) fn write_copy(src: &Connection, dest: &Path, reserved: bool) -> Result<Written, Failure> {
    let shown = dest.display();
    let unwritable = |e: std::io::Error| {
        Failure::usage(format!(
            "cannot write the copy {shown}: {e}; choose a folder you can write to"
        ))
    };
    let taken = || {
        Failure::usage(format!(
            "{shown} exists already; give a new file name or a folder (nothing was overwritten)"
        ))
    };
    let ours = reserved && std::fs::metadata(dest).is_ok_and(|m| m.len() == 0);
    if dest.exists() && !ours {
        return Err(taken());
    }
    // Two processes making the day's copy at once each write their own partial file.
    let mut partial = dest.as_os_str().to_os_string();
    partial.push(format!(".{}.partial", std::process::id()));
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    crate::private::create_file(&partial).map_err(unwritable)?;
    let result = (|| -> Result<u64, String> {
        let mut into = Connection::open(&partial).map_err(|e| e.to_string())?;
        copy_pages(src, &mut into)?;
        // The copy stands alone: a rollback journal, no log beside it to lose.
        into.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| e.to_string())?;
        let rows = check(&into)?;
        drop(into);
        Ok(rows)
    })();
    let give_up = || {
        let _ = std::fs::remove_file(&partial);
        if ours {
            let _ = std::fs::remove_file(dest);
        }
    };
    let rows = match result {
        Ok(rows) => rows,
        Err(e) => {
            give_up();
            return Err(Failure::internal(format!("the copy {shown} failed: {e}")));
        }
    };
    // Into a name of our own (reserved) by rename; into a name a person gave by a link that
    // fails if the name was taken meanwhile: nothing is ever overwritten.
    // Opened for writing: Windows flushes only a handle that may write.
    let synced = std::fs::OpenOptions::new()
        .write(true)
        .open(&partial)
        .and_then(|f| f.sync_all())
        .and_then(|()| {
            if ours {
                std::fs::rename(&partial, dest)
            } else {
                std::fs::hard_link(&partial, dest).and_then(|()| std::fs::remove_file(&partial))
            }
        });
    if let Err(e) = synced {
        give_up();
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(taken());
        }
        return Err(unwritable(e));
    }
    sync_folder(dest);
    let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    Ok(Written {
        path: dest.to_path_buf(),
        rows,
        bytes,
    })
}

/// Copies every page of `from` into `into` in one step (one consistent view), waiting while
/// another connection holds a lock that the step needs.
pub(super) fn copy_pages(from: &Connection, into: &mut Connection) -> Result<(), String> {
    let backup = Backup::new(from, into).map_err(|e| e.to_string())?;
    let deadline = Instant::now() + BUSY;
    loop {
        match backup.step(-1).map_err(|e| e.to_string())? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => return Err(format!("the journal stayed locked for {} s", BUSY.as_secs())),
        }
    }
}

/// SQLite's own check of every page, then the rows counted: what a copy must pass.
pub(super) fn check(conn: &Connection) -> Result<u64, String> {
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if verdict != "ok" {
        let said: Vec<&str> = verdict
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '*' || c.is_whitespace()))
            .filter(|l| !l.is_empty())
            .take(2)
            .collect();
        return Err(format!(
            "SQLite's check says: {}",
            crate::text::clean(&said.join("; "))
        ));
    }
    conn.query_row("SELECT COUNT(*) FROM payments", [], |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
        .map_err(|e| e.to_string())
}

/// Opens a file that should be a copy of a journal, read-only, never changing it.
pub(super) fn open_copy(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Makes a rename durable: the folder's entry is synced too (Unix; Windows has no such call).
pub(super) fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}
