//! Tab completion's answers, as a shell's script asks for them (`KONNECT_COMPLETE=SHELL
//! konnect -- WORDS…`): from the journal only, in its order, quiet on any trouble. Under
//! Wine, where each process start costs a second, two run: the shells' forms (PowerShell's
//! among them) and the ISP slugs; the rest is the same code.

use crate::common::{self, Home};

/// What konnect answers fish (`value<TAB>description` lines) for the words typed, the last
/// being the one under the cursor; stderr must stay empty whatever happens.
fn complete(home: &Home, env: &[(&str, &str)], words: &[&str]) -> Vec<(String, String)> {
    let mut c = home.cmd();
    c.env("KONNECT_COMPLETE", "fish")
        .envs(env.iter().copied())
        .arg("--")
        .arg("konnect")
        .args(words);
    let (code, out, err) = common::run(c);
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "a completion exits 0 and prints nothing to the terminal"
    );
    out.lines()
        .map(|l| {
            let (value, description) = l.split_once('\t').unwrap_or((l, ""));
            (value.to_string(), description.to_string())
        })
        .collect()
}

#[cfg(unix)]
fn values(answer: &[(String, String)]) -> Vec<&str> {
    answer.iter().map(|(v, _)| v.as_str()).collect()
}

/// Pays `user` at `isp` in the sandbox; its short reference (the end of the whole one).
fn pay(home: &Home, isp: &str, user: &str, package: &str) -> String {
    let args = [
        "pay",
        "--isp",
        isp,
        "--user",
        user,
        "--package",
        package,
        "--yes",
        "--allow-repeat",
    ];
    let mut c = home.sandbox(&[&["--json"][..], &args].concat());
    // The slow customer's commit outlasts the wait: pending.
    c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
    let (_, doc, err) = common::run_json(c);
    let reference = doc["reference"].as_str().unwrap_or_else(|| panic!("{doc} {err}"));
    reference[reference.len() - 8..].to_string()
}

#[test]
#[cfg(unix)]
fn status_offers_the_unsettled_first_and_receipt_the_newest_each_with_who_and_how_much() {
    let home = Home::new();
    let paid = pay(&home, "izone", "active", "1-13286-5-3");
    let pending = pay(&home, "izone", "slow", "1-13286-5-3");
    let newest = pay(&home, "izone", "due", "1-13286-5-3");
    let status = complete(&home, &[], &["--sandbox", "status", ""]);
    assert_eq!(values(&status), [&pending, &newest, &paid], "{status:?}");
    assert!(
        status[0].1.starts_with("Rs. 5,999.00, Slow Tester, pending, "),
        "{status:?}"
    );
    let receipt = complete(&home, &[], &["--sandbox", "receipt", ""]);
    assert_eq!(values(&receipt), [&newest, &pending, &paid]);
    // What is typed narrows them; a bare Tab offers no flags, a `-` does.
    let typed = &paid[..3];
    assert!(values(&complete(&home, &[], &["--sandbox", "receipt", typed])).contains(&paid.as_str()));
    assert!(!status.iter().any(|(v, _)| v.starts_with('-')));
    assert!(values(&complete(&home, &[], &["--sandbox", "receipt", "--"])).contains(&"--width"));
    // A few characters of an old receipt's reference find it, however far back it is.
    home.add_old_payments(300); // references 000…000 to 000…12b, from 1970
    let newest = complete(&home, &[], &["--sandbox", "receipt", ""]);
    assert!(!values(&newest).contains(&"00000015"), "not among the newest");
    let old = complete(&home, &[], &["--sandbox", "receipt", "0000001"]);
    assert_eq!(values(&old)[0], "0000001f", "the newest first: {old:?}");
    assert_eq!(old.len(), 16, "{old:?}");
    let whole = complete(
        &home,
        &[],
        &["--sandbox", "receipt", "00000000000000000000000000000015"],
    );
    assert_eq!(values(&whole), ["00000000000000000000000000000015"]);
    // One character is the start of a short reference too, in the whole journal; a whole
    // reference's start is offered only past a short one's length.
    let one = complete(&home, &[], &["--sandbox", "status", "0"]);
    let one = values(&one);
    assert_eq!(one.len(), 30, "{one:?}");
    assert!(one.iter().all(|v| v.len() == 8 && v.starts_with('0')), "{one:?}");
    let start = complete(
        &home,
        &[],
        &["--sandbox", "receipt", "000000000000000000000000000001"],
    );
    let start = values(&start);
    assert!(!start.is_empty(), "{start:?}");
    assert!(
        start
            .iter()
            .all(|v| v.len() == 32 && v.starts_with("000000000000000000000000000001"))
    );
}

