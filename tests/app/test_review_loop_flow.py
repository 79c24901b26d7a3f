"""The review loop with real widgets and a real vault: a decisional balance and an 18 Alternatives
filled in the editor, a plan started from both through the picker and printed, reviewed and revised
(the old review gone from version 2 and shown as "Before:"), and a plan for two substances used
together printed with both families' safety text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.carry_picker import CarryPicker
from ihrp_desktop.app.editor.choices import ChoiceEditor
from ihrp_desktop.app.editor.menu import MenuEditor
from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, type_text, unlock

REASON = "Sleep through the night"
TRIED = "Three nights without beer"


def _input(cell: QWidget) -> QWidget:
    return getattr(cell, "line", None) or getattr(cell, "box", None) or cell


def _choose(qtbot: Any, cell: QWidget, option_id: str) -> None:
    """Click an option's button as a person would."""
    assert isinstance(cell, ChoiceEditor) and cell.segments is not None
    ids = [key for key, _ in cell._items]
    qtbot.mouseClick(cell.segments.buttons[ids.index(option_id)], Qt.MouseButton.LeftButton)


def _add_row(qtbot: Any, lst: QWidget, column: str, text: str) -> None:
    assert isinstance(lst, ListEditor)
    qtbot.mouseClick(lst.add_button, Qt.MouseButton.LeftButton)
    type_text(_input(lst.rows[-1].cells[column]), text)


def _new(qtbot: Any, window: MainWindow, client_id: int, form_id: str) -> Any:
    window.new_worksheet(client_id, form_id)
    qtbot.waitUntil(lambda: window.page is not None and window.page.form.id == form_id)
    return window.page


def _saved(window: MainWindow) -> dict[str, Any]:
    window.page.flush()
    window.writer.wait()
    return window.vault.worksheet(window.page.worksheet_id).values


def _printed(qtbot: Any, window: MainWindow) -> str:
    """The take-home copy as the print dialog renders it, read back with pypdf."""
    dialog = PrintDialog(window.vault, window.page.form, window.page.worksheet_id, BackgroundRunner(),
                         parent=window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")), timeout=20_000)
    pages = pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes)).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    dialog.reject()
    return text


def _window(make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], qtbot: Any
            ) -> tuple[MainWindow, int]:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client_id = vault.add_client("Ana Gómez").id
    window = make_window(path)
    unlock(qtbot, window)
    window.show_client(client_id)
    return window, client_id


