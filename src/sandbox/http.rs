//! A small HTTP/1.1 server on std::net, with keep-alive and the faults a payment tool must survive
//! (a cut connection, a late answer, a dribbled body). The sandbox and the tests both serve through it.
//!
//! Request heads are parsed by `httparse`; no ready-made server is used because none lets a
//! handler close a connection without answering, which is the fault that matters most here.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const MAX_HEAD: usize = 64 * 1024;
const MAX_HEADERS: usize = 64;
const MAX_BODY: usize = 1024 * 1024;
/// An idle keep-alive connection is closed after this, so it does not pin a thread. Clients
/// (ureq) drop their own idle connections sooner.
const IDLE: Duration = Duration::from_secs(30);
/// How often a connection waiting for its next request looks whether the server is stopping:
/// closing a socket under a blocked read does not wake it everywhere (Wine, some Windows).
const POLL: Duration = Duration::from_millis(200);

/// One request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What to do with a request.
#[derive(Debug, Clone)]
pub enum Reply {
    Full {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Close the connection without writing a byte.
    Cut,
    /// Wait, then reply.
    After(Duration, Box<Reply>),
    /// Send the head at once, then the body one byte per interval.
    Dribble {
        status: u16,
        body: Vec<u8>,
        every: Duration,
    },
    /// Write these bytes as they are, then close: for answers that are not HTTP at all.
    Raw(Vec<u8>),
    /// Reply, then close the connection: the next request needs a connection of its own.
    Close(Box<Reply>),
    /// Reply, close, and refuse every connection for this long: a service that went away.
    ThenRefuse(Duration, Box<Reply>),
}

impl Reply {
    pub fn json(status: u16, value: &serde_json::Value) -> Reply {
        Reply::Full {
            status,
            content_type: "application/json",
            body: value.to_string().into_bytes(),
        }
    }
}

pub type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

/// The connections being served, so that dropping the server can close and join them.
type Connections = Arc<Mutex<Vec<(TcpStream, JoinHandle<()>)>>>;

/// A running server; dropping it closes every connection and joins every thread.
pub struct Server {
    addr: SocketAddr,
    tls: bool,
    stop: Arc<AtomicBool>,
    hits: Arc<AtomicUsize>,
    accepted: Arc<AtomicUsize>,
    connections: Connections,
    acceptor: Option<JoinHandle<()>>,
}

/// What every connection of a server shares.
#[derive(Clone)]
struct Shared {
    handler: Handler,
    tls: Option<Arc<rustls::ServerConfig>>,
    stop: Arc<AtomicBool>,
    hits: Arc<AtomicUsize>,
    accepted: Arc<AtomicUsize>,
    connections: Connections,
    addr: SocketAddr,
    /// Until when (ms since the epoch) the acceptor stops listening; 0 when it listens.
    refuse_until_ms: Arc<AtomicU64>,
}

impl Server {
    /// Binds `addr` (port 0 for an ephemeral one) and serves each connection on its own thread.
    pub fn spawn(addr: &str, handler: Handler) -> io::Result<Server> {
        Server::spawn_with(addr, handler, None)
    }

    /// As [`Server::spawn`], speaking HTTPS with this configuration.
    pub fn spawn_tls(addr: &str, handler: Handler, tls: Arc<rustls::ServerConfig>) -> io::Result<Server> {
        Server::spawn_with(addr, handler, Some(tls))
    }

