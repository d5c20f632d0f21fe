//! The shared journal under load: 4 counters × 50 payments against the sandbox on loopback,
//! each payment the money path's own steps (details, write-ahead, commit, settle) through
//! konnect's client and journal, on SQLite and on PostgreSQL side by side. Prints payments per
//! second and the journal's share of each payment (median, p99). Never reaches beyond loopback.
//!
//!     cargo bench --bench shared_journal

/// The cluster's files, on disk as a shop's server keeps them (the tests put theirs in
/// memory): with fsync on, the figures are a disk's.
mod scratch {
    pub fn scratch(prefix: &str) -> tempfile::TempDir {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir();
        dir.expect("a temporary directory")
    }
}
#[path = "../tests/all/common/pg.rs"]
#[allow(dead_code)]
mod pg;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use konnect::api::{Client, CommitRequest};
use konnect::endpoint::BaseUrl;
use konnect::journal::{Attempt, Journal, Settlement};
use konnect::money::Npr;
use konnect::sandbox::{Options, Sandbox, TOKEN};
use konnect::secret::Secret;

const COUNTERS: usize = 4;
const PAYMENTS: usize = 50;

/// One payment's wall time and the part of it spent in the journal.
struct Timing {
    total: Duration,
    journal: Duration,
}

fn counter(base_url: &str, journal: &Path, name: usize, tag: &str) -> Vec<Timing> {
    let client = Client::new(
        &BaseUrl::parse(base_url).unwrap(),
        Secret::new(TOKEN),
        Duration::from_secs(30),
        false,
    );
    let journal = Journal::open(journal, "TEST").unwrap();
    (0..PAYMENTS)
        .map(|i| {
            let start = Instant::now();
            let reference = format!("bench{tag}{name}x{i}x{}", std::process::id());
            let details = client
                .details("izone", "active", &format!("{reference}d"))
                .unwrap();
            let package = details.current_package().unwrap().clone();
            let attempt = Attempt {
                reference: reference.clone(),
                isp: "izone".into(),
                username: format!("customer-{name}"),
                customer: format!("customer-{name}"),
                customer_name: Some(details.customer.name.clone().unwrap_or_default()),
                package_id: package.id.clone(),
                package_name: package.name.clone(),
                amount: package.amount,
                timeout: Duration::from_secs(30),
                counter: format!("counter-{name}"),
            };
            let write_ahead = Instant::now();
            assert!(journal.begin_payment(&attempt, None).unwrap().earlier().is_none());
            let mut in_journal = write_ahead.elapsed();
            let request = CommitRequest {
                reference: &reference,
                package_id: &package.id,
                amount: package.amount,
                session_id: &details.session_id,
            };
            let answer = client.commit(&request).unwrap();
            assert_eq!(answer.status, 200);
            let settle = Instant::now();
            let done = Settlement {
                commit_ended: true,
                ..Settlement::new(konnect::api::Outcome::Success, "paid")
            };
            journal.settle(&reference, &done).unwrap();
            in_journal += settle.elapsed();
            Timing {
                total: start.elapsed(),
                journal: in_journal,
            }
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn run(label: &str, tag: &str, base_url: &str, journal: &Path) {
    let start = Instant::now();
    let timings: Vec<Timing> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..COUNTERS)
            .map(|n| s.spawn(move || counter(base_url, journal, n, tag)))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let wall = start.elapsed();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut journal_ms: Vec<f64> = timings.iter().map(|t| ms(t.journal)).collect();
    let mut total_ms: Vec<f64> = timings.iter().map(|t| ms(t.total)).collect();
    let mut share: Vec<f64> = timings
        .iter()
        .map(|t| 100.0 * ms(t.journal) / ms(t.total))
        .collect();
    for v in [&mut journal_ms, &mut total_ms, &mut share] {
        v.sort_by(f64::total_cmp);
    }
    println!(
        "| {label} | {:.0} | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.0}% / {:.0}% |",
        timings.len() as f64 / wall.as_secs_f64(),
        percentile(&total_ms, 0.5),
        percentile(&total_ms, 0.99),
        percentile(&journal_ms, 0.5),
        percentile(&journal_ms, 0.99),
        percentile(&share, 0.5),
        percentile(&share, 0.99),
    );
}

fn main() {
    let options = Options {
        credits: Npr::parse("100000000").unwrap(),
        ..Options::default()
    };
    let sandbox = Sandbox::start("127.0.0.1:0", options).unwrap();
    let base_url = sandbox.base_url();
    println!("{COUNTERS} counters x {PAYMENTS} payments each, sandbox on loopback\n");
    println!(
        "| journal | payments/s | payment median / p99 | journal median / p99 | journal's share median / p99 |"
    );
    println!("|---|---|---|---|---|");
    let dir = tempfile::tempdir().unwrap();
    let sqlite: PathBuf = dir.path().join("bench.sqlite3");
    run("SQLite (one file, WAL, full sync)", "s", &base_url, &sqlite);
    match pg::database("shared_journal bench") {
        Some(url) => {
            // The test cluster runs without fsync for speed; a shop's server syncs every commit.
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            admin.batch_execute("ALTER SYSTEM SET fsync = on").unwrap();
            admin.batch_execute("SELECT pg_reload_conf()").unwrap();
            run("PostgreSQL (loopback, fsync on)", "p", &base_url, Path::new(&url));
        }
        None => println!("| PostgreSQL | skipped: no server | | | |"),
    }
}
