//! What this binary is: its version, the commit it was built from, when and for what, and
//! what it can do (features, the journal schema it writes). `konnect version` shows it.

/// The crate's version (`Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The short git commit, or "unknown" when built without git (a source tarball).
pub const COMMIT: &str = env!("KONNECT_COMMIT");
/// "clean", "dirty" (uncommitted changes were built in) or "unknown".
pub const TREE: &str = env!("KONNECT_DIRTY");
/// `YYYY-MM-DD`, UTC (`SOURCE_DATE_EPOCH` when set).
pub const BUILD_DATE: &str = env!("KONNECT_BUILD_DATE");
/// The target triple, e.g. `x86_64-unknown-linux-musl`.
pub const TARGET: &str = env!("KONNECT_TARGET");

/// The optional parts built in: the simulator is a cargo feature; PostgreSQL is always there.
pub fn features() -> Vec<&'static str> {
    let mut f = Vec::new();
    if cfg!(feature = "sandbox") {
        f.push("sandbox");
    }
    f.push("postgresql");
    f
}
