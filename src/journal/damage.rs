//! A damaged journal file (a bad page, a file cut short, something else in its place) is told
//! apart from other failures and named with the copy to restore: at open from its header and
//! length (cheap: a pay must not read a year of rows first), and at any later read from
//! SQLite's own verdict.

use std::io::Read;
use std::path::Path;

use rusqlite::ErrorCode;

use super::backup;
use crate::failure::Failure;

/// Whether SQLite's error says the file is damaged or not a database.
pub(super) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// The same, from an error's text (the store's errors are strings).
pub(super) fn says_damage(text: &str) -> bool {
    text.contains("database disk image is malformed") || text.contains("file is not a database")
}

/// An error as a person reads it, with damage called damage.
pub(super) fn describe(e: &rusqlite::Error) -> String {
    if is_damage(e) {
        format!("it is damaged ({e})")
    } else {
        e.to_string()
    }
}

/// What is plainly wrong with a journal file, from its first 100 bytes and its length.
pub(super) fn header_problem(path: &Path) -> Option<String> {
    let mut log = path.as_os_str().to_os_string();
    log.push("-wal");
    let log_pending = std::fs::metadata(&log).is_ok_and(|m| m.len() > 0);
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    if len == 0 {
        // A journal about to be created has no log; a log without its file is the payments
        // of a file that was lost (the log alone holds them until SQLite folds it in).
        return log_pending.then(|| {
            "its file is missing or empty while its write-ahead log (-wal) is there: keep that -wal, it holds payments".into()
        });
    }
    let mut head = Vec::with_capacity(100);
    std::fs::File::open(path)
        .ok()?
        .take(100)
        .read_to_end(&mut head)
        .ok()?;
    if head.len() < 100 || &head[..16] != backup::SQLITE_MAGIC {
        return Some("it is not a SQLite file".into());
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    // The page count is to be believed only when it was written with the change counter; and
    // a log beside the file may hold a checkpoint that SQLite will finish on open.
    let counted = be32(24) == be32(92);
    (counted && !log_pending && pages * page_size > len).then(|| {
        format!(
            "it is cut short: {len} bytes of the {} its header counts",
            pages * page_size
        )
    })
}

/// The failure for a damaged journal: what is wrong, and the newest copy to restore.
pub fn damaged(journal: &Path, why: &str) -> Failure {
    let advice = match backup::newest(journal) {
        Some((copy, at)) => format!(
            "restore its newest copy (made {}) with: konnect --journal {} journal restore {}",
            crate::clock::file_time(at),
            journal.display(),
            copy.display()
        ),
        None => format!(
            "there is no copy of it in {}: keep the file for a support person, and restore a copy from elsewhere with `konnect --journal {} journal restore FILE`",
            backup::folder(journal).display(),
            journal.display()
        ),
    };
    Failure::internal(format!(
        "the journal {} is damaged ({why}); {advice}",
        journal.display()
    ))
    .with_code(Some(DAMAGED.into()))
}

/// The code a damaged journal's failure carries (JSON `error.code`), for callers that advise
/// a restore.
pub const DAMAGED: &str = "journal_damaged";
