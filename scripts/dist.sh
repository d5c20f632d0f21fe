#!/usr/bin/env bash
# Builds what ships, into target/dist/:
#   konnect-VERSION-x86_64-unknown-linux-musl.tar.gz   a static Linux binary
#   konnect-VERSION-x86_64-pc-windows-gnu.zip          konnect.exe
#   SHA256SUMS                                         over both (sha256sum -c SHA256SUMS)
# Each archive holds one folder konnect-VERSION-TARGET/ with the binary, README.md, LICENSE,
# the completion scripts (bash, zsh, fish, elvish, PowerShell), the man page and the
# installer (install.sh, install.ps1). Installs what it needs where it can (rustup's targets;
# Debian's musl-tools, gcc-mingw-w64-x86-64 and zip when run as root); otherwise it says what
# is missing in one line and exits 1. Usage: bash scripts/dist.sh [--target TRIPLE]...
set -euo pipefail
cd "$(dirname "$0")/.."

linux=x86_64-unknown-linux-musl
windows=x86_64-pc-windows-gnu
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --target) targets+=("$2"); shift 2 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "dist.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("$linux" "$windows")

fail() { echo "dist.sh: $*" >&2; exit 1; }

# A Debian package for a command that is missing: installed when we are root, else named.
need() {
    local cmd=$1 package=$2
    command -v "$cmd" >/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "dist.sh: installing $package" >&2
        export DEBIAN_FRONTEND=noninteractive
        { apt-get install -y -q "$package" || { apt-get update -q && apt-get install -y -q "$package"; }; } >/dev/null \
            || fail "could not install $package (apt-get install $package)"
    fi
    command -v "$cmd" >/dev/null || fail "needs $cmd: install Debian's $package (apt-get install $package)"
}

command -v cargo >/dev/null || fail "needs cargo (rustup)"
command -v rustup >/dev/null || fail "needs rustup, to add the targets"
need sha256sum coreutils
need tar tar

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || fail "no version in Cargo.toml"
dist=target/dist
rm -rf "$dist"
mkdir -p "$dist"

# What each target needs, then one build for all of them: cargo runs their jobs side by side,
# so one target's long single-threaded link (fat LTO) overlaps the other's work.
target_args=()
for target in "${targets[@]}"; do
    rustup target list --installed | grep -x "$target" >/dev/null \
        || rustup target add "$target" >/dev/null 2>&1 \
        || fail "could not add the Rust target $target (rustup target add $target)"
    case "$target" in
        *-linux-musl)
            need musl-gcc musl-tools
            export CC_x86_64_unknown_linux_musl=musl-gcc ;;
        *-windows-gnu)
            need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
            need zip zip ;;
        *) fail "cannot build for $target (only $linux and $windows)" ;;
    esac
    target_args+=(--target "$target")
done
echo "dist.sh: building ${targets[*]}" >&2
cargo build --release --locked "${target_args[@]}" \
    || fail "the build for ${targets[*]} failed (see above)"

for target in "${targets[@]}"; do
    case "$target" in
        *-windows-gnu) exe=konnect.exe ;;
        *) exe=konnect ;;
    esac
    bin=target/$target/release/$exe
    size=$(stat -c %s "$bin")
    [ "$size" -le $((8 * 1024 * 1024)) ] || fail "$bin is $size bytes, over the 8 MiB a release may be"

    name=konnect-$version-$target
    stage=$dist/stage/$name
    mkdir -p "$stage/completions"
    cp "$bin" README.md LICENSE doc/konnect.1 scripts/install.sh scripts/install.ps1 "$stage/"
    cp completions/* "$stage/completions/"
    # The archive is the same whoever builds it, whenever: files in name order, their
    # times the commit's, no owner.
    stamp=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
    find "$stage" -exec touch -h -d "@$stamp" {} +
    case "$target" in
        *-windows-gnu)
            (cd "$dist/stage" && find "$name" | LC_ALL=C sort | zip -q -X -@ "../$name.zip") ;;
        *)
            tar -C "$dist/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
                -czf "$dist/$name.tar.gz" "$name" ;;
    esac
done
rm -rf "$dist/stage"
(cd "$dist" && sha256sum -- *.tar.gz *.zip 2>/dev/null > SHA256SUMS && sha256sum -c --quiet SHA256SUMS) \
    || fail "the checksums do not verify"
echo "dist.sh: wrote $dist:" >&2
(cd "$dist" && ls -l -- *) >&2
