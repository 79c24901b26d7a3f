"""The app's look: the bundled Noto Sans fonts and a QSS theme (light, dark, high contrast).

One template, ``ui/theme/style.qss``, serves every theme: its colours and line widths come from
the theme's table in ``ui/theme/palettes.toml`` (see ``palette.py``), its sizes (``@font@``,
``@small@``, ...) from the text-size setting, and ``@icons@`` is the theme's icon folder. The
same table sets the Qt palette (for the parts QSS does not reach: calendars, menus, disabled
text). ``"system"`` follows the system light/dark scheme, also when it changes while the app runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ...core.paths import font_path
from .palette import fill, qt_roles, template, theme_dir, theme_names, tokens

THEMES = theme_names()
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
FONT_FAMILY = "Noto Sans"
BASE_PX = 16  # readable at arm's length, for two people at one screen
# token -> size in px at font scale 1.0
SIZES = {"font": BASE_PX, "small": 14, "large": 17, "h2": 21, "title": 28}

_ROLES = {
    "window": QPalette.ColorRole.Window,
    "base": QPalette.ColorRole.Base,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "buttontext": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlightedtext": QPalette.ColorRole.HighlightedText,
    "tooltipbase": QPalette.ColorRole.ToolTipBase,
    "tooltiptext": QPalette.ColorRole.ToolTipText,
    "placeholder": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
}

_loaded_fonts = False
_follower: _SystemSchemeFollower | None = None


def load_fonts() -> list[str]:
    """Register the bundled Noto Sans files once; returns the families Qt found in them."""
    global _loaded_fonts
    families: list[str] = []
    if _loaded_fonts:
        return [FONT_FAMILY]
    for name in FONT_FILES:
        path = font_path(name)
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    _loaded_fonts = True
    return families


def system_scheme() -> str:
    """"dark" or "light", as the system says now.

    The first question costs tens of milliseconds (PySide6 builds the whole ``Qt`` namespace the
    first time it is used), so the launch asks it after the first paint and starts from the answer
    the system gave last time.
    """
    from PySide6.QtCore import Qt

    return "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve_theme(name: str, assumed_scheme: str = "") -> str:
    """The theme file to use for a setting value ("system" picks light or dark: ``assumed_scheme``
    when it is one of them, else what the system says)."""
    if name in THEMES:
        return name
    return assumed_scheme if assumed_scheme in ("light", "dark") else system_scheme()


def stylesheet(theme: str, font_scale: float = 1.0) -> str:
    """The QSS of ``theme``: the template with its colours, sizes and icon folder filled in."""
    scale = max(0.75, min(float(font_scale or 1.0), 2.0))
    values = tokens(theme)
    values.update((token, str(round(px * scale))) for token, px in SIZES.items())
    values["icons"] = (theme_dir() / "icons" / theme).as_posix()
    return fill(template(), values)


def qt_palette(theme: str) -> QPalette:
    """The Qt palette of ``theme``, each role in the colour the palette file names for it."""
    palette = QPalette()
    colours = {role: QColor(tokens(theme)[token]) for role, token in qt_roles().items()}
    for key, role in _ROLES.items():
        if key in colours:
            palette.setColor(role, colours[key])
    if "window" in colours:
        palette.setColor(QPalette.ColorRole.AlternateBase, colours["window"])
    if "text" in colours:
        palette.setColor(QPalette.ColorRole.WindowText, colours["text"])
    if "disabled" in colours:
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, colours["disabled"])
    return palette


def apply_theme(app: QApplication, name: str = "system", font_scale: float = 1.0,
                assumed_scheme: str = "") -> str:
    """Load the fonts, then style ``app`` with theme ``name``; returns the theme file used.

    ``assumed_scheme`` ("light" or "dark") stands in for the system's answer to "system".
    """
    global _follower
    load_fonts()
    theme = resolve_theme(name, assumed_scheme)
    qss = stylesheet(theme, font_scale)
    app.setStyle("Fusion")  # the same drawing on every system, under the theme's QSS
    app.setPalette(qt_palette(theme))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(round(BASE_PX * max(0.75, min(float(font_scale or 1.0), 2.0))))
    app.setFont(font)
    app.setStyleSheet(qss)
    if name == "system":
        if _follower is None:
            _follower = _SystemSchemeFollower(app)
        _follower.font_scale = font_scale
        _follower.active = True
    elif _follower is not None:
        _follower.active = False
    return theme


class _SystemSchemeFollower(QObject):
    """Re-applies the theme when the system switches between light and dark."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.font_scale = 1.0
        self.active = True
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, _scheme: object) -> None:
        if self.active:
            apply_theme(self.app, "system", self.font_scale)