#[test]
#[cfg(unix)]
fn user_offers_the_customers_paid_at_the_isp_on_the_line_most_recent_first() {
    let home = Home::new();
    pay(&home, "izone", "active", "1-13286-5-3");
    pay(&home, "izone", "expired", "1-4412-8-1");
    pay(&home, "dg-link", "due", "1-13286-5-3");
    let at_izone = complete(&home, &[], &["--sandbox", "pay", "--isp", "izone", "--user", ""]);
    assert_eq!(values(&at_izone), ["expired", "active"], "{at_izone:?}");
    assert_eq!(at_izone[1].1, "Chandra Mani Neupane");
    assert_eq!(
        values(&complete(
            &home,
            &[],
            &["--sandbox", "lookup", "--isp=dg-link", "--user", ""]
        )),
        ["due"]
    );
    // Without --isp, everyone, with the ISP they were paid at; an ISP konnect refuses, nobody.
    let anywhere = complete(&home, &[], &["--sandbox", "pay", "--user", "e"]);
    assert_eq!(
        anywhere,
        [("expired".to_string(), "koshish bortaula (Izone)".to_string())]
    );
    assert!(complete(&home, &[], &["--sandbox", "pay", "--isp", "i", "--user", ""]).is_empty());
}

#[test]
#[cfg(unix)]
fn days_offer_today_yesterday_and_the_days_with_payments() {
    let home = Home::new();
    pay(&home, "izone", "active", "1-13286-5-3");
    home.add_old_payments(3); // 1970-01-01, three of them
    // A row no calendar holds (year 10000) is stepped over.
    rusqlite::Connection::open(home.journal_path())
        .unwrap()
        .execute(
            "UPDATE payments SET created_ms = 253402300800000 WHERE reference = ?1",
            [format!("{:032x}", 2)],
        )
        .unwrap();
    let days = complete(&home, &[], &["--sandbox", "report", "--date", ""]);
    assert_eq!(values(&days)[..2], ["today", "yesterday"]);
    assert!(days[0].1.ends_with(", 1 payment"), "{days:?}");
    let old = days
        .iter()
        .find(|(v, _)| v.starts_with("1970-01-0"))
        .expect("the old day");
    assert_eq!(old.1, "2 payments");
    let since = complete(&home, &[], &["--sandbox", "history", "--since", "y"]);
    assert_eq!(values(&since), ["yesterday"]);
}

#[cfg(unix)]
/// A journal file with one TEST payment paid through the sandbox and one LIVE row beside it.
fn mixed_journal(home: &Home) -> (std::path::PathBuf, String) {
    let path = home.path().join("mixed.sqlite3");
    let file = path.to_str().unwrap().to_string();
    let args = [
        "--json",
        "--journal",
        &file,
        "pay",
        "--isp",
        "izone",
        "--user",
        "active",
        "--package",
        "1-13286-5-3",
        "--yes",
    ];
    let (_, doc, _) = common::run_json(home.sandbox(&args));
    let test = doc["reference"].as_str().expect("paid").to_string();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO payments (reference, created_ms, env, isp, username, customer, package_id, amount, outcome) \
         VALUES ('ffffffffffffffffffffffff1111aaaa', 1, 'LIVE', 'izone', 'livecustomer', 'livecustomer', 'p', '100', 'pending')",
        [],
    )
    .unwrap();
    (path, test[test.len() - 8..].to_string())
}