def test_balance_and_alternatives_carry_into_a_plan_that_prints_is_reviewed_and_revised(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, client_id = _window(make_window, fast_vault, qtbot)

    balance = _new(qtbot, window, client_id, "decisional_balance")
    _add_row(qtbot, balance.editor.editor_for("change_benefits"), "item", REASON)
    assert _saved(window)["change_benefits"][0]["item"] == REASON

    alternatives = _new(qtbot, window, client_id, "alternatives")
    menu = alternatives.editor.editor_for("alternatives")
    assert isinstance(menu, MenuEditor)
    _choose(qtbot, menu.rows["fewer_days"].cells["status"], "will_try")
    type_text(_input(menu.rows["fewer_days"].cells["my_version"]), TRIED)
    _choose(qtbot, menu.rows["naloxone"].cells["status"], "not_for_me")  # beer only: it doesn't apply
    assert _saved(window)["alternatives"]["naloxone"]["status"] == "not_for_me"

    def pick_everything(picker: QDialog) -> None:
        assert isinstance(picker, CarryPicker)
        offered = {row.text(0) for row, _ in picker._items}
        assert REASON in offered and not any("naloxone" in text for text in offered)  # never carried
        picker.set_all(True)
        qtbot.mouseClick(picker.start_button, Qt.MouseButton.LeftButton)

    answer_next_dialog(pick_everything)
    plan = _new(qtbot, window, client_id, "optimal_use_plan")
    type_text(_input(plan.editor.editor_for("substance")), "Beer")
    values = _saved(window)
    assert values["my_reasons"].startswith(f"{REASON} (from Decisional balance, ")
    assert TRIED in values["support_changes"] and "(from 18 Alternatives, " in values["support_changes"]
    printed = _printed(qtbot, window)
    assert REASON in printed and TRIED in printed and "(from 18 Alternatives, " in printed

    # The review, filled at the next session, then "Revise plan": version 2 starts it empty.
    type_text(_input(plan.editor.editor_for("review_learned")), "Weeknights were easy")
    old_id = plan.worksheet_id
    _saved(window)
    qtbot.mouseClick(plan.revise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id != old_id)
    second = window.page
    stored = window.vault.worksheet(second.worksheet_id).values
    assert not stored.get("review_learned") and stored["my_reasons"] == values["my_reasons"]
    before = second.editor._page.blocks["review_learned"].previous
    assert before.isVisibleTo(second) and before.text().startswith("Before:")
    assert "Weeknights were easy" in before.text()
    assert "Weeknights were easy" not in _printed(qtbot, window)  # the old review is not on version 2


def test_a_plan_for_two_substances_used_together_prints_both_families(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, client_id = _window(make_window, fast_vault, qtbot)
    plan = _new(qtbot, window, client_id, "optimal_use_plan")
    type_text(_input(plan.editor.editor_for("substance")), "Beer")
    _add_row(qtbot, plan.editor.editor_for("used_with"), "substance", "Pills sold as oxycodone")
    assert _saved(window)["used_with"][0]["substance"] == "Pills sold as oxycodone"
    printed = _printed(qtbot, window)
    assert "Opioids: overdose" in printed and "Alcohol, benzodiazepines and other depressants" in printed
    assert "Mixing alcohol, benzos, GHB, opioids or sleeping pills slows breathing far more." in printed


def test_alternatives_show_the_note_statuses_and_cautions(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    window, client_id = _window(make_window, fast_vault, qtbot)
    page = _new(qtbot, window, client_id, "alternatives")
    window.resize(1366, 768)
    labels = {w.objectName(): w for w in page.findChildren(QLabel)}
    assert "It is not Tatarsky's own list." in labels["attribution"].text()
    menu = page.editor.editor_for("alternatives")
    assert isinstance(menu, MenuEditor)
    status = menu.rows["naloxone"].cells["status"]
    assert isinstance(status, ChoiceEditor) and status.segments is not None  # five buttons, still one row
    assert [b.text() for b in status.segments.buttons][-1] == "Doesn't apply to me"
    cautions = [w for w in page.findChildren(QLabel) if w.objectName() == "menuCaution"]
    assert len(cautions) == 2 and all("stopping suddenly can cause seizures" in c.text() for c in cautions)
    numbers = [w.text() for w in page.findChildren(QLabel) if w.objectName() == "menuNumber"]
    assert numbers == [str(n) for n in range(1, 23)]
    window.grab().save(str(tmp_path / "alternatives.png"))


def test_an_alternatives_worksheet_saved_under_version_1_opens_edits_and_keeps_every_answer(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    from tests.core.test_alternatives_v2 import STORED_V1

    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client_id = vault.add_client("Ana Gómez").id
        sheet_id = vault.new_worksheet(client_id, "alternatives", 1, values=STORED_V1).id
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(sheet_id)
    page = window.page
    assert page is not None
    shown = page.editor.editor_for("review_tried").box.toPlainText()  # type: ignore[attr-defined]
    assert shown == STORED_V1["review_tried"]
    _choose(qtbot, page.editor.editor_for("alternatives").rows["checkup"].cells["status"], "will_try")
    saved = _saved(window)
    assert saved["alternatives"]["checkup"]["status"] == "will_try"
    for key in ("chosen", "review_tried", "review_learned", "clinician_note"):
        assert saved[key] == STORED_V1[key], key
    for row_id, row in STORED_V1["alternatives"].items():
        assert saved["alternatives"][row_id].items() >= row.items(), row_id
    assert "The limit worked on weeknights, not on Fridays." in _printed(qtbot, window)