    fn spawn_with(
        addr: &str,
        handler: Handler,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> io::Result<Server> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let shared = Shared {
            handler,
            tls: tls.clone(),
            stop: Arc::new(AtomicBool::new(false)),
            hits: Arc::new(AtomicUsize::new(0)),
            accepted: Arc::new(AtomicUsize::new(0)),
            connections: Arc::default(),
            addr,
            refuse_until_ms: Arc::default(),
        };
        let mut server = Server {
            addr,
            tls: tls.is_some(),
            stop: shared.stop.clone(),
            hits: shared.hits.clone(),
            accepted: shared.accepted.clone(),
            connections: shared.connections.clone(),
            acceptor: None,
        };
        let acceptor = thread::Builder::new()
            .name("sandbox-accept".into())
            .spawn(move || accept_loop(listener, shared))?;
        server.acceptor = Some(acceptor);
        Ok(server)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, or `https://127.0.0.1:PORT` (its certificate names the address).
    pub fn base_url(&self) -> String {
        if self.tls {
            format!("https://{}", self.addr)
        } else {
            format!("http://{}", self.addr)
        }
    }

    /// How many requests were read, so a test can assert that it was (or was not) reached.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// How many connections were accepted, so a test can see keep-alive at work.
    pub fn connections(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the acceptor, which checks `stop` after each connection.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        let open = std::mem::take(&mut *self.connections.lock().unwrap_or_else(|p| p.into_inner()));
        for (stream, thread) in open {
            let _ = stream.shutdown(Shutdown::Both);
            let _ = thread.join();
        }
    }
}

fn accept_loop(mut listener: TcpListener, shared: Shared) {
    loop {
        let conn = listener.accept();
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let until = shared.refuse_until_ms.swap(0, Ordering::SeqCst);
        if until > 0 {
            // Closed, the port refuses connections (and resets those not yet accepted).
            drop((conn, listener));
            let left = until.saturating_sub(crate::clock::now_ms().max(0) as u64);
            match pause(Duration::from_millis(left), &shared.stop).then(|| listen_again(&shared)) {
                Some(Some(again)) => listener = again,
                _ => break,
            }
            continue;
        }
        let Ok((stream, _)) = conn else { continue };
        let Ok(control) = stream.try_clone() else { continue };
        shared.accepted.fetch_add(1, Ordering::SeqCst);
        let each = shared.clone();
        let spawned = thread::Builder::new()
            .name("sandbox-conn".into())
            .spawn(move || serve(stream, each));
        if let Ok(thread) = spawned {
            let mut open = shared.connections.lock().unwrap_or_else(|p| p.into_inner());
            open.retain(|(_, t)| !t.is_finished());
            open.push((control, thread));
        }
    }
}

/// Binds the server's address again after a refusal; None if the server stopped meanwhile.
fn listen_again(shared: &Shared) -> Option<TcpListener> {
    loop {
        if shared.stop.load(Ordering::SeqCst) {
            return None;
        }
        if let Ok(l) = TcpListener::bind(shared.addr) {
            return Some(l);
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Makes the acceptor stop listening for `window`, waking it with a connection of our own.
fn refuse_for(shared: &Shared, window: Duration) {
    let until = crate::clock::now_ms().max(0) as u64 + window.as_millis() as u64;
    shared.refuse_until_ms.store(until, Ordering::SeqCst);
    let _ = TcpStream::connect_timeout(&shared.addr, Duration::from_millis(200));
}

/// Sleeps for `wait`, waking early when the server stops.
fn pause(wait: Duration, stop: &AtomicBool) -> bool {
    let until = Instant::now() + wait;
    while Instant::now() < until {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        thread::sleep((until - Instant::now()).min(Duration::from_millis(20)));
    }
    true
}

/// Serves one connection, in the clear or over TLS, and closes it.
fn serve(stream: TcpStream, shared: Shared) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE));
    let Ok(control) = stream.try_clone() else {
        return;
    };
    match &shared.tls {
        None => serve_connection(BufReader::new(stream), &control, &shared),
        Some(config) => {
            if let Ok(tls) = rustls::ServerConnection::new(config.clone()) {
                let tls = rustls::StreamOwned::new(tls, stream);
                serve_connection(BufReader::new(tls), &control, &shared);
            }
        }
    }
    // Shut down rather than only drop: the server keeps a handle to close it on drop.
    let _ = control.shutdown(Shutdown::Both);
}

/// Waits until the client sends something (true) or closes, idles out, or the server stops.
fn wait_for_request(control: &TcpStream, stop: &AtomicBool) -> bool {
    let started = Instant::now();
    let _ = control.set_read_timeout(Some(POLL));
    let ready = loop {
        match control.peek(&mut [0u8; 1]) {
            Ok(n) => break n > 0,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                if stop.load(Ordering::SeqCst) || started.elapsed() > IDLE {
                    break false;
                }
            }
            Err(_) => break false,
        }
    };
    let _ = control.set_read_timeout(Some(IDLE));
    ready
}

fn serve_connection<S: Read + Write>(mut conn: BufReader<S>, control: &TcpStream, shared: &Shared) {
    while !shared.stop.load(Ordering::SeqCst) {
        if conn.buffer().is_empty() && !wait_for_request(control, &shared.stop) {
            return;
        }
        let head = match read_request(&mut conn) {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(status) => {
                let _ = write_full(conn.get_mut(), status, "text/plain", b"bad request", true, false);
                return;
            }
        };
        shared.hits.fetch_add(1, Ordering::SeqCst);
        let head_only = head.request.method == "HEAD";
        let reply = (shared.handler)(&head.request);
        if let Reply::ThenRefuse(window, inner) = reply {
            let _ = send(conn.get_mut(), *inner, true, head_only, &shared.stop);
            refuse_for(shared, window);
            return;
        }
        if !send(conn.get_mut(), reply, head.close, head_only, &shared.stop) {
            return;
        }
    }
}

/// Writes a reply; false when the connection must end here.
fn send(out: &mut impl Write, reply: Reply, close: bool, head_only: bool, stop: &AtomicBool) -> bool {
    match reply {
        Reply::Full {
            status,
            content_type,
            body,
        } => write_full(out, status, content_type, &body, close, head_only).is_ok() && !close,
        Reply::Cut => false,
        Reply::Close(inner) | Reply::ThenRefuse(_, inner) => {
            let _ = send(out, *inner, true, head_only, stop);
            false
        }
        Reply::After(wait, inner) => pause(wait, stop) && send(out, *inner, close, head_only, stop),
        Reply::Dribble { status, body, every } => {
            let head = format!(
                "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                reason(status),
                body.len()
            );
            if out.write_all(head.as_bytes()).is_err() {
                return false;
            }
            for b in body {
                if !pause(every, stop) || out.write_all(&[b]).and_then(|_| out.flush()).is_err() {
                    return false;
                }
            }
            !close
        }
        Reply::Raw(bytes) => {
            let _ = out.write_all(&bytes);
            let _ = out.flush();
            false
        }
    }
}

fn write_full(
    out: &mut impl Write,
    status: u16,
    content_type: &str,
    body: &[u8],
    close: bool,
    head_only: bool,
) -> io::Result<()> {
    let connection = if close { "close" } else { "keep-alive" };
    let date = jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&jiff::Timestamp::now())
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status} {}\r\nDate: {date}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: {connection}\r\n\r\n",
        reason(status),
        body.len()
    );
    let mut all = head.into_bytes();
    if !head_only {
        all.extend_from_slice(body);
    }
    out.write_all(&all)?;
    out.flush()
}

