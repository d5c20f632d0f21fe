//! The interactive flow in a real pseudo-terminal: arrow keys, confirmation, decline, Ctrl-C.

use crate::common;

use common::Home;
use common::terminal::Pty;
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect};

fn spawn(home: &Home, args: &[&str]) -> Pty {
    let mut cmd = common::std_cmd(home);
    cmd.env("TERM", "xterm-256color").arg("--sandbox").args(args);
    Pty::spawn(cmd)
}

/// `konnect --sandbox ARGS` in a terminal `cols` wide from its start, as a window would be.
fn spawn_at(home: &Home, args: &[&str], cols: u16) -> Pty {
    let cmd = common::std_cmd(home);
    let konnect = cmd.get_program().to_string_lossy().into_owned();
    let mut sh = std::process::Command::new("sh");
    // The pty library sets 80x24 once konnect's shell has started: the shell waits for a
    // line, sent once the test has sized the terminal.
    sh.args(["-c", "read _; exec \"$0\" --sandbox \"$@\"", &konnect])
        .args(args);
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => sh.env(key, v),
            None => sh.env_remove(key),
        };
    }
    sh.env("TERM", "xterm-256color");
    let mut p = Pty::spawn(sh);
    p.0.get_process_mut().set_window_size(cols, 24).unwrap();
    // For the shell's `read`, which reads a line, not keys.
    p.0.send("\n").unwrap();
    p
}

fn exit_code(session: &mut Pty) -> i32 {
    let _ = session.expect(Eof);
    match session.0.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("konnect did not exit normally: {other:?}"),
    }
}

/// At the counter, once it asked for the next customer: `user` pays the current package,
/// and `expected` shows how it ended.
fn pay_next(p: &mut Pty, user: &str, name: &str, expected: &str) {
    p.send(format!("{user}\r")).unwrap();
    p.expect("Package").unwrap();
    confirm_current_package(p, name, expected);
}

/// At the package picker: the current one, confirmed for `name`; `expected` shows the end.
fn confirm_current_package(p: &mut Pty, name: &str, expected: &str) {
    p.send("\r").unwrap();
    // The question may be wrapped at words: its words, in order, before the answer.
    let asked = p.expect("and pay?").unwrap().before().to_vec();
    let asked = console::strip_ansi_codes(&String::from_utf8_lossy(&asked)).into_owned();
    let flat = asked.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat.replace(" ? ", " ");
    assert!(flat.ends_with(&format!("from {name}")), "{flat}");
    p.send("y\r").unwrap();
    p.expect(expected).unwrap();
}

#[test]
fn choose_another_package_with_the_arrow_keys_confirm_and_get_a_receipt() {
    let home = Home::new();
    let mut p = spawn(&home, &["pay", "--isp", "izone", "--user", "active"]);
    p.expect("Chandra Mani Neupane").unwrap();
    p.expect("Package").unwrap();
    p.send("\x1b[B").unwrap(); // down: from the current 3-month package to the 12-month one
    p.send("\r").unwrap();
    p.expect("Collect Rs. 15,500.00 from Chandra Mani Neupane and pay?")
        .unwrap();
    p.send("y\r").unwrap();
    p.expect("PAYMENT RECEIPT").unwrap();
    p.expect("Rs. 15,500.00").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let rows = home.journal();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].1.as_str(), rows[0].2.as_str()), ("success", "15500"));
    assert_eq!(home.commits(Some(&rows[0].0)), 1);
}

