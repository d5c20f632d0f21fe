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
    /// The CA (PEM) of the server's certificate, when the cluster is ours: it speaks TLS too,
    /// and its role `tlsonly` may connect over TLS only.
    cert: Option<String>,
}

impl Cluster {
    /// Stops the server and removes its files (a static is never dropped: see [`stop_at_exit`]).
    fn stop(&self) {
        if let Some(data) = &self.data {
            let db = data.path().join("db");
            let _ = as_postgres(&self.bin.join("pg_ctl"))
                .args(["-D", &db.to_string_lossy(), "-m", "immediate", "stop"])
                .output();
            let _ = std::fs::remove_dir_all(data.path());
        }
    }
}

/// Runs when the test binary exits, so that no server outlives the tests.
extern "C" fn stop_at_exit() {
    if let Some(Ok(cluster)) = CLUSTER.get() {
        cluster.stop();
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

/// A CA (PEM), and a server certificate and key it signed for 127.0.0.1 and localhost.
fn certificates() -> Result<(String, String, String), rcgen::Error> {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(params, KeyPair::generate()?)?;
    let key = KeyPair::generate()?;
    let cert = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])?
        .signed_by(&key, &ca)?;
    Ok((ca.pem(), cert.pem(), key.serialize_pem()))
}

fn start() -> Result<Cluster, String> {
    let text = |e: &dyn std::fmt::Display| e.to_string();
    if let Ok(url) = std::env::var("KONNECT_TEST_POSTGRES_URL") {
        let base = url.trim_end_matches('/').to_string();
        return Ok(Cluster {
            base,
            data: None,
            bin: PathBuf::new(),
            cert: None,
        });
    }
    let bin = server_bin().ok_or("no PostgreSQL server programs (Debian's postgresql package)")?;
    let data = super::scratch::scratch("konnect-pg");
    let dir = data.path();
    // The server speaks TLS too, with a certificate signed by a CA made here.
    let (ca, cert, key) = certificates().map_err(|e| text(&e))?;
    std::fs::write(dir.join("server.crt"), cert).map_err(|e| text(&e))?;
    std::fs::write(dir.join("server.key"), key).map_err(|e| text(&e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o600);
        std::fs::set_permissions(dir.join("server.key"), private).map_err(|e| text(&e))?;
    }
    if running_as_root() {
        let chown = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(dir)
            .status();
        chown.map_err(|e| text(&e))?;
    }
    let db = dir.join("db");
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
        .map_err(|e| text(&e))?;
    if !out.status.success() {
        return Err(format!("initdb: {}", String::from_utf8_lossy(&out.stderr)));
    }
    // First match wins: `tlsonly` is let in over TLS and turned away without it.
    let hba = db.join("pg_hba.conf");
    let rest = std::fs::read_to_string(&hba).map_err(|e| text(&e))?;
    let only_tls = "hostssl all tlsonly 127.0.0.1/32 trust\nhostnossl all tlsonly 127.0.0.1/32 reject\n";
    std::fs::write(&hba, format!("{only_tls}{rest}")).map_err(|e| text(&e))?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| text(&e))?
        .port();
    let d = dir.display();
    let options = format!(
        "-p {port} -k {d} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 \
         -c ssl=on -c ssl_cert_file={d}/server.crt -c ssl_key_file={d}/server.key"
    );
    let log = dir.join("log");
    let out = as_postgres(&bin.join("pg_ctl"))
        .args([
            "-D",
            &db.to_string_lossy(),
            "-o",
            &options,
            "-l",
            &log.to_string_lossy(),
            "-w",
            "start",
        ])
        .output()
        .map_err(|e| text(&e))?;
    if !out.status.success() {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        return Err(format!(
            "pg_ctl start: {}{log}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    #[cfg(unix)]
    // SAFETY: registers a plain function with no preconditions.
    unsafe {
        libc::atexit(stop_at_exit);
    }
    let base = format!("postgres://konnect@127.0.0.1:{port}");
    let mut admin =
        postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls).map_err(|e| text(&e))?;
    admin
        .batch_execute("CREATE ROLE tlsonly LOGIN SUPERUSER")
        .map_err(|e| text(&e))?;
    Ok(Cluster {
        base,
        data: Some(data),
        bin,
        cert: Some(ca),
    })
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh database's URL for the role that may connect over TLS only, and the CA of the
/// server's certificate (PEM); None where the cluster is not ours (or cannot be had).
pub fn tls_only_database(test: &str) -> Option<(String, String)> {
    let url = database(test)?;
    let cert = CLUSTER.get()?.as_ref().ok()?.cert.clone();
    let Some(cert) = cert else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: the PostgreSQL server is not the tests' own"
        );
        return None;
    };
    Some((
        url.replacen("postgres://konnect@", "postgres://tlsonly@", 1),
        cert,
    ))
}

/// Drops every other connection to `admin`'s database, as a server restart would.
pub fn drop_connections(admin: &mut postgres::Client) {
    let kill = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                WHERE datname = current_database() AND pid <> pg_backend_pid()";
    admin.execute(kill, &[]).expect("terminate the other connections");
}

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
