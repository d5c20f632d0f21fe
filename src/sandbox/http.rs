//! A small HTTP/1.1 server on std::net, with keep-alive and the faults a payment tool must survive
//! (a cut connection, a late answer, a dribbled body). The sandbox and the tests both serve through it.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 1024 * 1024;

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

/// A running server; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    hits: Arc<AtomicUsize>,
    connections: Arc<AtomicUsize>,
}

impl Server {
    /// Binds `addr` (port 0 for an ephemeral one) and serves each connection on its own thread.
    pub fn spawn(addr: &str, handler: Handler) -> io::Result<Server> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let hits = Arc::new(AtomicUsize::new(0));
        let connections = Arc::new(AtomicUsize::new(0));
        let (stop2, hits2, connections2) = (stop.clone(), hits.clone(), connections.clone());
        thread::Builder::new()
            .name("sandbox-accept".into())
            .spawn(move || {
                for conn in listener.incoming() {
                    if stop2.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = conn else { continue };
                    connections2.fetch_add(1, Ordering::SeqCst);
                    let (handler, hits) = (handler.clone(), hits2.clone());
                    let _ = thread::Builder::new()
                        .name("sandbox-conn".into())
                        .spawn(move || serve_connection(stream, handler, hits));
                }
            })?;
        Ok(Server {
            addr,
            stop,
            hits,
            connections,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests were read, so a test can assert that it was (or was not) reached.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// How many connections were accepted, so a test can see keep-alive at work.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve_connection(stream: TcpStream, handler: Handler, hits: Arc<AtomicUsize>) {
    let _ = stream.set_nodelay(true);
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut out = write_half;
    loop {
        let request = match read_request(&mut reader) {
            Ok(Some(r)) => r,
            Ok(None) => return,
            Err(status) => {
                let _ = write_full(&mut out, status, "text/plain", b"bad request", true);
                return;
            }
        };
        hits.fetch_add(1, Ordering::SeqCst);
        let (request, close) = request;
        if !send(&mut out, handler(&request), close) {
            let _ = out.shutdown(Shutdown::Both);
            return;
        }
    }
}

/// Writes a reply; false when the connection must end here.
fn send(out: &mut TcpStream, reply: Reply, close: bool) -> bool {
    match reply {
        Reply::Full {
            status,
            content_type,
            body,
        } => write_full(out, status, content_type, &body, close).is_ok() && !close,
        Reply::Cut => false,
        Reply::After(wait, inner) => {
            thread::sleep(wait);
            send(out, *inner, close)
        }
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
                thread::sleep(every);
                if out.write_all(&[b]).and_then(|_| out.flush()).is_err() {
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
    out: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    close: bool,
) -> io::Result<()> {
    let connection = if close { "close" } else { "keep-alive" };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: {connection}\r\n\r\n",
        reason(status),
        body.len()
    );
    let mut all = head.into_bytes();
    all.extend_from_slice(body);
    out.write_all(&all)?;
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Reads one request; `Ok(None)` at a clean end of the connection, `Err(status)` for a bad one.
fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Option<(Request, bool)>, u16> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) => return if head.is_empty() { Ok(None) } else { Err(400) },
            Ok(_) => {}
            Err(_) => return Ok(None),
        }
        if line == "\r\n" || line == "\n" {
            if head.is_empty() {
                continue;
            }
            break;
        }
        head.push_str(&line);
        if head.len() > MAX_HEAD {
            return Err(431);
        }
    }
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or_default().split_whitespace();
    let method = first.next().ok_or(400u16)?.to_string();
    let target = first.next().ok_or(400u16)?.to_string();
    let version = first.next().unwrap_or("HTTP/1.1").to_string();
    let mut length = 0usize;
    let mut close = version == "HTTP/1.0";
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().map_err(|_| 400u16)?,
            "connection" => close = value.eq_ignore_ascii_case("close"),
            "transfer-encoding" => return Err(411),
            _ => {}
        }
    }
    if length > MAX_BODY {
        return Err(413);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|_| 400u16)?;
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), parse_query(q)),
        None => (target, Vec::new()),
    };
    Ok(Some((
        Request {
            method,
            path,
            query,
            body,
        },
        close,
    )))
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
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
}
