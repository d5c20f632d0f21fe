//! Tab completion in the real shells, in a pseudo-terminal: the committed script sourced as
//! the README says, `konnect status ` typed, Tab pressed, the candidates seen. A shell that
//! is not installed is skipped, unless `KONNECT_TEST_SHELLS=required` (CI) says it must run.

use crate::common::terminal::Pty;
use crate::common::{self, Home};

use std::path::Path;

/// Whether `shell` can run here; a missing one fails the test when CI requires them.
fn installed(shell: &str) -> bool {
    let found = std::process::Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("KONNECT_TEST_SHELLS").as_deref() != Ok("required"),
            "{shell} is not installed and KONNECT_TEST_SHELLS=required"
        );
        eprintln!("skipped: {shell} is not installed");
    }
    found
}

/// `shell ARGS` in a terminal, with konnect's test home and konnect itself on PATH.
fn shell(home: &Home, shell: &str, args: &[&str]) -> Pty {
    let konnect = common::std_cmd(home);
    let bin = Path::new(konnect.get_program()).parent().unwrap().to_path_buf();
    let mut sh = std::process::Command::new(shell);
    sh.args(args).env_clear();
    for (key, value) in konnect.get_envs() {
        if let Some(v) = value {
            sh.env(key, v);
        }
    }
    let path = std::env::var("PATH").unwrap_or_default();
    sh.env("PATH", format!("{}:{path}", bin.display()))
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .env("ZDOTDIR", home.path());
    Pty::spawn(sh)
}

/// Three payments in the sandbox's journal: the pending one's short reference, and a paid one's.
fn payments(home: &Home) -> (String, String) {
    let short = |user: &str| {
        let args = common::pay_args(user, "1-13286-5-3", &["--allow-repeat"]);
        let mut c = home.sandbox(&args);
        c.env("KONNECT_TIMEOUT_MS", common::NEVER_IN_TIME_MS);
        let (_, doc, _) = common::run_json(c);
        let r = doc["reference"].as_str().expect("a reference").to_string();
        r[r.len() - 8..].to_string()
    };
    let paid = short("active");
    let pending = short("slow");
    (pending, paid)
}

/// The start of the tests' ~/.zshrc. The two references may share their first character:
/// zsh would insert it without listing them; this lists them at the first Tab all the same.
const ZSH_RC: &str = "PS1='%% '\nunsetopt LIST_AMBIGUOUS\n";

fn script(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn bash_completes_references_and_customers_from_the_journal() {
    if !installed("bash") {
        return;
    }
    let home = Home::new();
    let (pending, paid) = payments(&home);
    let rc = home.path().join("bashrc");
    // The two references may share their first character: bash would insert it and list
    // them only at a third Tab; this lists them at the first, whatever they are.
    let rc_text = format!(
        "PS1='$ '\nbind 'set show-all-if-ambiguous on'\nsource {}\n",
        script("konnect.bash")
    );
    std::fs::write(&rc, rc_text).unwrap();
    let mut p = shell(
        &home,
        "bash",
        &["--noprofile", "--rcfile", rc.to_str().unwrap(), "-i"],
    );
    p.wait_for("$ ");
    p.send("konnect --sandbox status \t").unwrap();
    p.wait_for(&format!("{pending}  {paid}"));
    // One candidate is completed in place (the line echoed to show it whole).
    p.send("\x15konnect --sandbox pay --isp izone --user sl\t")
        .unwrap();
    p.send("\x01echo \r").unwrap();
    p.wait_for("--user slow\r\n");
    // The whole line counts, as konnect will run it: a flag after the cursor (bash's own
    // words lose it when the cursor is between two), and `--env=te` is one word.
    let at_dg_link = [
        "--json",
        "pay",
        "--isp",
        "dg-link",
        "--user",
        "due",
        "--package",
        "1-13286-5-3",
        "--yes",
    ];
    let (_, doc, _) = common::run_json(home.sandbox(&at_dg_link));
    assert_eq!(doc["outcome"], "success", "{doc}");
    p.send("\x15konnect --sandbox pay --user  --isp dg-link").unwrap();
    p.send("\x02".repeat(14)).unwrap();
    p.send("\t\x01echo \r").unwrap();
    p.wait_for("--user due --isp dg-link\r\n");
    p.send("\x15konnect --sandbox --env=te\t\x01echo \r").unwrap();
    p.wait_for("--sandbox --env=test\r\n");
    p.send("\x15exit\r").unwrap();
}

#[test]
fn zsh_completes_references_in_the_journals_order_with_who_and_how_much() {
    if !installed("zsh") {
        return;
    }
    let home = Home::new();
    let (pending, paid) = payments(&home);
    std::fs::write(
        home.path().join(".zshrc"),
        format!(
            "{ZSH_RC}autoload -Uz compinit && compinit -u\nsource {}\n",
            script("_konnect")
        ),
    )
    .unwrap();
    let mut p = shell(&home, "zsh", &["-i"]);
    p.wait_for("% ");
    p.send("konnect --sandbox status \t").unwrap();
    p.wait_for(&format!("{pending}  -- Rs. 5,999.00, Slow Tester, pending, "));
    p.wait_for(&format!(
        "{paid}  -- Rs. 5,999.00, Chandra Mani Neupane, success, "
    ));
    p.send("\x15konnect --sandbox report --date yes\t").unwrap();
    p.send("\x01echo \r").unwrap();
    p.wait_for("--date yesterday\r\n");
    p.send("\x15exit\r").unwrap();
}

#[test]
fn zsh_completes_from_the_file_the_installer_puts_on_fpath_at_the_first_tab() {
    if !installed("zsh") {
        return;
    }
    let home = Home::new();
    let (pending, _) = payments(&home);
    let functions = home.path().join("site-functions");
    std::fs::create_dir_all(&functions).unwrap();
    std::fs::copy(script("_konnect"), functions.join("_konnect")).unwrap();
    std::fs::write(
        home.path().join(".zshrc"),
        format!(
            "{ZSH_RC}fpath=({} $fpath)\nautoload -Uz compinit && compinit -u\n",
            functions.display()
        ),
    )
    .unwrap();
    let mut p = shell(&home, "zsh", &["-i"]);
    p.wait_for("% ");
    p.send("konnect --sandbox status \t").unwrap();
    p.wait_for(&format!("{pending}  -- Rs. 5,999.00, Slow Tester, pending"));
    p.send("\x15exit\r").unwrap();
}

#[test]
fn fish_completes_references_with_their_descriptions() {
    if !installed("fish") {
        return;
    }
    let home = Home::new();
    let (pending, _) = payments(&home);
    let mut p = shell(&home, "fish", &["--no-config", "-i"]);
    p.send(format!(
        "source {}; function fish_prompt; echo '> '; end\r",
        script("konnect.fish")
    ))
    .unwrap();
    p.wait_for("> ");
    p.send("konnect --sandbox status \t").unwrap();
    p.wait_for(&pending);
    p.wait_for("Rs. 5,999.00, Slow Tester, pending");
    p.send("\x03exit\r").unwrap();
}
