//! A throwaway PostgreSQL cluster for the tests: Debian's server programs (`initdb`, `pg_ctl`,
//! run as the `postgres` user when the tests run as root), listening on 127.0.0.1 at a free
//! port with its socket in a temp dir; or the server `KONNECT_TEST_POSTGRES_URL` names. Each
//! test gets a database of its own.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cluster, started once for the test binary and stopped when it ends.
pub struct Cluster {
    /// `postgres://konnect@127.0.0.1:PORT` (no database).
    base: String,
    data: Option<tempfile::TempDir>,
    bin: PathBuf,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(data) = &self.data {
            let _ = as_postgres(&self.bin.join("pg_ctl"))
                .args([
                    "-D",
                    &data.path().join("db").to_string_lossy(),
                    "-m",
                    "immediate",
                    "stop",
                ])
                .output();
        }
    }
}

fn server_bin() -> Option<PathBuf> {
    // Under Wine, /usr/lib/postgresql would be Linux programs that cannot run.
    if cfg!(not(unix)) {
        return None;
    }
    let mut candidates: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .collect();
    candidates.sort();
    candidates.into_iter().rev().find(|b| b.join("initdb").exists())
}

fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions.
        unsafe { libc::geteuid() == 0 }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// A command run as `postgres` when the tests run as root (initdb refuses root).
fn as_postgres(program: &Path) -> Command {
    if running_as_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn start() -> Result<Cluster, String> {
    if let Ok(url) = std::env::var("KONNECT_TEST_POSTGRES_URL") {
        return Ok(Cluster {
            base: url.trim_end_matches('/').to_string(),
            data: None,
            bin: PathBuf::new(),
        });
    }
    let bin = server_bin().ok_or("no PostgreSQL server programs (Debian's postgresql package)")?;
    let data = tempfile::Builder::new()
        .prefix("konnect-pg")
        .tempdir()
        .map_err(|e| e.to_string())?;
    if running_as_root() {
        Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(data.path())
            .status()
            .map_err(|e| e.to_string())?;
    }
    let db = data.path().join("db");
    let out = as_postgres(&bin.join("initdb"))
        .args([
            "-D",
            &db.to_string_lossy(),
            "-U",
            "konnect",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("initdb: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
        data.path().display()
    );
    let out = as_postgres(&bin.join("pg_ctl"))
        .args([
            "-D",
            &db.to_string_lossy(),
            "-o",
            &options,
            "-l",
            &data.path().join("log").to_string_lossy(),
            "-w",
            "start",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("pg_ctl start: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(Cluster {
        base: format!("postgres://konnect@127.0.0.1:{port}"),
        data: Some(data),
        bin,
    })
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh database's URL, or None (said in one line) where no server can be had. CI sets
/// `KONNECT_TEST_POSTGRES=required`, so there a missing server fails instead.
pub fn database(test: &str) -> Option<String> {
    let cluster = match CLUSTER.get_or_init(start) {
        Ok(c) => c,
        Err(why) => {
            if std::env::var("KONNECT_TEST_POSTGRES").is_ok_and(|v| v == "required") {
                panic!("PostgreSQL is required here but cannot be started: {why}");
            }
            // Written past the test harness's capture, so that a skip is seen even when it passes.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "skipped {test} on PostgreSQL: no server ({why})"
            );
            return None;
        }
    };
    let name = format!("t{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst));
    let mut admin = postgres::Client::connect(&format!("{}/postgres", cluster.base), postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL: {e}"));
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    Some(format!("{}/{name}", cluster.base))
}
