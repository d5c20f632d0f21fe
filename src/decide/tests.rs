//! The money decisions as tables: every answer the service can give, and what it means.

use super::*;

fn answer(status: u16, body: &str) -> Result<Exchange, ApiError> {
    Ok(Exchange {
        status,
        body: body.as_bytes().to_vec(),
        location: (300..400)
            .contains(&status)
            .then(|| "https://elsewhere/".to_string()),
        date: None,
    })
}

fn done(a: Result<Exchange, ApiError>) -> Verdict {
    match commit(&a) {
        Next::Done(v) => v,
        Next::LookUp(r) => panic!("looked up: {r:?}"),
    }
}

fn refusal(status: u16, body: &str) -> Refusal {
    match commit(&answer(status, body)) {
        Next::LookUp(r) => r,
        Next::Done(v) => panic!("HTTP {status} is looked up, not {v:?}"),
    }
}

fn five_999() -> Npr {
    Npr::parse("5999").unwrap()
}

fn found(state: &str) -> TxnStatus {
    TxnStatus {
        found: true,
        state: Some(state.into()),
        response_id: Some("9".into()),
        ..TxnStatus::default()
    }
}

/// Every row of the aggregator's outcome table, and the answers that contradict themselves.
#[test]
fn a_commit_answer_is_read_by_the_outcome_table() {
    #[rustfmt::skip]
    let rows: &[(u16, &str, End)] = &[
        (200, r#"{"status": true, "state": "Success", "id": 7}"#, End::Paid),
        (200, r#"{"status": true, "state": "Queued"}"#, End::Pending),
        (200, r#"{"status": true, "state": "Processing"}"#, End::Pending),
        (200, r#"{"status": false, "state": "Error"}"#, End::Failed),
        (200, r#"{"status": false, "state": "Failed"}"#, End::Failed),
        (200, r#"{"status": false, "state": "Expired"}"#, End::Failed),
        (200, r#"{"status": false, "state": "Status Error"}"#, End::Failed),
        (200, r#"{"status": true, "state": "Whatever"}"#, End::Pending),
        (200, r#"{"status": true}"#, End::Pending),
        (404, "<h1>Not Found</h1>", End::Failed),
        (500, r#"{"status": true, "state": "Success"}"#, End::Pending),
        (502, "<html>Bad Gateway</html>", End::Pending),
        (302, "", End::Pending),
        (200, "", End::Pending),
        (200, "{\"state\": \"Succ", End::Pending),
        (200, r#"["Success"]"#, End::Pending),
        (200, r#"{"state": "Success", "credits_available": "lots"}"#, End::Pending),
        // Answers that contradict themselves.
        (200, r#"{"state": "Success", "id": 1, "state": "Failed"}"#, End::Pending),
        (200, r#"{"status": false, "state": "Success"}"#, End::Pending),
        (200, r#"{"status": true, "state": "Success", "error_code": "1017"}"#, End::Pending),
        (200, r#"{"status": true, "state": "Success", "error": "server_error"}"#, End::Pending),
        (200, r#"{"status": false, "state": "Failed", "credits_consumed": 5999}"#, End::Pending),
        (404, r#"{"status": true, "state": "Success", "id": 5}"#, End::Pending),
        (400, r#"{"status": true, "state": "Success", "id": 5}"#, End::Pending),
    ];
    for (status, body, end) in rows {
        let v = done(answer(*status, body));
        assert_eq!(v.end, *end, "HTTP {status} {body}: {v:?}");
    }
    let paid = done(answer(
        200,
        r#"{"state": "Success", "id": 7, "credits_available": "94001.00"}"#,
    ));
    assert_eq!(paid.transaction_id.as_deref(), Some("7"));
    assert_eq!(paid.settlement().credits_available.unwrap().fixed2(), "94001.00");
    assert!(
        done(answer(302, ""))
            .message
            .contains("redirect to https://elsewhere/, not followed")
    );
}

#[test]
fn transport_failures_are_pending_unless_nothing_left() {
    let not_sent = ApiError::NotSent {
        host: "h".into(),
        reason: "could not resolve h (DNS)".into(),
    };
    let v = done(Err(not_sent));
    assert_eq!(
        (v.end, v.outcome(), v.end.exit_code()),
        (End::NotSent, Outcome::Failed, 5)
    );
    let lost = ApiError::NoAnswer {
        host: "h".into(),
        reason: "connection reset".into(),
    };
    assert_eq!(done(Err(lost)).end.exit_code(), 4);
}

#[test]
fn a_refusal_is_decided_by_the_look_up_that_follows_it() {
    let r = refusal(
        400,
        r#"{"status": false, "error_code": "1016", "details": "Not enough credits."}"#,
    );
    assert_eq!(r.code.as_deref(), Some("1016"));
    let v = after_refusal(r.clone(), five_999(), Ok(TxnStatus::default()));
    assert_eq!((v.end, v.code.as_deref()), (End::Failed, Some("1016")));
    assert!(v.message.contains("Not enough credits."));
    let refunded = TxnStatus {
        refunded: Some(true),
        ..found("Success")
    };
    assert_eq!(
        after_refusal(r.clone(), five_999(), Ok(refunded)).end,
        End::Pending
    );
    let v = after_refusal(r.clone(), five_999(), Ok(found("Success")));
    assert_eq!((v.end, v.transaction_id.as_deref()), (End::Paid, Some("9")));
    assert_eq!(
        after_refusal(r.clone(), five_999(), Ok(found("Queued"))).end,
        End::Pending
    );
    let odd = TxnStatus {
        contradiction: Some("x".into()),
        ..found("Success")
    };
    assert_eq!(after_refusal(r.clone(), five_999(), Ok(odd)).end, End::Pending);
    let down = ApiError::Http {
        status: 503,
        snippet: String::new(),
    };
    assert_eq!(after_refusal(r, five_999(), Err(down)).end, End::Pending);
    // Only a plain 400 makes an unknown reference conclusive.
    for status in [408, 409, 429, 499] {
        let r = refusal(status, r#"{"status": false, "error_code": "1017"}"#);
        assert_eq!(
            after_refusal(r, five_999(), Ok(TxnStatus::default())).end,
            End::Pending,
            "{status}"
        );
    }
}

const GRACE: Duration = Duration::from_secs(300);
const NOW: i64 = 1_800_000_000_000;

/// A payment of Rs. 5,999 whose commit's answer was due at `due_ms`.
fn asked(due_ms: i64) -> Asked {
    Asked {
        due_ms,
        amount: Npr::parse("5999").unwrap(),
    }
}

#[test]
fn an_unknown_reference_fails_only_after_the_grace_period_whatever_the_row_says() {
    let unknown = TxnStatus::default();
    let young = read_answer(&unknown, &asked(NOW - 60_000), NOW, GRACE);
    assert_eq!(young.outcome, Outcome::Pending);
    assert_eq!(young.conclusive_from_ms, Some(NOW - 60_000 + 300_000));
    let edge = read_answer(&unknown, &asked(NOW - 300_000), NOW, GRACE);
    assert_eq!(edge.outcome, Outcome::Failed);
    assert!(edge.note.contains("nothing was charged"));
    assert_eq!(
        read_answer(&unknown, &asked(NOW - 299_999), NOW, GRACE).outcome,
        Outcome::Pending
    );
    assert_eq!(
        read_answer(&unknown, &asked(NOW), NOW, Duration::ZERO).outcome,
        Outcome::Failed
    );
    // A commit started 6 minutes ago with a 10-minute time-out may still be on its way.
    let due = NOW - 360_000 + 600_000;
    assert_eq!(
        read_answer(&unknown, &asked(due), NOW, GRACE).outcome,
        Outcome::Pending
    );
}

#[test]
fn a_found_reference_is_decided_by_its_state_unless_something_is_off() {
    let read = |s: &TxnStatus| read_answer(s, &asked(0), NOW, GRACE).outcome;
    assert_eq!(read(&found("Queued")), Outcome::Pending);
    assert_eq!(read(&found("Success")), Outcome::Success);
    assert_eq!(read(&found("Failed")), Outcome::Failed);
    let odd = TxnStatus {
        contradiction: Some("it says state Success and status false".into()),
        ..found("Success")
    };
    let r = read_answer(&odd, &asked(0), NOW, GRACE);
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(r.note.contains("contradicts itself"));
    let amount = |a: &str| TxnStatus {
        amount: Some(Npr::parse(a).unwrap()),
        ..found("Success")
    };
    assert_eq!(read(&amount("1")), Outcome::Pending, "another amount");
    assert_eq!(read(&amount("5999.00")), Outcome::Success);
    let refunded = TxnStatus {
        refunded: Some(true),
        ..found("Success")
    };
    let r = read_answer(&refunded, &asked(0), NOW, GRACE);
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(r.note.contains("refund"));
}