#[test]
#[cfg(unix)]
fn the_journal_and_environment_on_the_line_are_honoured_and_test_never_shows_live() {
    let home = Home::new();
    let (path, test) = mixed_journal(&home);
    let file = path.to_str().unwrap();
    let on_test = complete(&home, &[], &["--journal", file, "--env", "test", "status", ""]);
    assert_eq!(values(&on_test), [test.as_str()]);
    let on_live = complete(&home, &[], &["--env", "live", "--journal", file, "status", ""]);
    assert_eq!(values(&on_live), ["1111aaaa"]);
    // A flag after the cursor counts as konnect will count it: the last --env wins.
    let mut c = home.cmd();
    c.env("KONNECT_COMPLETE", "zsh").env("_CLAP_COMPLETE_INDEX", "6");
    // zsh hands its words over with their quotes on: `'test'` is test.
    c.args([
        "--",
        "konnect",
        "--env",
        "'live'",
        "--journal",
        &format!("'{file}'"),
        "status",
        "",
        "--env",
        "\"test\"",
    ]);
    let (_, after, _) = common::run(c);
    assert!(
        after.starts_with(&format!("{test}\t")) && !after.contains("1111aaaa"),
        "{after:?}"
    );
    // KONNECT_JOURNAL, as a run would take it; --env test beats a config that says live.
    std::fs::create_dir_all(home.path().join("config/konnect")).unwrap();
    std::fs::write(home.path().join("config/konnect/config.toml"), "env = \"live\"\n").unwrap();
    let from_var = complete(
        &home,
        &[("KONNECT_JOURNAL", file)],
        &["--env", "test", "receipt", ""],
    );
    assert_eq!(values(&from_var), [test.as_str()]);
    let customers = complete(
        &home,
        &[("KONNECT_JOURNAL", file)],
        &["--env", "test", "pay", "--user", ""],
    );
    assert_eq!(values(&customers), ["active"], "no LIVE customer on a TEST line");
}

/// What konnect answers bash's script (`konnect.bash`) for `line`, the cursor at the first
/// `|` (taken out), bash's own piece of the word under it being `piece`.
#[cfg(unix)]
fn complete_bash(home: &Home, line: &str, piece: &str) -> Vec<String> {
    let point = line.chars().position(|c| c == '|').expect("a cursor");
    let mut c = home.cmd();
    c.env("KONNECT_COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_KONNECT_LINE", line.replacen('|', "", 1))
        .env("_KONNECT_POINT", point.to_string())
        .env("_KONNECT_WORD", piece)
        .args(["--", "konnect"]);
    let (code, out, err) = common::run(c);
    assert_eq!((code, err.as_str()), (0, ""), "quiet");
    out.lines().map(str::to_string).collect()
}

