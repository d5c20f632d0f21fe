use super::*;

/// Each message of a catalogue with the placeholders it uses, read from the file's text.
fn catalogue(text: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once(" = "))
        .map(|(key, value)| {
            let names = value
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split_once(" }").map(|(n, _)| n.to_string()))
                .collect();
            (key.trim().to_string(), names)
        })
        .collect()
}

#[test]
fn both_catalogues_have_every_key_with_the_same_placeholders() {
    let (en, ne) = (catalogue(EN), catalogue(NE));
    let only = |a: &std::collections::BTreeMap<String, _>,
                b: &std::collections::BTreeMap<String, _>|
     -> Vec<String> { a.keys().filter(|k| !b.contains_key(*k)).cloned().collect() };
    assert_eq!(only(&en, &ne), Vec::<String>::new(), "in en.ftl, not in ne.ftl");
    assert_eq!(only(&ne, &en), Vec::<String>::new(), "in ne.ftl, not in en.ftl");
    for (key, names) in &en {
        assert_eq!(Some(names), ne.get(key), "{key}: the placeholders differ");
    }
    assert!(en.len() > 100, "{}", en.len());
}

#[test]
fn every_message_parses_and_formats_without_marks_konnect_would_refuse() {
    for (lang, text) in [(Lang::En, EN), (Lang::Ne, NE)] {
        assert!(
            FluentResource::try_new(text.to_string()).is_ok(),
            "{lang:?}: a syntax error"
        );
        for (key, names) in catalogue(text) {
            let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "X")).collect();
            let said = message_in(lang, &key, &args);
            assert_ne!(said, key, "{lang:?} {key}");
            assert!(
                !said.contains('{') && !said.chars().any(crate::text::is_unsafe),
                "{lang:?} {key}: {said:?}"
            );
        }
    }
}

#[test]
fn the_locale_chooses_nepali_only_for_ne() {
    for name in ["ne", "ne_NP.UTF-8", "ne-NP", "NE_np"] {
        assert_eq!(Lang::of_locale(name), Lang::Ne, "{name}");
    }
    for name in ["en_US.UTF-8", "C", "POSIX", "new", "", "nl_NL"] {
        assert_eq!(Lang::of_locale(name), Lang::En, "{name}");
    }
    assert_eq!(Lang::parse(" NE "), Some(Lang::Ne));
    assert_eq!(Lang::parse("np"), None);
}

#[test]
fn amounts_in_nepali_have_lakh_groups_and_devanagari_digits_unless_latin_is_asked() {
    let amount = crate::money::Npr::parse("100000").unwrap();
    assert_eq!(money_in(Lang::Ne, Digits::Devanagari, amount), "रु. १,००,०००.००");
    assert_eq!(money_in(Lang::Ne, Digits::Latin, amount), "रु. 1,00,000.00");
    assert_eq!(money_in(Lang::En, Digits::Devanagari, amount), "Rs. 1,00,000.00");
    assert_eq!(to_devanagari("2083-08-17 12:05"), "२०८३-०८-१७ १२:०५");
}

/// What tmux 3 (the counter's terminal in our checks) shows, in columns, measured by its
/// cursor after printing each: a consonant or a spacing vowel sign takes a column, a
/// virama, an anusvara or a vowel sign above or below takes none.
#[test]
fn devanagari_is_measured_as_a_terminal_shows_it() {
    for (text, columns) in [
        ("मिति", 4),
        ("ग्राहक", 5),
        ("स्थिति", 5),
        ("क्ष", 2),
        ("कारोबार नं.", 10),
        ("रु. ५,९९९.००", 11),
        ("भुक्तानी भयो", 10),
        ("ि", 1),
        ("्", 0),
        ("ं", 0),
        ("े", 0),
    ] {
        assert_eq!(console::measure_text_width(text), columns, "{text}");
    }
}
