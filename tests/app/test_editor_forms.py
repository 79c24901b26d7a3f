"""The editor on the shipped worksheets: every input named, client view, values kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ihrp_desktop.app.editor import WorksheetEditor
from ihrp_desktop.app.editor.choices import ChoiceEditor
from ihrp_desktop.app.editor.menu import MenuEditor
from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.values import empty_values, normalize

SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)
INPUTS = (QLineEdit, QPlainTextEdit, QAbstractButton, QAbstractSpinBox, QComboBox, QDateEdit)


pytestmark = pytest.mark.usefixtures("free_widgets")


@pytest.fixture(scope="module")
def forms() -> dict[str, FormDefinition]:
    library = default_library()
    assert not library.errors, library.errors
    return {form_id: library.get(form_id) for form_id in SHIPPED}


def make(
    qtbot: Any, form: FormDefinition, values: dict[str, Any] | None = None, **kwargs: Any
) -> WorksheetEditor:
    editor = WorksheetEditor(form, values if values is not None else empty_values(form), **kwargs)
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    return editor


def with_a_row_in_every_list(form: FormDefinition) -> dict[str, Any]:
    values = empty_values(form)
    for _, fld in form.all_fields():
        if fld.type == "list":
            values[fld.id] = [{}]
    return values


def inputs_of(editor: WorksheetEditor) -> list[QWidget]:
    return [w for w in editor.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisibleTo(editor)]


def clinician_labels(form: FormDefinition) -> set[str]:
    return {
        fld.label.get("en")
        for section, fld in form.all_fields()
        if (section.is_clinician or fld.is_clinician) and fld.stores_value
    }


@pytest.mark.parametrize("form_id", SHIPPED)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_input_has_a_name_from_the_definition(
    qtbot: Any, forms: dict[str, FormDefinition], form_id: str, language: str
) -> None:
    editor = make(qtbot, forms[form_id], with_a_row_in_every_list(forms[form_id]), language=language)
    editor.show()
    found = inputs_of(editor)
    # at least one input per answer (the three-question AUDIT-C has 8 inputs, the others far more)
    assert len(found) >= sum(1 for _, f in forms[form_id].all_fields() if f.stores_value) > 2
    unnamed = [f"{type(w).__name__}:{w.objectName()}" for w in found if not w.accessibleName().strip()]
    assert unnamed == []
    names = {w.accessibleName() for w in found}
    for _, fld in forms[form_id].all_fields():
        if fld.stores_value and fld.type not in ("list", "menu", "multichoice", "scale", "choice"):
            assert fld.label.get(language) in names, fld.id
    # a screen reader reads the question, never "spin box"
    spins = [w for w in found if isinstance(w, QAbstractSpinBox)]
    assert all(not w.accessibleName().lower().startswith("spin") for w in spins)


@pytest.mark.parametrize("form_id", SHIPPED)
def test_client_view_removes_every_clinician_input(
    qtbot: Any, forms: dict[str, FormDefinition], form_id: str
) -> None:
    form = forms[form_id]
    values = with_a_row_in_every_list(form)
    values["clinician_note"] = "Only for the therapist: Zażółć"
    editor = make(qtbot, form, values)
    editor.show()
    private = clinician_labels(form)
    assert private, "every shipped worksheet has a clinician note"
    named = lambda: {w.accessibleName() for w in inputs_of(editor)}  # noqa: E731
    assert private <= named()
    editor.set_show_clinician(False)
    assert not named() & private
    assert not any(w.accessibleName() in private for w in editor.findChildren(QWidget))
    editor.set_show_clinician(True)
    assert private <= named()
    assert editor.values()["clinician_note"] == "Only for the therapist: Zażółć"


def test_decisional_balance_grid_and_live_totals(qtbot: Any, forms: dict[str, FormDefinition]) -> None:
    form = forms["decisional_balance"]
    editor = make(qtbot, form)
    totals = editor._page.totals  # type: ignore[union-attr]
    for list_id, weights in (("keep_benefits", (8, 6)), ("change_costs", (3,))):
        box = editor.editor_for(list_id)
        assert isinstance(box, ListEditor) and box.style_name == "box"
        for weight in weights:
            qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
            combo = box.rows[-1].cells["weight"].combo  # type: ignore[attr-defined]
            combo.setCurrentIndex(combo.findData(weight))
            combo.activated.emit(combo.currentIndex())
            term = box.rows[-1].cells["term"]
            assert isinstance(term, ChoiceEditor) and term.segments is not None
            qtbot.mouseClick(term.segments.buttons[1], Qt.MouseButton.LeftButton)
    assert totals["keep_benefits_total"].total_text() == "14"
    assert totals["change_costs_total"].total_text() == "3"
    assert totals["keep_costs_total"].total_text() == "0"
    assert editor.values()["keep_benefits"] == [
        {"item": "", "weight": 8, "term": "long"},
        {"item": "", "weight": 6, "term": "long"},
    ]
    editor.undo()  # the last "term" click
    editor.undo()  # the last weight
    assert totals["change_costs_total"].total_text() == "0"


def test_microanalysis_chain_is_ordered_and_insertable(qtbot: Any, forms: dict[str, FormDefinition]) -> None:
    form = forms["microanalysis"]
    chain = [{"event": "Call from my sister"}, {"event": "Went to Marek's"}]
    editor = make(qtbot, form, {**empty_values(form), "chain": chain})
    links = editor.editor_for("chain")
    assert isinstance(links, ListEditor)
    qtbot.mouseClick(links.rows[0].buttons.insert, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(links.rows[1].cells["event"].line, "Opened a beer")  # type: ignore[attr-defined]
    assert [r["event"] for r in editor.values()["chain"]] == [
        "Call from my sister",
        "Opened a beer",
        "Went to Marek's",
    ]
    assert [r.number.text() for r in links.rows] == ["Link 1", "Link 2", "Link 3"]
    urge = links.rows[1].cells["urge"]
    qtbot.mouseClick(urge.row.buttons[9], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert editor.values()["chain"][1]["urge"] == 9


def test_alternatives_menu_status_is_a_compact_row_of_buttons(
    qtbot: Any, forms: dict[str, FormDefinition]
) -> None:
    form = forms["alternatives"]
    editor = make(qtbot, form)
    menu = editor.editor_for("alternatives")
    assert isinstance(menu, MenuEditor) and len(menu.rows) == 22
    status = menu.rows["naloxone"].cells["status"]
    assert isinstance(status, ChoiceEditor) and status.segments is not None
    assert [b.text() for b in status.segments.buttons] == [
        "Not now",
        "Considering",
        "Will try",
        "Already doing",
        "Doesn't apply to me",
    ]
    qtbot.mouseClick(status.segments.buttons[2], Qt.MouseButton.LeftButton)
    assert editor.values()["alternatives"] == {
        "naloxone": {"status": "will_try", "my_version": "", "start": "", "notes": ""}
    }
    named = [b.accessibleName() for b in status.segments.buttons]
    assert named[2] == "Where I stand: Carry naloxone and make sure others know how to use it: Will try"


REALISTIC = {
    "optimal_use_plan": {
        "substance": "Alkohol",
        "current_days": 5,
        "ideal_days": 2,
        "naloxone_have": True,
        "limits": [{"limit": "3 piwa"}],
        "never": [{"item": "Никогда в одиночку 🙏"}],
        "support_people": [{"name": "Ola", "phone": "+48 601 234 567"}],
        "experiment_start": "2025-03-15",
        "review_results": "partly",
        "retired_field": {"kept": ["as", "it", "was"]},
    },
    "alternatives": {
        "alternatives": {
            "naloxone": {"status": "will_try", "my_version": "Аптека", "start": "2025-03-20", "notes": ""}
        },
        "other": [{"alternative": "Bezalkoholowe piwo", "status": "considering"}],
        "chosen": "🙂",
    },
    "microanalysis": {
        "episode_when": "2025-03-08T22:30",
        "vulnerabilities": {"selected": ["stress"], "other": "Kłótnia"},
        "chain": [{"event": "Звонок", "feeling_intensity": 7, "urge": 4}],
    },
    "decisional_balance": {
        "keep_benefits": [{"item": "Relaks", "weight": 8, "term": "short"}],
        "importance": 7,
    },
    "urge_log": {
        "urges": [{"when": "2025-03-08T22:30", "where": "Kuchnia", "start": 6, "peak": 9,
                   "noticed": "Сжатые плечи", "learned": "🌊"}],
        "patterns": "Wieczory",
    },
    "awareness_practice": {
        "my_word": "Spokój",
        "sessions": [{"date": "2025-03-09", "minutes": 12, "before": 7, "after": 3}],
    },
    "session_check_in": {"plan_went": "partly", "listened": 8, "week": "Тяжёлая неделя"},
    "safety_plan": {
        "warning_signs": [{"sign": "Bezsenność"}],
        "helpers": [{"name": "Ola", "phone": "+48 601 234 567"}],
        "naloxone_have": True,
    },
    "audit": {"audit_1": "monthly_or_less", "audit_10": "yes_last_year"},
    "audit_c": {"audit_1": "never"},
}


@pytest.mark.parametrize("form_id", SHIPPED)
def test_round_trip_keeps_every_value(qtbot: Any, forms: dict[str, FormDefinition], form_id: str) -> None:
    form = forms[form_id]
    values = {**empty_values(form), **REALISTIC[form_id], "from_an_older_version": "kept"}
    editor = make(qtbot, form, values)
    assert editor.values() == normalize(form, values)
    assert editor.values()["from_an_older_version"] == "kept"
    rebuilt = make(qtbot, form, editor.values(), language="es")
    assert rebuilt.values() == editor.values()


def test_revising_a_plan_shows_the_earlier_answers(qtbot: Any, forms: dict[str, FormDefinition]) -> None:
    form = forms["optimal_use_plan"]
    before = {**empty_values(form), "ideal_days": 3, "ideal_amount": "4 pints", "substance": "Alcohol"}
    now = {**before, "ideal_days": 2}
    editor = make(qtbot, form, now, previous_values=before)
    blocks = editor._page.blocks  # type: ignore[union-attr]
    assert not blocks["ideal_days"].previous.isHidden()
    assert blocks["ideal_days"].previous.text() == "Before: 3 days a week"
    assert blocks["substance"].previous.isHidden()


def test_no_button_on_the_page_is_a_default_button(qtbot: Any, forms: dict[str, FormDefinition]) -> None:
    # Enter in a box must never "click" a row's or a segment's button.
    editor = make(qtbot, forms["alternatives"], with_a_row_in_every_list(forms["alternatives"]))
    assert not [b for b in editor.findChildren(QPushButton) if b.autoDefault() or b.isDefault()]
