//! The ISPs of the Konnect (KCMS) service group, and the ones that left it.

/// One ISP that the Konnect service group serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Isp {
    pub slug: &'static str,
    pub name: &'static str,
}

/// The service group's ISPs, in the order the seed document lists them.
pub const ISPS: &[Isp] = &[
    Isp {
        slug: "izone",
        name: "Izone",
    },
    Isp {
        slug: "world-fiber-net",
        name: "World Fiber Net",
    },
    Isp {
        slug: "dg-link",
        name: "DG Link",
    },
    Isp {
        slug: "loop-network",
        name: "Loop Network",
    },
    Isp {
        slug: "acme-internet",
        name: "Acme Internet",
    },
];

/// ISPs that moved to a service group of their own: (slug, name, where they went).
const MOVED: &[(&str, &str, &str)] = &[("chitrawan-unique-net", "Chitrawan Unique Net", "Chitrawan")];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IspError {
    #[error("unknown ISP '{slug}'{}; use one of: {}", suggestion(slug), slugs().join(", "))]
    Unknown { slug: String },
    #[error(
        "{name} ('{slug}') has moved out of Konnect to its own service group ({to}); konnect cannot pay it"
    )]
    Moved {
        slug: String,
        name: &'static str,
        to: &'static str,
    },
}

/// The slugs konnect accepts, for messages and completions.
pub fn slugs() -> Vec<&'static str> {
    ISPS.iter().map(|i| i.slug).collect()
}

/// Finds an ISP by its slug, whole (any case), and says plainly when it has moved away. A
/// start of a slug is refused like a typo, with the slug it may mean: a slug added later must
/// never change which ISP an existing script pays.
pub fn resolve(slug: &str) -> Result<&'static Isp, IspError> {
    let wanted = slug.trim().to_ascii_lowercase();
    if let Some(isp) = ISPS.iter().find(|i| i.slug == wanted) {
        return Ok(isp);
    }
    if let Some((s, name, to)) = MOVED.iter().find(|(s, ..)| *s == wanted) {
        return Err(IspError::Moved {
            slug: s.to_string(),
            name,
            to,
        });
    }
    Err(IspError::Unknown {
        slug: slug.to_string(),
    })
}

/// ", did you mean izone?" for a slug close to a known one (a typo, or a start), else nothing.
fn suggestion(slug: &str) -> String {
    closest(slug)
        .map(|i| format!(", did you mean {}?", i.slug))
        .unwrap_or_default()
}

/// The ISP `slug` most likely means: the only one whose slug or name it starts, else the one
/// whose slug is within two typos of it, the closest first.
pub fn closest(slug: &str) -> Option<&'static Isp> {
    let wanted = slug.trim().to_ascii_lowercase();
    let starts: Vec<&'static Isp> = ISPS
        .iter()
        .filter(|i| {
            !wanted.is_empty()
                && (i.slug.starts_with(&wanted) || i.name.to_ascii_lowercase().starts_with(&wanted))
        })
        .collect();
    if let [only] = starts[..] {
        return Some(only);
    }
    ISPS.iter()
        .map(|i| (strsim::levenshtein(&wanted, i.slug), i))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_known_moved_and_unknown() {
        assert_eq!(resolve("izone").unwrap().name, "Izone");
        assert_eq!(resolve(" DG-Link ").unwrap().slug, "dg-link");
        // A start is refused like a typo, with the slug it may mean.
        for start in ["world", "i", "Loop Net"] {
            let e = resolve(start).unwrap_err().to_string();
            assert!(e.starts_with(&format!("unknown ISP '{start}'")), "{e}");
        }
        assert!(
            resolve("world")
                .unwrap_err()
                .to_string()
                .contains("did you mean world-fiber-net?")
        );
        assert!(
            resolve("i")
                .unwrap_err()
                .to_string()
                .contains("did you mean izone?")
        );
        let typo = resolve("izome").err().unwrap().to_string();
        assert!(typo.contains("did you mean izone?"), "{typo}");
        assert!(
            !resolve("zzzzzz")
                .err()
                .unwrap()
                .to_string()
                .contains("did you mean")
        );
        assert!(matches!(
            resolve("chitrawan-unique-net"),
            Err(IspError::Moved { .. })
        ));
        let e = resolve("nope").unwrap_err().to_string();
        assert!(e.contains("izone, world-fiber-net"), "{e}");
    }
}
