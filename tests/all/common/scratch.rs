//! Where the tests keep their files.

use std::path::Path;

/// A fresh directory, in memory where the system has a RAM filesystem (`/dev/shm`): the
/// suite creates and deletes thousands of small files (journals, a PostgreSQL cluster's
/// databases), and on a disk filesystem that bookkeeping, not konnect, was most of its time.
pub fn scratch(prefix: &str) -> tempfile::TempDir {
    let ram = Path::new("/dev/shm");
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    if cfg!(target_os = "linux")
        && ram.is_dir()
        && let Ok(dir) = builder.tempdir_in(ram)
    {
        return dir;
    }
    builder.tempdir().expect("a temporary directory")
}
