//! The money path's writes: the double-payment guard and the write-ahead row in one
//! transaction, the check that the row became durable in time for the commit to leave, and
//! the settle that records what an answer decided.

use std::time::{Duration, Instant};

use super::payment::{COLUMNS, LONGEST_COMMIT_MS};
use super::store::{Store, Value};
use super::{Attempt, Journal, Payment, RowState, Settled, Settlement};
use crate::api::Outcome;
use crate::failure::Failure;
use crate::money::Npr;

/// How long the write-ahead row may take to become durable: its due time counts this in, so
/// a look-up elsewhere cannot take "unknown" as proof while the commit has yet to leave.
pub const WRITE_SLACK: Duration = Duration::from_secs(1);

/// A journal slower than this to record a payment (a disk or a network that has stalled) is
/// too slow to pay with: the commit is not sent.
pub const LONGEST_WRITE: Duration = Duration::from_secs(60);

/// What [`Journal::begin_payment`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Begun {
    /// The row is durable and the commit may leave now; its answer is due by `answer_due_ms`
    /// at the latest, so a look-up is conclusive only from then plus the grace.
    Send { answer_due_ms: i64 },
    /// The guard found this payment of the customer's; nothing was written.
    Earlier(Box<Payment>),
    /// The journal took `took` to record the payment and could not be stamped again in time:
    /// the commit must not leave. The row is marked failed (nothing was sent) where it could be.
    Stalled { took: Duration },
    /// The write-ahead's COMMIT failed or went unanswered (a PostgreSQL on a LAN that dropped):
    /// nothing was sent, but the row may still land, due by `answer_due_ms`.
    Unsure { why: String, answer_due_ms: i64 },
}

impl Begun {
    /// The earlier payment the guard found, if it found one.
    pub fn earlier(self) -> Option<Payment> {
        match self {
            Begun::Earlier(p) => Some(*p),
            _ => None,
        }
    }
}

/// Time since a start by the wall clock and by the monotonic one, whichever says more: a
/// suspended laptop stops the monotonic clock, a clock set back stops the wall clock.
struct Stopwatch {
    wall_ms: i64,
    mono: Instant,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch {
            wall_ms: crate::clock::now_ms(),
            mono: Instant::now(),
        }
    }

    fn elapsed(&self) -> Duration {
        let wall = u64::try_from(crate::clock::now_ms().saturating_sub(self.wall_ms)).unwrap_or(0);
        self.mono.elapsed().max(Duration::from_millis(wall))
    }

    /// When an answer is due for a commit that leaves within `allowance` of the start.
    fn due_ms(&self, timeout: Duration, allowance: Duration) -> i64 {
        let ms = |d: Duration| i64::try_from(d.as_millis()).unwrap_or(LONGEST_COMMIT_MS);
        self.wall_ms
            .saturating_add(ms(timeout))
            .saturating_add(ms(allowance))
    }
}

