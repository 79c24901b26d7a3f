"""Carry forward in the window: starting a plan offers the client's earlier worksheets' items; only
the ticked ones land, each with its source noted, and print."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ihrp_desktop.app.carry_picker import CarryPicker
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, unlock

BALANCE = {"change_benefits": [{"item": "More money for the kids"}, {"item": "Sleep through the night"}]}
ALTERNATIVES = {"alternatives": {"pace": {"status": "will_try", "my_version": "water between beers"}}}


def _client_with_history(
    make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], qtbot: Any
) -> tuple[MainWindow, int]:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Ana Gómez")
        vault.new_worksheet(client.id, "decisional_balance", 1, values=BALANCE)
        vault.new_worksheet(client.id, "alternatives", 1, values=ALTERNATIVES)
        vault.add_client("Bruno Díaz")  # another client's worksheets offer nothing to Ana
    window = make_window(path)
    unlock(qtbot, window)
    window.show_client(client.id)
    return window, client.id


def _start_plan(qtbot: Any, window: MainWindow, client_id: int, act: Callable[[CarryPicker], None]) -> None:
    seen: dict[str, Any] = {}

    def in_picker(dialog: QDialog) -> None:
        assert isinstance(dialog, CarryPicker)
        seen["picker"] = dialog
        act(dialog)

    answer_next_dialog(in_picker)
    window.new_worksheet(client_id, "optimal_use_plan")
    qtbot.waitUntil(lambda: window.page is not None and window.page.form.id == "optimal_use_plan")
    assert "picker" in seen


def test_only_ticked_items_start_the_new_worksheet(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    window, client_id = _client_with_history(make_window, fast_vault, qtbot)

    def tick_two(picker: CarryPicker) -> None:
        assert "Ana" not in picker.windowTitle()
        rows = {row.text(0): row for row, _ in picker._items}
        assert set(rows) == {
            "More money for the kids",
            "Sleep through the night",
            "Pace it: space doses, eat, drink water — water between beers",
        }
        assert all(row.checkState(0) == Qt.CheckState.Unchecked for row in rows.values())  # none for them
        rows["More money for the kids"].setCheckState(0, Qt.CheckState.Checked)
        rows["Pace it: space doses, eat, drink water — water between beers"].setCheckState(
            0, Qt.CheckState.Checked
        )
        picker.resize(1366 - 80, 768 - 120)
        picker.grab().save(str(tmp_path / "carry-picker.png"))  # looked at; docs/screenshots has its copy
        qtbot.mouseClick(picker.start_button, Qt.MouseButton.LeftButton)

    _start_plan(qtbot, window, client_id, tick_two)
    values = window.vault.worksheet(window.page.worksheet_id).values
    today = window.vault.worksheets(client_id)[0].session_date
    assert values["my_reasons"].startswith("More money for the kids (from Decisional balance, ")
    assert "Sleep through the night" not in values["my_reasons"]  # not ticked, not brought in
    assert values["support_changes"].startswith(
        "Pace it: space doses, eat, drink water — water between beers"
    )
    assert window.page.editor.values()["my_reasons"] == values["my_reasons"]  # on screen too
    pdf = render_worksheet(window.page.form, values, PrintHeader(session_date=today), PrintOptions())
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "More money for the kids" in text and "from Decisional balance" in text
    assert "water between beers" in text


def test_start_empty_and_cancel_bring_in_nothing(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, client_id = _client_with_history(make_window, fast_vault, qtbot)

    def tick_all_then_start_empty(picker: CarryPicker) -> None:
        picker.set_all(True)
        qtbot.mouseClick(picker.empty_button, Qt.MouseButton.LeftButton)

    _start_plan(qtbot, window, client_id, tick_all_then_start_empty)
    values = window.vault.worksheet(window.page.worksheet_id).values
    assert not values.get("my_reasons") and not values.get("support_changes")
    count = len(window.vault.worksheets(client_id))
    answer_next_dialog(lambda picker: picker.reject())
    window.new_worksheet(client_id, "optimal_use_plan")
    window.writer.wait()
    assert len(window.vault.worksheets(client_id)) == count  # cancelled: no worksheet started
