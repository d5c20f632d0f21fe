//! The simulated service: the seed's users, tokens, unique references, sessions, credits,
//! transactions and the scripted faults. State may live in a file so that later processes see it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::chaos::{self, Chaos, Fault};
use super::customers::{customer_answer, wire_packages};
use super::http::{Reply, Request};
use crate::api::{self, wire};
use crate::money::Npr;

/// The most references one bulk status request may carry.
const MAX_BULK: usize = 50;

/// How the simulator behaves; every delay is configurable so tests stay fast.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long the `slow` user's commit takes to answer (longer than the client's time-out).
    pub slow: Duration,
    /// How long a `queued` payment stays queued before a status look-up finds it settled.
    pub settle: Duration,
    /// Credits of a fresh account.
    pub credits: Npr,
    /// Where the state is kept between processes; `None` keeps it in memory.
    pub state_file: Option<PathBuf>,
    /// How long the `late` user's payment stays unknown to status look-ups after its commit
    /// (whose answer is lost): the service recording an attempt late.
    pub late: Duration,
    /// Hold each details answer until this many details requests have arrived (at most ten
    /// seconds), so that tests can release several cashiers at the same moment.
    pub hold: usize,
    /// The fault mode: each commit meets a fault chosen from the seed (`KONNECT_SANDBOX_CHAOS`).
    pub chaos: Option<Chaos>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            slow: Duration::from_secs(35),
            settle: Duration::from_secs(2),
            credits: Npr::parse("100000").unwrap_or_default(),
            state_file: None,
            late: Duration::from_secs(60),
            hold: 0,
            chaos: None,
        }
    }
}

/// A details answer that can be paid from once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub username: String,
    pub slug: String,
    pub packages: Vec<(String, Npr)>,
    pub paid: bool,
}

/// A payment the service took (any state).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Txn {
    pub reference: String,
    pub username: String,
    pub package_id: String,
    pub amount: Npr,
    pub state: String,
    pub response_id: u64,
    pub settle_at_ms: Option<u64>,
    /// When a `late` payment was committed: status look-ups know it only [`Options::late`] after.
    #[serde(default)]
    pub late_since_ms: Option<u64>,
}

/// Every commit request that reached the service, accepted or not: what tests count.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommitRecord {
    pub reference: String,
    pub at_ms: u64,
}

/// Everything the simulated service remembers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub credits_available: Npr,
    pub credits_consumed: Npr,
    pub next_session: u64,
    pub next_txn: u64,
    pub references: BTreeSet<String>,
    pub sessions: BTreeMap<String, Session>,
    pub txns: BTreeMap<String, Txn>,
    pub commits: Vec<CommitRecord>,
    /// The size of every bulk status look-up, so tests can see the batching.
    #[serde(default)]
    pub bulk_lookups: Vec<usize>,
    /// In the fault mode: the fault each commit met, by reference (none: answered as usual).
    #[serde(default)]
    pub faults: BTreeMap<String, String>,
}

impl State {
    fn fresh(credits: Npr) -> State {
        State {
            credits_available: credits,
            credits_consumed: Npr::ZERO,
            // The seed's first session id, so the active user's answer is the seed's to the letter.
            next_session: 179,
            next_txn: 74020,
            references: BTreeSet::new(),
            sessions: BTreeMap::new(),
            txns: BTreeMap::new(),
            commits: Vec::new(),
            bulk_lookups: Vec::new(),
            faults: BTreeMap::new(),
        }
    }

    /// Reads a state file; a missing or unreadable one starts afresh.
    pub fn load(path: &Path, credits: Npr) -> State {
        fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_else(|| State::fresh(credits))
    }

    fn save(&self, path: &Path) -> std::io::Result<()> {
        let tmp = path.with_extension("tmp");
        fs::write(&tmp, serde_json::to_vec_pretty(self).unwrap_or_default())?;
        fs::rename(tmp, path)
    }
}

/// The simulator: a handler for [`super::http::Server`].
pub struct Simulator {
    opts: Options,
    state: Mutex<State>,
    /// Details requests that arrived so far, for [`Options::hold`].
    arrived: Mutex<usize>,
    all_arrived: std::sync::Condvar,
}

