#!/usr/bin/env python3
"""What a Tab costs on a year's journal: 100,000 rows against an empty journal.

Builds the release binary, makes two sandbox homes (one journal with a single payment, one
with the rows of bench/year.py: a year of a busy shop, plus 20 unsettled payments), and
times, alternating the two homes, each completion a shell asks for (the whole process, as
`KONNECT_COMPLETE=fish konnect -- konnect WORDS` answers it): the commands alone, `status`
and `receipt` references (and typed characters, which search the whole journal: a short
reference's start through the tail index, a whole reference's start past its length),
`--user` customers (at an ISP, and at any), `--date` days.
Prints medians, the slowest run, and the ratio to the empty journal. The target is 30 ms.
Never leaves loopback. Usage: python3 bench/completion.py [--rows N] [--runs N]
"""

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import year  # noqa: E402  (the same binary, homes and rows)

CASES = [
    ("commands (konnect <TAB>)", [""]),
    ("status <TAB>", ["--sandbox", "status", ""]),
    ("receipt <TAB>", ["--sandbox", "receipt", ""]),
    ("status 3<TAB> (one character, the whole journal)", ["--sandbox", "status", "3"]),
    ("receipt 3f<TAB> (the whole journal)", ["--sandbox", "receipt", "3f"]),
    ("receipt 0000000000<TAB> (a whole reference's start)", ["--sandbox", "receipt", "0000000000"]),
    ("receipt 3f3f3f3f3f<TAB> (no such start)", ["--sandbox", "receipt", "3f3f3f3f3f"], False),
    ("pay --isp izone --user <TAB>", ["--sandbox", "pay", "--isp", "izone", "--user", ""]),
    ("pay --user <TAB> (any ISP)", ["--sandbox", "pay", "--user", ""]),
    ("report --date <TAB>", ["--sandbox", "report", "--date", ""]),
]


def tab(binary, home, words, must_answer):
    """Wall time of one completion, in ms; it must say nothing on stderr, and answer something
    on the year's journal."""
    env = year.home_env(home)
    env["KONNECT_COMPLETE"] = "fish"
    started = time.perf_counter()
    done = subprocess.run([binary, "--", "konnect"] + words, env=env, capture_output=True)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0 or done.stderr or (must_answer and not done.stdout):
        sys.exit(f"completion.py: {words} answered {done.returncode}, {done.stdout[:80]!r}, {done.stderr!r}")
    return elapsed


def unsettled(journal, n):
    """n pending payments of today, as an interrupted counter leaves them."""
    now_ms = int(time.time() * 1000)
    conn = sqlite3.connect(journal)
    conn.executemany(
        "INSERT INTO payments (reference, created_ms, env, isp, username, customer, customer_name, "
        "package_id, amount, outcome) VALUES (?, ?, 'TEST', 'izone', ?, ?, 'Pending Customer', "
        "'1-13286-5-3', '5999', 'pending')",
        [("%032x" % (0xabc000 + i), now_ms - i * 1000, f"98000{i:05d}", f"98000{i:05d}") for i in range(n)])
    conn.commit()
    conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    opts = parser.parse_args()
    binary = year.build()
    top = tempfile.mkdtemp(prefix="konnect-tab-")
    try:
        empty, full = os.path.join(top, "empty"), os.path.join(top, "year")
        for home in (empty, full):
            os.makedirs(home)
            year.run(binary, home, year.PAY)
        journal = os.path.join(full, "data", "konnect", "sandbox", "journal.sqlite3")
        year.fill(journal, opts.rows)
        unsettled(journal, 20)
        size = os.path.getsize(journal)
        times = {(case[0], home): [] for case in CASES for home in (empty, full)}
        for name, words, *answers in CASES:
            must = answers[0] if answers else True
            for home in (empty, full):
                tab(binary, home, words, must and home == full)  # warm the page cache
            for _ in range(opts.runs):
                for home in (empty, full):
                    times[(name, home)].append(tab(binary, home, words, must and home == full))
        median = statistics.median
        print(f"journal: {opts.rows:,} rows, {size / 1e6:.1f} MB; {opts.runs} runs each, medians (slowest)")
        print(f"{'completion':52} {'empty journal':>16} {'a year of rows':>18}  ratio")
        for name, *_ in CASES:
            e, y = times[(name, empty)], times[(name, full)]
            print(f"{name:52} {median(e):7.2f} ({max(e):5.2f}) {median(y):9.2f} ({max(y):5.2f})"
                  f"  {median(y) / median(e):.2f}x")
    finally:
        shutil.rmtree(top)


if __name__ == "__main__":
    main()
