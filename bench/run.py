#!/usr/bin/env python3
"""konnect's benchmarks, against `konnect sandbox` on loopback (never the real service).

    python3 bench/run.py [--runs N]

Builds the release binary, starts the sandbox, and for each comparison alternates the two
sides in one run, reporting medians and ratios as a Markdown table on stdout.
Needs: cargo, curl, /usr/bin/time (GNU time), bash.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "konnect")
DETAILS = "/api/servicegroup/details/konnect/"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=40, help="runs per side for single-call comparisons")
    ap.add_argument("--batch", type=int, default=1000, help="lookups in the batch comparison")
    ap.add_argument("--batch-runs", type=int, default=3)
    args = ap.parse_args()
    for tool in ("curl", "bash"):
        if not shutil.which(tool):
            sys.exit(f"bench needs {tool}")
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)

    home = tempfile.mkdtemp(prefix="konnect-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KONNECT_", "XDG_"))}
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config", NO_COLOR="1")
    sandbox = subprocess.Popen([BIN, "sandbox", "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        base = sandbox.stdout.readline().strip().split("=", 1)[1]
        token = sandbox.stdout.readline().strip().split("=", 1)[1]
        env.update(KONNECT_BASE_URL=base, KONNECT_TOKEN=token)
        rows = run_all(args, env, base, token, home)
    finally:
        sandbox.kill()
        shutil.rmtree(home, ignore_errors=True)
    print("| measure | konnect | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


def timed(cmd, env, stdin=None):
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin, check=False)
    return time.perf_counter() - started


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def curl_lookup(base, token, reference):
    body = json.dumps({"token": token, "username": "active", "reference": reference, "service_slug": "izone"})
    return ["curl", "-s", "-X", "POST", "-H", "Content-Type: application/json", "-d", body, base + DETAILS]


def peak_rss_kb(cmd, env):
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr
    for line in out.splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1])
    raise RuntimeError("no RSS in /usr/bin/time output")


def run_all(args, env, base, token, home):
    rows = []
    lookup = [BIN, "-q", "--json", "lookup", "--isp", "izone", "--user", "active"]
    # Warm both sides once (page cache, sandbox threads).
    timed(lookup, env)
    timed(curl_lookup(base, token, "benchwarm"), env)

    # (a) one lookup: konnect vs curl, alternating.
    k, c = [], []
    for i in range(args.runs):
        k.append(timed(lookup, env))
        c.append(timed(curl_lookup(base, token, f"bencha{i}"), env))
    mk, mc = statistics.median(k), statistics.median(c)
    rows.append(["(a) one lookup, median wall time", ms(mk), f"curl {ms(mc)}", f"{mk / mc:.2f}x", "<= 0.5x"])

    # (b) start-up.
    k, c = [], []
    for _ in range(args.runs):
        k.append(timed([BIN, "--version"], env))
        c.append(timed(["curl", "--version"], env))
    mk, mc = statistics.median(k), statistics.median(c)
    rows.append(["(b) start-up (`--version`), median", ms(mk), f"curl {ms(mc)}", f"{mk / mc:.2f}x", "-"])

    # (c) peak RSS of one lookup.
    rk = statistics.median(peak_rss_kb(lookup, env) for _ in range(5))
    rc = statistics.median(peak_rss_kb(curl_lookup(base, token, f"benchc{i}"), env) for i in range(5))
    rows.append(["(c) peak RSS of one lookup", f"{rk / 1024:.1f} MB", f"curl {rc / 1024:.1f} MB", f"{rk / rc:.2f}x", "<= 10 MB"])

    # (d) many lookups: a shell loop of curl vs the batch mode.
    users = os.path.join(home, "users.txt")
    with open(users, "w") as f:
        f.write("active\n" * args.batch)
    batch = [BIN, "-q", "lookup", "--isp", "izone", "--users-from", users, "--jobs", "4"]
    body = ('{"token":"%s","username":"active","reference":"loop${R}x$i","service_slug":"izone"}' % token)
    loop = ["bash", "-c",
            f'for i in $(seq {args.batch}); do curl -s -X POST -H "Content-Type: application/json" '
            f"-d \"{body.replace(chr(34), chr(92) + chr(34))}\" {base}{DETAILS} >/dev/null; done"]
    k, c = [], []
    for r in range(args.batch_runs):
        k.append(timed(batch, env))
        c.append(timed(loop, dict(env, R=str(r))))
    mk, mc = statistics.median(k), statistics.median(c)
    rows.append([f"(d) {args.batch} lookups, median", ms(mk), f"curl loop {ms(mc)}", f"{mc / mk:.1f}x faster", ">= 30x faster"])

    size = os.path.getsize(BIN)
    rows.append(["release binary size", f"{size / 1e6:.2f} MB", "-", "-", "<= 8 MB"])
    return rows


if __name__ == "__main__":
    main()