#[test]
fn declining_the_confirmation_sends_nothing() {
    let home = Home::new();
    let mut p = spawn(&home, &common::order("active", "1-13286-5-3", &[]));
    p.expect("Collect Rs. 5,999.00 from Chandra Mani Neupane and pay?")
        .unwrap();
    p.send("n\r").unwrap();
    p.expect("nothing was sent").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

#[test]
fn esc_at_the_confirmation_is_no_at_once_and_ctrl_c_leaves_a_clean_line() {
    let home = Home::new();
    let mut p = spawn(&home, &common::order("active", "1-13286-5-3", &[]));
    p.expect("and pay?").unwrap();
    p.send("\x1b").unwrap(); // Esc alone, no Enter
    p.expect("· no").unwrap();
    p.expect("payment declined; nothing was sent").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let mut p = spawn(&home, &common::order("active", "1-13286-5-3", &[]));
    p.expect("and pay?").unwrap();
    p.send("\x03").unwrap();
    // The error starts a line of its own, never glued to the question.
    let found = p.expect("cancelled; nothing was sent").unwrap();
    let before = console::strip_ansi_codes(&String::from_utf8_lossy(found.before())).into_owned();
    let start = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim_start_matches('\r');
    // A cashier's cancellation is not a program's error: no "error:" in front of it.
    assert!(["", "konnect: "].contains(&start), "{before:?}");
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

#[test]
fn an_unknown_isp_on_a_terminal_opens_the_list_at_the_closest() {
    let home = Home::new();
    let mut p = spawn(&home, &["pay", "--isp", "izoen", "--user", "active"]);
    let said = p.expect("did you mean izone?").unwrap().before().to_vec();
    let asked = p.expect("? ISP").unwrap().before().to_vec();
    // The warning is wrapped at words to the terminal: its words, in order.
    let flat = String::from_utf8_lossy(&[said, asked].concat())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("choose it from the list"), "{flat}");
    p.send("\r").unwrap(); // the closest, preselected
    p.expect("Chandra Mani Neupane").unwrap();
    p.expect("Package").unwrap();
    p.send("\x03").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(home.commits(None), 0);
}

#[test]
fn ctrl_c_at_the_package_prompt_restores_the_cursor_and_exits_130() {
    let home = Home::new();
    let mut p = spawn(&home, &["pay", "--isp", "izone", "--user", "active"]);
    p.expect("\x1b[?25l").unwrap(); // the select hides the cursor
    p.expect("Package").unwrap();
    p.send("\x03").unwrap();
    p.expect("\x1b[?25h").unwrap(); // and it is shown again
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

#[test]
fn missing_isp_and_user_are_asked_for() {
    let home = Home::new();
    let mut p = spawn(&home, &["lookup"]);
    p.expect("ISP").unwrap();
    p.send("loop").unwrap();
    p.send("\r").unwrap();
    p.expect("Customer username").unwrap();
    p.send("expired\r").unwrap();
    p.expect("koshish bortaula").unwrap();
    p.expect("Loop Network").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_repeat_is_asked_about_and_no_means_nothing_is_sent() {
    let home = Home::new();
    let scripted = common::pay_args("active", "1-13286-5-3", &[]);
    assert_eq!(common::run(home.sandbox(&scripted)).0, 0);
    // The same customer by the number the service knows them by.
    let args = [
        "pay",
        "--isp",
        "izone",
        "--user",
        "9779869045195",
        "--package",
        "1-13286-5-3",
    ];
    let mut p = spawn(&home, &args);
    p.expect("was already paid as active").unwrap();
    p.expect("Pay again anyway?").unwrap();
    p.send("n\r").unwrap();
    p.expect("nothing was sent").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(home.commits(None), 1);

    let mut p = spawn(&home, &args);
    p.expect("Pay again anyway?").unwrap();
    p.send("y\r").unwrap();
    p.expect("Collect Rs. 5,999.00 from Chandra Mani Neupane and pay?")
        .unwrap();
    p.send("y\r").unwrap();
    p.expect("PAYMENT RECEIPT").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(home.commits(None), 2);
}

#[test]
fn the_counter_serves_customers_one_after_another_and_sums_up_the_shift() {
    let home = Home::new();
    let mut p = spawn(&home, &["counter", "--isp", "izone"]);
    let mut asked = false;
    for (user, name) in [
        ("active", "Chandra Mani Neupane"),
        ("nobody", ""),
        ("expired", "koshish bortaula"),
    ] {
        if !std::mem::take(&mut asked) {
            p.expect("Next customer's username").unwrap();
        }
        p.send(format!("{user}\r")).unwrap();
        if name.is_empty() {
            // Unknown to the service: said, and asked for again with the text kept.
            p.expect("No customer nobody at Izone").unwrap();
            p.expect("Next customer's username: nobody").unwrap();
            p.send("\x7f".repeat("nobody".len())).unwrap();
            asked = true;
            continue;
        }
        p.expect("Package").unwrap();
        confirm_current_package(&mut p, name, "PAYMENT RECEIPT");
    }
    // A payment that fails: counted apart from those paid.
    p.expect("Next customer's username").unwrap();
    pay_next(&mut p, "fail", "Fail Tester", "NOT PAID");
    p.expect("Nothing was charged").unwrap();
    // Ctrl-C at a question returns to the next customer; Ctrl-D at the name ends the shift.
    p.expect("Next customer's username").unwrap();
    p.send("due\r").unwrap();
    p.expect("Package").unwrap();
    p.send("\x03").unwrap();
    p.expect("Next customer's username").unwrap();
    p.send("\x04").unwrap();
    p.expect("Shift over: 2 paid, Rs. 24,499.00 collected. 1 failed (nothing charged).")
        .unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let rows = home.journal();
    let outcomes: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(outcomes, ["success", "success", "failed"], "{rows:?}");
    assert_eq!(home.commits(None), 3);
}

#[test]
fn a_counter_asked_to_stop_from_outside_stops_at_any_question() {
    let home = Home::new();
    for (signal, at) in [
        (libc::SIGTERM, "Package"),
        (libc::SIGHUP, "Next customer's username"),
    ] {
        let mut p = spawn(&home, &["counter", "--isp", "izone"]);
        p.expect("Next customer's username").unwrap();
        if at == "Package" {
            p.send("active\r").unwrap();
            p.expect("Package").unwrap();
        }
        // A Ctrl-C here would return to the next customer; a kill or a closed terminal ends it.
        let pid = p.0.get_process().pid().as_raw();
        // SAFETY: a signal to the child this test spawned and still owns.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let found = p.expect(Eof).unwrap();
        let said = String::from_utf8_lossy(found.as_bytes()).into_owned();
        assert!(
            said.contains("cancelled; nothing was sent") && !said.contains("Next customer"),
            "{signal} at {at}, it ends without asking again: {said}"
        );
        assert_eq!(exit_code(&mut p), 130, "{signal} at {at}");
    }
    assert_eq!(home.commits(None), 0);
    assert!(home.journal().is_empty());
}

#[test]
fn a_receipt_without_a_reference_is_chosen_from_todays_payments() {
    let home = Home::new();
    assert_eq!(
        common::run(home.sandbox(&common::pay_args("active", "1-13286-5-3", &[]))).0,
        0
    );
    assert_eq!(
        common::run(home.sandbox(&common::pay_args("expired", "1-4412-8-1", &[]))).0,
        0
    );
    let mut p = spawn(&home, &["receipt"]);
    p.expect("Receipt of").unwrap();
    p.send("\x1b[B").unwrap(); // down: the older of the two
    p.send("\r").unwrap();
    p.expect("COPY").unwrap();
    p.expect("Chandra Mani Neupane").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn history_report_doctor_and_a_receipt_fit_a_40_column_terminal() {
    let home = Home::new();
    for (user, package) in [
        ("active", "1-13286-5-3"),
        ("queued", "1-13286-5-3"),
        ("fail", "1-13286-5-3"),
    ] {
        let code = common::run(home.sandbox(&common::pay_args(user, package, &["--allow-repeat"]))).0;
        assert!(code == 0 || code == 3 || code == 4, "{user}: {code}");
    }
    for (args, shown) in [
        (&["history"][..], "Queued Tester"),
        (&["report"], "Queued Tester"),
        (&["doctor"], "payment(s) read"),
        (&["receipt", "--last"], "Fail Tester"),
        (&["--lang", "ne", "history"], "पेन्डिङ"),
        (&["--lang", "ne", "report"], "गल्लामा हुनुपर्ने नगद"),
        (&["--lang", "ne", "receipt", "--last"], "भुक्तानी भएन"),
    ] {
        let mut p = spawn_at(&home, args, 40);
        let all = p.expect(Eof).unwrap();
        let text = console::strip_ansi_codes(&String::from_utf8_lossy(all.as_bytes())).into_owned();
        for line in text.lines() {
            assert!(
                console::measure_text_width(line) <= 40,
                "{args:?}: {line:?} in\n{text}"
            );
        }
        assert!(text.contains(shown), "{args:?}: {text}");
    }
}

#[test]
fn the_counter_reconnects_when_the_shared_journal_drops_it() {
    let Some(url) = common::pg::database("counter_reconnects") else {
        return;
    };
    let home = Home::new();
    let mut p = spawn(
        &home,
        &[
            "--journal",
            &url,
            "--counter",
            "front",
            "counter",
            "--isp",
            "izone",
        ],
    );
    for (user, name) in [
        ("active", "Chandra Mani Neupane"),
        ("expired", "koshish bortaula"),
    ] {
        p.expect("Next customer's username").unwrap();
        if user == "expired" {
            // The server drops every connection between two customers (a restart, say).
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            common::pg::drop_connections(&mut admin);
        }
        pay_next(&mut p, user, name, "PAYMENT RECEIPT");
    }
    p.expect("Next customer's username").unwrap();
    p.send("\x04").unwrap();
    p.expect("Shift over: 2 paid").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let rows = konnect::journal::Journal::open(std::path::Path::new(&url), "TEST")
        .unwrap()
        .query(&konnect::journal::Filter::default())
        .unwrap();
    let states: Vec<_> = rows.iter().map(|r| r.row_state.as_str()).collect();
    assert_eq!(states, ["success", "success"], "both settled in the journal");
}

#[test]
fn a_customer_with_a_due_sees_one_figure_to_collect_and_what_the_due_means_once() {
    for cols in [80, 40] {
        let home = Home::new();
        let mut p = spawn_at(&home, &["pay", "--isp", "izone", "--user", "due"], cols);
        let view = p.expect("Package").unwrap().before().to_vec();
        p.send("\r").unwrap();
        let confirm = p.expect("and pay?").unwrap().before().to_vec();
        let both = [view, confirm].concat();
        let text = console::strip_ansi_codes(&String::from_utf8_lossy(&both)).into_owned();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat.matches("Rs. 1,500.00").count(), 1, "{cols}: {text}");
        assert_eq!(
            flat.matches("not part of this payment").count(),
            1,
            "{cols}: {text}"
        );
        assert!(flat.contains("not collected here (above)"), "{cols}: {text}");
        assert!(flat.contains("Collect Rs. 5,999.00"), "{cols}: {text}");
        assert!(!flat.contains("7,499"), "{cols}: {text}");
        p.send("n\r").unwrap();
        assert_eq!(exit_code(&mut p), 130);
        assert_eq!(home.commits(None), 0);
    }
}

/// What a terminal shows of `raw`: each line as it stands after redraws (the text after its
/// last carriage return or erase-line), without colours.
fn screen_lines(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw).replace("\x1b[2K", "\r");
    let text = console::strip_ansi_codes(&raw).replace("\r\n", "\n");
    text.split('\n')
        .map(|l| l.rsplit('\r').next().unwrap_or("").to_string())
        .collect()
}

/// No line konnect wrote is wider than the terminal: the terminal never wraps one mid-word.
fn assert_fits(raw: &[u8], cols: usize, what: &str) {
    for line in screen_lines(raw) {
        assert!(
            console::measure_text_width(&line) <= cols,
            "{what} at {cols} columns, a line the terminal would wrap: {line:?} in {:?}",
            String::from_utf8_lossy(raw)
        );
    }
}

#[test]
fn ctrl_c_while_a_payment_is_sent_returns_to_the_next_customer_and_the_shift_counts_it() {
    for cols in [80u16, 40] {
        let home = Home::new();
        let mut p = spawn_at(&home, &["counter", "--isp", "izone"], cols);
        p.expect("Next customer's username").unwrap();
        p.send("slow\r").unwrap();
        p.expect("Package").unwrap();
        p.send("\r").unwrap();
        p.expect("and pay?").unwrap();
        p.send("y\r").unwrap();
        p.expect("Paying").unwrap();
        // Typed while the commit is out (the terminal is not reading keys): a SIGINT.
        p.0.send("\x03").unwrap();
        let block = p.expect("Next customer's username").unwrap().before().to_vec();
        let text = String::from_utf8_lossy(&block).into_owned();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("! PENDING") && flat.contains("do NOT pay again"),
            "{cols}: {text}"
        );
        assert!(
            !flat.contains("give it back") && !text.contains("^C"),
            "{cols}: {text}"
        );
        // The short reference and a clock time, never "in 5 minutes".
        let rows = home.journal();
        assert_eq!(rows.len(), 1, "{rows:?}");
        let short = &rows[0].0[rows[0].0.len() - 8..];
        assert!(
            flat.contains(&format!("`konnect status {short}`")),
            "{cols}: {text}"
        );
        let at = flat.split("Look it up after ").nth(1).unwrap_or_default();
        assert!(
            at.len() >= 5 && at.as_bytes()[2] == b':' && !flat.contains("minutes"),
            "{cols}: {text}"
        );
        assert_fits(&block, usize::from(cols), "the pending block");
        // The shift went on; ? looks this shift's pending payment up, as `status` does.
        p.send("?\r").unwrap();
        p.expect("Outcome").unwrap();
        p.expect("Next customer's username").unwrap();
        p.send("\x04").unwrap();
        let end = p.expect(Eof).unwrap().as_bytes().to_vec();
        let end = String::from_utf8_lossy(&end)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // The sandbox charged it: the look-up settled it, and the summary says so.
        assert!(
            end.contains("Shift over: 1 paid, Rs. 5,999.00 collected."),
            "{cols}: {end}"
        );
        assert_eq!(exit_code(&mut p), 0, "{cols}");
        assert_eq!(home.journal()[0].1, "success");
        assert_eq!(home.commits(None), 1);
    }
}

#[test]
fn a_pending_payment_left_at_the_end_of_the_shift_is_counted_with_its_time() {
    let home = Home::new();
    let mut p = spawn_at(&home, &["counter", "--isp", "izone"], 40);
    p.expect("Next customer's username").unwrap();
    pay_next(&mut p, "queued", "Queued Tester", "! PENDING");
    p.expect("Next customer's username").unwrap();
    p.send("\x1b").unwrap();
    let end = p.expect(Eof).unwrap().as_bytes().to_vec();
    assert_fits(&end, 40, "the shift's summary");
    let end = String::from_utf8_lossy(&end)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let rows = home.journal();
    let short = &rows[0].0[rows[0].0.len() - 8..];
    assert!(
        end.contains(&format!("1 PENDING: {short}. Do NOT pay them again"))
            && end.contains("look them up after "),
        "{end}"
    );
    assert_eq!(exit_code(&mut p), 4);
}

#[test]
fn tab_at_the_counter_completes_the_customers_paid_before_as_a_shell_does() {
    let home = Home::new();
    for user in ["active", "active-1", "active-2", "expired"] {
        let package = if user == "expired" {
            "1-4412-8-1"
        } else {
            "1-13286-5-3"
        };
        let paid = common::run(home.sandbox(&common::pay_args(user, package, &[])));
        assert_eq!(paid.0, 0, "{}", paid.2);
    }
    // Last month's: the repeat guard has nothing to ask.
    rusqlite::Connection::open(home.journal_path())
        .unwrap()
        .execute("UPDATE payments SET created_ms = created_ms - 30 * 86400000", [])
        .unwrap();
    let mut p = spawn(&home, &["counter", "--isp", "izone"]);
    p.expect("Next customer's username").unwrap();
    // Nothing typed: the customers paid here before, the most recent first.
    p.send("\t").unwrap();
    p.expect("expired  active-2  active-1  active\r\n").unwrap();
    // Ctrl-U takes back what is typed, as a shell's line does.
    p.send("zz\x15").unwrap();
    p.expect("\r\x1b[0JNext customer's username: ").unwrap();
    // As far as they agree, then the list (the most recent first), then the one chosen.
    p.send("ac\t").unwrap();
    p.expect("tive").unwrap();
    p.send("\t").unwrap();
    p.expect("active-2  active-1  active").unwrap();
    p.send("-1\r").unwrap();
    p.expect("Package").unwrap();
    p.send("\x03").unwrap(); // back to the next customer
    p.expect("Next customer's username").unwrap();
    p.send("ex\t\r").unwrap();
    p.expect("koshish bortaula").unwrap();
    p.expect("Package").unwrap();
    p.send("\x03").unwrap(); // back to the next customer
    p.expect("Next customer's username").unwrap();
    p.send("\x1b").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(home.commits(None), 4, "nothing paid at the counter");
    // More than eight: the eight most recent, and how many more there are.
    let conn = rusqlite::Connection::open(home.journal_path()).unwrap();
    for i in 0..6 {
        conn.execute(
            "INSERT INTO payments (reference, created_ms, env, isp, username, customer, package_id, amount, outcome) \
             VALUES (?1, ?2, 'TEST', 'izone', ?3, 'c', 'p', '100', 'success')",
            rusqlite::params![format!("{i:032x}"), 1_000_000 + i, format!("old-{i}")],
        )
        .unwrap();
    }
    let mut p = spawn(&home, &["counter", "--isp", "izone"]);
    p.expect("Next customer's username").unwrap();
    p.send("\t").unwrap();
    p.expect("active  old-5  old-4  old-3  old-2\r\n(and 2 more: type the start)")
        .unwrap();
    p.send("\x1b").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_name_that_wrapped_at_40_columns_is_taken_back_whole() {
    let home = Home::new();
    let mut p = spawn_at(&home, &["counter", "--isp", "izone"], 40);
    p.expect("Next customer's username: ").unwrap();
    // 26 columns of question and 30 of name: the name wraps onto a second row.
    p.send("abcdefghijklmnopqrstuvwxyz1234").unwrap();
    p.expect("1234").unwrap();
    // Ctrl-U goes back up to the question's row and writes it again, then the new name.
    p.send("\x15").unwrap();
    p.expect("\x1b[1A\r\r\x1b[0JNext customer's username: ").unwrap();
    p.send("new\x7f\x7fxx").unwrap();
    p.expect("\r\x1b[0JNext customer's username: nxx").unwrap();
    p.send("\x1b").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_mistyped_username_is_asked_again_with_the_text_kept_and_a_close_customer_offered() {
    for cols in [80u16, 40] {
        let home = Home::new();
        // Paid here before: the journal knows the customer.
        let first = common::run(home.sandbox(&common::pay_args("active", "1-13286-5-3", &[])));
        assert_eq!(first.0, 0, "{}", first.2);
        // Last month's: the repeat guard (one day) has nothing to ask.
        rusqlite::Connection::open(home.journal_path())
            .unwrap()
            .execute("UPDATE payments SET created_ms = created_ms - 30 * 86400000", [])
            .unwrap();
        let mut p = spawn_at(&home, &["counter", "--isp", "izone"], cols);
        p.expect("Next customer's username").unwrap();
        p.send("actve\r").unwrap();
        let said = p
            .expect("Next customer's username: actve")
            .unwrap()
            .before()
            .to_vec();
        assert_fits(&said, usize::from(cols), "the not-found lines");
        let flat = String::from_utf8_lossy(&said)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains("No customer actve at Izone: check the username."),
            "{cols}: {flat}"
        );
        assert!(
            flat.contains("Paid here before: active (Chandra Mani Neupane)"),
            "{cols}: {flat}"
        );
        assert!(
            !flat.contains("code 4000") && !flat.contains("HTTP"),
            "{cols}: {flat}"
        );
        // Tab takes the customer offered; Enter serves them.
        p.send("\t\r").unwrap();
        p.expect("Package").unwrap();
        confirm_current_package(&mut p, "Chandra Mani Neupane", "PAYMENT RECEIPT");
        p.expect("Next customer's username").unwrap();
        p.send("\x1b").unwrap();
        p.expect("Shift over: 1 paid").unwrap();
        assert_eq!(exit_code(&mut p), 0);
        assert_eq!(home.commits(None), 2);
    }
}

#[test]
fn the_counter_screens_fit_40_columns_and_the_labels_align() {
    let home = Home::new();
    let mut p = spawn_at(&home, &["counter", "--isp", "izone"], 40);
    p.expect("Next customer's username").unwrap();
    p.send("due\r").unwrap();
    let view = p.expect("Package").unwrap().before().to_vec();
    p.send("\r").unwrap();
    let confirm = p.expect("and pay?").unwrap().before().to_vec();
    p.send("y\r").unwrap();
    let paid = p.expect("Next customer's username").unwrap().before().to_vec();
    for (what, raw) in [
        ("the customer", &view),
        ("the confirmation", &confirm),
        ("the receipt", &paid),
    ] {
        assert_fits(raw, 40, what);
    }
    // The confirmation's values start in one column.
    let lines = screen_lines(&confirm);
    let column = |label: &str| {
        let line = lines.iter().find(|l| l.trim_start().starts_with(label)).unwrap();
        line.len() - line[line.find(label).unwrap() + label.len()..].trim_start().len()
    };
    let at = column("Customer status");
    for label in ["Customer ", "ISP says due", "Package", "Collect", "Service"] {
        assert_eq!(column(label), at, "{label} in {lines:?}");
    }
    let flat = String::from_utf8_lossy(&paid)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Keep the customer's Rs. 5,999.00 (take it now if you have not)"),
        "{flat}"
    );
    p.send("\x1b").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_bad_gateway_is_told_in_a_cashiers_words_and_status_and_reconcile_end_with_the_same_block() {
    for cols in [80u16, 40] {
        let home = Home::new();
        let mut p = spawn_at(&home, &["pay", "--isp", "izone", "--user", "boom"], cols);
        p.expect("Package").unwrap();
        confirm_current_package(&mut p, "Boom Tester", "! PENDING");
        let rest = p.expect(Eof).unwrap().as_bytes().to_vec();
        assert_fits(&rest, usize::from(cols), "the pending block");
        let flat = String::from_utf8_lossy(&rest)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains("the service had a problem and gave no clear answer"),
            "{cols}: {flat}"
        );
        // ("502" alone could be in a random reference.)
        for technical in [
            "HTTP",
            "Bad Gateway",
            "html",
            "HTML",
            "127.0.0.1",
            "error:",
            "(code",
        ] {
            assert!(!flat.contains(technical), "{cols}: {technical} in {flat}");
        }
        assert_eq!(exit_code(&mut p), 4);
        // --verbose keeps the technical words for a support person.
        let mut p = spawn_at(
            &home,
            &["-v", "pay", "--isp", "izone", "--user", "boom", "--allow-repeat"],
            cols,
        );
        p.expect("Package").unwrap();
        confirm_current_package(&mut p, "Boom Tester", "! PENDING");
        let said = p.expect(Eof).unwrap().as_bytes().to_vec();
        let said = String::from_utf8_lossy(&said)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(said.contains("HTTP 502"), "{cols}: {said}");
        assert_eq!(exit_code(&mut p), 4);
        // status and reconcile end a payment that is still pending with the same block.
        let rows = home.journal();
        let short = rows[0].0[rows[0].0.len() - 8..].to_string();
        for args in [&["status", short.as_str()][..], &["reconcile"]] {
            let mut p = spawn_at(&home, args, cols);
            let out = p.expect(Eof).unwrap().as_bytes().to_vec();
            assert_fits(&out, usize::from(cols), args[0]);
            let flat = String::from_utf8_lossy(&out)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains("! PENDING") && flat.contains("do NOT pay") && !flat.contains("error:"),
                "{cols} {args:?}: {flat}"
            );
            assert!(
                !flat.contains("in 5 minutes"),
                "{cols} {args:?}: a clock time: {flat}"
            );
            assert_eq!(exit_code(&mut p), 4, "{cols} {args:?}");
        }
    }
}

