//! Devanagari digits (० to ९) for Nepali, unless the shop keeps 0-9 (`digits = latin`).

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

/// Which digits Nepali text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    #[default]
    Devanagari,
    Latin,
}

impl Digits {
    pub fn parse(text: &str) -> Option<Digits> {
        match text.trim().to_ascii_lowercase().as_str() {
            "devanagari" => Some(Digits::Devanagari),
            "latin" => Some(Digits::Latin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Digits::Devanagari => "devanagari",
            Digits::Latin => "latin",
        }
    }
}

static DEVANAGARI: AtomicBool = AtomicBool::new(false);

pub(super) fn set(on: bool) {
    DEVANAGARI.store(on, Ordering::Relaxed);
}

/// The digits this run shows (Devanagari only in Nepali, and unless the config says latin).
pub(super) fn shown() -> Digits {
    if DEVANAGARI.load(Ordering::Relaxed) {
        Digits::Devanagari
    } else {
        Digits::Latin
    }
}

/// `text` with 0-9 as ०-९ when this run shows Devanagari digits; borrowed otherwise.
pub fn devanagari(text: &str) -> Cow<'_, str> {
    match shown() {
        Digits::Devanagari => to_devanagari(text),
        Digits::Latin => Cow::Borrowed(text),
    }
}

/// `text` with 0-9 as ०-९.
pub fn to_devanagari(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(0x0966 + d).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}
