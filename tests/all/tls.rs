//! HTTPS as the real service speaks it: a sandbox with a certificate made at start, trusted
//! through `ca_file` or the system's store (`SSL_CERT_FILE`), refused when it is untrusted,
//! expired or for another name, and reached through a CONNECT proxy.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::common::{self, Home};
use konnect::sandbox::tls::{Authority, Leaf};
use konnect::sandbox::{Options, Request, Server, Simulator};
use serde_json::Value;

const PKG: &str = "1-13286-5-3";
const TOKEN: &str = "TEST:tls-test-token";

/// The simulator over HTTPS with a certificate of this kind, and the CA's PEM in a file.
fn https(home: &Home, leaf: Leaf, names: &[&str]) -> (Server, PathBuf, Arc<Simulator>) {
    let authority = Authority::new().unwrap();
    let ca = home.path().join("ca.pem");
    std::fs::write(&ca, authority.pem()).unwrap();
    let sim = Arc::new(Simulator::new(Options::default()));
    let handler = sim.clone();
    let config = authority.server(leaf, names).unwrap();
    let server = Server::spawn_tls(
        "127.0.0.1:0",
        Arc::new(move |r: &Request| handler.handle(r)),
        config,
    )
    .unwrap();
    (server, ca, sim)
}

fn konnect(home: &Home, base_url: &str, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut c = common::std_cmd(home);
    c.env("KONNECT_TOKEN", TOKEN)
        .envs(env.iter().copied())
        .args([
            "--base-url",
            base_url,
            "--journal",
            home.path().join("j.sqlite3").to_str().unwrap(),
        ])
        .args(args)
        .stdin(std::process::Stdio::null());
    common::output(c)
}

#[test]
fn lookup_and_pay_over_https_with_the_ca_named_or_in_the_system_store() {
    let home = Home::new();
    let (server, ca, sim) = https(&home, Leaf::Valid, &[]);
    let ca = ca.to_str().unwrap();
    // SSL_CERT_FILE is how Linux's store is pointed elsewhere; Windows uses its certificate store.
    let trusts: &[(&str, &str)] = if cfg!(unix) {
        &[("KONNECT_CA_FILE", ca), ("SSL_CERT_FILE", ca)]
    } else {
        &[("KONNECT_CA_FILE", ca)]
    };
    for &trust in trusts {
        let (code, out, err) = konnect(
            &home,
            &server.base_url(),
            &[trust],
            &["lookup", "--isp", "izone", "--user", "active"],
        );
        assert_eq!(code, 0, "{trust:?}: {err}");
        assert!(out.contains("Chandra Mani Neupane"), "{out}");
    }
    let pay = common::pay_args("active", PKG, &[]);
    let (code, out, err) = konnect(&home, &server.base_url(), &[("KONNECT_CA_FILE", ca)], &pay);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["outcome"], "success");
    assert_eq!(sim.state().commits.len(), 1);
}

#[test]
fn a_certificate_that_cannot_be_trusted_sends_nothing_and_says_why() {
    let cases = [
        (Leaf::Valid, false, "from an issuer this computer does not trust"),
        (Leaf::Expired, true, "has expired"),
        (Leaf::OtherName, true, "is for another name"),
    ];
    for (leaf, trusted, says) in cases {
        let home = Home::new();
        let (server, ca, sim) = https(&home, leaf, &[]);
        let ca = ca.to_str().unwrap().to_string();
        let env: Vec<(&str, &str)> = if trusted {
            vec![("KONNECT_CA_FILE", &ca)]
        } else {
            vec![]
        };
        let pay = common::pay_args("active", PKG, &[]);
        let (code, out, err) = konnect(&home, &server.base_url(), &env, &pay);
        assert_eq!(code, 5, "{leaf:?}: {out}{err}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        let message = doc["error"]["message"].as_str().unwrap();
        // Windows' own verifier (and Wine's) words some failures its own way; the promise is
        // the same everywhere: nothing sent, exit 5, and what to do.
        assert!(message.contains("nothing was sent"), "{leaf:?}: {message}");
        assert!(cfg!(windows) || message.contains(says), "{leaf:?}: {message}");
        assert!(message.contains("set ca_file"), "{leaf:?}: what to do: {message}");
        assert!(
            !message.contains("after the request was sent"),
            "{leaf:?}: {message}"
        );
        assert_eq!(server.hits(), 0, "{leaf:?}: no request got through");
        assert!(sim.state().commits.is_empty());
    }
}

#[test]
fn a_ca_file_that_cannot_be_read_is_a_setup_error_naming_it() {
    let home = Home::new();
    let (server, _, _) = https(&home, Leaf::Valid, &[]);
    let empty = home.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    for file in [empty.clone(), home.path().join("missing.pem")] {
        let env = [("KONNECT_CA_FILE", file.to_str().unwrap())];
        let (code, _, err) = konnect(&home, &server.base_url(), &env, &["balance"]);
        assert_eq!(code, 6, "{err}");
        assert!(err.contains(file.to_str().unwrap()), "names the file: {err}");
    }
}

/// A CONNECT proxy on loopback that sends every tunnel to `target`, and what it was asked.
fn proxy(target: std::net::SocketAddr, refuse: bool) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let seen = seen.clone();
            std::thread::spawn(move || tunnel(client, target, refuse, &seen));
        }
    });
    (url, asked)
}

