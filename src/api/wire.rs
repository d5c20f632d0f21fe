//! The service's answers as typed values, read leniently: numbers or strings, extra fields ignored,
//! missing, null or empty optional fields taken as absent.

use serde::Serialize;
use serde_json::Value;

use crate::money::Npr;

/// A customer as the details call describes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Customer {
    pub username: Option<String>,
    pub name: Option<String>,
    pub mobile: Option<String>,
    pub status: Option<String>,
}

/// The subscription the customer has now.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Subscription {
    pub package: Option<String>,
    pub end_date: Option<String>,
    pub status: Option<String>,
}

/// What the customer owes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Due {
    pub amount: Option<Npr>,
    pub message: Option<String>,
}

/// One package on offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Package {
    pub id: String,
    pub name: String,
    pub amount: Npr,
    pub current: bool,
}

/// The details call's answer: who, what they have, what they owe, what they can buy.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub customer: Customer,
    pub subscription: Option<Subscription>,
    pub due: Due,
    pub packages: Vec<Package>,
    pub session_id: String,
}

/// The commit call's answer (success or not: `state` decides).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommitAnswer {
    pub state: Option<String>,
    pub message: Option<String>,
    pub detail: Option<String>,
    pub credits_consumed: Option<Npr>,
    pub credits_available: Option<Npr>,
    pub transaction_id: Option<String>,
    /// Set when the answer says `Success` and also says it failed (an error code, `status: false`):
    /// such an answer is pending, never decided.
    pub contradiction: Option<String>,
}

/// A refund the status call reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Refund {
    pub created_at: Option<String>,
    pub remarks: Option<String>,
    pub amount: Option<Npr>,
}

/// The status call's answer for one reference.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TxnStatus {
    /// False when the service does not know the reference (error `002`, `invalid_reference`).
    pub found: bool,
    pub state: Option<String>,
    pub details: Option<String>,
    pub reference: Option<String>,
    pub response_id: Option<String>,
    pub amount: Option<Npr>,
    pub refunded: Option<bool>,
    pub refunded_amount: Option<Npr>,
    pub refunds: Vec<Refund>,
    /// As for [`CommitAnswer::contradiction`].
    pub contradiction: Option<String>,
}

/// The account's credits.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    pub credits_consumed: Option<Npr>,
    pub credits_available: Npr,
}

/// The service's error object: `status: false` with some of code, kind, message, details.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceError {
    pub http_status: u16,
    pub code: Option<String>,
    pub error: Option<String>,
    pub message: Option<String>,
    pub details: Option<String>,
    pub state: Option<String>,
}

impl ServiceError {
    /// Reads an error object; `None` when the body is not one (`status` is not false).
    pub fn from_value(http_status: u16, v: &Value) -> Option<ServiceError> {
        if !v.is_object() || flag(v.get("status")) != Some(false) {
            return None;
        }
        Some(ServiceError {
            http_status,
            code: text(v.get("error_code")),
            error: text(v.get("error")),
            message: text(v.get("message")),
            details: text(v.get("details")).or_else(|| text(v.get("detail"))),
            state: text(v.get("state")),
        })
    }

    /// The service's best sentence: its details, else its message, else its kind.
    pub fn sentence(&self) -> String {
        self.details
            .clone()
            .or_else(|| self.message.clone())
            .or_else(|| self.error.clone())
            .unwrap_or_else(|| "no reason given".to_string())
    }

    /// Codes 1001 to 1009: the token or the account is the problem, not the request.
    pub fn is_auth(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("1001" | "1002" | "1003" | "1004" | "1005" | "1006" | "1007" | "1008" | "1009")
        )
    }

    /// The status look-up's "no such reference": nothing was ever charged under it.
    pub fn is_unknown_reference(&self) -> bool {
        self.code.as_deref() == Some("002") || self.error.as_deref() == Some("invalid_reference")
    }
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.sentence())?;
        if let Some(code) = &self.code {
            write!(f, " (code {code})")?;
        }
        Ok(())
    }
}

/// Text from a string, number or bool; absent, null and blank are `None`. This is where the
/// service's strings are neutralised, once, before any output can see them.
pub fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(crate::text::clean(s.trim()).into_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A flag from `true`, `"true"`, `1`, `"1"`, `"yes"` and their opposites.
pub fn flag(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.to_string() != "0"),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Money from a number or a string; absent, null and blank are `Ok(None)`.
pub fn money(v: Option<&Value>, field: &str) -> Result<Option<Npr>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(other) => Npr::from_json(other)
            .map(Some)
            .map_err(|e| crate::text::clean(&format!("{field}: {e}")).into_owned()),
    }
}