#[test]
#[cfg(unix)]
fn bash_is_answered_from_its_whole_line_as_konnect_will_read_it() {
    let home = Home::new();
    let (path, test) = mixed_journal(&home);
    std::fs::create_dir_all(home.path().join("config/konnect")).unwrap();
    std::fs::write(home.path().join("config/konnect/config.toml"), "env = \"live\"\n").unwrap();
    let file = path.to_str().unwrap();
    // The cursor between `status ` and a later `--env test`: bash's words would have put
    // the empty word in the place of `--env`, and the config's LIVE rows been offered.
    let between = complete_bash(
        &home,
        &format!("konnect --journal {file} status | --env test"),
        "",
    );
    assert_eq!(between, [test.as_str()]);
    // `--env=test` is one word (bash's break at the `=`), and a quoted path is the path.
    let joined = complete_bash(
        &home,
        &format!("konnect --journal '{file}' --env=test receipt |"),
        "",
    );
    assert_eq!(joined, [test.as_str()]);
    assert_eq!(
        complete_bash(&home, &format!("konnect --journal {file} receipt |"), ""),
        ["1111aaaa"]
    );
    // `~` starting a word is the home, as bash expands it; after `=` it is a `~` folder.
    let tilde = complete_bash(&home, "konnect --journal ~/mixed.sqlite3 --env test status |", "");
    assert_eq!(tilde, [test.as_str()]);
    assert_eq!(
        complete_bash(&home, "konnect --journal=~/mixed.sqlite3 --env test status |", ""),
        [] as [&str; 0]
    );
    let variable = complete_bash(
        &home,
        "konnect --journal $HOME/mixed.sqlite3 --env test status |",
        "",
    );
    assert_eq!(variable, [test.as_str()], "$HOME, as bash expands it");
    // A folder's space is escaped for bash, which inserts a value as it is; inside a quote
    // (its script says when) the value is the text.
    std::fs::create_dir_all(home.path().join("dir with space")).unwrap();
    let typed = format!("{}/dir w", home.path().display());
    let line = format!("konnect --journal {}|", typed.replace(' ', "\\ "));
    let folder = complete_bash(&home, &line, &typed);
    assert_eq!(folder, [format!("{}/dir\\ with\\ space/", home.path().display())]);
    let mut c = home.cmd();
    c.env("KONNECT_COMPLETE", "bash")
        .env("_KONNECT_LINE", format!("konnect --journal '{typed}"))
        .env("_KONNECT_POINT", (typed.chars().count() + 19).to_string())
        .env("_KONNECT_WORD", &typed)
        .env("_KONNECT_QUOTED", "1")
        .args(["--", "konnect"]);
    let (_, quoted, _) = common::run(c);
    assert_eq!(
        quoted.trim_end(),
        format!("{}/dir with space/", home.path().display())
    );
    // A comment or a redirection's file is no argument: the run is LIVE, as the config says.
    let comment = complete_bash(
        &home,
        &format!("konnect --journal {file} status | # --env test"),
        "",
    );
    assert_eq!(comment, ["1111aaaa"]);
    let redirected = complete_bash(
        &home,
        &format!("konnect --journal {file} status | > --env test"),
        "",
    );
    assert_eq!(redirected, ["1111aaaa"]);
    // bash replaces only its own piece of `--env=te`: the values start there.
    assert_eq!(complete_bash(&home, "konnect --env=te|", "te"), ["test"]);
    let all = complete_bash(&home, "konnect --env=|", "");
    assert!(
        all.contains(&"test".to_string()) && all.contains(&"live".to_string()),
        "{all:?}"
    );
}

#[test]
#[cfg(unix)]
fn a_missing_damaged_or_locked_journal_completes_nothing_and_says_nothing() {
    let home = Home::new();
    let missing = home.path().join("missing.sqlite3");
    let file = missing.to_str().unwrap();
    // Nothing, not even the flags: bash would fill in their `--`, and Enter run `status --`.
    assert_eq!(complete(&home, &[], &["--journal", file, "status", ""]), []);
    assert!(!missing.exists(), "a Tab never creates a journal");
    let damaged = home.path().join("damaged.sqlite3");
    std::fs::write(&damaged, b"not a journal at all").unwrap();
    let file = damaged.to_str().unwrap();
    assert!(values(&complete(&home, &[], &["--journal", file, "pay", "--user", ""])).is_empty());
    // Locked: another process holds the journal in exclusive mode, mid-write.
    let (path, test) = mixed_journal(&home);
    let file = path.to_str().unwrap();
    assert_eq!(
        values(&complete(&home, &[], &["--journal", file, "status", ""])),
        [test.as_str()]
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM meta WHERE key = 'none';",
    )
    .unwrap();
    let started = std::time::Instant::now();
    let locked = complete(&home, &[], &["--journal", file, "status", ""]);
    assert!(!values(&locked).contains(&test.as_str()), "{locked:?}");
    // A sanity bound, not a speed test (bench/completion.py measures): it does not wait.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // A PostgreSQL journal is not reached for over the network.
    let pg = complete(
        &home,
        &[],
        &[
            "--journal",
            "postgres://konnect@127.0.0.1:1/konnect",
            "status",
            "",
        ],
    );
    assert_eq!(pg, [], "{pg:?}");
}

