#!/usr/bin/env bash
# Smoke test of an installed IHRP Desktop from a clean environment (no Python on PATH, a fresh home):
#   packaging/smoke.sh dist/ihrp-desktop-<version>-linux-<arch>.tar.gz   (Linux: installs it with
#                                                                          install.sh, checks, uninstalls)
#   packaging/smoke.sh FOLDER VERSION     (a folder holding the installed programs: Windows, macOS)
# It runs the command line (--version, forms, blank, init --demo, list, practice --confirm, print, report,
# verify),
# checks that the PDFs are PDF/A with their fonts embedded, checks on Linux that the command line loads no
# Qt, and opens the window offscreen on the demo vault until it is shown.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home="$work/a home"  # a space, which the menu entry must quote (install.sh)
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
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$home/.local/share/applications/ihrp-desktop.desktop"
    fi
fi
say() { printf '== %s\n' "$*"; }
# A PDF/A file: its XMP metadata declares the PDF/A part, and (where poppler's pdffonts is installed)
# every font is embedded.
pdf_a() {
    head -c 5 "$1" | grep -q "%PDF-" || { echo "$1 is not a PDF"; exit 1; }
    grep -aq "<pdfaid:part>2</pdfaid:part>" "$1" || { echo "$1 does not declare PDF/A-2"; exit 1; }
    if command -v pdffonts >/dev/null; then
        pdffonts "$1" | tail -n +3 >"$work/fonts"
        [ -s "$work/fonts" ] || { echo "$1 has no fonts"; exit 1; }
        if awk '$(NF-4) != "yes"' "$work/fonts" | grep -q .; then echo "$1 has a font not embedded"; exit 1; fi
    fi
}

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
if [ "$(uname -s)" = Linux ] && [ "$installed_by_script" = 1 ] && command -v objdump >/dev/null; then
    say "the glibc the bundle needs (docs/install.md, \"Linux: which systems\")"
    # The newest GLIBC_x.y symbol version any file of the bundle asks for: the oldest glibc it runs on.
    needs=$(find "$home/.local/lib/ihrp-desktop" -type f \( -name "*.so*" -o -perm -u+x \) \
                -exec objdump -T {} + 2>/dev/null | grep -oE "GLIBC_[0-9]+\.[0-9]+" | sort -uV | tail -n 1)
    has=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)
    echo "needs glibc ${needs#GLIBC_}; built with glibc $has"
    [ "$(printf '%s\n%s\n' "${needs#GLIBC_}" "$has" | sort -V | tail -n 1)" = "$has" ]
fi
say "blank"
clean "$bin/ihrp-desktop" blank optimal_use_plan -o "$work/blank.pdf"
pdf_a "$work/blank.pdf"
vault="$work/vault"
say "init --demo"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" init --demo --vault "$vault" --passphrase-stdin
say "list"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" list --vault "$vault" --passphrase-stdin \
    > "$work/list"
id=$(grep -m1 -oE "worksheet [0-9]+" "$work/list" | cut -d' ' -f2)
[ -n "$id" ] || { echo "list shows no worksheet"; exit 1; }
say "practice --confirm (a take-home copy prints the practice's confirmed lines)"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" practice --confirm --vault "$vault" --passphrase-stdin \
    >/dev/null
say "print a take-home copy"
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" print "$id" --copy take-home --vault "$vault" \
    -o "$work/sheet.pdf" --passphrase-stdin
pdf_a "$work/sheet.pdf"
say "report: the first client's progress charts (ReportLab graphics)"
client=$(grep -m1 -E "^client [0-9]+" "$work/list" | cut -f2-)
echo "smoke test passphrase" | clean "$bin/ihrp-desktop" report --client "$client" --vault "$vault" \
    -o "$work/report.pdf" --passphrase-stdin
pdf_a "$work/report.pdf"
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
