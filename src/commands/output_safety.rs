//! Whatever the service sends, no output path can emit a control or bidi character: the human
//! lookup view, the confirmation, the receipt, `status`, errors, JSON and CSV.

use proptest::prelude::*;
use serde_json::json;

use crate::api::wire::{CommitAnswer, Details, ServiceError, TxnStatus};
use crate::api::{ApiError, Outcome};
use crate::failure::Failure;
use crate::journal::{Attempt, Journal, Settlement};
use crate::money::Npr;
use crate::text::{is_unsafe, json_line};

/// Strings rich in what an attacker would send, and in what must survive (Devanagari, joiners).
fn hostile() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200f}', '\r', '\n', '\u{7f}', '\u{0}',
        '\u{200d}', '\u{200c}', 'क', '्', '=', '"', ',',
    ]);
    prop::collection::vec(prop_oneof![any::<char>(), special], 0..24).prop_map(String::from_iter)
}

/// One journal for every case (opening one per case would be most of the test's time).
fn journal() -> std::sync::MutexGuard<'static, (tempfile::TempDir, Journal)> {
    static SHARED: std::sync::OnceLock<std::sync::Mutex<(tempfile::TempDir, Journal)>> =
        std::sync::OnceLock::new();
    SHARED
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let journal = Journal::open(&dir.path().join("j.sqlite3"), "TEST").unwrap();
            std::sync::Mutex::new((dir, journal))
        })
        .lock()
        .unwrap_or_else(|p| p.into_inner())
}

fn assert_safe(what: &str, text: &str) -> Result<(), TestCaseError> {
    // Line ends are the output's own; anything else unsafe came from the service.
    let leak = text.chars().find(|c| *c != '\n' && is_unsafe(*c));
    prop_assert!(leak.is_none(), "{}: {:?} in {:?}", what, leak, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_output_path_emits_what_the_service_smuggles(s in hostile()) {
        console::set_colors_enabled(false);
        console::set_colors_enabled_stderr(false);
        let answer = json!({
            "customer": {"username": s, "name": s, "mobile": s, "status": s},
            "current_subscription": {"package": s, "end_date": s, "status": s},
            "due": {"amount": 1, "message": s},
            "packages": [{"package_id": format!("p{s}"), "package_name": s, "amount": 5999, "current": true}],
            "session_id": format!("1{s}"),
        });
        let details = Details::from_value(&answer).unwrap();
        let isp = crate::isp::resolve("izone").unwrap();
        assert_safe("lookup view", &crate::render::lookup_human(isp, &details, crate::clock::today(), 80))?;
        assert_safe("lookup JSON", &json_line(&crate::render::lookup_json(isp, &s, &details)))?;
        assert_safe("confirmation", &super::pay::summary(&details, &details.packages[0], "TEST"))?;

        let commit = CommitAnswer::from_value(&json!({"state": s, "message": s, "detail": s, "id": s})).unwrap();
        for t in [commit.state, commit.message, commit.detail, commit.transaction_id].into_iter().flatten() {
            assert_safe("commit answer", &t)?;
        }

        let status = TxnStatus::from_value(&json!({"status": true, "state": s, "details": s, "response_id": s,
            "refunds": [{"remarks": s, "created_at": s, "amount": 1}]})).unwrap();
        let reading = crate::decide::read_answer(&status, &crate::decide::Asked { due_ms: 0, amount: Npr::ZERO }, 1, std::time::Duration::ZERO);
        let text = super::status::status_text("R1", &status, &reading, "pending", reading.outcome.as_str());
        assert_safe("status", &text)?;

        let refusal = ServiceError::from_value(400, &json!({"status": false, "error_code": s, "details": s, "message": s})).unwrap();
        let failure = Failure::from(ApiError::Rejected(Box::new(refusal)));
        assert_safe("error line", &crate::render::failure_line(&failure))?;
        assert_safe("error JSON", &json_line(&crate::render::failure_json(&failure)))?;
        let raw = Failure::usage(format!("typed by a person: {s}"));
        assert_safe("any error line", &crate::render::failure_line(&raw))?;

        // A journal written before neutralisation may hold raw text: the way out cleans it.
        let shared = journal();
        let (_, journal) = &*shared;
        let reference = crate::reference::new();
        journal.begin_payment(&Attempt {
            reference: reference.clone(), isp: "izone".into(), username: s.clone(), customer: s.clone(),
            customer_name: Some(s.clone()), package_id: s.clone(), package_name: s.clone(), amount: Npr::ZERO,
            timeout: std::time::Duration::from_secs(1), counter: s.clone(),
        }, None).unwrap().earlier();
        journal.settle(&reference, &Settlement { state: Some(s.clone()), transaction_id: Some(s.clone()),
            ..Settlement::new(Outcome::Success, s.clone()) }).unwrap();
        let row = journal.get(&reference).unwrap().unwrap();
        for width in [32, 42, 48] {
            // As settings read it from a hand-edited config file.
            let shop = crate::settings::Shop { name: Some(crate::text::clean(&s).into_owned()), ..Default::default() };
            let look = crate::render::ReceiptLook { width, shop: &shop, short_reference: &row.reference, copy: true };
            assert_safe("receipt", &crate::render::receipt(&row, &look))?;
        }
        let cells = vec![row.username.clone(), row.customer_name.clone().unwrap_or_default(), row.message.clone().unwrap_or_default()];
        assert_safe("CSV", &crate::render::csv_line(&cells))?;
    }
}
