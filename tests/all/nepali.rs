//! Nepali (#21): the interface, not the wire, is bilingual. Scripts see no change: the same
//! JSON, CSV and exit codes in both languages; a person reads Nepali with `--lang ne`, the
//! config's `lang` or a `ne` locale.

use crate::common;

use common::{Home, run};
use serde_json::Value;

/// The same run in a home of its own per language: each step's exit code and stdout.
fn in_both(steps: &[&[&str]]) -> [Vec<(i32, String, String)>; 2] {
    ["en", "ne"].map(|lang| {
        let home = Home::new();
        steps
            .iter()
            .map(|args| {
                let mut c = home.sandbox(&[&["--lang", lang][..], args].concat());
                c.env("LANG", "C.UTF-8");
                run(c)
            })
            .collect()
    })
}

/// A document or a CSV with what differs between two runs made alike: every reference (32
/// hexadecimal characters, or a short form of 8 or more) and every digit (times, ids).
fn normalised(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_inclusive(|c: char| !c.is_ascii_hexdigit()) {
        let (hex, rest) = word.split_at(word.trim_end_matches(|c: char| !c.is_ascii_hexdigit()).len());
        // A short form may be all digits in one run and not in the other.
        out.push_str(if hex.len() >= 8 { "REF" } else { hex });
        out.push_str(rest);
    }
    out.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

#[test]
fn json_csv_and_exit_codes_are_the_same_in_both_languages() {
    let pay = |user: &'static str| common::pay_args(user, "1-13286-5-3", &["--allow-repeat"]);
    let (active, fail, queued) = (pay("active"), pay("fail"), pay("queued"));
    let steps: Vec<&[&str]> = vec![
        &["--json", "lookup", "--isp", "izone", "--user", "due"],
        &active,
        &fail,
        &queued,
        &["--json", "history"],
        &["history", "--csv"],
        &["--json", "report"],
        &["--json", "receipt", "--last"],
        &["--json", "config", "show"],
    ];
    let [en, ne] = in_both(&steps);
    for (i, ((code_en, out_en, err_en), (code_ne, out_ne, _))) in en.iter().zip(&ne).enumerate() {
        assert_eq!(code_en, code_ne, "{:?}: the same exit code", steps[i]);
        assert!(!out_en.is_empty(), "{:?}: {err_en}", steps[i]);
        if steps[i].contains(&"show") {
            // Where each setting came from: `lang` says the flag in both, and the home's
            // paths differ.
            let doc: Value = serde_json::from_str(out_ne).unwrap();
            assert_eq!(doc["lang"]["value"], "ne", "{doc}");
            continue;
        }
        assert_eq!(
            normalised(out_en),
            normalised(out_ne),
            "{:?}: byte for byte",
            steps[i]
        );
        assert!(
            !out_ne.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
            "{:?}: no Nepali in what a script reads: {out_ne}",
            steps[i]
        );
    }
}

#[test]
fn a_person_reads_nepali_from_the_flag_the_config_or_the_locale_in_that_order() {
    let home = Home::new();
    let said = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = home.sandbox(args);
        for (k, v) in env {
            c.env(k, v);
        }
        run(c)
    };
    let args = ["lookup", "--isp", "izone", "--user", "due"];
    let nepali = |text: &str| text.contains("ISP को बाँकी") && text.contains("रु. १,५००.००");
    // The locale, POSIX's order: LC_ALL over LC_MESSAGES over LANG.
    assert!(nepali(&said(&args, &[("LANG", "ne_NP.UTF-8")]).1));
    assert!(!nepali(
        &said(&args, &[("LANG", "ne_NP.UTF-8"), ("LC_ALL", "C")]).1
    ));
    assert!(nepali(&said(&args, &[("LANG", "C"), ("LC_MESSAGES", "ne_NP")]).1));
    // The config over the locale, the flag over both.
    let mut c = home.cmd();
    c.args(["config", "set", "lang", "ne"]);
    assert_eq!(run(c).0, 0);
    assert!(nepali(&said(&args, &[("LANG", "en_US.UTF-8")]).1));
    let (code, out, _) = said(&[&["--lang", "en"][..], &args].concat(), &[("LANG", "ne_NP")]);
    assert_eq!(code, 0);
    assert!(!nepali(&out) && out.contains("ISP says due"), "{out}");
    // digits = latin keeps 0-9 in Nepali.
    let mut c = home.cmd();
    c.args(["config", "set", "digits", "latin"]);
    assert_eq!(run(c).0, 0);
    let out = said(&args, &[]).1;
    assert!(
        out.contains("रु. 1,500.00") && out.contains("ISP को बाँकी"),
        "{out}"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let home = Home::new();
    let (code, _, err) = run(home.sandbox(&["--lang", "np", "lookup", "--isp", "izone", "--user", "due"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("np") && err.contains("en") && err.contains("ne"),
        "{err}"
    );
    let mut c = home.cmd();
    c.args(["config", "set", "lang", "hindi"]);
    let (code, _, err) = run(c);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("lang must be en (English) or ne (Nepali)"), "{err}");
    let mut c = home.cmd();
    c.args(["config", "set", "digits", "roman"]);
    assert_eq!(run(c).0, 2);
    // A bad value written in the file by hand is refused as plainly.
    let config = home.path().join("config/konnect/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "lang = \"fr\"\n").unwrap();
    let (code, _, err) = run(home.sandbox(&["lookup", "--isp", "izone", "--user", "due"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("konnect config set lang en"), "{err}");
}

#[test]
fn nepali_receipts_fit_their_printers() {
    let home = Home::new();
    let (code, _, err) = run(home.sandbox(&common::pay_args("queued", "1-13286-5-3", &[])));
    assert_eq!(code, 4, "{err}");
    for width in ["32", "42", "48"] {
        let (code, out, err) = run(home.sandbox(&["--lang", "ne", "receipt", "--last", "--width", width]));
        assert_eq!(code, 0, "{err}");
        let width: usize = width.parse().unwrap();
        for line in out.lines() {
            assert!(
                console::measure_text_width(line) <= width,
                "{width}: {line:?}\n{out}"
            );
        }
        // The BS date first, with Devanagari digits; the reference as it is typed.
        let lines: Vec<&str> = out.lines().collect();
        let date = lines.iter().position(|l| l.starts_with("मिति")).unwrap();
        assert!(lines[date].contains("वि.सं. २०"), "{out}");
        assert!(lines[date + 1].trim_start().starts_with("२०"), "{out}");
        assert!(
            out.contains("भुक्तानी पेन्डिङ - फेरि नतिर्नुहोस्") && out.contains("रु. ५,९९९.००"),
            "{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.starts_with("रेफ नं.") && l.trim_end().len() > 12),
            "{out}"
        );
    }
}