#[test]
fn the_counter_in_nepali_fits_80_and_40_columns_and_says_what_to_do_with_the_cash() {
    for cols in [80u16, 40] {
        let home = Home::new();
        let mut p = spawn_at(&home, &["--lang", "ne", "counter", "--isp", "izone"], cols);
        p.expect("अर्को ग्राहकको युजरनेम").unwrap();
        p.send("due\r").unwrap();
        let view = p.expect("प्याकेज").unwrap().before().to_vec();
        p.send("\r").unwrap();
        let confirm = p.expect("भुक्तानी गर्ने?").unwrap().before().to_vec();
        p.send("y\r").unwrap();
        let paid = p.expect("अर्को ग्राहकको युजरनेम").unwrap().before().to_vec();
        p.send("queued\r").unwrap();
        p.expect("प्याकेज").unwrap();
        p.send("\r").unwrap();
        p.expect("भुक्तानी गर्ने?").unwrap();
        p.send("y\r").unwrap();
        let pending = p.expect("अर्को ग्राहकको युजरनेम").unwrap().before().to_vec();
        p.send("\x1b").unwrap();
        let end = p.expect(Eof).unwrap().as_bytes().to_vec();
        for (what, raw) in [
            ("the customer", &view),
            ("the confirmation", &confirm),
            ("the receipt", &paid),
            ("the pending block", &pending),
            ("the shift's summary", &end),
        ] {
            assert_fits(raw, usize::from(cols), what);
        }
        let flat = |raw: &[u8]| {
            console::strip_ansi_codes(&String::from_utf8_lossy(raw))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let view = flat(&view);
        assert!(
            view.contains("ISP को बाँकी") && view.contains("रु. १,५००.००"),
            "{cols}: {view}"
        );
        assert!(view.contains("वि.सं. २०७८-०१-१७"), "BS first: {view}");
        let paid = flat(&paid);
        assert!(
            paid.contains("भुक्तानी रसिद") && paid.contains("ग्राहकको रु. ५,९९९.०० राख्नुहोस्"),
            "{cols}: {paid}"
        );
        let pending = flat(&pending);
        assert!(
            pending.contains("! पेन्डिङ") && pending.contains("ग्राहकलाई पैसा नफर्काउनुहोस्"),
            "{cols}: {pending}"
        );
        assert!(
            !pending.contains("Keep the customer") && !pending.contains("error:"),
            "{cols}: {pending}"
        );
        let end = flat(&end);
        assert!(
            end.contains("सिफ्ट सकियो: १ वटा भुक्तानी भयो, जम्मा रु. ५,९९९.०० उठ्यो। १ वटा पेन्डिङ"),
            "{cols}: {end}"
        );
        assert_eq!(exit_code(&mut p), 4);
    }
}
