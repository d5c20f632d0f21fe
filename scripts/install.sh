#!/bin/sh
# Installs konnect from this unpacked release folder, for this user, without any network:
#   the binary     PREFIX/bin/konnect                     (PREFIX: ~/.local by default)
#   the man page   PREFIX/share/man/man1/konnect.1
#   completions    bash: $XDG_DATA_HOME/bash-completion/completions/konnect
#                  zsh:  PREFIX/share/zsh/site-functions/_konnect
#                  fish: $XDG_CONFIG_HOME/fish/completions/konnect.fish
# Run it again from a newer release to upgrade in place. It never touches konnect's config
# or journal. Usage: sh install.sh [--prefix DIR] [--no-modify-path] [--dry-run]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${HOME:?HOME is not set}/.local
modify_path=yes
dry=
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
                  prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --no-modify-path) modify_path=; shift ;;
        --dry-run) dry=yes; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
case "$prefix" in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

[ -f "$here/konnect" ] || {
    echo "install.sh: no konnect binary beside this script; run it from the unpacked release folder" >&2
    exit 2
}
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
bin=$prefix/bin

say() { echo "install.sh: $*"; }
# Copies a file into place through a temporary name, so that a konnect running meanwhile keeps
# its old binary and the new one appears whole.
put() {
    src=$1 dest=$2 mode=$3
    if [ -n "$dry" ]; then
        say "would install $dest"
        return
    fi
    mkdir -p "$(dirname "$dest")"
    tmp=$dest.new.$$
    cp "$src" "$tmp" && chmod "$mode" "$tmp" && mv -f "$tmp" "$dest" || {
        rm -f "$tmp"
        echo "install.sh: cannot write $dest" >&2
        exit 1
    }
}

before=
[ -x "$bin/konnect" ] && before=$("$bin/konnect" --version 2>/dev/null || true)
put "$here/konnect" "$bin/konnect" 755
put "$here/konnect.1" "$prefix/share/man/man1/konnect.1" 644
put "$here/completions/konnect.bash" "$data/bash-completion/completions/konnect" 644
put "$here/completions/_konnect" "$prefix/share/zsh/site-functions/_konnect" 644
put "$here/completions/konnect.fish" "$config/fish/completions/konnect.fish" 644

if [ -z "$dry" ]; then
    after=$("$bin/konnect" --version 2>/dev/null) || {
        echo "install.sh: $bin/konnect was installed but does not run on this machine" >&2
        exit 1
    }
    if [ -n "$before" ] && [ "$before" != "$after" ]; then
        say "upgraded $before to $after in $bin"
    elif [ -n "$before" ]; then
        say "reinstalled $after in $bin"
    else
        say "installed $after in $bin"
    fi
fi

case ":${PATH:-}:" in
    *":$bin:"*) ;;
    *)
        profile=$HOME/.profile
        line="export PATH=\"$bin:\$PATH\"  # added by konnect's install.sh"
        if [ -z "$modify_path" ]; then
            say "$bin is not on your PATH; add it: $line"
        elif [ -n "$dry" ]; then
            say "would add $bin to PATH in $profile"
        elif grep -qsF "$line" "$profile"; then
            say "$bin is on PATH from your next login ($profile says so)"
        else
            printf '\n%s\n' "$line" >> "$profile"
            say "added $bin to PATH in $profile: it takes effect at your next login (now: export PATH=\"$bin:\$PATH\")"
        fi ;;
esac
say "zsh finds the completions once $prefix/share/zsh/site-functions is in fpath (fpath+=($prefix/share/zsh/site-functions) in ~/.zshrc)"
