"""What the bundle leaves out (ihrp-desktop.spec): Qt modules the app does not use, the test and
bench code, and Qt's translations for languages the app does not ship.

The app imports QtCore, QtGui, QtWidgets, QtPrintSupport, QtPdf, QtPdfWidgets, QtCharts (the client's
progress charts) and QtDBus; QtPdf's
library needs Qt's network library and QtSvg draws the icons, so those libraries stay (PySide6's
QtNetwork module, which nothing imports, goes). Nothing draws with OpenGL: the plugins for it go.
On Linux the libraries of the desktop's display and fonts come from the system, as they must match it.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

QT_EXCLUDES = [f"PySide6.{name}" for name in (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
    "QtCanvasPainter", "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtNetwork",
)]
NOT_SHIPPED = ["tests", "bench"]
# Python modules the app never runs, though something it imports could reach them.
UNUSED_MODULES = [
    "tkinter", "unittest", "pydoc", "pytest", "hypothesis", "pypdf", "readline",
    # ReportLab needs Pillow's core only: not its AVIF and WebP codecs, its font drawing (FreeType and
    # HarfBuzz), nor Tk or Qt glue.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL.ImageTk", "PIL._imagingtk",
    "PIL.ImageQt", "PIL._imagingft", "PIL.ImageFont",
    # pikepdf reads and writes XMP with lxml.etree only.
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder",
    # Mako (under alembic) colours its error pages with Pygments when present; nothing here shows them.
    "pygments", "charset_normalizer",
    # Codecs for East Asian legacy encodings: every file the app reads or writes is UTF-8.
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    "_multibytecodec",
    # decimal's pure-Python twin (the C module stays); doctest.
    "_pydecimal", "doctest",
    # fontTools' parts for variable fonts, font building and conversion: pikepdf's PDF/A check reads the
    # app's own static TrueType fonts only.
    "fontTools.varLib", "fontTools.designspaceLib", "fontTools.colorLib", "fontTools.otlLib",
    "fontTools.ufoLib", "fontTools.subset", "fontTools.merge", "fontTools.svgLib", "fontTools.mtiLib",
    "fontTools.voltLib", "fontTools.cu2qu", "fontTools.qu2cu",
]
# Linux: libraries of the display and fonts that every desktop has and that must match the system's
# own (a bundled FreeType older than the system's fontconfig expects breaks font loading).
SYSTEM_LIBRARIES = ("libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libfontconfig.so.1", "libfreetype.so.6",
                    "libz.so.1")

# The languages the app ships (ui/i18n/ihrp_<lang>.qm) besides English: Qt's own words in them stay.
SHIPPED_LANGUAGES = ("es",)
_QT_TRANSLATION = re.compile(r"([a-z]+)_([a-zA-Z_]+)\.qm$")
# Qt libraries and plugins that PySide6's hooks bring along for modules the app does not use.
_UNUSED_QT = re.compile(r"(Qt6?(Qml|Quick|WebEngine|3D|Multimedia|VirtualKeyboard|Graphs|Designer"
                        r"|Sql|Test|Location|Positioning|Sensors|SerialPort|Bluetooth|Nfc|TextToSpeech"
                        r"|SpatialAudio|RemoteObjects|Scxml|StateMachine|WebSockets|WebChannel|HttpServer))")
_UNUSED_PLUGIN_DIRS = ("qmltooling", "sqldrivers", "multimedia", "position", "sensors", "texttospeech",
                       "virtualkeyboard", "webview", "sceneparsers", "renderers", "geometryloaders",
                       "designer", "canbus", "assetimporters", "scxmldatamodel",
                       # embedded-device input and displays; no network use, so no TLS or network status
                       "egldeviceintegrations", "generic", "networkinformation", "tls",
                       # OpenGL on X11 and Wayland: the app draws with Qt's raster engine only
                       "xcbglintegrations", "wayland-graphics-integration-client")
# Plugins kept in part: the windowing systems of a desktop (and offscreen, for the smoke test), the
# desktop portal's dialogs (the GTK theme needs the system's GTK and pulls its libraries in), SVG icons,
# the input methods of a desktop.
_PLUGIN_CHOICE = {
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"),
    "platformthemes": ("qxdgdesktopportal",),
    "imageformats": ("qsvg", "qico"),
    # typing with a compose key or an input method (accents, other scripts); not the on-screen keyboard
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    # the shell protocol of today's Wayland desktops (the others are for cars, kiosks and Qt's own compositor)
    "wayland-shell-integration": ("xdg-shell",),
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
    if len(parts) == 1 and path.name in SYSTEM_LIBRARIES:
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
