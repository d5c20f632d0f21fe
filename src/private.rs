//! Files only their owner may read (the config holds the token; the journal holds the shop's
//! books), and reads of files that are bounded whatever the file holds.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// Creates a folder (and its parents) that only its owner can enter.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// A file only its owner can read, created or truncated.
pub fn create_file(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

/// Creates an empty file only its owner can read, unless it exists (then it is left alone).
pub fn touch(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if path.exists() {
        return Ok(());
    }
    fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(drop)
}

/// The file's mode when others (group or world) may read or write it.
pub fn loose_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
        .filter(|m| m & 0o077 != 0)
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
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 1024),
            Err(ReadError::TooLarge(1024))
        ));
    }

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
