//! `journal restore SRC`: a copy put back as the journal. The copy is checked and migrated in
//! memory first (a file that is not a journal, is damaged or comes from a newer konnect is
//! refused before anything changes); the journal is never replaced while it holds payments
//! the copy lacks, unless told; and the journal as it was is kept, whatever happens next.

use std::cell::RefCell;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::backup::{Kind, SQLITE_MAGIC, check, copy_pages, folder, new_copy_path, open_copy, write_copy};
use super::damage;
use super::payment::COLUMNS;
use super::schema::{SQLITE_VERSION, connect, create_private, migrate, newer};
use super::store::Sqlite;
use super::{Journal, is_postgres};
use crate::failure::Failure;

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// Payment rows in the journal now.
    pub rows: u64,
    /// Where the journal as it was went: a checked copy, or the damaged file moved aside.
    pub kept: Option<PathBuf>,
    /// Payments the journal held that the copy did not (or held otherwise), replaced by `--force`.
    pub replaced: Vec<String>,
}

/// Replaces the SQLite journal at `journal` with the copy `src`.
pub fn restore(journal: &Path, src: &Path, force: bool) -> Result<Restored, Failure> {
    if is_postgres(journal) {
        return Err(Failure::usage(
            "a PostgreSQL journal is restored with the shop's own pg_restore (from a pg_dump), not by konnect",
        ));
    }
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y);
    if same(journal, src) {
        return Err(Failure::usage(format!(
            "{} is the journal in use; give a copy of it",
            src.display()
        )));
    }
    let copy = load_copy(src)?;
    let exists = |p: &Path| p.metadata().is_ok_and(|m| m.len() > 0);
    let mut log = journal.as_os_str().to_os_string();
    log.push("-wal");
    // A log without its file is a damaged journal too: never put a new file beside it.
    let in_place = exists(journal) || exists(Path::new(&log));
    let current = if in_place {
        match connect(journal) {
            Ok(conn) => Some(conn),
            Err(e) if damage::is_damage(&e) => None,
            Err(e) => {
                return Err(Failure::internal(format!(
                    "journal {}: {e}; nothing was changed",
                    journal.display()
                )));
            }
        }
    } else {
        None
    };
    let Some(mut conn) = current.filter(|c| check(c).is_ok()) else {
        // Nothing to protect, or a damaged file: keep it aside, put the copy in its place.
        let kept = if in_place {
            Some(move_aside(journal)?)
        } else {
            None
        };
        let rows = write_fresh(journal, &copy)?;
        return Ok(Restored {
            rows,
            kept,
            replaced: Vec::new(),
        });
    };
    let dir = folder(journal);
    crate::private::create_dir(&dir)
        .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
    // The copy as a file the journal can attach: its rows replace the journal's in one write
    // transaction, so a counter paying meanwhile waits for it and is never lost in between.
    let staged = write_copy(&copy, &new_copy_path(&dir, Kind::Staged)?, true)?.path;
    let done = replace_rows(journal, &mut conn, &copy, &staged, force, &dir);
    let _ = conn.execute_batch("DETACH DATABASE src");
    let _ = std::fs::remove_file(&staged);
    done
}

/// Under the journal's write lock: the check for payments the copy lacks, the journal kept as
/// it was, and its rows replaced by the copy's. What was checked is what is kept and replaced.
fn replace_rows(
    journal: &Path,
    conn: &mut Connection,
    copy: &Connection,
    staged: &Path,
    force: bool,
    dir: &Path,
) -> Result<Restored, Failure> {
    conn.execute("ATTACH DATABASE ?1 AS src", [staged.to_string_lossy()])
        .map_err(|e| fail(journal, e.to_string()))?;
    super::store::retry_busy(|| conn.execute_batch("BEGIN IMMEDIATE"))
        .map_err(|e| fail(journal, e.to_string()))?;
    let result = (|| {
        let (replaced, shown) = newer_rows(conn, copy).map_err(|e| fail(journal, e))?;
        if !replaced.is_empty() && !force {
            return Err(Failure::usage(format!(
                "the journal {} holds {} payment(s) that the copy lacks or has older ({}); restoring would lose them: give --force to restore anyway (the journal is kept as a copy first)",
                journal.display(),
                replaced.len(),
                shortlist(&shown)
            )));
        }
        // Read through a connection of its own: the lock held here lets readers read.
        let reader = Connection::open(journal).map_err(|e| fail(journal, e.to_string()))?;
        let kept = write_copy(&reader, &new_copy_path(dir, Kind::BeforeRestore)?, true)?;
        drop(reader);
        let sql = format!(
            "DELETE FROM main.payments; INSERT INTO main.payments ({COLUMNS}) SELECT {COLUMNS} FROM src.payments; \
             DELETE FROM main.meta; INSERT INTO main.meta (key, value) SELECT key, value FROM src.meta;"
        );
        conn.execute_batch(&sql)
            .map_err(|e| fail(journal, e.to_string()))?;
        let rows: i64 = conn
            .query_row("SELECT COUNT(*) FROM main.payments", [], |r| r.get(0))
            .map_err(|e| fail(journal, e.to_string()))?;
        Ok(Restored {
            rows: rows as u64,
            kept: Some(kept.path),
            replaced,
        })
    })();
    match &result {
        Ok(_) => conn
            .execute_batch("COMMIT")
            .map_err(|e| fail(journal, e.to_string()))?,
        Err(_) => {
            let _ = conn.execute_batch("ROLLBACK");
        }
    }
    result
}

