"""What the bundle leaves out (packaging/lean.py): unused Qt modules, plugins and translations."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from lean import wanted  # noqa: E402


@pytest.mark.parametrize(("dest", "kept"), [
    # Qt's own words in the languages the app ships stay; the others go.
    ("PySide6/Qt/translations/qtbase_es.qm", True),
    ("PySide6/Qt/translations/qt_es.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtwebengine_es.qm", False),
    ("PySide6/translations/qtbase_es.qm", True),  # Windows' layout
    # the app's own translations are not Qt's
    ("ihrp_desktop/_bundled/ui/i18n/ihrp_es.qm", True),
    # the libraries the app uses, and those it does not
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),  # QtPdf needs it
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt6WebEngineCore.dll", False),
    # plugins: desktop windowing systems, offscreen, the portal's dialogs, SVG icons, printing
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/qml/QtQuick/qmldir", False),
    # no OpenGL, and Wayland's desktop shell protocol only
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    # the display's and fonts' libraries come from the system; the rest is bundled
    ("libX11.so.6", False),
    ("libfontconfig.so.1", False),
    ("libfreetype.so.6", False),
    ("libcups.so.2", True),
    ("libstdc++.so.6", True),
    ("pillow.libs/libxcb-9065bb12.so.1.1.0", True),
    # what is not Qt's stays
    ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", True),
    ("ihrp_desktop/core/vault/migrations/versions/0001_initial.py", True),
])
def test_what_the_bundle_keeps(dest: str, kept: bool) -> None:
    assert wanted(dest) is kept