fn object(v: Option<&Value>) -> Option<&Value> {
    v.filter(|o| o.is_object())
}

impl Details {
    pub fn from_value(v: &Value) -> Result<Details, String> {
        if !v.is_object() {
            return Err("expected a JSON object".into());
        }
        let customer = object(v.get("customer"))
            .map(|c| Customer {
                username: text(c.get("username")),
                name: text(c.get("name")),
                mobile: text(c.get("mobile")),
                status: text(c.get("status")),
            })
            .ok_or("no customer in the answer")?;
        let subscription = object(v.get("current_subscription")).map(|s| Subscription {
            package: text(s.get("package")),
            end_date: text(s.get("end_date")),
            status: text(s.get("status")),
        });
        let due = match object(v.get("due")) {
            Some(d) => Due {
                amount: money(d.get("amount"), "due amount")?,
                message: text(d.get("message")),
            },
            None => Due::default(),
        };
        let list = match v.get("packages") {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => return Err("no packages in the answer".into()),
            Some(_) => return Err("packages is not a list".into()),
        };
        let mut packages = Vec::with_capacity(list.len());
        for (i, p) in list.iter().enumerate() {
            let n = i + 1;
            let id = text(p.get("package_id")).ok_or(format!("package {n} has no package_id"))?;
            let amount = money(p.get("amount"), &format!("package {n} amount"))?
                .ok_or(format!("package {n} has no amount"))?;
            if amount <= Npr::ZERO {
                return Err(format!(
                    "package {n} costs {}, which nothing can be paid for",
                    amount.fixed2()
                ));
            }
            packages.push(Package {
                name: text(p.get("package_name")).unwrap_or_else(|| id.clone()),
                id,
                amount,
                current: flag(p.get("current")).unwrap_or(false),
            });
        }
        let session_id = text(v.get("session_id")).ok_or("no session_id in the answer")?;
        Ok(Details {
            customer,
            subscription,
            due,
            packages,
            session_id,
        })
    }

    /// The package the customer has now, if the service marked one.
    pub fn current_package(&self) -> Option<&Package> {
        self.packages.iter().find(|p| p.current)
    }
}

/// Why an answer cannot be believed: `Success` with a sign of failure beside it or inside its
/// `extra_data` (a `status` that is not true, an error code, an error), or a failed state that
/// says credits were consumed. Such an answer is pending, never decided.
fn contradiction(v: &Value, state: Option<&str>) -> Option<String> {
    use crate::api::Outcome;
    let state = state.map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
    if state == "success" {
        if v.get("status").is_some_and(|s| flag(Some(s)) != Some(true)) {
            return Some("it says state Success and a status that is not true".into());
        }
        if let Some(code) = text(v.get("error_code")) {
            return Some(format!("it says state Success and error code {code}"));
        }
        if let Some(e) = text(v.get("error")) {
            return Some(format!("it says state Success and error {e}"));
        }
        if let Some(extra) = object(v.get("extra_data")) {
            let failed_inside = flag(extra.get("status")) == Some(false)
                || text(extra.get("error_code")).is_some()
                || text(extra.get("state")).is_some_and(|s| Outcome::of_state(Some(&s)) == Outcome::Failed);
            if failed_inside {
                return Some("it says state Success and its extra_data says it failed".into());
            }
        }
    }
    let failed = Outcome::of_state(Some(&state)) == Outcome::Failed;
    let consumed = money(v.get("credits_consumed"), "").ok().flatten();
    if failed && consumed.is_some_and(|c| c > Npr::ZERO) {
        return Some(format!("it says state {state} and that credits were consumed"));
    }
    None
}

impl CommitAnswer {
    pub fn from_value(v: &Value) -> Result<CommitAnswer, String> {
        if !v.is_object() {
            return Err("expected a JSON object".into());
        }
        let state = text(v.get("state"));
        Ok(CommitAnswer {
            contradiction: contradiction(v, state.as_deref()),
            state,
            message: text(v.get("message")),
            detail: text(v.get("detail")).or_else(|| text(v.get("details"))),
            credits_consumed: money(v.get("credits_consumed"), "credits_consumed")?,
            credits_available: money(v.get("credits_available"), "credits_available")?,
            transaction_id: text(v.get("id")),
        })
    }
}

