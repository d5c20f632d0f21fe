//! Records what `konnect version` tells: the git commit and whether the tree was dirty, the
//! build date and the target. Built from a tarball without git, the commit is "unknown"; the
//! build never fails for want of git.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    // Inside a git work tree whose top is this package (not a tarball unpacked in some repo).
    let here = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let top = git(&["-C", &here, "rev-parse", "--show-toplevel"]);
    let ours = top.is_some_and(|t| std::path::Path::new(&t) == std::path::Path::new(&here));
    let commit = ours
        .then(|| git(&["-C", &here, "rev-parse", "--short=9", "HEAD"]))
        .flatten()
        .filter(|c| !c.is_empty());
    let dirty = commit.as_ref().and_then(|_| {
        git(&["-C", &here, "status", "--porcelain", "--untracked-files=no"]).map(|s| !s.is_empty())
    });
    println!(
        "cargo:rustc-env=KONNECT_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
    println!(
        "cargo:rustc-env=KONNECT_DIRTY={}",
        match dirty {
            Some(true) => "dirty",
            Some(false) => "clean",
            None => "unknown",
        }
    );
    // SOURCE_DATE_EPOCH makes a release reproducible; otherwise the day it was built (UTC).
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    println!("cargo:rustc-env=KONNECT_BUILD_DATE={}", civil_date(secs));
    println!(
        "cargo:rustc-env=KONNECT_TARGET={}",
        std::env::var("TARGET").unwrap_or_else(|_| "unknown".into())
    );
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // A path that does not exist would rerun this on every build: name only those there.
    for path in [".git/HEAD", ".git/index", ".git/refs", "src", "Cargo.toml"] {
        if std::path::Path::new(&here).join(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// `YYYY-MM-DD` of a Unix time, in UTC (Howard Hinnant's days-to-civil).
fn civil_date(secs: i64) -> String {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