/// The standard reason phrase of a status.
fn reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown")
}

/// A request and whether the connection closes after its answer.
struct Head {
    request: Request,
    close: bool,
}

/// Reads the bytes of one request head, up to its blank line; `Ok(None)` at a clean end of the
/// connection (or an idle one timing out).
fn read_head_bytes(reader: &mut impl BufRead) -> Result<Option<Vec<u8>>, u16> {
    let mut head: Vec<u8> = Vec::new();
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(_) => return Ok(None),
        };
        if buf.is_empty() {
            return if head.is_empty() { Ok(None) } else { Err(400) };
        }
        let mut used = 0;
        for &b in buf {
            used += 1;
            // Blank lines before a request line are allowed (RFC 9112, 2.2).
            if head.is_empty() && (b == b'\r' || b == b'\n') {
                continue;
            }
            head.push(b);
            if head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n") {
                reader.consume(used);
                return Ok(Some(head));
            }
            if head.len() > MAX_HEAD {
                return Err(431);
            }
        }
        reader.consume(used);
    }
}

/// Reads one request; `Ok(None)` at a clean end of the connection, `Err(status)` for a bad one.
fn read_request(reader: &mut impl BufRead) -> Result<Option<Head>, u16> {
    let Some(bytes) = read_head_bytes(reader)? else {
        return Ok(None);
    };
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&bytes) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(431),
        _ => return Err(400),
    }
    let (Some(method), Some(target), Some(version)) = (parsed.method, parsed.path, parsed.version) else {
        return Err(400);
    };
    let mut length: Option<usize> = None;
    let mut close = version == 0;
    for h in parsed.headers.iter() {
        let value = std::str::from_utf8(h.value).map_err(|_| 400u16)?.trim();
        if h.name.eq_ignore_ascii_case("content-length") {
            let n: usize = value.parse().map_err(|_| 400u16)?;
            if length.is_some_and(|l| l != n) {
                return Err(400);
            }
            length = Some(n);
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            return Err(411);
        } else if h.name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    close = true;
                } else if token.eq_ignore_ascii_case("keep-alive") && version == 0 {
                    close = false;
                }
            }
        }
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY {
        return Err(413);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|_| 400u16)?;
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), parse_query(q)),
        None => (target.to_string(), Vec::new()),
    };
    Ok(Some(Head {
        request: Request {
            method: method.to_string(),
            path,
            query,
            body,
        },
        close,
    }))
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(q.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        let q = parse_query("token=TEST%3Aab&references=a%2Cb&x=1+2&bad=%zz&end=%4");
        assert_eq!(q[0], ("token".into(), "TEST:ab".into()));
        assert_eq!(q[1].1, "a,b");
        assert_eq!(q[2].1, "1 2");
        assert_eq!(q[3].1, "%zz");
        assert_eq!(q[4].1, "%4");
    }

    fn echo() -> Server {
        Server::spawn(
            "127.0.0.1:0",
            Arc::new(|r: &Request| Reply::json(200, &serde_json::json!({"len": r.body.len()}))),
        )
        .unwrap()
    }

    /// Sends raw bytes and reads until the server closes or a second passes.
    fn exchange(server: &Server, bytes: &[u8]) -> String {
        let mut s = TcpStream::connect(server.addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(1))).unwrap();
        s.write_all(bytes).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn refuses_what_a_careful_server_refuses() {
        let server = echo();
        let conflict = exchange(
            &server,
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
        );
        assert!(conflict.starts_with("HTTP/1.1 400 Bad Request"), "{conflict}");
        let chunked = exchange(&server, b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        assert!(chunked.starts_with("HTTP/1.1 411 Length Required"), "{chunked}");
        let mut huge = b"GET / HTTP/1.1\r\n".to_vec();
        for i in 0..100 {
            huge.extend_from_slice(format!("X-{i}: 1\r\n").as_bytes());
        }
        huge.extend_from_slice(b"\r\n");
        let many = exchange(&server, &huge);
        assert!(
            many.starts_with("HTTP/1.1 431 Request Header Fields Too Large"),
            "{many}"
        );
        let garbage = exchange(&server, b"\x00\x01 nonsense\r\n\r\n");
        assert!(garbage.starts_with("HTTP/1.1 400"), "{garbage}");
    }

    #[test]
    fn head_has_no_body_and_connection_is_a_list() {
        let server = echo();
        let head = exchange(
            &server,
            b"HEAD / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n",
        );
        assert!(
            head.starts_with("HTTP/1.1 200 OK") && head.contains("Connection: close"),
            "{head}"
        );
        assert!(head.ends_with("\r\n\r\n"), "no body after the head: {head:?}");
        let two = exchange(
            &server,
            b"\r\nPOST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nabGET / HTTP/1.1\r\nConnection: Upgrade, Close\r\n\r\n",
        );
        assert_eq!(two.matches("HTTP/1.1 200 OK").count(), 2, "{two}");
        assert!(two.contains("{\"len\":2}"), "{two}");
    }

    #[test]
    fn dropping_the_server_closes_its_connections_and_joins_its_threads() {
        let server = Server::spawn(
            "127.0.0.1:0",
            Arc::new(|_: &Request| Reply::After(Duration::from_secs(60), Box::new(Reply::Cut))),
        )
        .unwrap();
        let mut idle = TcpStream::connect(server.addr()).unwrap();
        let mut waiting = TcpStream::connect(server.addr()).unwrap();
        waiting.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
        while server.hits() == 0 {
            thread::sleep(Duration::from_millis(5));
        }
        let started = Instant::now();
        drop(server);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "joined without waiting out the reply"
        );
        let mut buf = [0; 1];
        assert_eq!(idle.read(&mut buf).unwrap_or(0), 0, "closed");
        assert_eq!(waiting.read(&mut buf).unwrap_or(0), 0, "closed");
    }
}
