//! The sandbox's fault mode (`KONNECT_SANDBOX_CHAOS=SEED`): each commit meets one of the
//! service's real failures, chosen at random but reproducibly from the seed and the commit's
//! place in the order of arrival, so that a soak can check konnect against the ledger.

use std::time::Duration;

use super::http::Reply;

/// What happens to one commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Charged and answered as usual.
    None,
    /// Charged, then the connection is closed without an answer.
    Cut,
    /// Charged, answered after the client's time-out (`KONNECT_SANDBOX_SLOW_SECS`).
    Slow,
    /// Charged, answered with an HTML 502 page.
    Html5xxCharged,
    /// Not charged, answered with an HTML 502 page.
    Html5xx,
    /// Answered `Queued`; a look-up after `KONNECT_SANDBOX_SETTLE_SECS` finds it settled.
    Queued,
    /// Charged, the answer cut, and unknown to look-ups for `KONNECT_SANDBOX_LATE_SECS`.
    Late,
    /// Answered with a 400 and no transaction behind it.
    Bad400,
    /// Charged and answered, then the service refuses connections for a moment.
    Refused,
}

impl Fault {
    /// Every fault, in the order rates are given and documented.
    pub const ALL: [Fault; 8] = [
        Fault::Cut,
        Fault::Slow,
        Fault::Html5xxCharged,
        Fault::Html5xx,
        Fault::Queued,
        Fault::Late,
        Fault::Bad400,
        Fault::Refused,
    ];

    /// The name in `KONNECT_SANDBOX_CHAOS_RATES` and in the ledger.
    pub fn name(self) -> &'static str {
        match self {
            Fault::None => "none",
            Fault::Cut => "cut",
            Fault::Slow => "slow",
            Fault::Html5xxCharged => "html5xx-charged",
            Fault::Html5xx => "html5xx",
            Fault::Queued => "queued",
            Fault::Late => "late",
            Fault::Bad400 => "bad400",
            Fault::Refused => "refused",
        }
    }

    /// Whether the service keeps the money of a commit that met this fault.
    pub fn charges(self) -> bool {
        !matches!(self, Fault::Html5xx | Fault::Bad400)
    }
}

/// How long the service refuses connections after a [`Fault::Refused`] commit.
pub const REFUSED_FOR: Duration = Duration::from_millis(300);

/// The seed and each fault's rate, in per mille of commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chaos {
    pub seed: u64,
    pub per_mille: [u32; 8],
}

/// Each fault's rate when none is given: 5% each, 40% of commits in all.
const DEFAULT_PER_MILLE: u32 = 50;

impl Chaos {
    /// From `KONNECT_SANDBOX_CHAOS` (the seed) and `KONNECT_SANDBOX_CHAOS_RATES`
    /// (`cut=5,slow=2.5,…`: per cent of commits; faults not named keep 5%).
    pub fn from_env(get: &impl Fn(&str) -> Option<String>) -> Result<Option<Chaos>, String> {
        let Some(seed) = get("KONNECT_SANDBOX_CHAOS") else {
            return Ok(None);
        };
        let seed = seed
            .trim()
            .parse::<u64>()
            .map_err(|_| format!("KONNECT_SANDBOX_CHAOS must be a seed (a whole number), not '{seed}'"))?;
        let mut per_mille = [DEFAULT_PER_MILLE; 8];
        if let Some(rates) = get("KONNECT_SANDBOX_CHAOS_RATES") {
            for item in rates.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                let bad = || {
                    let names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
                    format!(
                        "KONNECT_SANDBOX_CHAOS_RATES: '{item}' is not FAULT=PERCENT (faults: {})",
                        names.join(", ")
                    )
                };
                let (name, pct) = item.split_once('=').ok_or_else(bad)?;
                let at = Fault::ALL
                    .iter()
                    .position(|f| f.name() == name.trim())
                    .ok_or_else(bad)?;
                let pct = pct
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=100.0).contains(p))
                    .ok_or_else(bad)?;
                per_mille[at] = (pct * 10.0).round() as u32;
            }
        }
        if per_mille.iter().sum::<u32>() > 1000 {
            return Err("KONNECT_SANDBOX_CHAOS_RATES add up to more than 100%".into());
        }
        Ok(Some(Chaos { seed, per_mille }))
    }

    /// The fault of the `n`th commit to arrive.
    pub fn pick(&self, n: u64) -> Fault {
        let roll = (mix(self.seed ^ mix(n)) % 1000) as u32;
        let mut upto = 0;
        for (fault, rate) in Fault::ALL.iter().zip(self.per_mille) {
            upto += rate;
            if roll < upto {
                return *fault;
            }
        }
        Fault::None
    }
}