/// A refusal in the service's own shape.
fn refuse(status: u16, code: &str, error: &str, message: &str, details: &str) -> Reply {
    Reply::json(
        status,
        &json!({
            "status": false, "error_code": code, "message": message, "error": error,
            "details": details, "error_data": {}, "state": "Error",
        }),
    )
}

fn validation(details: &str) -> Reply {
    refuse(400, "1010", "validation_error", "Validation error", details)
}

/// The clock's milliseconds, as the simulator's state keeps them.
fn now_ms() -> u64 {
    u64::try_from(crate::clock::now_ms()).unwrap_or(0)
}

impl Simulator {
    pub fn new(opts: Options) -> Simulator {
        let state = match &opts.state_file {
            Some(p) => State::load(p, opts.credits),
            None => State::fresh(opts.credits),
        };
        Simulator {
            opts,
            state: Mutex::new(state),
            arrived: Mutex::new(0),
            all_arrived: std::sync::Condvar::new(),
        }
    }

    /// Runs `f` on the state; with a state file, under a file lock and re-read first, so that
    /// several processes sharing one file see each other's payments.
    fn with_state<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let Some(path) = &self.opts.state_file else {
            return f(&mut guard);
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path.with_extension("lock"));
        let lock: Option<File> = lock.ok().filter(|l| l.lock().is_ok());
        *guard = State::load(path, self.opts.credits);
        let r = f(&mut guard);
        let _ = guard.save(path);
        drop(lock);
        r
    }

    /// A snapshot of the state, for the command that serves it and for tests.
    pub fn state(&self) -> State {
        self.with_state(|s| s.clone())
    }

    pub fn handle(&self, req: &Request) -> Reply {
        let body: Value = if req.method == "POST" {
            match serde_json::from_slice(&req.body) {
                Ok(v @ Value::Object(_)) => v,
                _ => {
                    return refuse(
                        400,
                        "1014",
                        "parse_error",
                        "Parse error",
                        "The request body is not a JSON object.",
                    );
                }
            }
        } else {
            Value::Null
        };
        let token = match req.method.as_str() {
            "POST" => wire::text(body.get("token")),
            _ => req.param("token").map(str::to_string).filter(|t| !t.is_empty()),
        };
        let route = (req.method.as_str(), req.path.as_str());
        let known = matches!(
            route,
            ("POST", api::DETAILS_PATH)
                | ("POST", api::COMMIT_PATH)
                | ("GET", api::STATUS_PATH)
                | ("GET", api::BULK_STATUS_PATH)
                | ("GET", api::BALANCE_PATH)
        );
        if !known {
            return Reply::json(404, &json!({"status": false, "detail": "Not found."}));
        }
        match token {
            None => {
                return refuse(
                    401,
                    "1001",
                    "token_error",
                    "Token not provided",
                    "Provide your token.",
                );
            }
            Some(t) if !t.starts_with("TEST:") || t.len() <= 5 => {
                return refuse(
                    401,
                    "1002",
                    "token_error",
                    "Invalid token",
                    "The token is not valid for this server.",
                );
            }
            Some(_) => {}
        }
        match route {
            ("POST", api::DETAILS_PATH) => self.details(&body),
            ("POST", api::COMMIT_PATH) => self.commit(&body),
            ("GET", api::STATUS_PATH) => self.status(req.param("reference").unwrap_or("")),
            ("GET", api::BULK_STATUS_PATH) => self.bulk_status(req),
            _ => self.with_state(|s| {
                Reply::json(
                    200,
                    &json!({
                        "credits_consumed": s.credits_consumed.to_json_number(),
                        "credits_available": s.credits_available.to_json_number(),
                    }),
                )
            }),
        }
    }

    /// Waits until [`Options::hold`] details requests have arrived (or ten seconds have passed).
    fn hold(&self) {
        if self.opts.hold == 0 {
            return;
        }
        let mut n = self.arrived.lock().unwrap_or_else(|p| p.into_inner());
        *n += 1;
        self.all_arrived.notify_all();
        let hold = self.opts.hold;
        let _ = self
            .all_arrived
            .wait_timeout_while(n, Duration::from_secs(10), |n| *n < hold);
    }

    fn details(&self, body: &Value) -> Reply {
        self.hold();
        let reference = wire::text(body.get("reference"));
        let username = wire::text(body.get("username")).unwrap_or_default();
        let slug = wire::text(body.get("service_slug")).unwrap_or_default();
        let chaos_on = self.opts.chaos.is_some();
        self.with_state(|s| {
            if let Err(reply) = take_reference(s, reference.as_deref()) {
                return reply;
            }
            if slug == "chitrawan-unique-net" {
                return validation("Chitrawan Unique Net has moved to the Chitrawan service group.");
            }
            if crate::isp::resolve(&slug).is_err() {
                return validation("Invalid service_slug.");
            }
            let Some(mut answer) = customer_answer(&username) else {
                return refuse(
                    400,
                    "4000",
                    "client_error",
                    "Can't fulfill request",
                    "Customer not found. Check the username.",
                );
            };
            if answer.get("status") == Some(&json!(false)) {
                return Reply::json(400, &answer);
            }
            let id = s.next_session;
            s.next_session += 1;
            answer["session_id"] = json!(id);
            let packages = wire_packages(&answer);
            s.sessions.insert(
                id.to_string(),
                Session {
                    username: username.clone(),
                    slug,
                    packages,
                    paid: false,
                },
            );
            if username == "dribble" {
                return Reply::Dribble {
                    status: 200,
                    body: answer.to_string().into_bytes(),
                    every: Duration::from_millis(1000),
                };
            }
            let reply = Reply::json(200, &answer);
            if chaos_on {
                // The commit then needs a connection of its own, which a refusal can meet.
                return Reply::Close(Box::new(reply));
            }
            reply
        })
    }

    fn commit(&self, body: &Value) -> Reply {
        let reference = wire::text(body.get("reference"));
        let session_id = wire::text(body.get("session_id")).unwrap_or_default();
        let package_id = wire::text(body.get("package_id")).unwrap_or_default();
        let amount = wire::money(body.get("amount"), "amount");
        let opts = &self.opts;
        self.with_state(|s| {
            if let Some(r) = &reference {
                s.commits.push(CommitRecord { reference: r.clone(), at_ms: now_ms() });
            }
            let arrived = s.commits.len().saturating_sub(1) as u64;
            let fault = opts.chaos.as_ref().map_or(Fault::None, |c| c.pick(arrived));
            if let Err(reply) = take_reference(s, reference.as_deref()) {
                return reply;
            }
            let reference = reference.unwrap_or_default();
            let Some(session) = s.sessions.get(&session_id).cloned() else {
                return validation("Invalid session_id: fetch the details again.");
            };
            if session.paid {
                return validation("This session has already been paid; fetch the details again.");
            }
            let Some((_, price)) = session.packages.iter().find(|(id, _)| *id == package_id) else {
                return validation("Invalid package_id for this session.");
            };
            match amount {
                Ok(Some(a)) if a == *price => {}
                _ => return validation("The amount does not match the package's amount."),
            }
            if s.credits_available < *price {
                return refuse(400, "1016", "insufficient_credits", "Insufficient credits", "Your account does not have enough credits.");
            }
            let user = session.username.as_str();
            if user == "boom" {
                return chaos::bad_gateway();
            }
            if fault != Fault::None {
                s.faults.insert(reference.clone(), fault.name().into());
            }
            if let Some(reply) = chaos::refusal(fault) {
                return reply;
            }
            let state = match user {
                "fail" => "Failed",
                "queued" => "Queued",
                _ if fault == Fault::Queued => "Queued",
                _ => "Success",
            };
            let response_id = s.next_txn;
            s.next_txn += 1;
            if state != "Failed" {
                s.credits_available = s.credits_available.checked_sub(*price).unwrap_or(Npr::ZERO);
                s.credits_consumed = s.credits_consumed.checked_add(*price).unwrap_or(Npr::ZERO);
                if let Some(sess) = s.sessions.get_mut(&session_id) {
                    sess.paid = true;
                }
            }
            let settle_at_ms = (state == "Queued").then(|| now_ms() + opts.settle.as_millis() as u64);
            let late_since_ms = (user == "late" || fault == Fault::Late).then(now_ms);
            s.txns.insert(
                reference.clone(),
                Txn { reference, username: user.to_string(), package_id, amount: *price, state: state.to_string(), response_id, settle_at_ms, late_since_ms },
            );
            let answer = match state {
                "Failed" => json!({
                    "status": false, "state": "Failed", "message": "Transaction failed",
                    "detail": "The ISP could not renew this subscription.", "extra_data": {}, "id": response_id,
                }),
                _ => json!({
                    "status": true,
                    "state": state,
                    "message": if state == "Queued" { "Transaction queued" } else { "Successfully Completed Transaction" },
                    "extra_data": {},
                    "detail": if state == "Queued" { "Payment is being processed." } else { "Payment made successfully. Account will be activated in few minutes" },
                    "credits_consumed": price.to_json_number(),
                    "credits_available": s.credits_available.to_json_number(),
                    "id": response_id,
                }),
            };
            let reply = Reply::json(200, &answer);
            let reply = match user {
                "slow" => Reply::After(opts.slow, Box::new(reply)),
                "cut" | "late" => Reply::Cut,
                _ => reply,
            };
            chaos::charged(fault, reply, opts.slow)
        })
    }

    fn status(&self, reference: &str) -> Reply {
        let late = self.opts.late;
        self.with_state(|s| match known(s, reference, late) {
            Some(t) => Reply::json(200, &txn_status(t)),
            None => unknown_reference(reference),
        })
    }

    fn bulk_status(&self, req: &Request) -> Reply {
        let refs: Vec<String> = req
            .param("references")
            .unwrap_or("")
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        if req
            .param("reference_length")
            .and_then(|n| n.parse::<usize>().ok())
            != Some(refs.len())
        {
            return validation("reference_length does not match the number of references.");
        }
        if refs.len() > MAX_BULK {
            return validation("At most 50 references per bulk status request.");
        }
        let late = self.opts.late;
        self.with_state(|s| {
            s.bulk_lookups.push(refs.len());
            let detail: Vec<Value> = refs
                .iter()
                .map(|r| match known(s, r, late) {
                    Some(t) => txn_status(t),
                    // The aggregator's own example of an unknown reference inside a bulk answer.
                    None => json!({"status": true, "state": "Error", "details": "Invalid reference obtained for account",
                                   "reference": r, "response_id": 0, "amount": 0}),
                })
                .collect();
            Reply::json(200, &json!({"status": true, "message": "Bulk status", "detail": detail}))
        })
    }
}

