#!/usr/bin/env bash
# Smoke test of an installed IHRP Desktop from a clean environment (no Python on PATH, a fresh home):
#   packaging/smoke.sh dist/ihrp-desktop-<version>-linux-<arch>.tar.gz   (Linux: installs it with
#                                                                          install.sh, checks, uninstalls)
#   packaging/smoke.sh FOLDER VERSION     (a folder holding the installed programs: Windows, macOS)
# It runs the command line (--version, forms, blank, init --demo, list, print, verify), checks on Linux
# that the command line loads no Qt, and opens the window offscreen on the demo vault until it is shown.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home="$work/home"
mkdir -p "$home"
if [ -f "$1" ]; then
    archive=$(realpath "$1")
    version=$(basename "$archive" | sed -E 's/^ihrp-desktop-([^-]+)-.*/\1/')
    tar -xzf "$archive" -C "$work"
    installed_by_script=1
else
    bin=$(cd "$1" && pwd)
    version=$2
    installed_by_script=0
fi
case "$(uname -s)" in
    Linux) clean() { env -i PATH=/usr/bin:/bin HOME="$home" QT_QPA_PLATFORM=offscreen "$@"; } ;;
    # Windows and macOS need some of their own variables (SYSTEMROOT, TMPDIR...): a fresh home only.
    *) clean() { env HOME="$home" USERPROFILE="$home" APPDATA="$home/AppData/Roaming" \
                     LOCALAPPDATA="$home/AppData/Local" QT_QPA_PLATFORM=offscreen "$@"; } ;;
esac
if [ "$installed_by_script" = 1 ]; then
    clean sh "$work"/ihrp-desktop-*/install.sh
    bin="$home/.local/bin"
fi
say() { printf '== %s\n' "$*"; }

say "--version"
out=$(clean "$bin/ihrp-desktop" --version)
[ "$out" = "ihrp-desktop $version" ] || { echo "unexpected version: $out"; exit 1; }
say "forms"
clean "$bin/ihrp-desktop" forms | grep -q optimal_use_plan
if [ "$(uname -s)" = Linux ]; then
    say "the command line loads no Qt"
    # The dynamic loader names every library it loads (LD_DEBUG): the bundle's Python runs with its own
    # settings and ignores -X importtime, so the loader is asked instead.
    clean LD_DEBUG=files "$bin/ihrp-desktop" forms >/dev/null 2>"$work/loaded"
    grep -q "libpython3" "$work/loaded" || { echo "LD_DEBUG printed nothing"; exit 1; }
    if grep -Eq "shiboken6|pyside6|libQt6" "$work/loaded"; then echo "the command line loaded Qt"; exit 1; fi
fi
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
if [ "$(uname -s)" = Linux ]; then
    say "core dumps are off while a passphrase is awaited (core/hardening.py)"
    mkfifo "$work/in"
    env -i PATH=/usr/bin:/bin HOME="$home" "$bin/ihrp-desktop" list --vault "$vault" --passphrase-stdin \
        <"$work/in" >/dev/null &
    pid=$!
    exec 3>"$work/in"
    for _ in $(seq 100); do
        grep -Eq "^Max core file size +0 +0 " "/proc/$pid/limits" 2>/dev/null && break
        sleep 0.1
    done
    grep -E "^Max core file size +0 +0 " "/proc/$pid/limits" || { echo "core dumps are on"; exit 1; }
    echo "smoke test passphrase" >&3
    exec 3>&-
    wait "$pid"
fi
# IHRP_QUIT_WHEN_SHOWN: the app quits once its window is shown, exit 0 (1 if it is not visible); it
# says so on stderr, which a windowed program on Windows does not have.
say "the window, shown offscreen with the demo vault"
clean IHRP_QUIT_WHEN_SHOWN=1 "$bin/ihrp-desktop-gui" --vault "$vault" >"$work/window" 2>&1 \
    || { cat "$work/window"; echo "the window did not open"; exit 1; }
if [ "$(uname -s)" = Linux ]; then grep -q "the window was shown" "$work/window"; fi
say "ihrp-desktop without a command opens the window too"
clean IHRP_QUIT_WHEN_SHOWN=1 "$bin/ihrp-desktop" --vault "$vault" >"$work/window" 2>&1 \
    || { cat "$work/window"; echo "the window did not open"; exit 1; }
if [ "$(uname -s)" = Linux ]; then grep -q "the window was shown" "$work/window"; fi
if [ "$installed_by_script" = 1 ]; then
    say "per-user folders as the installed package (platformdirs)"
    [ -d "$home/.local/state/IHRP Desktop" ] || { echo "no per-user folder under $home"; exit 1; }
    say "uninstall"
    clean sh "$work"/ihrp-desktop-*/install.sh --uninstall
    [ ! -e "$bin/ihrp-desktop" ] && [ -d "$vault" ]
fi
echo "smoke test passed"
