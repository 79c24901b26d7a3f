"""Keyboard and screen reader: every input of every worksheet is named, focus shows in every theme,
the high-contrast theme is really high contrast, text size scales the interface, shortcuts are listed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ihrp_desktop.app.editor import WorksheetEditor
from ihrp_desktop.app.editor.palette import template, tokens
from ihrp_desktop.app.editor.segmented import SegmentButton
from ihrp_desktop.app.editor.theme import THEMES, apply_theme, qt_palette, stylesheet
from ihrp_desktop.app.preferences import PreferencesDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.app.shortcuts import ShortcutsDialog, shortcut_rows
from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.values import empty_values

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractButton,
    QAbstractSlider,
    QAbstractItemView,
)
LIBRARY = default_library()
FORM_IDS = [form.id for form in LIBRARY.ordered()]


def filled(form: FormDefinition) -> dict[str, Any]:
    """Two rows in every list, so row buttons (move up/down, remove) exist and are enabled."""
    values = empty_values(form)
    for _, fld in form.all_fields():
        if fld.type == "list":
            values[fld.id] = [{}, {}]
    return values


def focusable_inputs(editor: WorksheetEditor) -> list[QWidget]:
    return [
        w
        for w in editor.findChildren(QWidget)
        if isinstance(w, INPUTS) and w.isVisibleTo(editor) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_input_of_every_worksheet_has_an_accessible_name(
    qtbot: Any, form_id: str, language: str
) -> None:
    form = LIBRARY.get(form_id)
    editor = WorksheetEditor(form, filled(form), language=language)
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    editor.show()
    found = focusable_inputs(editor)
    # at least one input per answer (the three-question AUDIT-C has 8 inputs, the others far more)
    assert len(found) >= sum(1 for _, f in form.all_fields() if f.stores_value) > 2
    unnamed = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in found
        if not w.accessibleName().strip()
    ]
    assert unnamed == [], unnamed
    # never a widget word instead of the question
    assert not [
        w.accessibleName()
        for w in found
        if w.accessibleName().lower().split(":")[0] in {"spin box", "combo box", "button", "edit"}
    ]


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_names_and_descriptions_come_from_the_definition(qtbot: Any, form_id: str) -> None:
    form = LIBRARY.get(form_id)
    editor = WorksheetEditor(form, filled(form), language="es")
    qtbot.addWidget(editor)
    editor.show()
    found = focusable_inputs(editor)
    names = {w.accessibleName() for w in found}
    descriptions = {w.accessibleDescription() for w in found}
    for _, fld in form.all_fields():
        if not fld.stores_value:
            continue
        # a menu's cells are named by column and row ("Dónde estoy: Dejar una sustancia..."), other fields
        # by their label
        labels = [row.label.get("es") for row in fld.rows] if fld.type == "menu" else [fld.label.get("es")]
        for label in labels:
            assert any(label in name for name in names), (fld.id, label)
        if fld.guidance and fld.type in ("text", "textarea", "number", "date", "choice", "scale"):
            assert any(fld.guidance.get("es") in d for d in descriptions), fld.id


def test_scale_buttons_and_row_buttons_say_what_they_are(qtbot: Any) -> None:
    form = LIBRARY.get("decisional_balance")
    editor = WorksheetEditor(form, filled(form), language="en")
    qtbot.addWidget(editor)
    editor.show()
    scale = [b.accessibleName() for b in editor.editor_for("importance").findChildren(SegmentButton)]
    assert scale[0] == "How important is this change to me?: 0 (not at all)"
    assert scale[3] == "How important is this change to me?: 3"
    # the four boxes of the grid hold look-alike rows: each button names its list
    names = {b.accessibleName() for b in editor.findChildren(QAbstractButton) if b.isVisibleTo(editor)}
    assert "Remove item 2 (Good things about changing)" in names
    assert "Move item 2 up (Not-so-good things about keeping things as they are)" in names


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_shows_the_keyboard_focus(theme: str) -> None:
    qss = re.sub(r"/\*.*?\*/", "", stylesheet(theme, 1.0), flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", qss)
    focused = " ".join(
        selectors
        for selectors, body in rules
        if ":focus" in selectors and re.search(r"(border|outline)\s*:\s*\d+px", body)
    )
    for widget in (
        "QLineEdit",
        "QPlainTextEdit",
        "QAbstractSpinBox",
        "QComboBox",
        "QPushButton",
        "QToolButton",
        "QCheckBox",
    ):
        assert f"{widget}:focus" in focused, f"{theme}: no focus ring on {widget}"


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _template_tokens(pattern: str) -> set[str]:
    """The palette entries the style sheet template uses where ``pattern`` (with a token group) matches."""
    rules = re.sub(r"/\*.*?\*/", "", template(), flags=re.S)
    return set(re.findall(pattern, rules))


def test_high_contrast_theme_meets_wcag_aaa() -> None:
    # read from the palette file (ui/theme/palettes.toml), through the Qt palette it sets
    colours = tokens("high_contrast")
    palette = qt_palette("high_contrast")
    role = QPalette.ColorRole
    assert contrast(palette.color(role.Text), palette.color(role.Window)) >= 7
    assert contrast(palette.color(role.Text), palette.color(role.Base)) >= 7
    assert contrast(palette.color(role.HighlightedText), palette.color(role.Highlight)) >= 7
    assert contrast(palette.color(role.PlaceholderText), palette.color(role.Base)) >= 7
    # the focus rings are yellow on black
    rings = _template_tokens(r":focus[^{]*\{[^}]*border:\s*@\w+@px solid @(\w+)@")
    assert rings and all(contrast(QColor(colours[t]), QColor("#000000")) >= 7 for t in rings), rings
    # every text colour the theme sets reads on its black page
    text = _template_tokens(r"(?<![-\w])color:\s*@(\w+)@")
    assert {"text", "heading", "quiet", "problem"} <= text  # the pattern finds the template's text colours
    dark_text = {t for t in text if contrast(QColor(colours[t]), QColor("#000000")) < 7}
    # dark text is only allowed where the theme paints a light background behind it
    for t in dark_text:
        on_light = max(contrast(QColor(colours[t]), QColor(colours[b])) for b in ("text", "accent"))
        assert on_light >= 7, t


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_keeps_its_text_readable(theme: str) -> None:
    """WCAG AA (4.5:1): every text colour of the template on the page, the cards and the boxes, and
    the text on the accent colour and in tooltips on theirs (disabled text is exempt, as in WCAG)."""
    colours = tokens(theme)
    pairs = [("on_accent", "accent"), ("tooltip_text", "text")]
    for text in _template_tokens(r"(?<![-\w])color:\s*@(\w+)@") - {"on_accent", "tooltip_text", "disabled"}:
        pairs += [(text, ground) for ground in ("page", "card", "input")]
    for text, ground in pairs:
        ratio = contrast(QColor(colours[text]), QColor(colours[ground]))
        assert ratio >= 4.5, f"{theme}: {text} on {ground} is {ratio:.1f}:1"


def test_text_size_scales_the_whole_interface(app_look: QApplication, qtbot: Any) -> None:
    form = LIBRARY.get("optimal_use_plan")
    apply_theme(app_look, "light", 1.0)
    editor = WorksheetEditor(form, empty_values(form))
    qtbot.addWidget(editor)
    editor.show()
    small = editor.sizeHint().height(), app_look.font().pixelSize()
    label_small = editor.findChildren(QWidget)[5].fontInfo().pixelSize()
    apply_theme(app_look, "high_contrast", 1.5)
    QApplication.processEvents()
    large = editor.sizeHint().height(), app_look.font().pixelSize()
    assert large[1] == round(small[1] * 1.5)
    assert large[0] > small[0] * 1.2
    assert editor.findChildren(QWidget)[5].fontInfo().pixelSize() > label_small


def test_preferences_offer_theme_text_size_and_language(qtbot: Any, tmp_path: Any) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert set(dialog.inputs) == {"font_scale", "theme", "language", "auto_lock_minutes"}
    for widget in dialog.inputs.values():
        assert widget.accessibleName()
    theme = dialog.inputs["theme"]
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("high_contrast"))
    size = dialog.inputs["font_scale"]
    assert isinstance(size, QComboBox)
    size.setCurrentIndex(size.findData(1.5))
    dialog.accept()
    assert settings.get("theme") == "high_contrast"
    assert settings.get("font_scale") == 1.5
    assert settings.get("language") == "system"


def test_keyboard_shortcuts_view_lists_window_and_editor_keys(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    lock = QAction("&Lock now", holder)
    lock.setShortcut("Ctrl+L")
    rows = dict(shortcut_rows([lock]))
    assert rows["Lock now"] == "Ctrl+L"
    native = [
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("Ctrl+P", "Ctrl+Enter")
    ]
    assert all(k in rows.values() for k in native)
    dialog = ShortcutsDialog([lock], holder)
    assert dialog.table.rowCount() == len(rows)
    assert dialog.table.item(0, 0).text() == "Lock now"
    assert dialog.table.accessibleName() == "Keyboard shortcuts"
