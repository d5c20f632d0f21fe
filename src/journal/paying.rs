//! The money path's writes: the double-payment guard and the write-ahead row in one
//! transaction, and the settle that records what an answer decided.

use super::payment::{COLUMNS, LONGEST_COMMIT_MS};
use super::store::{Store, Value};
use super::{Attempt, Journal, Payment, RowState, Settled, Settlement};
use crate::api::Outcome;
use crate::failure::Failure;
use crate::money::Npr;

impl Journal {
    /// The double-payment guard and the write-ahead row in one write transaction, so that of
    /// several processes (or counters) paying one customer at once exactly one gets to send.
    /// With `guard_since`, a success or unsettled payment for the customer since then is
    /// returned instead of inserting.
    pub fn begin_payment(&self, a: &Attempt, guard_since: Option<i64>) -> Result<Option<Payment>, Failure> {
        let keys: Vec<String> = [&a.username, &a.customer]
            .iter()
            .map(|k| format!("{}:{}:{}", self.env, a.isp, k.to_lowercase()))
            .collect();
        let mut store = self.store.borrow_mut();
        store.begin(&keys).map_err(self.err())?;
        let result = (|| -> Result<Option<Payment>, String> {
            if let Some(since) = guard_since
                && let Some(prev) =
                    self.recent_in(&mut **store, &a.isp, &[&a.username, &a.customer], since)?
            {
                return Ok(Some(prev));
            }
            let now = crate::clock::now_ms();
            let due = now.saturating_add(i64::try_from(a.timeout.as_millis()).unwrap_or(LONGEST_COMMIT_MS));
            store.execute(
                "INSERT INTO payments (reference, created_ms, env, isp, username, customer, customer_name, \
                 package_id, package_name, amount, outcome, answer_due_ms, counter) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sending', ?11, ?12)",
                &[
                    a.reference.as_str().into(),
                    now.into(),
                    self.env.as_str().into(),
                    a.isp.as_str().into(),
                    a.username.as_str().into(),
                    a.customer.as_str().into(),
                    a.customer_name.clone().into(),
                    a.package_id.as_str().into(),
                    a.package_name.as_str().into(),
                    a.amount.decimal().to_string().into(),
                    due.into(),
                    a.counter.as_str().into(),
                ],
            )?;
            Ok(None)
        })();
        match result {
            Ok(None) => store.commit().map(|_| None).map_err(self.err()),
            Ok(found) => {
                store.rollback();
                Ok(found)
            }
            Err(e) => {
                store.rollback();
                Err(self.err()(e))
            }
        }
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
        let changed = self.execute(
            "UPDATE payments SET outcome = ?2, settled_ms = COALESCE(?3, settled_ms), \
             state = COALESCE(?4, state), transaction_id = COALESCE(?5, transaction_id), \
             credits_available = COALESCE(?6, credits_available), credits_consumed = COALESCE(?7, credits_consumed), \
             message = COALESCE(?8, message), \
             answer_due_ms = CASE WHEN ?10 AND (answer_due_ms IS NULL OR answer_due_ms > ?11) THEN ?11 ELSE answer_due_ms END \
             WHERE reference = ?1 AND env = ?9 AND outcome IN ('sending', 'pending')",
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
            ],
        )?;
        match changed {
            1 => {
                if let Some(credits) = s.credits_available {
                    self.set_last_balance(credits)?;
                }
                Ok(Settled::Changed)
            }
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