impl TxnStatus {
    pub fn from_value(v: &Value) -> Result<TxnStatus, String> {
        if !v.is_object() {
            return Err("expected a JSON object".into());
        }
        let state = text(v.get("state"));
        let details = text(v.get("details")).or_else(|| text(v.get("detail")));
        let response_id = text(v.get("response_id"));
        let unknown = ServiceError::from_value(0, v).is_some_and(|e| e.is_unknown_reference())
            || is_bulk_unknown(state.as_deref(), response_id.as_deref());
        let refunds = match v.get("refunds") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|r| {
                    Ok(Refund {
                        created_at: text(r.get("created_at")),
                        remarks: text(r.get("remarks")),
                        amount: money(r.get("amount"), "refund amount")?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
            _ => Vec::new(),
        };
        Ok(TxnStatus {
            found: !unknown,
            contradiction: contradiction(v, state.as_deref()),
            state,
            details,
            reference: text(v.get("reference")),
            response_id,
            amount: money(v.get("amount"), "amount")?,
            refunded: flag(v.get("refunded")),
            refunded_amount: money(v.get("refunded_amount"), "refunded_amount")?,
            refunds,
        })
    }
}

/// The look-ups' other form of "unknown reference" (the aggregator's own bulk example):
/// `state: Error` with no transaction behind it (`response_id` 0 or absent). It is not a failed
/// payment, so the grace period applies; the words beside it ("Invalid reference …") vary.
fn is_bulk_unknown(state: Option<&str>, response_id: Option<&str>) -> bool {
    state.is_some_and(|s| s.trim().eq_ignore_ascii_case("error")) && matches!(response_id, None | Some("0"))
}

impl Balance {
    pub fn from_value(v: &Value) -> Result<Balance, String> {
        if !v.is_object() {
            return Err("expected a JSON object".into());
        }
        Ok(Balance {
            credits_consumed: money(v.get("credits_consumed"), "credits_consumed")?,
            credits_available: money(v.get("credits_available"), "credits_available")?
                .ok_or("no credits_available in the answer")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_seed_active_answer() {
        let v: Value = serde_json::from_str(include_str!("../sandbox/fixtures/active.json")).unwrap();
        let d = Details::from_value(&v).unwrap();
        assert_eq!(d.customer.name.as_deref(), Some("Chandra Mani Neupane"));
        assert_eq!(d.due.amount, Some(Npr::ZERO));
        assert_eq!(d.packages.len(), 2);
        assert_eq!(d.current_package().unwrap().amount.fixed2(), "5999.00");
        assert_eq!(d.session_id, "179");
    }

    #[test]
    fn is_lenient_with_forms_and_absences() {
        let v = json!({
            "customer": {"name": "A", "mobile": "", "status": null, "extra": [1]},
            "packages": [
                {"package_id": 17, "amount": "1850.5000", "current": "true"},
                {"package_id": "x", "package_name": "X", "amount": 18.5e2, "current": 0}
            ],
            "session_id": "abc",
            "unexpected": {"deep": true}
        });
        let d = Details::from_value(&v).unwrap();
        assert_eq!(d.customer.mobile, None);
        assert_eq!(d.customer.status, None);
        assert!(d.subscription.is_none());
        assert_eq!(d.due, Due::default());
        assert_eq!(d.packages[0].id, "17");
        assert_eq!(d.packages[0].name, "17");
        assert!(d.packages[0].current);
        assert_eq!(d.packages[0].amount.fixed2(), "1850.50");
        assert_eq!(d.packages[1].amount.fixed2(), "1850.00");
        assert!(!d.packages[1].current);
    }

    #[test]
    fn a_package_that_costs_nothing_or_less_is_refused() {
        for amount in [json!(-5999), json!(0), json!("0.00")] {
            let v =
                json!({"customer": {}, "session_id": 1, "packages": [{"package_id": "a", "amount": amount}]});
            assert!(
                Details::from_value(&v)
                    .unwrap_err()
                    .contains("nothing can be paid"),
                "{amount}"
            );
        }
    }

    #[test]
    fn refuses_what_cannot_be_paid_from() {
        assert!(Details::from_value(&json!([])).is_err());
        assert!(Details::from_value(&json!({"customer": {}, "session_id": 1})).is_err());
        let bad_amount =
            json!({"customer": {}, "session_id": 1, "packages": [{"package_id": "a", "amount": "lots"}]});
        assert!(
            Details::from_value(&bad_amount)
                .unwrap_err()
                .contains("package 1 amount")
        );
        let no_amount = json!({"customer": {}, "session_id": 1, "packages": [{"package_id": "a"}]});
        assert!(Details::from_value(&no_amount).is_err());
    }

    #[test]
    fn the_services_strings_are_neutralised_where_they_are_read() {
        let forged = "\u{1b}[2JPAID\u{202E}\u{7}";
        let v = json!({"customer": {"name": forged}, "packages": [{"package_id": forged, "package_name": forged, "amount": forged}], "session_id": 1});
        let e = Details::from_value(&v).unwrap_err();
        assert!(!e.chars().any(crate::text::is_unsafe), "{e:?}");
        let v = json!({"customer": {"name": forged, "status": forged}, "packages": [{"package_id": forged, "amount": 1}], "session_id": forged});
        let d = Details::from_value(&v).unwrap();
        for t in [
            d.customer.name.unwrap(),
            d.customer.status.unwrap(),
            d.packages[0].name.clone(),
            d.session_id,
        ] {
            assert_eq!(t, "\u{FFFD}[2JPAID\u{FFFD}\u{FFFD}");
        }
        let nepali = json!("चन्द्रमणि क्\u{200D}ष");
        assert_eq!(text(Some(&nepali)).unwrap(), "चन्द्रमणि क्\u{200D}ष");
    }

    #[test]
    fn reads_error_objects_old_and_new() {
        let new = json!({"status": false, "error_code": 4000, "error": "client_error", "details": "Go to the office.", "state": "Error"});
        let e = ServiceError::from_value(400, &new).unwrap();
        assert_eq!(e.code.as_deref(), Some("4000"));
        assert_eq!(e.to_string(), "Go to the office. (code 4000)");
        let old = json!({"status": "false", "detail": "Invalid token."});
        assert_eq!(
            ServiceError::from_value(401, &old).unwrap().sentence(),
            "Invalid token."
        );
        assert!(ServiceError::from_value(200, &json!({"status": true})).is_none());
        assert!(ServiceError::from_value(200, &json!("x")).is_none());
        let auth = json!({"status": false, "error_code": "1002"});
        assert!(ServiceError::from_value(400, &auth).unwrap().is_auth());
    }

    #[test]
    fn a_success_that_also_says_failure_is_a_contradiction() {
        for v in [
            json!({"state": "Success", "status": false}),
            json!({"state": "Success", "status": "failed"}),
            json!({"state": "success", "status": true, "error_code": "1017"}),
            json!({"state": "Success", "error": "server_error"}),
            json!({"state": "Success", "extra_data": {"status": false, "state": "Failed", "error_code": "1021"}}),
            json!({"state": "Failed", "status": false, "credits_consumed": 5999}),
        ] {
            assert!(
                CommitAnswer::from_value(&v).unwrap().contradiction.is_some(),
                "{v}"
            );
            assert!(TxnStatus::from_value(&v).unwrap().contradiction.is_some(), "{v}");
        }
        let plain = json!({"state": "Success", "status": true});
        assert!(CommitAnswer::from_value(&plain).unwrap().contradiction.is_none());
        let failed = json!({"state": "Failed", "status": false, "error_code": "1021", "credits_consumed": 0});
        assert!(CommitAnswer::from_value(&failed).unwrap().contradiction.is_none());
        let plain_extra = json!({"state": "Success", "extra_data": {}});
        assert!(
            CommitAnswer::from_value(&plain_extra)
                .unwrap()
                .contradiction
                .is_none()
        );
    }

    #[test]
    fn reads_commit_status_and_balance() {
        let c = CommitAnswer::from_value(
            &json!({"status": true, "state": "Success", "credits_consumed": 5999.0,
            "credits_available": "9998.37", "id": 74020}),
        )
        .unwrap();
        assert_eq!(c.transaction_id.as_deref(), Some("74020"));
        assert_eq!(c.credits_available.unwrap().fixed2(), "9998.37");
        let s = TxnStatus::from_value(
            &json!({"status": false, "error_code": "002", "error": "invalid_reference", "state": "Error"}),
        )
        .unwrap();
        assert!(!s.found);
        let s = TxnStatus::from_value(&json!({"status": true, "state": "Success", "amount": "10", "refunds": [{"amount": 5, "remarks": "x"}]})).unwrap();
        assert!(s.found);
        assert_eq!(s.refunds[0].amount.unwrap().fixed2(), "5.00");
        let bulk_unknown = json!({"status": true, "state": "Error", "details": "Invalid reference obtained for account",
            "reference": "r", "response_id": 0, "amount": 0});
        assert!(!TxnStatus::from_value(&bulk_unknown).unwrap().found);
        let failed =
            json!({"status": true, "state": "Error", "details": "Provider error", "response_id": 12});
        assert!(TxnStatus::from_value(&failed).unwrap().found);
        let wordless = json!({"status": true, "state": "Error", "response_id": 0});
        assert!(
            !TxnStatus::from_value(&wordless).unwrap().found,
            "no transaction behind it"
        );
        let b = Balance::from_value(&json!({"credits_available": 1.123456789})).unwrap();
        assert_eq!(b.credits_available.decimal().to_string(), "1.123456789");
        assert!(Balance::from_value(&json!({})).is_err());
    }
}