fn tunnel(client: TcpStream, target: std::net::SocketAddr, refuse: bool, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    seen.lock().unwrap().push(line.trim().to_string());
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    let mut client = client;
    if refuse {
        let _ = client.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    let upstream = TcpStream::connect(target).unwrap();
    client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .unwrap();
    let (mut up_read, mut up_write) = (upstream.try_clone().unwrap(), upstream);
    let mut down = client.try_clone().unwrap();
    let pump = std::thread::spawn(move || {
        let _ = std::io::copy(&mut up_read, &mut down);
    });
    let buffered = reader.buffer().to_vec();
    let _ = up_write.write_all(&buffered);
    let mut rest = reader.into_inner();
    let mut buf = [0; 8192];
    while let Ok(n) = rest.read(&mut buf) {
        if n == 0 || up_write.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = up_write.shutdown(std::net::Shutdown::Both);
    let _ = pump.join();
}

#[test]
fn a_proxy_from_the_environment_carries_the_commit_once_and_a_refusal_sends_nothing() {
    let home = Home::new();
    // A name that is not loopback, so the proxy is used; the proxy, not konnect, reaches it.
    let (server, ca, sim) = https(&home, Leaf::Valid, &["konnect-test.example"]);
    let base = format!("https://konnect-test.example:{}", server.addr().port());
    let ca = ca.to_str().unwrap();
    let (proxy_url, asked) = proxy(server.addr(), false);
    let env = [("KONNECT_CA_FILE", ca), ("HTTPS_PROXY", proxy_url.as_str())];
    let pay = common::pay_args("active", PKG, &[]);
    let (code, out, err) = konnect(&home, &base, &env, &pay);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(sim.state().commits.len(), 1, "the commit passed once");
    let connects = asked.lock().unwrap().clone();
    assert!(
        !connects.is_empty()
            && connects
                .iter()
                .all(|l| l.starts_with("CONNECT konnect-test.example:")),
        "{connects:?}"
    );

    let (refusing, _) = proxy(server.addr(), true);
    let env = [("KONNECT_CA_FILE", ca), ("HTTPS_PROXY", refusing.as_str())];
    let (code, out, _) = konnect(
        &home,
        &base,
        &env,
        &common::pay_args("expired", "1-4412-8-1", &[]),
    );
    assert_eq!(code, 5, "{out}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was sent"),
        "{doc}"
    );
    assert_eq!(sim.state().commits.len(), 1, "nothing more reached the service");
}

#[test]
fn doctor_checks_the_way_to_the_service_and_names_what_to_fix() {
    let home = Home::new();
    let (server, ca, _) = https(&home, Leaf::Valid, &[]);
    let ca = ca.to_str().unwrap();
    let (code, out, err) = konnect(
        &home,
        &server.base_url(),
        &[("KONNECT_CA_FILE", ca)],
        &["--json", "doctor"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let checks = doc["checks"].as_array().unwrap();
    let names: Vec<&str> = checks.iter().map(|c| c["name"].as_str().unwrap()).collect();
    for name in [
        "token", "config", "journal", "ca_file", "proxy", "DNS", "TCP", "TLS", "balance", "clock",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let tls = checks.iter().find(|c| c["name"] == "TLS").unwrap();
    assert!(
        tls["detail"].as_str().unwrap().contains("konnect sandbox CA"),
        "{tls}"
    );
    assert!(tls["ms"].is_u64());

    // Untrusted: the TLS line fails with its fix, and it is a reachability problem (5).
    let (code, out, _) = konnect(&home, &server.base_url(), &[], &["doctor"]);
    assert_eq!(code, 5, "{out}");
    assert!(
        out.contains("✗ TLS") && out.contains("fix:") && out.contains("ca_file"),
        "{out}"
    );
    assert!(!out.contains("balance"), "stops at the first broken step: {out}");

    // No token: a setup problem (6), and nothing is asked of the service.
    let mut c = common::std_cmd(&home);
    c.args(["--base-url", &server.base_url(), "doctor"]);
    let (code, out, _) = common::output(c);
    assert_eq!(code, 6, "{out}");
    assert!(out.contains("✗ token"), "{out}");
}