#[test]
#[cfg(unix)]
fn no_hidden_helper_is_offered_or_listed_and_commands_come_with_their_help() {
    let home = Home::new();
    let commands = complete(&home, &[], &[""]);
    let names = values(&commands);
    assert!(
        names.contains(&"status") && names.contains(&"completions"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.starts_with('_') || n.starts_with('-')),
        "{names:?}"
    );
    assert!(complete(&home, &[], &["__"]).is_empty(), "nothing starts with __");
    // After a mistyped command, nothing (the commands again would make `recept receipt`).
    assert_eq!(complete(&home, &[], &["--sandbox", "recept", ""]), []);
    // A flag given is not offered again, unless it counts (`-v -v`).
    let flags = complete(&home, &[], &["pay", "--user", "slow", "--"]);
    assert!(
        !values(&flags).contains(&"--user") && values(&flags).contains(&"--isp"),
        "{flags:?}"
    );
    assert!(values(&complete(&home, &[], &["-v", "pay", "--ver"])).contains(&"--verbose"));
    let after_y = complete(&home, &[], &["pay", "-qy", "--"]);
    assert!(
        !values(&after_y).contains(&"--yes") && !values(&after_y).contains(&"--quiet"),
        "{after_y:?}"
    );
    assert!(!values(&complete(&home, &[], &["pay", "--yes", "-"])).contains(&"-y"));
    let (_, help, _) = common::run({
        let mut c = home.cmd();
        c.arg("--help");
        c
    });
    assert!(!help.contains("__"), "{help}");
    assert!(
        commands
            .iter()
            .any(|(v, d)| v == "pay" && d.starts_with("Pay for a package")),
        "{commands:?}"
    );
}

#[test]
fn every_shell_gets_its_own_form_and_a_customer_name_cannot_break_it() {
    let home = Home::new();
    let reference = pay(&home, "izone", "active", "1-13286-5-3");
    // A hostile name in the journal (the service's text, stored before it was cleaned).
    let conn = rusqlite::Connection::open(home.journal_path()).unwrap();
    conn.execute(
        "UPDATE payments SET customer_name = 'Evil\tName\nnext\u{1b}[2J'",
        [],
    )
    .unwrap();
    for (reference, user) in [
        ("eeeeeeeeeeeeeeeeeeeeeeee2222bbbb", "a;rm"),
        ("x$(touch${IFS}pwned)", "-rf"),
        ("ffff|ffff", "@PSHOME"),
    ] {
        conn.execute(
            "INSERT INTO payments (reference, created_ms, env, isp, username, customer, package_id, amount, outcome) \
             VALUES (?1, 2, 'TEST', 'izone', ?2, ?2, 'p', '100', 'success')",
            [reference, user],
        )
        .unwrap();
    }
    drop(conn);
    let run = |shell: &str, env: &[(&str, &str)], words: &[&str]| {
        let mut c = home.cmd();
        c.env("KONNECT_COMPLETE", shell)
            .envs(env.iter().copied())
            .arg("--")
            .arg("konnect")
            .args(words);
        let (code, out, err) = common::run(c);
        assert_eq!((code, err.as_str()), (0, ""));
        out
    };
    let fish = run("fish", &[], &["--sandbox", "status", ""]);
    let line = fish
        .lines()
        .find(|l| l.starts_with(&reference))
        .expect("the reference");
    assert_eq!(line.matches('\t').count(), 1, "{fish:?}");
    assert!(!fish.contains('\u{1b}'), "{fish:?}");
    // On one line, what follows the name's new line is kept: the state and the time too.
    assert!(
        line.contains("Name") && line.contains("next") && line.contains(", success, "),
        "{line:?}"
    );
    assert_eq!(fish.lines().count(), 2, "{fish:?}");
    // bash: values only, split by the IFS its script gives; the word's index from it too.
    let bash = run(
        "bash",
        &[("_CLAP_IFS", "\u{b}"), ("_CLAP_COMPLETE_INDEX", "3")],
        &["--sandbox", "status", "", "x"],
    );
    assert_eq!(bash.split('\u{b}').count(), 2, "{bash:?}");
    assert!(bash.split('\u{b}').any(|v| v == reference));
    let zsh = run(
        "zsh",
        &[("_CLAP_COMPLETE_INDEX", "3")],
        &["--sandbox", "status", ""],
    );
    assert!(
        zsh.lines().any(|l| l.starts_with(&format!("{reference}\t"))),
        "{zsh:?}"
    );
    let pwsh = run("powershell", &[], &["--sandbox", "status", ""]);
    assert_eq!(pwsh, fish);
    // A reference or handle a shell would have to quote (or would run) is never offered.
    assert!(!fish.contains("touch") && !fish.contains('|'), "{fish:?}");
    let users = run("fish", &[], &["--sandbox", "pay", "--user", ""]);
    assert!(
        !users.contains("a;rm") && !users.contains("-rf") && !users.contains('@'),
        "{users:?}"
    );
    // An index far past the words is the word being started, not an allocation.
    let far = run(
        "bash",
        &[("_CLAP_COMPLETE_INDEX", "100000000000")],
        &["--sandbox", "status"],
    );
    assert!(far.contains(&reference), "{far:?}");
    assert!(users.starts_with("active\t"), "{users:?}");
    let active = users.lines().next().unwrap_or_default();
    assert!(
        active.contains("next") && active.ends_with(" (Izone)") && !active.contains('\u{1b}'),
        "{active:?}"
    );
}