/// A payment the service knows by now (a `late` one only `late` after its commit).
fn known<'a>(s: &'a mut State, reference: &str, late: Duration) -> Option<&'a mut Txn> {
    s.txns.get_mut(reference).filter(|t| {
        t.late_since_ms
            .is_none_or(|at| now_ms() >= at + late.as_millis() as u64)
    })
}

/// A queued payment settles on the first look-up after its time.
fn txn_status(t: &mut Txn) -> Value {
    if t.state == "Queued" && t.settle_at_ms.is_some_and(|at| now_ms() >= at) {
        t.state = "Success".into();
    }
    json!({
        "status": true, "state": t.state, "details": format!("Transaction {}", t.state.to_lowercase()),
        "reference": t.reference, "response_id": t.response_id, "amount": t.amount.to_json_number(),
    })
}

fn unknown_reference(reference: &str) -> Reply {
    let v = json!({"status": false, "error_code": "002", "message": "Invalid reference", "error": "invalid_reference",
               "details": format!("No transaction with reference {reference}."), "state": "Error"});
    Reply::json(400, &v)
}

/// Marks a request reference used: at most 50 characters, letters, digits and hyphens, never twice.
fn take_reference(s: &mut State, reference: Option<&str>) -> Result<(), Reply> {
    let Some(r) = reference else {
        return Err(refuse(
            400,
            "1012",
            "validation_error",
            "Reference not provided",
            "Provide a unique reference.",
        ));
    };
    if !crate::reference::is_valid(r) {
        return Err(validation(
            "The reference must be at most 50 letters, digits or hyphens.",
        ));
    }
    if !s.references.insert(r.to_string()) {
        return Err(refuse(
            400,
            "1013",
            "validation_error",
            "Request with duplicate reference id obtained",
            "Use a new reference.",
        ));
    }
    Ok(())
}
