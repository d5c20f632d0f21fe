//! What a journal location is: a SQLite file, a PostgreSQL URL, or a mistake (a libpq
//! keyword string, another scheme's URL), and how it is shown without its password.

use std::path::Path;

use super::postgres_url;

/// Whether a journal location is a PostgreSQL URL rather than a file.
pub fn is_postgres(location: &Path) -> bool {
    let text = location.to_string_lossy().to_ascii_lowercase();
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// A libpq keyword string (`host=… dbname=…`) is a mistake too: it may hold a password, and
/// must never become a file's name.
pub(super) fn keyword_string(location: &Path) -> bool {
    let text = location.to_string_lossy().to_ascii_lowercase();
    ["host=", "dbname=", "user=", "password=", "port="]
        .iter()
        .any(|k| text.starts_with(k) || text.contains(&format!(" {k}")))
}

/// A URL of another kind is a mistake, never a file name to create.
pub(super) fn other_url(location: &Path) -> Option<String> {
    let text = location.to_string_lossy();
    let (scheme, _) = text.split_once("://")?;
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && !is_postgres(location)).then(|| crate::text::clean(scheme).into_owned())
}

/// A journal location as people may see it: a file's path, or a URL with no password.
pub fn shown(location: &Path) -> String {
    let text = location.to_string_lossy();
    if is_postgres(location) || keyword_string(location) {
        postgres_url::without_password(&text)
    } else {
        text.into_owned()
    }
}