#[test]
fn isp_slugs_complete_with_their_names_and_a_username_never_completes_files() {
    let home = Home::new();
    let isps = complete(&home, &[], &["pay", "--isp", ""]);
    let expected: Vec<(String, String)> = konnect::isp::ISPS
        .iter()
        .map(|i| (i.slug.to_string(), i.name.to_string()))
        .collect();
    assert_eq!(isps, expected);
    std::fs::write(home.path().join("a-file"), "").unwrap();
    let mut c = home.cmd();
    c.current_dir(home.path());
    c.env("KONNECT_COMPLETE", "fish")
        .args(["--", "konnect", "pay", "--user", "a"]);
    let (_, out, _) = common::run(c);
    assert_eq!(out, "", "no file names for --user");
}

#[test]
#[cfg(unix)]
fn a_completion_variable_left_exported_never_stands_in_for_a_command() {
    let home = Home::new();
    let mut c = home.sandbox(&common::pay_args("active", "1-13286-5-3", &[]));
    c.env("KONNECT_COMPLETE", "bash");
    let (code, doc, err) = common::run_json(c);
    assert_eq!((code, doc["outcome"].as_str()), (0, Some("success")), "{err}");
    assert_eq!(home.commits(None), 1, "it paid, as asked");
    // Alone, it prints the registration script, as `konnect completions bash` does.
    let mut c = home.cmd();
    c.env("KONNECT_COMPLETE", "bash");
    let (code, out, _) = common::run(c);
    assert_eq!(code, 0);
    assert!(out.contains("complete -o nospace"), "{out}");
}

#[test]
#[cfg(unix)]
fn the_scripts_name_konnect_and_ask_it_through_its_own_variable() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "konnect.bash",
        "_konnect",
        "konnect.fish",
        "_konnect.ps1",
        "konnect.elv",
    ] {
        let script = std::fs::read_to_string(root.join("completions").join(file)).unwrap();
        assert!(script.contains("KONNECT_COMPLETE"), "{file}");
        assert!(!script.contains("__references"), "{file}");
    }
}
