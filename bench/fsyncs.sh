#!/usr/bin/env bash
# Counts the fsyncs of one sandbox pay on an existing SQLite journal, with strace: what a
# payment costs the counter's disk. Usage: bash bench/fsyncs.sh [PAYS] (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "fsyncs.sh: needs strace (apt-get install strace)" >&2; exit 2; }
pays=${1:-5}
cargo build --release --locked -q
bin=$PWD/target/release/konnect
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config NO_COLOR=1
pay() { "$bin" --sandbox --json --no-input pay --isp izone --user active --package 1-13286-5-3 --yes --allow-repeat >/dev/null 2>&1; }
pay # the journal exists, as at a counter that has paid before
printf '%-6s %s\n' pay fsyncs
for i in $(seq "$pays"); do
    strace -f -qq -e trace=fsync,fdatasync,sync_file_range,msync -o "$home/trace" "$bin" --sandbox --json --no-input \
        pay --isp izone --user active --package 1-13286-5-3 --yes --allow-repeat >/dev/null 2>&1
    printf '%-6s %s\n' "$i" "$(grep -cv resumed "$home/trace")"
    # A command that only reads, between payments, as an owner's `report` would be.
    [ "$i" = 2 ] && "$bin" --sandbox report >/dev/null 2>&1
done
