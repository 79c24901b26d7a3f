"""What the bundle leaves out (ihrp-desktop.spec): Qt modules the app does not use, the test and
bench code, and Qt's translations for languages the app does not ship.

The app imports QtCore, QtGui, QtWidgets, QtPrintSupport, QtPdf, QtPdfWidgets and QtDBus; QtPdf
needs QtNetwork and QtSvg draws the icons, so those stay.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

QT_EXCLUDES = [f"PySide6.{name}" for name in (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
    "QtCanvasPainter", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)]
NOT_SHIPPED = ["tests", "bench"]

# The languages the app ships (ui/i18n/ihrp_<lang>.qm) besides English: Qt's own words in them stay.
SHIPPED_LANGUAGES = ("es",)
_QT_TRANSLATION = re.compile(r"([a-z]+)_([a-zA-Z_]+)\.qm$")
# Qt libraries and plugins that PySide6's hooks bring along for modules the app does not use.
_UNUSED_QT = re.compile(r"(Qt6?(Qml|Quick|WebEngine|3D|Multimedia|VirtualKeyboard|Charts|Graphs|Designer"
                        r"|Sql|Test|Location|Positioning|Sensors|SerialPort|Bluetooth|Nfc|TextToSpeech"
                        r"|SpatialAudio|RemoteObjects|Scxml|StateMachine|WebSockets|WebChannel|HttpServer))")
_UNUSED_PLUGIN_DIRS = ("qmltooling", "sqldrivers", "multimedia", "position", "sensors", "texttospeech",
                       "virtualkeyboard", "webview", "sceneparsers", "renderers", "geometryloaders",
                       "designer", "canbus", "assetimporters", "scxmldatamodel",
                       # embedded-device input and displays; no network use, so no TLS or network status
                       "egldeviceintegrations", "generic", "networkinformation", "tls")
# Plugins kept in part: the windowing systems of a desktop (and offscreen, for the smoke test), the
# desktop portal's dialogs (the GTK theme needs the system's GTK and pulls its libraries in), SVG icons,
# the input methods of a desktop.
_PLUGIN_CHOICE = {
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"),
    "platformthemes": ("qxdgdesktopportal",),
    "imageformats": ("qsvg", "qico"),
    # typing with a compose key or an input method (accents, other scripts); not the on-screen keyboard
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
}


def wanted(dest: str) -> bool:
    """Whether a file bound for the bundle (its path inside it) is kept."""
    path = PurePath(dest)
    parts = path.parts
    if "translations" in parts and path.suffix == ".qm":
        match = _QT_TRANSLATION.match(path.name)
        return bool(match) and match.group(2).split("_")[0] in SHIPPED_LANGUAGES and match.group(1) in (
            "qt", "qtbase")
    if "plugins" in parts and any(d in parts for d in _UNUSED_PLUGIN_DIRS):
        return False
    if "plugins" in parts and path.parent.name in _PLUGIN_CHOICE:
        stem = path.name.split(".")[0].removeprefix("lib")
        return stem in _PLUGIN_CHOICE[path.parent.name]
    if "qml" in parts:
        return False
    return not _UNUSED_QT.search(path.name)


def keep(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller table of contents without what the bundle leaves out, and without duplicates."""
    seen: set[str] = set()
    kept = []
    for entry in toc:
        if entry[0] in seen or not wanted(entry[0]):
            continue
        seen.add(entry[0])
        kept.append(entry)
    return kept


def _is_root(dest: str) -> bool:
    """Files the program loads by name: Python's library, extension modules and Qt plugins."""
    name = PurePath(dest).name
    return (name.startswith("libpython") or ".cpython-" in name or ".abi3.so" in name
            or name.startswith("_cffi_backend") or "plugins" in PurePath(dest).parts)


def needed_only(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: the shared libraries that something kept still links to (after dropping plugins, the
    libraries only they needed, e.g. GTK's, would stay behind). Links to a dropped file go too."""
    from PyInstaller.depend.bindepend import get_imports

    files = {PurePath(dest).name: (dest, src) for dest, src, kind in binaries
             if kind in ("BINARY", "EXTENSION")}
    todo = [PurePath(dest).name for dest, _, kind in binaries if kind == "EXTENSION" or
            (kind == "BINARY" and _is_root(dest))]
    reached = set(todo)
    while todo:
        _, src = files[todo.pop()]
        for needed, _path in get_imports(src):
            base = PurePath(needed).name
            if base in files and base not in reached:
                reached.add(base)
                todo.append(base)
    dropped = {dest for dest, _ in files.values()} - {files[name][0] for name in reached}

    def target(entry: tuple[str, str, str]) -> str:
        return os.path.normpath(PurePath(entry[0]).parent / entry[1]) if entry[2] == "SYMLINK" else entry[0]

    return [entry for entry in binaries if target(entry) not in dropped]
