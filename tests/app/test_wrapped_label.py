"""The page's wrapped labels: the same heights as QLabel's own, laid out once per text and width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from ihrp_desktop.app.editor import WorksheetEditor
from ihrp_desktop.app.editor.theme import apply_theme
from ihrp_desktop.app.editor.wrapped import WrappedLabel, wrapped_label
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import empty_values
from tests.app.driving import type_text

pytestmark = pytest.mark.usefixtures("free_widgets")

TEXTS = [
    "",
    "Krótko",
    "Zażółć gęślą jaźń, a potem jeszcze raz, aż zdanie się zawinie na kilka linijek tekstu.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю — и ещё раз, чтобы строка перенеслась.",
    "🙂🌱 " * 40,
    "averyveryverylongwordwithoutanyspacesatallthatcannotwrapanywhereatall" * 2,
]
WIDTHS = [60, 180, 420, 900]


def twins(text: str) -> tuple[WrappedLabel, QLabel]:
    """A WrappedLabel and a plain word-wrapped QLabel styled the same way."""
    ours = wrapped_label(text, "fieldLabel")
    theirs = QLabel(text)
    theirs.setObjectName("fieldLabel")
    theirs.setWordWrap(True)
    for label in (ours, theirs):
        label.ensurePolished()
    return ours, theirs


def heights(label: QLabel) -> list[int]:
    return [label.heightForWidth(w) for w in WIDTHS]


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[QApplication]:
    sheet, palette, font = qapp.styleSheet(), qapp.palette(), qapp.font()
    apply_theme(qapp, "light")
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.mark.parametrize("text", TEXTS)
def test_same_height_as_a_plain_label_for_any_text(app_style: QApplication, text: str) -> None:
    ours, theirs = twins(text)
    assert heights(ours) == heights(theirs)
    assert heights(ours) == heights(theirs)  # asked again: from what was kept, still the same


def test_a_new_text_font_style_or_margin_is_laid_out_again(app_style: QApplication) -> None:
    ours, theirs = twins(TEXTS[2])
    assert heights(ours) == heights(theirs)
    one_line = ours.heightForWidth(900)
    for label in (ours, theirs):
        label.setText(TEXTS[3] * 3)
    assert heights(ours) == heights(theirs)
    assert ours.heightForWidth(900) > one_line
    for label in (ours, theirs):
        label.setFont(QFont(label.font().family(), 30))
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setStyleSheet("padding: 20px 30px;")
        label.ensurePolished()
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setContentsMargins(40, 10, 40, 10)
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setMargin(12)
        label.setIndent(30)
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setText("<b>" + TEXTS[2] + "</b><br><br>" + TEXTS[3])
        label.setTextFormat(Qt.TextFormat.PlainText)
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setTextFormat(Qt.TextFormat.RichText)
    assert heights(ours) == heights(theirs)
    for label in (ours, theirs):
        label.setWordWrap(False)
    assert heights(ours) == heights(theirs)


def test_a_box_growing_a_line_lays_out_no_label_again(
    app_style: QApplication, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The freeze this prevents: every new line in one box had Qt lay out each of the Plan's
    # labels two or three times over (25 ms on the bench VM).
    form = default_library().get("optimal_use_plan")
    editor = WorksheetEditor(form, empty_values(form))
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    editor.show()
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    labels = editor.findChildren(WrappedLabel)
    assert len(labels) > 40
    box = next(b for b in editor.findChildren(QPlainTextEdit) if not b.isReadOnly() and b.isVisible())
    box.setFocus()
    type_text(box, "x")
    QApplication.processEvents()  # the scroll bar, if the page needed one, is there now

    laid_out: list[str] = []
    plain = QLabel.heightForWidth

    def counted(self: QLabel, width: int) -> int:
        laid_out.append(self.objectName())
        return plain(self, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    height = box.height()
    while box.height() == height:
        type_text(box, " Zażółć gęślą jaźń 🙂")
        QApplication.processEvents()
    assert box.height() > height  # it grew a line, and the page was laid out for it
    assert laid_out == []
