#!/bin/sh
# Installs IHRP Desktop for this user: the program in ~/.local/lib/ihrp-desktop, the commands
# ihrp-desktop and ihrp-desktop-gui in ~/.local/bin, a menu entry and its icons. Run it again to
# update; --uninstall removes the program (never the vault: that lives in your data folder).
# It replaces only what it installed itself, and checks everything before it changes anything.
# packaging/smoke.sh runs both ways from a fresh home folder; tests/packaging/test_install_sh.py
# runs it with unusual home folders, a full disk and files in the way.
set -eu

usage() { echo "Usage: sh install.sh [--uninstall]"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }

mode=install
case "$#:${1:-}" in
    0:) ;;
    1:--uninstall) mode=uninstall ;;
    1:-h | 1:--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

# Everything goes under HOME: refuse one that is not an existing folder (an empty HOME would mean
# /.local), or one whose path a menu entry cannot hold (a line break).
[ -n "${HOME:-}" ] || fail "Your home folder is not known (HOME is empty or not set). Nothing was changed."
case "$HOME" in
    /*) ;;
    *) fail "Your home folder ($HOME) is not a full path starting with /. Nothing was changed." ;;
esac
[ -d "$HOME" ] || fail "Your home folder ($HOME) does not exist. Nothing was changed."
newline='
'
case "$HOME" in *"$newline"*) fail "Your home folder's name holds a line break. Nothing was changed." ;; esac

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
lib="$prefix/lib/ihrp-desktop"
entry="$data/applications/ihrp-desktop.desktop"
commands="ihrp-desktop ihrp-desktop-gui"

# Ours: a link into our program folder (what an earlier run made), or nothing at all.
ours() { [ ! -e "$1" ] && [ ! -L "$1" ] || [ "$(readlink "$1" 2>/dev/null)" = "$lib/$(basename "$1")" ]; }
# Our program folder holds both programs.
our_folder() { [ ! -e "$lib" ] && [ ! -L "$lib" ] || { [ -x "$lib/ihrp-desktop" ] && [ -x "$lib/ihrp-desktop-gui" ]; }; }

if [ "$mode" = uninstall ]; then
    for name in $commands; do
        if ours "$prefix/bin/$name"; then rm -f "$prefix/bin/$name"
        else echo "$prefix/bin/$name was not installed by IHRP Desktop: it was left as it is."; fi
    done
    if our_folder; then rm -rf "$lib"; else echo "$lib is not IHRP Desktop's folder: it was left as it is."; fi
    rm -f "$entry" "$data"/icons/hicolor/*/apps/ihrp-desktop.png "$data/icons/hicolor/scalable/apps/ihrp-desktop.svg"
    echo "IHRP Desktop was removed. Your vault and settings were left where they are."
    exit 0
fi

# Checks first: nothing is changed unless all pass.
for folder in "$prefix" "$prefix/bin" "$prefix/lib" "$data" "$data/applications" "$data/icons" \
              "$data/icons/hicolor"; do
    if [ -e "$folder" ] && [ ! -d "$folder" ]; then
        fail "$folder is a file, where IHRP Desktop needs a folder. Move it away and run install.sh again. Nothing was changed."
    fi
done
for name in $commands; do
    ours "$prefix/bin/$name" || fail "$prefix/bin/$name is another program, not one IHRP Desktop installed. Move it away and run install.sh again. Nothing was changed."
done
our_folder || fail "$lib is not IHRP Desktop's folder. Move it away and run install.sh again. Nothing was changed."

# The menu entry's Exec line (Desktop Entry Specification, "The Exec key"): the path in double quotes,
# with ", `, $ and \ escaped by a backslash inside them; then, as for any string value, every backslash
# doubled; % written %%. The path is sed's input, never part of its script.
quoted=$(printf '%s\n' "$lib/ihrp-desktop-gui" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
exec_line="Exec=\"$quoted\""

mkdir -p "$prefix/bin" "$prefix/lib" "$data/applications"
rm -rf "$lib.new"
if ! errors=$(cp -R "$here/ihrp-desktop" "$lib.new" 2>&1); then
    rm -rf "$lib.new"
    case "$errors" in
        *"No space left"* | *"Disk quota"*)
            fail "There is not enough free space in $prefix/lib; the partial copy was removed and nothing else was changed." ;;
        *) fail "The program could not be copied to $lib.new ($(printf '%s\n' "$errors" | head -n 1)); the partial copy was removed and nothing else was changed." ;;
    esac
fi
{
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            Exec=*) printf '%s\n' "$exec_line" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done <"$here/ihrp-desktop.desktop"
} >"$entry.new" 2>/dev/null && grep -qxF -e "$exec_line" "$entry.new" || {
    rm -rf "$lib.new" "$entry.new"
    fail "The menu entry could not be written to $data/applications (is the disk full?); nothing was changed."
}
rm -rf "$lib"
mv "$lib.new" "$lib"
mv "$entry.new" "$entry"
for name in $commands; do
    ln -sf "$lib/$name" "$prefix/bin/$name"
done
for png in "$here"/icons/ihrp-desktop-*.png; do
    size=$(basename "$png" .png | sed 's/ihrp-desktop-//')
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/ihrp-desktop.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$here/icons/ihrp-desktop.svg" "$data/icons/hicolor/scalable/apps/ihrp-desktop.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "IHRP Desktop is installed: open it from your applications menu, or run ihrp-desktop-gui."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "To use the ihrp-desktop command in a terminal, add $prefix/bin to your PATH." ;;
esac
