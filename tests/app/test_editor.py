"""The worksheet editor with real widgets, driven like a person would (keys and clicks)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ihrp_desktop.app.editor import WorksheetEditor
from ihrp_desktop.app.editor.choices import ChoiceEditor, MultichoiceEditor
from ihrp_desktop.app.editor.dates import DateEditor
from ihrp_desktop.app.editor.growing import GrowingTextEdit
from ihrp_desktop.app.editor.menu import MenuEditor
from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.app.editor.scale import ScaleCombo, ScaleEditor
from ihrp_desktop.app.editor.texts import NumberEditor, TextEditor
from ihrp_desktop.core.forms import FormDefinition, load_definition
from ihrp_desktop.core.forms.values import empty_values, normalize
from tests.app.driving import type_text

SYNTHETIC = Path(__file__).with_name("editor_synthetic.toml")
UNICODE = "Zażółć gęślą jaźń · Съешь же ещё этих булок 🙂🌱 — «ñ»"


pytestmark = pytest.mark.usefixtures("free_widgets")


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_definition(SYNTHETIC)


def shown_editor(qtbot: Any, form: FormDefinition, values: dict[str, Any]) -> WorksheetEditor:
    """An editor of ``form`` holding ``values``, shown at 1100 x 900."""
    widget = WorksheetEditor(form, values)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def editor(qtbot: Any, form: FormDefinition) -> WorksheetEditor:
    return shown_editor(qtbot, form, empty_values(form))


def line_of(editor: WorksheetEditor, field_id: str) -> QLineEdit:
    widget = editor.editor_for(field_id)
    assert isinstance(widget, TextEditor)
    assert isinstance(widget.line, QLineEdit)
    return widget.line


def list_of(editor: WorksheetEditor, field_id: str) -> ListEditor:
    widget = editor.editor_for(field_id)
    assert isinstance(widget, ListEditor)
    return widget


def cell_input(lst: ListEditor, row: int, column: str) -> QWidget:
    cell = lst.rows[row].cells[column]
    return getattr(cell, "line", None) or getattr(cell, "box", None) or cell


# -- each field type, set through its widget -------------------------------------------------------


def test_text_typed_is_the_value_and_emits_changed(editor: WorksheetEditor, qtbot: Any) -> None:
    with qtbot.waitSignal(editor.changed, timeout=1000):
        qtbot.keyClicks(line_of(editor, "substance"), "Beer")
    assert editor.values()["substance"] == "Beer"
    type_text(line_of(editor, "substance"), " · " + UNICODE)
    assert editor.values()["substance"] == "Beer · " + UNICODE


def test_multiline_grows_with_its_text_and_never_scrolls(editor: WorksheetEditor, qtbot: Any) -> None:
    box = editor.editor_for("story").box  # type: ignore[attr-defined]
    assert isinstance(box, GrowingTextEdit)
    type_text(box, "Первая строка ")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(box, "druga 🙂")
    assert editor.values()["story"] == "Первая строка \ndruga 🙂"
    short = box.height()
    box.setPlainText("\n".join(f"Line {n}: {UNICODE}" for n in range(30)))
    QApplication.processEvents()
    assert box.height() > short * 4
    assert box.verticalScrollBar().maximum() == 0  # every line is on screen; the page scrolls
    assert box.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_number_accepts_typing_its_range_and_empty(editor: WorksheetEditor, qtbot: Any) -> None:
    number = editor.editor_for("days")
    assert isinstance(number, NumberEditor)
    box = number.box
    assert box.suffix().strip() == "days"
    assert editor.values()["days"] is None
    qtbot.keyClicks(box, "3")
    assert editor.values()["days"] == 3
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert editor.values()["days"] == 4
    box.lineEdit().selectAll()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Delete)
    assert editor.values()["days"] is None  # emptied again, not zero
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "9")  # above the maximum of 7: refused
    assert editor.values()["days"] in (None, 7)


def test_date_typed_checked_and_emptied(editor: WorksheetEditor, qtbot: Any) -> None:
    date = editor.editor_for("start_day")
    assert isinstance(date, DateEditor)
    qtbot.keyClicks(date.date_box, "2025-03-14")
    assert editor.values()["start_day"] == "2025-03-14"
    date.date_box.selectAll()
    qtbot.keyClicks(date.date_box, "2025-13-40")
    assert editor.values()["start_day"] == "2025-03-14"  # not a date: the last real one is kept
    assert date.problem.isVisible() and "YYYY-MM-DD" in date.problem.text()
    date.date_box.selectAll()
    qtbot.keyClick(date.date_box, Qt.Key.Key_Delete)
    assert editor.values()["start_day"] == ""
    assert not date.problem.isVisible()


def test_datetime_has_a_date_and_a_time(editor: WorksheetEditor, qtbot: Any) -> None:
    when = editor.editor_for("when")
    assert isinstance(when, DateEditor) and when.time_box is not None
    qtbot.keyClicks(when.date_box, "2025-03-08")
    assert editor.values()["when"] == "2025-03-08T00:00"
    qtbot.keyClicks(when.time_box, "22:30")
    assert editor.values()["when"] == "2025-03-08T22:30"


def test_calendar_pick_sets_the_date(editor: WorksheetEditor) -> None:
    from PySide6.QtCore import QDate

    date = editor.editor_for("start_day")
    assert isinstance(date, DateEditor)
    date._picked(QDate(2024, 2, 29))  # what a click on the calendar popup does
    assert editor.values()["start_day"] == "2024-02-29"


def test_calendar_is_made_when_first_opened_at_the_typed_date(editor: WorksheetEditor, qtbot: Any) -> None:
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QCalendarWidget

    date = editor.editor_for("start_day")
    assert isinstance(date, DateEditor)
    assert date.findChildren(QCalendarWidget) == []  # a page of date boxes opens without them
    qtbot.keyClicks(date.date_box, "2025-03-14")
    menu = date.calendar_button.menu()
    seen: dict[str, Any] = {}

    def look_then_pick() -> None:  # runs inside the popup's own event loop
        calendar = date.calendar()
        seen.update(calendar=calendar, shown=calendar.isVisible(), date=calendar.selectedDate(),
                    fits=menu.height() >= calendar.sizeHint().height())
        calendar.clicked.emit(QDate(2025, 3, 20))

    QTimer.singleShot(300, look_then_pick)
    qtbot.mouseClick(date.calendar_button, Qt.MouseButton.LeftButton)  # opens the menu, as a click does
    qtbot.waitUntil(lambda: "calendar" in seen and not menu.isVisible())
    calendar = seen["calendar"]
    assert seen["shown"] and seen["date"] == QDate(2025, 3, 14)
    assert seen["fits"]  # the menu was sized for the calendar added as it opened
    assert calendar.accessibleName() == date.calendar_button.accessibleName() != ""  # names its field
    assert editor.values()["start_day"] == "2025-03-20"
    assert date.calendar() is calendar  # made once


def test_scale_click_again_clears_and_arrows_move(editor: WorksheetEditor, qtbot: Any) -> None:
    scale = editor.editor_for("importance")
    assert isinstance(scale, ScaleEditor)
    buttons = scale.row.buttons
    assert [b.text() for b in buttons] == [str(n) for n in range(11)]
    qtbot.mouseClick(buttons[7], Qt.MouseButton.LeftButton)
    assert editor.values()["importance"] == 7
    qtbot.keyClick(buttons[7], Qt.Key.Key_Right)
    assert editor.values()["importance"] == 8
    qtbot.keyClick(buttons[8], Qt.Key.Key_Left)
    qtbot.keyClick(buttons[7], Qt.Key.Key_Left)
    assert editor.values()["importance"] == 6
    qtbot.mouseClick(buttons[6], Qt.MouseButton.LeftButton)
    assert editor.values()["importance"] is None
    # one Tab stop for the whole row: only one button takes Tab focus
    tab_stops = [b for b in buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert len(tab_stops) == 1


def test_short_choice_is_buttons_long_choice_is_a_combo(editor: WorksheetEditor, qtbot: Any) -> None:
    short = editor.editor_for("result")
    assert isinstance(short, ChoiceEditor) and short.segments is not None
    qtbot.mouseClick(short.segments.buttons[1], Qt.MouseButton.LeftButton)
    assert editor.values()["result"] == "partly"
    qtbot.mouseClick(short.segments.buttons[1], Qt.MouseButton.LeftButton)
    assert editor.values()["result"] == ""
    long = editor.editor_for("setting")
    assert isinstance(long, ChoiceEditor) and long.combo is not None
    long.combo.setCurrentIndex(3)
    long.combo.activated.emit(3)  # what choosing an item from the open list does
    assert editor.values()["setting"] == "bar"


def test_multichoice_boxes_and_other(editor: WorksheetEditor, qtbot: Any) -> None:
    multi = editor.editor_for("vulnerabilities")
    assert isinstance(multi, MultichoiceEditor) and multi.other is not None
    qtbot.mouseClick(multi.boxes["stress"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(multi.boxes["sleep"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(multi.other, "A fight")
    assert editor.values()["vulnerabilities"] == {"selected": ["sleep", "stress"], "other": "A fight"}


def test_checkbox(editor: WorksheetEditor, qtbot: Any) -> None:
    box = editor.editor_for("has_naloxone").box  # type: ignore[attr-defined]
    assert isinstance(box, QCheckBox) and box.text() == "I carry naloxone"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert editor.values()["has_naloxone"] is True


def test_menu_rows_are_fixed_and_only_touched_rows_are_stored(editor: WorksheetEditor, qtbot: Any) -> None:
    menu = editor.editor_for("options")
    assert isinstance(menu, MenuEditor)
    assert list(menu.rows) == ["limit_per_occasion", "test_dose", "not_alone"]
    status = menu.rows["not_alone"].cells["status"]
    assert isinstance(status, ChoiceEditor) and status.segments is not None
    qtbot.mouseClick(status.segments.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(menu.rows["not_alone"].cells["my_version"].line, "Text Ola first")  # type: ignore[attr-defined]
    assert editor.values()["options"] == {
        "not_alone": {"status": "will_try", "my_version": "Text Ola first", "start": ""}
    }
    groups = [w.text() for w in menu.findChildren(QLabel) if w.objectName() == "menuGroup"]
    assert groups == ["How much", "With whom"]


# -- lists: add, type, move, remove; each an undo step ----------------------------------------------


def test_list_add_move_remove_with_undo_and_redo(editor: WorksheetEditor, qtbot: Any) -> None:
    chain = list_of(editor, "chain")
    assert chain.style_name == "card"
    for text in ("first", "second", "third"):
        qtbot.mouseClick(chain.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(cell_input(chain, len(chain.rows) - 1, "event"), text)
    events = lambda: [row["event"] for row in editor.values()["chain"]]  # noqa: E731
    assert events() == ["first", "second", "third"]
    assert [r.number.text() for r in chain.rows] == ["Link 1", "Link 2", "Link 3"]
    qtbot.mouseClick(chain.rows[0].buttons.down, Qt.MouseButton.LeftButton)
    assert events() == ["second", "first", "third"]
    qtbot.mouseClick(chain.rows[2].buttons.up, Qt.MouseButton.LeftButton)
    assert events() == ["second", "third", "first"]
    qtbot.mouseClick(chain.rows[1].buttons.remove, Qt.MouseButton.LeftButton)
    assert events() == ["second", "first"]
    qtbot.mouseClick(chain.rows[0].buttons.insert, Qt.MouseButton.LeftButton)
    assert events() == ["second", "", "first"]
    editor.undo()
    assert events() == ["second", "first"]
    editor.undo()
    assert events() == ["second", "third", "first"]
    editor.undo()
    assert events() == ["second", "first", "third"]
    editor.undo()
    assert events() == ["first", "second", "third"]
    editor.redo()
    editor.redo()
    assert events() == ["second", "third", "first"]
    assert not chain.rows[0].buttons.up.isEnabled() and not chain.rows[-1].buttons.down.isEnabled()


def test_row_keys_insert_move_remove(editor: WorksheetEditor, qtbot: Any) -> None:
    people = list_of(editor, "people")
    assert people.style_name == "table"
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(cell_input(people, 0, "name"), "Ola")
    qtbot.keyClick(cell_input(people, 0, "name"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(people.rows) == 2
    type_text(cell_input(people, 1, "name"), "Марек")
    qtbot.keyClick(cell_input(people, 1, "phone"), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r["name"] for r in editor.values()["people"]] == ["Марек", "Ola"]
    qtbot.keyClick(cell_input(people, 0, "name"), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [r["name"] for r in editor.values()["people"]] == ["Ola", "Марек"]
    qtbot.keyClick(
        cell_input(people, 0, "name"),
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [r["name"] for r in editor.values()["people"]] == ["Марек"]
    qtbot.keyClick(cell_input(people, 0, "name"), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r["name"] for r in editor.values()["people"]] == ["Ola", "Марек"]


def test_typing_is_one_undo_step_and_ctrl_z_in_a_box_is_the_worksheets(
    editor: WorksheetEditor, qtbot: Any
) -> None:
    line = line_of(editor, "substance")
    qtbot.keyClicks(line, "beer and wine")
    assert editor.undo_stack.count() == 1
    qtbot.mouseClick(
        editor.editor_for("result").segments.buttons[0],  # type: ignore[attr-defined]
        Qt.MouseButton.LeftButton,
    )
    assert editor.undo_stack.count() == 2
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.values()["result"] == ""
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.values()["substance"] == "" and line.text() == ""
    editor.redo()
    assert editor.values()["substance"] == "beer and wine" and line.text() == "beer and wine"


def test_totals_follow_the_weights_live(editor: WorksheetEditor, qtbot: Any) -> None:
    keep = list_of(editor, "keep_benefits")
    assert keep.style_name == "box"
    total = editor._page.totals["keep_benefits_total"]  # type: ignore[union-attr]
    assert total.total_text() == "0"
    for weight in (4, 7):
        qtbot.mouseClick(keep.add_button, Qt.MouseButton.LeftButton)
        combo = keep.rows[-1].cells["weight"]
        assert isinstance(combo, ScaleCombo)
        combo.combo.setCurrentIndex(combo.combo.findData(weight))
        combo.combo.activated.emit(combo.combo.currentIndex())
    assert total.total_text() == "11"
    chain = list_of(editor, "chain")
    qtbot.mouseClick(chain.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(chain.rows[0].cells["drinks"].box, "3")  # type: ignore[attr-defined]
    assert editor._page.totals["chain_drinks"].total_text() == "3"  # type: ignore[union-attr]
    editor.undo()
    assert editor._page.totals["chain_drinks"].total_text() == "0"  # type: ignore[union-attr]
    qtbot.mouseClick(keep.rows[0].buttons.remove, Qt.MouseButton.LeftButton)
    assert total.total_text() == "7"


def test_grid_section_is_two_by_two_with_a_total_under_each_box(editor: WorksheetEditor) -> None:
    from PySide6.QtWidgets import QFrame, QGridLayout

    holder = editor.scroll_area.widget().findChild(QWidget, "grid")
    grid = holder.layout()
    assert isinstance(grid, QGridLayout)
    boxes = [grid.itemAtPosition(r, c).widget() for r in (0, 1) for c in (0, 1)]
    assert all(isinstance(b, QFrame) and b.objectName() == "gridBox" for b in boxes)
    for box, list_id in zip(
        boxes, ("keep_benefits", "keep_costs", "change_benefits", "change_costs"), strict=True
    ):
        assert box.isAncestorOf(editor.editor_for(list_id))
        assert box.isAncestorOf(editor._page.totals[f"{list_id}_total"])  # type: ignore[union-attr]


# -- values in and out -------------------------------------------------------------------------


def filled(form: FormDefinition) -> dict[str, Any]:
    values = empty_values(form)
    values.update(
        {
            "substance": UNICODE,
            "story": "Długi tekst. " * 300 + "\nВторая строка 🙂",
            "days": 5,
            "start_day": "2025-03-14",
            "when": "2025-03-08T22:30",
            "importance": 7,
            "result": "partly",
            "setting": "outside",
            "vulnerabilities": {"selected": ["sleep", "retired_option"], "other": "Ссора 😞", "note": "kept"},
            "has_naloxone": True,
            "risk_note": "Only for me",
            "limits": [{"limit": "3 piwa"}, {"limit": "Домой к часу", "old_column": "kept"}],
            "people": [{"name": "Ola", "phone": "+48 601"}],
            "chain": [
                {
                    "event": "Звонок",
                    "urge": 8,
                    "drinks": 2.5,
                    "day": "2025-03-08",
                    "alone": True,
                    "mood": "low",
                }
            ],
            "options": {
                "not_alone": {"status": "will_try", "my_version": "Ola 🙂", "start": ""},
                "retired_row": {"status": "not_now", "my_version": "old"},
            },
            "keep_benefits": [{"item": "Relax", "weight": 8}],
            "keep_costs": [],
            "change_benefits": [{"item": "Energía", "weight": 10}],
            "change_costs": [],
            "clinician_note": "Zażółć",
            "risk_level": "retired_level",
            "removed_in_v2": "an answer from version 1",
            "removed_list": [{"a": 1}],
        }
    )
    return values


def test_values_round_trip_with_unicode_and_unknown_keys(qtbot: Any, form: FormDefinition) -> None:
    values = filled(form)
    editor = WorksheetEditor(form, empty_values(form))
    qtbot.addWidget(editor)
    editor.set_values(copy.deepcopy(values))
    assert editor.values() == normalize(form, values)
    assert editor.values()["removed_in_v2"] == "an answer from version 1"
    assert editor.values()["options"]["retired_row"] == {
        "status": "not_now",
        "my_version": "old",
        "start": "",
    }
    assert editor.values()["limits"][1]["old_column"] == "kept"
    assert line_of(editor, "substance").text() == UNICODE
    again = WorksheetEditor(form, editor.values())
    qtbot.addWidget(again)
    assert again.values() == editor.values()
    # a person's edit keeps everything else as it was
    qtbot.keyClick(line_of(again, "substance"), Qt.Key.Key_End)
    qtbot.keyClicks(line_of(again, "substance"), "!")
    expected = normalize(form, values)
    expected["substance"] = UNICODE + "!"
    assert again.values() == expected


def test_unknown_fields_show_read_only_in_the_kept_box(qtbot: Any, form: FormDefinition) -> None:
    editor = WorksheetEditor(form, filled(form))
    qtbot.addWidget(editor)
    kept = editor._page.kept  # type: ignore[union-attr]
    assert kept is not None and not kept.isHidden()
    assert kept.entries["removed_in_v2"] == "an answer from version 1"
    assert not any(isinstance(w, QLineEdit | QPlainTextEdit) for w in kept.findChildren(QWidget))
    editor.set_show_clinician(False)  # an old field may have been the therapist's: not in client view
    assert not editor.isAncestorOf(kept)


def test_a_value_that_no_longer_fits_is_kept_until_replaced(qtbot: Any, form: FormDefinition) -> None:
    values = empty_values(form)
    values["days"] = 12  # the definition now says 0-7
    editor = WorksheetEditor(form, values)
    qtbot.addWidget(editor)
    assert editor.values()["days"] == 12
    note = editor._page.blocks["days"].problem  # type: ignore[union-attr]
    assert not note.isHidden() and "12" in note.text()
    qtbot.keyClicks(editor.editor_for("days").box, "4")  # type: ignore[attr-defined]
    assert editor.values()["days"] == 4 and note.isHidden()
    editor.undo()
    assert editor.values()["days"] == 12


def test_changed_fires_on_edits_not_on_set_values(
    editor: WorksheetEditor, qtbot: Any, form: FormDefinition
) -> None:
    seen: list[int] = []
    editor.changed.connect(lambda: seen.append(1))
    editor.set_values(filled(form))
    assert seen == [] and editor.undo_stack.count() == 0
    qtbot.keyClicks(line_of(editor, "substance"), "x")
    qtbot.mouseClick(editor.editor_for("has_naloxone").box, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert len(seen) == 2


# -- client view, language, previous answers, focus and scroll -------------------------------------


CLINICIAN_LABELS = {"Risk notes for me", "Clinical impressions", "Risk level"}


def visible_inputs(editor: WorksheetEditor) -> list[QWidget]:
    kinds = (QLineEdit, QPlainTextEdit, QAbstractButton, QComboBox)
    return [w for w in editor.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(editor)]


def test_client_view_takes_clinician_fields_out_and_puts_them_back(qtbot: Any, form: FormDefinition) -> None:
    editor = WorksheetEditor(form, filled(form))
    qtbot.addWidget(editor)
    editor.show()
    note = editor.editor_for("clinician_note")
    risk = editor.editor_for("risk_note")
    qtbot.keyClick(risk.box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.keyClicks(risk.box, " today")  # type: ignore[attr-defined]
    names = lambda: {w.accessibleName().split(":")[0] for w in visible_inputs(editor)}  # noqa: E731
    assert names() >= CLINICIAN_LABELS
    editor.set_show_clinician(False)
    assert not names() & CLINICIAN_LABELS
    assert not editor.isAncestorOf(note) and not editor.isAncestorOf(risk)
    everything = {w.accessibleName() for w in editor.findChildren(QWidget)}
    assert not any(name.startswith(tuple(CLINICIAN_LABELS)) for name in everything)
    texts = " ".join(w.text() for w in editor.findChildren(QLabel))
    assert "Hold a neutral stance" not in texts and "Clinician notes" not in texts
    assert editor.values()["clinician_note"] == "Zażółć"  # kept while hidden
    editor.set_show_clinician(True)
    assert names() >= CLINICIAN_LABELS
    assert editor.isAncestorOf(note) and note.isVisibleTo(editor)
    assert note.box.toPlainText() == "Zażółć"  # type: ignore[attr-defined]
    assert editor.values()["risk_note"] == "Only for me today"


def test_starting_in_client_view(qtbot: Any, form: FormDefinition) -> None:
    editor = WorksheetEditor(form, filled(form), show_clinician=False)
    qtbot.addWidget(editor)
    assert not any(
        w.accessibleName().startswith(tuple(CLINICIAN_LABELS)) for w in editor.findChildren(QWidget)
    )
    assert editor.values()["risk_note"] == "Only for me"


def test_language_rebuilds_labels_and_keeps_values_and_undo(
    editor: WorksheetEditor, qtbot: Any, form: FormDefinition
) -> None:
    qtbot.keyClicks(line_of(editor, "substance"), "Cerveza")
    editor.set_language("es")
    assert line_of(editor, "substance").accessibleName() == "Sustancia"
    assert line_of(editor, "substance").text() == "Cerveza"
    labels = {w.text() for w in editor.findChildren(QLabel)}
    assert "Lo básico" in labels and "The basics" not in labels
    editor.undo()
    assert editor.values()["substance"] == "" and line_of(editor, "substance").text() == ""


def test_previous_answers_show_where_the_answer_changed(qtbot: Any, form: FormDefinition) -> None:
    before = filled(form)
    now = copy.deepcopy(before)
    now["days"] = 2
    editor = WorksheetEditor(form, now, previous_values=before)
    qtbot.addWidget(editor)
    blocks = editor._page.blocks  # type: ignore[union-attr]
    assert not blocks["days"].previous.isHidden()
    assert blocks["days"].previous.text() == "Before: 5 days"
    assert blocks["substance"].previous.isHidden()  # the same answer: nothing to compare
    qtbot.keyClicks(line_of(editor, "substance"), "?")
    assert not blocks["substance"].previous.isHidden()
    assert UNICODE in blocks["substance"].previous.text()


def test_accessible_names_and_descriptions(editor: WorksheetEditor, qtbot: Any) -> None:
    assert line_of(editor, "substance").accessibleName() == "Substance"
    assert line_of(editor, "substance").accessibleDescription() == "Name it the way you usually do."
    assert editor.editor_for("days").box.accessibleName() == "How many days a week"  # type: ignore[attr-defined]
    scale = editor.editor_for("importance")
    assert scale.row.buttons[0].accessibleName() == "How important is this to me?: 0 (not at all)"  # type: ignore[attr-defined]
    chain = list_of(editor, "chain")
    qtbot.mouseClick(chain.add_button, Qt.MouseButton.LeftButton)
    assert cell_input(chain, 0, "event").accessibleName() == "What happened (Link 1)"
    assert "Ctrl+Enter" in cell_input(chain, 0, "event").accessibleDescription()
    unnamed = [
        w
        for w in visible_inputs(editor)
        if not w.accessibleName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert ", ".join(f"{type(w).__name__}:{w.objectName()}" for w in unnamed) == ""


def test_focus_first_field_and_scroll_position(editor: WorksheetEditor, qtbot: Any) -> None:
    editor.activateWindow()
    editor.focus_first_field()
    qtbot.waitUntil(lambda: line_of(editor, "substance").hasFocus(), timeout=2000)
    bar = editor.scroll_area.verticalScrollBar()
    assert bar.maximum() > 500
    editor.restore_scroll_position(400)
    assert editor.scroll_position() == 400
    rebuilt = WorksheetEditor(editor.form, editor.values())
    qtbot.addWidget(rebuilt)
    rebuilt.restore_scroll_position(300)  # before it is shown: applied once laid out
    rebuilt.resize(1100, 900)
    rebuilt.show()
    qtbot.waitUntil(lambda: rebuilt.scroll_position() == 300, timeout=2000)


def test_tab_order_follows_the_page(editor: WorksheetEditor) -> None:
    order = []
    widget: QWidget = line_of(editor, "substance")
    for _ in range(8):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus
            or not widget.isVisibleTo(editor)
        ):
            widget = widget.nextInFocusChain()
    story = editor.editor_for("story").box  # type: ignore[attr-defined]
    days = editor.editor_for("days").box  # type: ignore[attr-defined]
    assert order.index(story) == 1
    assert order.index(days.lineEdit()) == 2 or order.index(days) == 2


def test_segment_buttons_are_never_auto_default(editor: WorksheetEditor) -> None:
    buttons = [b for b in editor.findChildren(QPushButton) if b.property("segment")]
    assert buttons and not any(b.autoDefault() for b in buttons)


def test_tab_goes_down_the_page_through_rows_and_menus(qtbot: Any, form: FormDefinition) -> None:
    editor = shown_editor(qtbot, form, filled(form))
    chain = list_of(editor, "chain")
    qtbot.mouseClick(chain.add_button, Qt.MouseButton.LeftButton)  # rows added later keep their place
    QApplication.processEvents()
    canvas = editor.scroll_area.widget()
    start = line_of(editor, "substance")
    seen: list[QWidget] = []
    widget: QWidget = start
    for _ in range(400):
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(canvas)
            and canvas.isAncestorOf(widget)
        ):
            if widget in seen:
                break
            seen.append(widget)
        widget = widget.nextInFocusChain()
    tops = [w.mapTo(canvas, w.rect().topLeft()).y() for w in seen]
    bottoms = [w.mapTo(canvas, w.rect().bottomLeft()).y() for w in seen]
    backwards = [
        (a.accessibleName(), b.accessibleName())
        for (a, b, top_b, bottom_a) in zip(seen, seen[1:], tops[1:], bottoms, strict=False)
        if top_b < bottom_a - 400
    ]
    assert len(seen) > 40
    assert backwards == []
    order = [w.accessibleName() for w in seen]
    assert order.index("What happened (Link 1)") < order.index("What happened (Link 2)")
    assert order.index("What happened (Link 2)") < order.index("Where I stand: A limit per occasion: Not now")
