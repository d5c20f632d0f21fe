//! Files only their owner may read (the config holds the token; the journal holds the shop's
//! books), and reads of files that are bounded whatever the file holds.
//!
//! On Unix that is mode 0600 (folders 0700). On Windows the files live in the user's profile
//! (`%APPDATA%`, `%LOCALAPPDATA%`), whose default ACL already gives only that user (and
//! administrators) access; konnect does not set ACLs of its own there.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// Creates a folder (and its parents) that only its owner can enter.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Options that create a file only its owner can read.
fn private_options() -> fs::OpenOptions {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// A file only its owner can read, created or truncated.
pub fn create_file(path: &Path) -> io::Result<fs::File> {
    let file = private_options().truncate(true).open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// Creates an empty file only its owner can read, unless it exists (then it is left alone).
pub fn touch(path: &Path) -> io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    private_options().truncate(false).open(path).map(drop)
}

/// The file's mode when others (group or world) may read or write it. Windows has no modes:
/// the profile's ACL is relied on (see the module's note), so nothing is reported there.
#[cfg(unix)]
pub fn loose_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
        .filter(|m| m & 0o077 != 0)
}

#[cfg(not(unix))]
pub fn loose_mode(_path: &Path) -> Option<u32> {
    None
}

/// Why a bounded read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("it is larger than {0} bytes")]
    TooLarge(u64),
    #[error("it is not UTF-8 text")]
    NotText,
}

/// Reads a whole text file of at most `cap` bytes: a larger one is refused, never buffered.
pub fn read_capped(path: &Path, cap: u64) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(cap));
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_capped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        fs::write(&p, "x".repeat(10)).unwrap();
        assert_eq!(read_capped(&p, 10).unwrap().len(), 10);
        assert!(matches!(read_capped(&p, 9), Err(ReadError::TooLarge(9))));
        fs::write(&p, [0xff, 0xfe]).unwrap();
        assert!(matches!(read_capped(&p, 9), Err(ReadError::NotText)));
        #[cfg(unix)]
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 1024),
            Err(ReadError::TooLarge(1024))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b/f");
        create_dir(p.parent().unwrap()).unwrap();
        touch(&p).unwrap();
        assert_eq!(loose_mode(&p), None);
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(loose_mode(&p), Some(0o644));
        drop(create_file(&p).unwrap());
        assert_eq!(loose_mode(&p), None);
    }
}