fn fail(journal: &Path, e: String) -> Failure {
    Failure::internal(format!("journal {}: {e}", journal.display()))
}

/// The first few references of a list, for a one-line message.
fn shortlist(refs: &[String]) -> String {
    let mut text = refs.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if refs.len() > 3 {
        text.push_str(&format!(" and {} more", refs.len() - 3));
    }
    text
}

/// The copy, in memory, migrated to this konnect's schema and every row read: refused
/// (exit 2) unless it is a whole konnect journal this konnect can read.
fn load_copy(src: &Path) -> Result<Connection, Failure> {
    let shown = src.display();
    let refuse = |why: String| Failure::usage(format!("cannot restore from {shown}: {why}"));
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(src)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| refuse(e.to_string()))?;
    if head != SQLITE_MAGIC {
        return Err(refuse(
            "it is not a konnect journal (not a SQLite file); give a copy made by `konnect journal backup`"
                .into(),
        ));
    }
    let file = open_copy(src).map_err(|e| refuse(e.to_string()))?;
    let version: i64 = file
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| refuse(damage::describe(&e)))?;
    if version > SQLITE_VERSION as i64 {
        return Err(refuse(newer(version, SQLITE_VERSION as i64)));
    }
    let tables: i64 = file
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('payments', 'meta')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| refuse(damage::describe(&e)))?;
    if version == 0 || tables != 2 {
        return Err(refuse("it is not a konnect journal (no payments in it)".into()));
    }
    check(&file).map_err(|e| refuse(format!("it is damaged ({e}); choose another copy")))?;
    let mut mem = Connection::open_in_memory().map_err(|e| refuse(e.to_string()))?;
    copy_pages(&file, &mut mem).map_err(&refuse)?;
    migrate(&mut mem).map_err(|e| refuse(format!("it cannot be brought up to date: {e}")))?;
    // Every row as konnect reads it: a copy that history could not show is no copy.
    let probe = Journal {
        store: RefCell::new(Box::new(Sqlite::new(mem))),
        shown: src.to_path_buf(),
        env: String::new(),
        location: src.to_path_buf(),
    };
    probe
        .payments(&format!("SELECT {COLUMNS} FROM payments"), &[])
        .map_err(|e| refuse(e.message))?;
    probe
        .store
        .into_inner()
        .into_sqlite()
        .ok_or_else(|| refuse("internal: not a SQLite store".into()))
}

/// References the journal holds that the copy lacks, or holds with another outcome or note;
/// and the short form of each, as receipts print it.
fn newer_rows(journal: &Connection, copy: &Connection) -> Result<(Vec<String>, Vec<String>), String> {
    let sql = "SELECT reference, outcome, COALESCE(settled_ms, -1), COALESCE(note, '') FROM payments ORDER BY created_ms DESC";
    let read = |c: &Connection| -> rusqlite::Result<Vec<(String, String, i64, String)>> {
        let mut stmt = c.prepare(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    };
    let theirs: std::collections::HashMap<String, (String, i64, String)> = read(copy)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|(r, o, s, n)| (r, (o, s, n)))
        .collect();
    let ours = read(journal).map_err(|e| e.to_string())?;
    let all: Vec<String> = ours.iter().map(|(r, ..)| r.clone()).collect();
    let shorts = crate::reference::short_forms(&all);
    let newer: Vec<String> = ours
        .into_iter()
        .filter(|(r, o, s, n)| theirs.get(r) != Some(&(o.clone(), *s, n.clone())))
        .map(|(r, ..)| r)
        .collect();
    let shown = newer
        .iter()
        .map(|r| shorts.get(r).cloned().unwrap_or_else(|| r.clone()))
        .collect();
    Ok((newer, shown))
}

/// Moves a damaged journal (and its log) into its backups folder, under a `damaged-` name.
fn move_aside(journal: &Path) -> Result<PathBuf, Failure> {
    let dir = folder(journal);
    crate::private::create_dir(&dir)
        .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
    let aside = dir.join(format!(
        "damaged-{}.sqlite3",
        crate::clock::file_stamp(crate::clock::now_ms())
    ));
    for suffix in ["", "-wal", "-shm"] {
        let (mut from, mut to) = (
            journal.as_os_str().to_os_string(),
            aside.as_os_str().to_os_string(),
        );
        from.push(suffix);
        to.push(suffix);
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !suffix.is_empty() => {}
            Err(e) => {
                return Err(Failure::internal(format!(
                    "cannot move the damaged journal aside to {}: {e}; nothing was restored",
                    aside.display()
                )));
            }
        }
    }
    Ok(aside)
}

/// Writes the copy as a new journal file where there is none (0600), then makes it WAL.
fn write_fresh(journal: &Path, copy: &Connection) -> Result<u64, Failure> {
    create_private(journal)
        .map_err(|e| Failure::usage(format!("cannot create the journal {}: {e}", journal.display())))?;
    let result = (|| -> Result<u64, String> {
        let mut conn = Connection::open(journal).map_err(|e| e.to_string())?;
        copy_pages(copy, &mut conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| e.to_string())?;
        check(&conn)
    })();
    let rows = result.map_err(|e| fail(journal, e))?;
    super::backup::sync_folder(journal);
    // Opened as every command opens it: the settings a journal runs with.
    drop(connect(journal).map_err(|e| fail(journal, e.to_string()))?);
    Ok(rows)
}
