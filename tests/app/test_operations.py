"""One way to write (app/operations.py): no write of the app runs on the GUI thread, and a write that
fails says so in plain words and loses nothing."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.preferences import PreferencesDialog
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core.vault import Vault, store
from tests.app.driving import PASSPHRASE, answer_next_dialog, open_and_settle, type_text, unlock


class Writes:
    """Every write transaction the vault begins, with the thread it began on."""

    def __init__(self) -> None:
        self.count = 0
        self.on_gui_thread: list[str] = []

    def __call__(self) -> None:
        self.count += 1
        if threading.current_thread() is threading.main_thread():  # the Qt GUI thread in tests
            self.on_gui_thread.append("".join(traceback.format_stack()[-14:-1]))


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Writes]:
    seen = Writes()
    monkeypatch.setattr(store, "write_observer", seen)
    yield seen


def _type_into_next_input(text: str) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        box = dialog.findChild(QLineEdit)
        box.clear()
        type_text(box, text)
        dialog.accept()

    answer_next_dialog(act)


def _choose(combo: Any, data: str) -> None:
    """Pick an entry as a person does (``activated`` fires only for a person's choice)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_no_write_of_the_app_runs_on_the_gui_thread(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
    writes: Writes, tmp_path: Path, free_widgets: None
) -> None:
    path = fast_vault()
    writes.__init__()  # from here on: the app's writes only (the test made the vault on this thread)
    window = make_window(path)  # the app's own runners: a thread pool and the serial writer
    unlock(qtbot, window)  # records "unlocked" after the page check
    _type_into_next_input("Ana Gómez")
    qtbot.mouseClick(window.client_list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_page.client_id is not None)
    client_id = window.client_page.client_id
    _type_into_next_input("Ana G.")
    window.client_page.rename()
    qtbot.waitUntil(lambda: window.client_page.name.text() == "Ana G.")
    _choose(window.client_page.language, "es:informal")
    report = tmp_path / "report.pdf"  # the progress report's audit record: a write too

    def choose_report(dialog: QDialog) -> None:
        dialog.selectFile(str(report))
        dialog.accept()

    answer_next_dialog(choose_report)
    window.client_page.save_report()
    assert report.exists()
    preferences = PreferencesDialog(window.settings, window, vault=window.vault, writer=window.writer)
    assert preferences.practice_section is not None
    preferences.practice_section.name.setText("Calle Mayor 5")  # the practice profile: a write too
    preferences.accept()
    assert window.vault.practice().name == "Calle Mayor 5"
    window.new_worksheet(client_id, "optimal_use_plan")
    qtbot.waitUntil(lambda: window.page is not None)
    page = window.page
    box = page.editor.editor_for("substance").findChild(QLineEdit)
    box.setFocus()
    type_text(box, "Cerveza")
    qtbot.waitUntil(lambda: not page.autosaver.has_unsaved_changes, timeout=10_000)
    _choose(page.status, "reviewed")
    _choose(page.filled_by, "client")
    page.set_language("en")
    first_id = page.worksheet_id
    window.revise_current()  # shows the empty review first
    window.revise_current()
    qtbot.waitUntil(lambda: window.page is not None and window.page is not page)
    dialog = PrintDialog(window.vault, window.page.form, window.page.worksheet_id, window.runner,
                         writer=window.writer, parent=window)
    qtbot.waitUntil(lambda: bool(dialog.pdf_bytes), timeout=20_000)
    assert dialog.save_to(str(tmp_path / "plan.pdf"))
    dialog.deleteLater()
    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # "Archive?"
    window.client_page.toggle_archive()
    window.writer.wait()
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    box.setFocus()
    type_text(box, " y agua")  # still unsaved when the lock comes: the lock's last save
    on_screen, revised_id = window.page.editor.values(), window.page.worksheet_id
    window.lock()
    assert window.vault is None

    assert not writes.on_gui_thread, "\n\n".join(writes.on_gui_thread)
    # unlocked, client added, renamed, language, report, practice, worksheet, saves, status, filled by,
    # language, revised, printed, archived, the last save, locked
    assert writes.count >= 16

    with Vault.open(window.vault_path, PASSPHRASE) as vault:
        client = vault.client(client_id)
        assert (client.name, client.language, client.archived) == ("Ana G.", "es", True)
        sheets = vault.worksheets(client_id)
        first = next(s for s in sheets if s.id == first_id)
        assert (first.status, first.filled_by, first.language) == ("reviewed", "client", "en")
        assert vault.worksheet(revised_id).values == on_screen
        assert "y agua" in on_screen["substance"]
        writes.on_gui_thread.clear()
        vault.record("printed", detail="a write from this thread")  # the hook does see the GUI thread
        assert len(writes.on_gui_thread) == 1


def test_a_failed_write_says_so_in_plain_words_and_loses_nothing(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], free_widgets: None
) -> None:
    path = fast_vault(clients=("Ana Gómez",))
    with Vault.open(path, PASSPHRASE) as vault:
        sheet = vault.new_worksheet(vault.clients()[0].id, "optimal_use_plan", 1, values={"substance": "Té"})
    window = make_window(path)
    page = open_and_settle(qtbot, window, sheet.id)
    window.vault.close()  # the store is closed under the window: every write now fails

    said: list[str] = []

    def read_and_close(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    answer_next_dialog(read_and_close)
    _choose(page.status, "reviewed")
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("The status was not changed. ")
    assert "The vault is locked." in said[0]  # why, in describe_failure's words
    assert "Traceback" not in said[0] and "Error" not in said[0]
    assert page.status.currentData() == "draft"  # the box shows what the vault holds again
    assert page.editor.values()["substance"] == "Té"  # nothing on screen was lost

    answer_next_dialog(read_and_close)
    window.new_worksheet(sheet.client_id, "decisional_balance")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert said[1].startswith("The new worksheet was not made. ")
    assert window.page is page  # still the worksheet that was open, as it was
    QApplication.processEvents()

    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.worksheet(sheet.id).status == "draft"
        assert [s.form_id for s in vault.worksheets(sheet.client_id)] == ["optimal_use_plan"]
