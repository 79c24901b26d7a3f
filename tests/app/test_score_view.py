"""The AUDIT's score in the editor: it follows the answers live, says when it is incomplete, and is the
clinician's (hidden in client view)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ihrp_desktop.app.editor.editor import WorksheetEditor
from ihrp_desktop.app.editor.fields import ChoiceEditor
from ihrp_desktop.app.editor.views import ScoreView
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import empty_values

pytestmark = pytest.mark.usefixtures("free_widgets")

INTAKE = {"audit_1": "four_plus_week", "audit_2": "five_six", "audit_3": "monthly",
          "audit_4": "less_than_monthly", "audit_5": "never", "audit_6": "never", "audit_7": "monthly",
          "audit_8": "less_than_monthly",
          "audit_9": "no"}  # 12 points; question 10 not yet answered


def choose(editor: WorksheetEditor, qtbot: Any, field_id: str, index: int) -> None:
    choice = editor.editor_for(field_id)
    assert isinstance(choice, ChoiceEditor)
    if choice.segments is not None:
        qtbot.mouseClick(choice.segments.buttons[index], Qt.MouseButton.LeftButton)
    else:
        assert choice.combo is not None
        choice.combo.setCurrentIndex(index + 1 if choice.combo.itemData(0) in ("", None) else index)
        choice.combo.activated.emit(choice.combo.currentIndex())


def test_the_score_follows_the_answers_live(qtbot: Any) -> None:
    form = default_library().get("audit")
    editor = WorksheetEditor(form, {**empty_values(form), **INTAKE})
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    view = editor._page.totals["audit_score"]  # type: ignore[union-attr]
    assert isinstance(view, ScoreView)
    assert view.total_text() == (
        "Incomplete: 9 of 10 questions answered (12 points so far); not answered: 10; "
        "no band until every question is answered"
    )
    choose(editor, qtbot, "audit_10", 2)  # "Yes, during the last year": 4 points
    assert editor.values()["audit_10"] == "yes_last_year"
    assert view.total_text() == (
        "16 of 40 · Zone III (16-19): simple advice plus brief counselling and continued monitoring"
    )
    assert editor._page.totals["audit_c_score"].total_text().startswith("8 of 12 · At or above")  # type: ignore[union-attr]


def test_the_score_is_hidden_in_client_view(qtbot: Any) -> None:
    form = default_library().get("audit")
    editor = WorksheetEditor(form, {**empty_values(form), **INTAKE}, show_clinician=False)
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    editor.show()
    view = editor._page.totals["audit_score"]  # type: ignore[union-attr]
    assert not view.isVisibleTo(editor)
    editor.set_show_clinician(True)
    assert view.isVisibleTo(editor)
