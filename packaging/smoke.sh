#!/usr/bin/env bash
# Smoke test of the Linux bundle from a clean environment (no Python on PATH, a fresh home):
#   packaging/smoke.sh dist/ihrp-desktop-<version>-linux-<arch>.tar.gz
# It unpacks the archive, installs it with install.sh into the fresh home, and runs the command
# line (--version, forms, blank, init --demo, list, print, verify), checks that the command line
# loads no Qt, and opens the window offscreen on the demo vault until it is shown.
set -euo pipefail
archive=$(realpath "$1")
version=$(basename "$archive" | sed -E 's/^ihrp-desktop-([^-]+)-.*/\1/')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
home="$work/home"
mkdir -p "$home"
clean() { env -i PATH=/usr/bin:/bin HOME="$home" QT_QPA_PLATFORM=offscreen "$@"; }
clean sh "$work"/ihrp-desktop-*/install.sh
bin="$home/.local/bin"
say() { printf '== %s\n' "$*"; }

say "--version"
out=$(clean "$bin/ihrp-desktop" --version)
[ "$out" = "ihrp-desktop $version" ] || { echo "unexpected version: $out"; exit 1; }
say "forms"
clean "$bin/ihrp-desktop" forms | grep -q optimal_use_plan
say "the command line loads no Qt"
# The dynamic loader names every library it loads (LD_DEBUG): the bundle's Python runs with its own
# settings and ignores -X importtime, so the loader is asked instead.
clean LD_DEBUG=files "$bin/ihrp-desktop" forms >/dev/null 2>"$work/loaded"
grep -q "libpython3" "$work/loaded" || { echo "LD_DEBUG printed nothing"; exit 1; }
if grep -Eq "shiboken6|pyside6|libQt6" "$work/loaded"; then echo "the command line loaded Qt"; exit 1; fi
say "blank"
clean "$bin/ihrp-desktop" blank optimal_use_plan -o "$work/blank.pdf"
head -c 5 "$work/blank.pdf" | grep -q "%PDF-"
vault="$work/vault"
say "init --demo"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" init --demo --vault "$vault" --passphrase-stdin
say "list"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" list --vault "$vault" --passphrase-stdin \
    > "$work/list"
id=$(grep -m1 -oE "worksheet [0-9]+" "$work/list" | cut -d' ' -f2)
[ -n "$id" ] || { echo "list shows no worksheet"; exit 1; }
say "print"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" print "$id" --vault "$vault" -o "$work/sheet.pdf" \
    --passphrase-stdin
head -c 5 "$work/sheet.pdf" | grep -q "%PDF-"
say "verify"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" verify --vault "$vault" --passphrase-stdin
say "the window, shown offscreen with the demo vault"
clean IHRP_QUIT_WHEN_SHOWN=1 "$bin/ihrp-desktop-gui" --vault "$vault" 2>&1 | tee "$work/window"
grep -q "the window was shown" "$work/window"
say "ihrp-desktop without a command opens the window too"
clean IHRP_QUIT_WHEN_SHOWN=1 "$bin/ihrp-desktop" --vault "$vault" 2>&1 | grep -q "the window was shown"
say "per-user folders as the installed package (platformdirs)"
[ -d "$home/.config/IHRP Desktop" ] || [ -d "$home/.local/share/IHRP Desktop" ] \
    || { echo "no per-user folder under $home"; ls -laR "$home" | head -40; exit 1; }
say "uninstall"
clean sh "$work"/ihrp-desktop-*/install.sh --uninstall
[ ! -e "$bin/ihrp-desktop" ] && [ -d "$vault" ]
echo "smoke test passed"
