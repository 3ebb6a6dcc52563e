//! A small HTTP/1.1 server on the loopback interface for tests: each route answers with a
//! fixed response, a redirect, a delay or a broken body. Stops when dropped.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What a route does.
#[derive(Clone)]
pub enum Reply {
    /// Status, headers, body.
    Full(u16, Vec<(String, String)>, Vec<u8>),
    /// Waits this long before answering at all.
    Delay(Duration, Box<Reply>),
    /// Headers, then the body a few bytes at a time with a pause between.
    Trickle(Vec<u8>, Duration),
    /// A page with this ETag: 304 Not Modified when the request names it in If-None-Match.
    Tagged(String, String, Vec<u8>),
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full(
            200,
            vec![("Content-Type".into(), content_type.into())],
            body.into(),
        )
    }

    pub fn status(code: u16) -> Reply {
        Reply::Full(
            code,
            vec![("Content-Type".into(), "text/html".into())],
            b"no".to_vec(),
        )
    }

    pub fn redirect(to: &str) -> Reply {
        Reply::Full(302, vec![("Location".into(), to.into())], Vec::new())
    }

    /// A permanent redirect (301).
    pub fn moved(to: &str) -> Reply {
        Reply::Full(301, vec![("Location".into(), to.into())], Vec::new())
    }
}

pub struct Server {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves `routes` (path → reply); any other path is a 404.
    pub fn start(routes: Vec<(&str, Reply)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let stop = Arc::new(AtomicBool::new(false));
        let routes: Arc<Vec<(String, Reply)>> =
            Arc::new(routes.into_iter().map(|(p, r)| (p.to_owned(), r)).collect());
        let flag = Arc::clone(&stop);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let routes = Arc::clone(&routes);
                std::thread::spawn(move || serve(conn, &routes));
            }
        });
        Server { addr, stop }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(conn: TcpStream, routes: &[(String, Reply)]) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match conn.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers, names in lower case.
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {
                if let Some((k, v)) = line.split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
                }
            }
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let reply = routes
        .iter()
        .find(|(p, _)| p == path)
        .map_or(Reply::status(404), |(_, r)| r.clone());
    answer(conn, reply, &headers);
}

fn answer(mut conn: TcpStream, reply: Reply, request: &[(String, String)]) {
    match reply {
        Reply::Delay(d, then) => {
            std::thread::sleep(d);
            answer(conn, *then, request);
        }
        Reply::Tagged(etag, content_type, body) => {
            let asked = request
                .iter()
                .any(|(k, v)| k == "if-none-match" && *v == etag);
            let (code, body) = if asked {
                (304, Vec::new())
            } else {
                (200, body)
            };
            let headers = vec![
                ("ETag".to_owned(), etag),
                ("Content-Type".to_owned(), content_type),
            ];
            answer(conn, Reply::Full(code, headers, body), request);
        }
        Reply::Full(code, headers, body) => {
            let mut head = format!(
                "HTTP/1.1 {code} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = conn.write_all(head.as_bytes());
            let _ = conn.write_all(&body);
        }
        Reply::Trickle(body, pause) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = conn.write_all(head.as_bytes());
            for piece in body.chunks(16) {
                if conn.write_all(piece).is_err() {
                    return;
                }
                std::thread::sleep(pause);
            }
        }
    }
}
