#!/usr/bin/env python3
"""What Nepali costs a cashier's run: the human lookup view, and a pay with its receipt, in
English and in Nepali, against `konnect sandbox` on loopback (never the real service).

    python3 bench/lang.py [--runs N]

Builds the release binary, starts the sandbox, alternates the two languages run by run,
and prints the medians and their ratio as a Markdown table on stdout.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "konnect")


def timed(cmd, env):
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    home = tempfile.mkdtemp(prefix="konnect-lang-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KONNECT_", "XDG_", "LC_", "LANG"))}
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config", NO_COLOR="1")
    # Credits for every pay the runs make (the sandbox's default runs out after 16).
    sandbox = subprocess.Popen([BIN, "sandbox", "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env={**env, "KONNECT_SANDBOX_CREDITS": "100000000"},
                               text=True)
    try:
        env["KONNECT_BASE_URL"] = sandbox.stdout.readline().strip().split("=", 1)[1]
        env["KONNECT_TOKEN"] = sandbox.stdout.readline().strip().split("=", 1)[1]
        cases = {
            "lookup view (human)": ["lookup", "--isp", "izone", "--user", "due"],
            "pay and its receipt (human)": ["--no-input", "pay", "--isp", "izone", "--user", "active",
                                            "--package", "1-13286-5-3", "--yes", "--allow-repeat"],
        }
        print("| measure | en | ne | ne / en |")
        print("|---|---|---|---|")
        for name, cmd in cases.items():
            times = {"en": [], "ne": []}
            for _ in range(args.runs):
                for lang in ("en", "ne"):
                    times[lang].append(timed([BIN, "--lang", lang] + cmd, env))
            en, ne = statistics.median(times["en"]), statistics.median(times["ne"])
            print(f"| {name}, median of {args.runs} | {en * 1000:.2f} ms | {ne * 1000:.2f} ms | {ne / en:.2f}x |")
    finally:
        sandbox.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
