#!/bin/sh
# Installs IHRP Desktop for this user: the program in ~/.local/lib/ihrp-desktop, the commands
# ihrp-desktop and ihrp-desktop-gui in ~/.local/bin, a menu entry and its icons. Run it again to
# update; --uninstall removes the program (never the vault: that lives in your data folder).
# packaging/smoke.sh runs both ways from a fresh home folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
lib="$prefix/lib/ihrp-desktop"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$lib"
    rm -f "$prefix/bin/ihrp-desktop" "$prefix/bin/ihrp-desktop-gui" "$data/applications/ihrp-desktop.desktop"
    rm -f "$data"/icons/hicolor/*/apps/ihrp-desktop.png "$data/icons/hicolor/scalable/apps/ihrp-desktop.svg"
    echo "IHRP Desktop was removed. Your vault and settings were left where they are."
    exit 0
fi

mkdir -p "$prefix/bin" "$prefix/lib" "$data/applications"
rm -rf "$lib.new"
cp -R "$here/ihrp-desktop" "$lib.new"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sf "$lib/ihrp-desktop" "$prefix/bin/ihrp-desktop"
ln -sf "$lib/ihrp-desktop-gui" "$prefix/bin/ihrp-desktop-gui"
sed "s|^Exec=ihrp-desktop-gui|Exec=$lib/ihrp-desktop-gui|" "$here/ihrp-desktop.desktop" \
    > "$data/applications/ihrp-desktop.desktop"
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
