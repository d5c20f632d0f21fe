#!/usr/bin/env python3
"""A year of a busy shop: 100,000 journal rows against an empty journal.

Builds the release binary, makes two sandbox homes (one journal with a single payment, one
with 100,000 rows spread over the last 365 days: 3,000 customers at five ISPs, mostly paid,
some failed), and times, alternating the two homes, `pay` (the whole process: start-up, the
sandbox on loopback, the journal's guard, the write-ahead row, the commit, the settle) and,
on the year's journal, `history`, `report` and `reconcile`. Prints medians and the ratio.
Never leaves loopback. Usage: python3 bench/year.py [--rows N] [--runs N]
"""

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAY = ["--sandbox", "--json", "--no-input", "pay", "--isp", "izone", "--user", "active",
       "--package", "1-13286-5-3", "--yes", "--allow-repeat"]


def build():
    subprocess.run(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "konnect")


def home_env(home):
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("KONNECT_") or k.startswith("XDG_") or k.lower().endswith("_proxy"))}
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), NO_COLOR="1")
    return env


def run(binary, home, args):
    """Wall time of one konnect process, in ms; the sandbox's credits are reset first."""
    state = os.path.join(home, "data", "konnect", "sandbox", "state.json")
    if os.path.exists(state):
        os.remove(state)
    started = time.perf_counter()
    done = subprocess.run([binary] + args, env=home_env(home), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        sys.exit(f"year.py: konnect {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return elapsed


def fill(journal, rows):
    """Rows as konnect writes them, over the last 365 days, in one transaction."""
    rng = random.Random(2026)
    now_ms = int(time.time() * 1000)
    isps = ["izone", "worldlink", "vianet", "subisu", "classictech"]
    customers = [(rng.choice(isps), f"98{rng.randrange(10**8):08d}") for _ in range(3000)]
    conn = sqlite3.connect(journal)
    batch = []
    for i in range(rows):
        isp, user = customers[rng.randrange(len(customers))]
        created = now_ms - rng.randrange(365 * 24 * 3600 * 1000) - 60_000
        outcome = "success" if rng.random() < 0.95 else "failed"
        reference = "%032x" % rng.getrandbits(128)
        batch.append((reference, created, created + 900, "TEST", isp, user, user, f"Customer {i % 3000}",
                      "1-13286-5-3", "Fiber 100 Mbps 3 months", "5999", outcome,
                      "Success" if outcome == "success" else "Failed",
                      str(10_000_000 + i) if outcome == "success" else None,
                      "front" if i % 2 else "back", created + 30_000))
    conn.executemany(
        "INSERT INTO payments (reference, created_ms, settled_ms, env, isp, username, customer, "
        "customer_name, package_id, package_name, amount, outcome, state, transaction_id, counter, "
        "answer_due_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    opts = parser.parse_args()
    binary = build()
    top = tempfile.mkdtemp(prefix="konnect-year-")
    try:
        empty, year = os.path.join(top, "empty"), os.path.join(top, "year")
        for home in (empty, year):
            os.makedirs(home)
            run(binary, home, PAY)  # the journal exists, with its schema and one payment
        journal = os.path.join(year, "data", "konnect", "sandbox", "journal.sqlite3")
        fill(journal, opts.rows)
        size = os.path.getsize(journal)
        for home in (empty, year):
            run(binary, home, PAY)  # warm: the day's copy is made once, the page cache is filled
        pays = {empty: [], year: []}
        for _ in range(opts.runs):
            for home in (empty, year):
                pays[home].append(run(binary, home, PAY))
        reads = {}
        for name, args in [("history", ["--sandbox", "history"]),
                           ("history --since 2026-01-01 (a year)",
                            ["--sandbox", "history", "--since", "2026-01-01", "--limit", "100000"]),
                           ("report", ["--sandbox", "report"]),
                           ("reconcile", ["--sandbox", "reconcile"])]:
            run(binary, year, args)
            reads[name] = [run(binary, year, args) for _ in range(opts.runs)]
        median = statistics.median
        print(f"journal: {opts.rows:,} rows, {size / 1e6:.1f} MB; {opts.runs} runs each, medians")
        print(f"{'pay, empty journal':40} {median(pays[empty]):7.2f} ms")
        print(f"{'pay, a year of rows':40} {median(pays[year]):7.2f} ms"
              f"   ({median(pays[year]) / median(pays[empty]):.2f}x)")
        for name, times in reads.items():
            print(f"{name:40} {median(times):7.2f} ms   (max {max(times):.2f})")
    finally:
        shutil.rmtree(top)


if __name__ == "__main__":
    main()