/// The answer a commit gets before anything is charged, for the faults that charge nothing.
pub fn refusal(fault: Fault) -> Option<Reply> {
    match fault {
        Fault::Html5xx => Some(bad_gateway()),
        Fault::Bad400 => Some(Reply::json(
            400,
            &serde_json::json!({"status": false, "error_code": "1010", "error": "validation_error",
                "message": "Validation error", "details": "The request could not be processed.", "state": "Error"}),
        )),
        _ => None,
    }
}

/// The answer a charged commit gets instead of `reply`, under `fault`.
pub fn charged(fault: Fault, reply: Reply, slow: Duration) -> Reply {
    match fault {
        Fault::Cut | Fault::Late => Reply::Cut,
        Fault::Slow => Reply::After(slow, Box::new(reply)),
        Fault::Html5xxCharged => bad_gateway(),
        Fault::Refused => Reply::ThenRefuse(REFUSED_FOR, Box::new(reply)),
        Fault::None | Fault::Queued | Fault::Html5xx | Fault::Bad400 => reply,
    }
}

/// A gateway's HTML error page, as a proxy in front of the service sends it.
pub fn bad_gateway() -> Reply {
    Reply::Full {
        status: 502,
        content_type: "text/html",
        body:
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
                .to_vec(),
    }
}

/// SplitMix64's finaliser: a well-spread 64-bit hash, no dependency needed.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chaos(vars: &[(&str, &str)]) -> Result<Option<Chaos>, String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Chaos::from_env(&|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_same_seed_picks_the_same_faults_at_about_the_rates_asked() {
        let c = chaos(&[("KONNECT_SANDBOX_CHAOS", "7")]).unwrap().unwrap();
        let picks: Vec<Fault> = (0..10_000).map(|n| c.pick(n)).collect();
        assert_eq!(picks, (0..10_000).map(|n| c.pick(n)).collect::<Vec<_>>());
        for fault in Fault::ALL {
            let n = picks.iter().filter(|f| **f == fault).count();
            assert!((400..600).contains(&n), "{fault:?}: {n} of 10,000");
        }
        let other = chaos(&[("KONNECT_SANDBOX_CHAOS", "8")]).unwrap().unwrap();
        assert_ne!(
            picks[..50],
            (0..50).map(|n| other.pick(n)).collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn rates_are_per_cent_by_name_and_bad_ones_are_refused() {
        let c = chaos(&[
            ("KONNECT_SANDBOX_CHAOS", "1"),
            (
                "KONNECT_SANDBOX_CHAOS_RATES",
                "cut=100,slow=0,html5xx-charged=0,html5xx=0,queued=0,late=0,bad400=0,refused=0",
            ),
        ])
        .unwrap()
        .unwrap();
        assert!((0..100).all(|n| c.pick(n) == Fault::Cut));
        assert_eq!(chaos(&[]).unwrap(), None);
        for bad in ["cut", "cut=x", "boom=5", "cut=101", "cut=60,slow=60"] {
            let e = chaos(&[
                ("KONNECT_SANDBOX_CHAOS", "1"),
                ("KONNECT_SANDBOX_CHAOS_RATES", bad),
            ])
            .unwrap_err();
            assert!(e.starts_with("KONNECT_SANDBOX_CHAOS_RATES"), "{e}");
        }
        assert!(
            chaos(&[("KONNECT_SANDBOX_CHAOS", "-1")])
                .unwrap_err()
                .contains("a seed")
        );
    }
}
