"""Themes: the style sheet loads with its sizes filled in, fonts are bundled, text boxes still grow."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.editor import WorksheetEditor
from ihrp_desktop.app.editor.theme import (
    THEMES,
    apply_theme,
    qt_palette,
    resolve_theme,
    stylesheet,
    theme_dir,
)
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import empty_values

pytestmark = pytest.mark.usefixtures("free_widgets")


@pytest.mark.parametrize("theme", THEMES)
def test_each_themes_style_sheet_is_complete(theme: str) -> None:
    qss = stylesheet(theme, 1.0)
    assert "@" not in re.sub(r"/\*.*?\*/", "", qss, flags=re.S)  # every token filled in
    assert "font-size: 16px" in qss
    for url in re.findall(r"url\(([^)]+)\)", qss):
        assert (theme_dir() / "icons" / theme).as_posix() in url
        assert __import__("pathlib").Path(url).is_file(), url
    palette = qt_palette(theme)
    assert palette.color(QPalette.ColorRole.Window) != palette.color(QPalette.ColorRole.Text)


def test_font_scale_grows_every_size() -> None:
    normal = [int(n) for n in re.findall(r"font-size: (\d+)px", stylesheet("light", 1.0))]
    large = [int(n) for n in re.findall(r"font-size: (\d+)px", stylesheet("light", 1.5))]
    assert len(normal) == len(large) and all(b > a for a, b in zip(normal, large, strict=True))


def test_apply_theme_loads_noto_sans_and_styles_the_app(app_look: QApplication) -> None:
    assert apply_theme(app_look, "dark", 1.15) == "dark"
    assert "Noto Sans" in QFontDatabase.families()
    assert app_look.font().family() == "Noto Sans"
    assert app_look.font().pixelSize() == round(16 * 1.15)
    assert "#14181B" in app_look.styleSheet()
    assert apply_theme(app_look, "high_contrast") == "high_contrast"
    assert app_look.palette().color(QPalette.ColorRole.Window).name() == "#000000"


def test_system_follows_the_colour_scheme(app_look: QApplication) -> None:
    from PySide6.QtCore import Qt

    expected = "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
    assert resolve_theme("system") == expected
    assert resolve_theme("no_such_theme") == expected
    assert apply_theme(app_look, "system") == expected


@pytest.mark.parametrize("theme", THEMES)
def test_themed_text_boxes_still_show_every_line(app_look: QApplication, qtbot: Any, theme: str) -> None:
    apply_theme(app_look, theme, 1.3)
    form = default_library().get("microanalysis")
    values = empty_values(form)
    values["unwrap_before"] = "\n".join(f"Line {n}: Zażółć gęślą jaźń, Съешь же ещё 🙂" for n in range(12))
    values["chain"] = [{"event": "A long link of the chain " * 12}]
    editor = WorksheetEditor(form, values)
    qtbot.addWidget(editor)
    editor.resize(1000, 800)
    editor.show()
    qtbot.waitExposed(editor)
    box = editor.editor_for("unwrap_before").box  # type: ignore[attr-defined]
    cell = editor.editor_for("chain").rows[0].cells["event"].line  # type: ignore[attr-defined]
    for growing in (box, cell):
        qtbot.waitUntil(lambda g=growing: g.verticalScrollBar().maximum() == 0, timeout=2000)
    assert cell.height() > 2 * cell.fontMetrics().lineSpacing()  # the long cell wrapped onto lines