impl Journal {
    /// The double-payment guard and the write-ahead row in one write transaction, so that of
    /// several processes (or counters) paying one customer at once exactly one gets to send.
    /// With `guard_since`, a success or unsettled payment for the customer since then is
    /// returned instead of inserting. The row's due time assumes the commit leaves within
    /// [`WRITE_SLACK`]; a write that took longer is stamped again before anything is sent.
    pub fn begin_payment(&self, a: &Attempt, guard_since: Option<i64>) -> Result<Begun, Failure> {
        let keys: Vec<String> = [&a.username, &a.customer]
            .iter()
            .map(|k| format!("{}:{}:{}", self.env, a.isp, k.to_lowercase()))
            .collect();
        let mut store = self.store.borrow_mut();
        // Waiting for another counter's lock is not the write: the clock starts once it is held.
        store.begin(&keys).map_err(self.err())?;
        let clock = Stopwatch::start();
        let result = (|| -> Result<Option<Payment>, String> {
            if let Some(since) = guard_since
                && let Some(prev) =
                    self.recent_in(&mut **store, &a.isp, &[&a.username, &a.customer], since)?
            {
                return Ok(Some(prev));
            }
            store.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer, customer_name, \
                 package_id, package_name, amount, outcome, answer_due_ms, counter) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sending', ?11, ?12)",
                &[
                    a.reference.as_str().into(),
                    clock.wall_ms.into(),
                    self.env.as_str().into(),
                    a.isp.as_str().into(),
                    a.username.as_str().into(),
                    a.customer.as_str().into(),
                    a.customer_name.clone().into(),
                    a.package_id.as_str().into(),
                    a.package_name.as_str().into(),
                    a.amount.decimal().to_string().into(),
                    clock.due_ms(a.timeout, WRITE_SLACK).into(),
                    a.counter.as_str().into(),
                ],
            )?;
            Ok(None)
        })();
        match result {
            Ok(None) => {
                if let Err(e) = store.commit() {
                    return Ok(Begun::Unsure {
                        why: format!("journal {}: {e}", self.shown.display()),
                        answer_due_ms: clock.due_ms(a.timeout, WRITE_SLACK),
                    });
                }
            }
            Ok(Some(prev)) => {
                store.rollback();
                return Ok(Begun::Earlier(Box::new(prev)));
            }
            Err(e) => {
                store.rollback();
                return Err(self.err()(e));
            }
        }
        drop(store);
        let took = clock.elapsed();
        if took <= WRITE_SLACK {
            return Ok(Begun::Send {
                answer_due_ms: clock.due_ms(a.timeout, WRITE_SLACK),
            });
        }
        self.stamp_again(a, took)
    }

    /// After a write-ahead that took `took`: the due time is stamped again, allowing as long as
    /// that write took, in an update that also proves the row is still unsettled (another
    /// counter may have taken the stale due time as proof that nothing was sent). The commit
    /// may leave only if exactly that row changed, in time.
    fn stamp_again(&self, a: &Attempt, took: Duration) -> Result<Begun, Failure> {
        let allowance = took + WRITE_SLACK;
        if took <= LONGEST_WRITE {
            let clock = Stopwatch::start();
            let changed = self.execute(
                "UPDATE payments SET answer_due_ms = ?3 \
                 WHERE reference = ?1 AND env = ?2 AND outcome IN ('sending', 'pending')",
                &[
                    a.reference.as_str().into(),
                    self.env.as_str().into(),
                    clock.due_ms(a.timeout, allowance).into(),
                ],
            )?;
            if changed != 1 {
                // Settled elsewhere while this counter waited for its disk: it stays as it is.
                return Ok(Begun::Stalled { took });
            }
            if clock.elapsed() <= allowance {
                return Ok(Begun::Send {
                    answer_due_ms: clock.due_ms(a.timeout, allowance),
                });
            }
        }
        let said = format!(
            "not sent: the journal took {:.1} s to record the payment",
            took.as_secs_f64()
        );
        // Best effort: a row left `sending` is found unknown at the service once its due time
        // and the grace have passed, and settled failed then.
        let _ = self.settle(&a.reference, &Settlement::new(Outcome::Failed, said));
        Ok(Begun::Stalled { took })
    }

    /// The newest success or unsettled payment of this environment since `since_ms` whose handle
    /// or customer id is any of `keys` (in any case), or a failed one that the service later
    /// said went through.
    pub fn recent_for(&self, isp: &str, keys: &[&str], since_ms: i64) -> Result<Option<Payment>, Failure> {
        let mut store = self.store.borrow_mut();
        self.recent_in(&mut **store, isp, keys, since_ms)
            .map_err(self.err())
    }

    fn recent_in(
        &self,
        store: &mut dyn Store,
        isp: &str,
        keys: &[&str],
        since_ms: i64,
    ) -> Result<Option<Payment>, String> {
        let mut newest: Option<Payment> = None;
        for key in keys {
            let rows = store.rows(
                &format!(
                    "SELECT {COLUMNS} FROM payments WHERE env = ?1 AND isp = ?2 AND created_ms >= ?3 \
                     AND (lower(username) = lower(?4) OR lower(customer) = lower(?4)) \
                     AND (outcome IN ('success', 'pending', 'sending') OR (outcome = 'failed' AND note IS NOT NULL)) \
                     ORDER BY created_ms DESC LIMIT 1"
                ),
                &[self.env.as_str().into(), isp.into(), since_ms.into(), (*key).into()],
            )?;
            if let Some(row) = rows.first() {
                let p = Payment::from_values(row)?;
                if newest.as_ref().is_none_or(|n| p.created_ms > n.created_ms) {
                    newest = Some(p);
                }
            }
        }
        Ok(newest)
    }

    /// Records what an answer decided. Only an unsettled row changes; a final row is never
    /// overwritten: an answer that contradicts it is kept as a note. Fields left empty keep their values.
    pub fn settle(&self, reference: &str, s: &Settlement) -> Result<Settled, Failure> {
        let target = RowState::of(s.outcome);
        let now = crate::clock::now_ms();
        let settled = target.is_final().then_some(now);
        let text = |n: Option<Npr>| -> Value { n.map(|v| v.decimal().to_string()).into() };
        // The row and the balance it reports are one transaction: one sync, not two.
        let changed = self.transact(|store| {
            let changed = store.execute(
            "UPDATE payments SET outcome = ?2, settled_ms = COALESCE(?3, settled_ms), \
             state = COALESCE(?4, state), transaction_id = COALESCE(?5, transaction_id), \
             credits_available = COALESCE(?6, credits_available), credits_consumed = COALESCE(?7, credits_consumed), \
             message = COALESCE(?8, message), \
             answer_due_ms = CASE WHEN ?10 THEN ?11 ELSE answer_due_ms END \
             WHERE reference = ?1 AND env = ?9 AND outcome IN ('sending', 'pending') \
             AND (NOT ?12 OR COALESCE(answer_due_ms, ?13) <= ?13)",
            &[
                reference.into(),
                target.as_str().into(),
                settled.into(),
                s.state.clone().into(),
                s.transaction_id.clone().into(),
                text(s.credits_available),
                text(s.credits_consumed),
                s.message.clone().into(),
                self.env.as_str().into(),
                s.commit_ended.into(),
                now.into(),
                s.judged_by_due_ms.is_some().into(),
                s.judged_by_due_ms.unwrap_or(0).into(),
            ],
        )?;
            if changed == 1
                && let Some(credits) = s.credits_available
            {
                self.put_last_balance(store, credits)?;
            }
            Ok(changed)
        })?;
        match changed {
            1 => Ok(Settled::Changed),
            0 => {
                let row = self
                    .get(reference)?
                    .filter(|r| r.env == self.env)
                    .ok_or_else(|| {
                        Failure::internal(format!(
                            "no {} payment {reference} in the journal {}; nothing was settled",
                            self.env,
                            self.shown.display()
                        ))
                    })?;
                if s.outcome == Outcome::Pending || row.outcome() == s.outcome {
                    return Ok(Settled::Unchanged(row.row_state));
                }
                if !row.is_settled() {
                    return Ok(Settled::Retimed(Box::new(row)));
                }
                let note = format!(
                    "{}: a later answer said {} ({}); kept {}",
                    crate::clock::rfc3339(now),
                    s.outcome.as_str(),
                    s.message.as_deref().unwrap_or("no message"),
                    row.row_state.as_str()
                );
                self.execute(
                    "UPDATE payments SET note = COALESCE(note || ?3, '') || ?2 WHERE reference = ?1",
                    &[reference.into(), note.into(), "\n".into()],
                )?;
                Ok(Settled::Contradicted(row.row_state))
            }
            n => Err(Failure::internal(format!(
                "journal {}: settling {reference} changed {n} rows; the journal needs repair",
                self.shown.display()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(reference: &str) -> Attempt {
        Attempt {
            reference: reference.into(),
            isp: "izone".into(),
            username: "active".into(),
            customer: "active".into(),
            customer_name: None,
            package_id: "p".into(),
            package_name: "P".into(),
            amount: Npr::parse("5999").unwrap(),
            timeout: Duration::from_secs(30),
            counter: "front".into(),
        }
    }

    fn journal(dir: &tempfile::TempDir) -> Journal {
        Journal::open(&dir.path().join("j.sqlite3"), "TEST").unwrap()
    }

    #[test]
    fn a_slow_write_ahead_is_stamped_again_from_when_it_became_durable() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(&dir);
        let a = attempt("r1");
        assert!(matches!(j.begin_payment(&a, None).unwrap(), Begun::Send { .. }));
        let first = j.get("r1").unwrap().unwrap().answer_due_ms();
        let before = crate::clock::now_ms();
        let took = Duration::from_millis(4_000);
        let Begun::Send { answer_due_ms } = j.stamp_again(&a, took).unwrap() else {
            panic!("a row still sending may leave");
        };
        // Due after the time-out, as long again as the slow write took, and the slack.
        assert!(answer_due_ms >= before + 30_000 + 5_000, "{answer_due_ms}");
        assert!(answer_due_ms > first);
        assert_eq!(j.get("r1").unwrap().unwrap().answer_due_ms(), answer_due_ms);
    }

    #[test]
    fn a_row_settled_elsewhere_while_it_was_written_is_never_sent() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(&dir);
        let a = attempt("r1");
        j.begin_payment(&a, None).unwrap();
        // Another counter took the stale due time as proof that nothing was sent.
        j.settle("r1", &Settlement::new(Outcome::Failed, "unknown at the service"))
            .unwrap();
        let took = Duration::from_secs(3);
        assert_eq!(j.stamp_again(&a, took).unwrap(), Begun::Stalled { took });
        let row = j.get("r1").unwrap().unwrap();
        assert_eq!(
            (row.row_state, row.message.as_deref()),
            (RowState::Failed, Some("unknown at the service"))
        );
    }

    #[test]
    fn a_verdict_judged_by_a_due_time_the_sender_moved_since_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(&dir);
        let a = attempt("r1");
        j.begin_payment(&a, None).unwrap();
        let seen = j.get("r1").unwrap().unwrap().answer_due_ms();
        let Begun::Send { answer_due_ms } = j.stamp_again(&a, Duration::from_secs(3)).unwrap() else {
            panic!("a row still sending may leave");
        };
        let judged = |due: i64| Settlement {
            judged_by_due_ms: Some(due),
            ..Settlement::new(Outcome::Failed, "unknown at the service")
        };
        let Settled::Retimed(row) = j.settle("r1", &judged(seen)).unwrap() else {
            panic!("a verdict by the first stamp must not settle the row");
        };
        assert_eq!(
            (row.row_state, row.answer_due_ms()),
            (RowState::Sending, answer_due_ms)
        );
        // Judged by the stamp the row holds, the same verdict stands.
        assert_eq!(j.settle("r1", &judged(answer_due_ms)).unwrap(), Settled::Changed);
        assert_eq!(j.get("r1").unwrap().unwrap().row_state, RowState::Failed);
    }

    #[test]
    fn a_journal_too_slow_to_pay_with_sends_nothing_and_says_so_on_the_row() {
        let dir = tempfile::tempdir().unwrap();
        let j = journal(&dir);
        let a = attempt("r1");
        j.begin_payment(&a, None).unwrap();
        let took = LONGEST_WRITE + Duration::from_secs(1);
        assert_eq!(j.stamp_again(&a, took).unwrap(), Begun::Stalled { took });
        let row = j.get("r1").unwrap().unwrap();
        assert_eq!(row.row_state, RowState::Failed);
        assert_eq!(
            row.message.as_deref(),
            Some("not sent: the journal took 61.0 s to record the payment")
        );
        // Nothing was sent, so the customer may be paid again.
        assert!(j.recent_for("izone", &["active"], 0).unwrap().is_none());
    }

    #[test]
    fn the_stopwatch_counts_the_larger_of_the_wall_and_the_monotonic_clock() {
        let past = Stopwatch {
            wall_ms: crate::clock::now_ms() - 90_000,
            mono: Instant::now(),
        };
        // A suspended laptop: the monotonic clock saw nothing of the 90 s.
        assert!(past.elapsed() >= Duration::from_secs(90));
        let future = Stopwatch {
            wall_ms: crate::clock::now_ms() + 90_000,
            mono: Instant::now() - Duration::from_secs(2),
        };
        // A clock set back: the monotonic clock still counts.
        assert!(future.elapsed() >= Duration::from_secs(2));
    }
}
