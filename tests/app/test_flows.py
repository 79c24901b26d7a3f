"""The whole window, driven like a therapist would: create, find, fill, reopen, revise, print, fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from ihrp_desktop.app.editor.dates import DateEditor
from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, type_text, unlock, visible_texts

SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)
# Several scripts and an emoji in every answer: Polish, Cyrillic, Spanish, Greek.
WORDS = "Zażółć gęślą jaźń · Съешь ещё этих булок · ñandú, ¿sí? · Ελπίδα 🌱"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_inputs(root: QWidget) -> list[QWidget]:
    """The free-text boxes a person can type into (not the text parts of spin boxes or combos)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QPlainTextEdit):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox) or widget.isReadOnly():
            continue
        if any(isinstance(up, DateEditor) for up in ancestors(widget)):
            continue  # dates take digits, not prose
        if widget.isVisibleTo(root) and widget.isEnabled():
            found.append(widget)
    return found


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    while (widget := widget.parentWidget()) is not None:
        found.append(widget)
    return found


def create_vault_in_window(qtbot: Any, window: MainWindow) -> None:
    screen = window.create_screen
    assert window.stack.currentWidget() is screen
    qtbot.keyClicks(screen.first, "quiet river behind the clinic")
    qtbot.keyClicks(screen.second, "quiet river behind the clinic")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=15_000)
    assert window.stack.currentWidget() is window.workspace
    # The recovery sheet is offered once the vault exists (tests/app/test_recovery_and_passphrase.py).
    qtbot.waitUntil(lambda: window.dialogs.key_dialog is not None and window.dialogs.key_dialog.isVisible())
    qtbot.mouseClick(window.dialogs.key_dialog.not_now_button, Qt.MouseButton.LeftButton)
    assert window.dialogs.key_dialog is None


def add_client(qtbot: Any, window: MainWindow, name: str) -> int:
    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        box = dialog.findChild(QLineEdit)
        type_text(box, name)
        dialog.accept()

    answer_next_dialog(type_name)
    qtbot.mouseClick(window.client_list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_page.client_id is not None)
    assert window.client_page.name.text() == name
    return window.client_page.client_id


def start_worksheet(qtbot: Any, window: MainWindow, form_id: str) -> None:
    """Start one from the client page; if earlier worksheets offer items, start it empty."""
    from ihrp_desktop.app.carry_picker import CarryPicker

    started = window.page

    def start_empty() -> None:  # the carry-forward picker, when one shows (tests/app/test_carry_picker.py)
        if window.page is not started:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, CarryPicker) and dialog.isVisible():
            dialog.empty_button.click()
        else:
            QTimer.singleShot(10, start_empty)

    action = next(a for a in window.client_page.new_menu.actions()
                  if a.text() == window.library.get(form_id).title.get("en"))
    QTimer.singleShot(0, start_empty)
    action.trigger()
    qtbot.waitUntil(lambda: window.page is not None and window.page.form.id == form_id
                    and window.page is not started)


def fill_every_text(qtbot: Any, window: MainWindow, tag: str) -> list[str]:
    """Add a row to every list, then type a distinct multi-script answer into every text box."""
    page = window.page
    assert page is not None
    for lst in page.editor.findChildren(ListEditor):
        if lst.isVisibleTo(page.editor) and not lst.rows:
            qtbot.mouseClick(lst.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the new rows are shown once the event loop has run, as a person would see them
    typed = []
    for n, box in enumerate(text_inputs(page.editor)):
        answer = f"{tag}-{n} {WORDS}"
        box.setFocus()
        type_text(box, answer)
        typed.append(answer)
    return typed


def unlocked_after_the_daily_backup(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> tuple[Path, MainWindow]:
    """A vault of one client, unlocked in a window, once the unlock's automatic daily backup is made."""
    path = fast_vault(clients=("Ana Gómez",))
    window = make_window(path)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: backups.latest_backup(path) is not None, timeout=10_000)
    window.session.backup_runner.wait()
    return path, window


def wait_saved(qtbot: Any, window: MainWindow) -> None:
    page = window.page
    assert page is not None
    qtbot.waitUntil(lambda: not page.autosaver.has_unsaved_changes and page.save_state.text() == "Saved",
                    timeout=10_000)


def test_create_fill_every_worksheet_reopen_and_find_every_value(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault"
    window = make_window(vault_path)
    assert window.windowTitle() == "IHRP Desktop"
    create_vault_in_window(qtbot, window)
    client_id = add_client(qtbot, window, "Małgorzata Юлия Núñez 🌿")
    assert window.windowTitle() == "IHRP Desktop"  # never a client's name

    expected: dict[int, dict[str, Any]] = {}
    typed_by_sheet: dict[int, list[str]] = {}
    for form_id in SHIPPED:
        if window.page is not None:
            qtbot.mouseClick(window.page.back_button, Qt.MouseButton.LeftButton)
        start_worksheet(qtbot, window, form_id)
        page = window.page
        assert page is not None
        sheet = window.vault.worksheet(page.worksheet_id)
        assert sheet.session_date == dt.date.today()  # today's session by default
        typed = fill_every_text(qtbot, window, form_id)
        written = sum(1 for _, f in page.form.all_fields() for c in (f.columns or (f,)) if c.traits.written)
        assert len(typed) >= min(3, written), f"{form_id}: too few text boxes found to fill"
        wait_saved(qtbot, window)
        expected[page.worksheet_id] = page.editor.values()
        typed_by_sheet[page.worksheet_id] = typed
        stored = json.dumps(expected[page.worksheet_id], ensure_ascii=False)
        missing = [answer for answer in typed if answer not in stored]
        assert not missing, (form_id, missing, stored[:3000])

    window.lock()
    assert window.vault is None
    window.close()

    # Straight from the vault file: every value as it was on screen.
    vault = Vault.open(vault_path, "quiet river behind the clinic")
    try:
        sheets = vault.worksheets(client_id)
        assert sorted(s.form_id for s in sheets) == sorted(SHIPPED)
        for sheet_id, values in expected.items():
            assert vault.worksheet(sheet_id).values == values
    finally:
        vault.close()

    # And through a new window, as the next morning: every answer back on screen.
    again = make_window(vault_path)
    unlock(qtbot, again, "quiet river behind the clinic")
    for sheet_id, typed in typed_by_sheet.items():
        again.open_worksheet(sheet_id)
        on_screen = "\n".join(visible_texts(again.page.editor))
        missing = [answer for answer in typed if answer not in on_screen]
        assert not missing, f"worksheet {sheet_id}: {missing[:2]}"


def test_search_archive_and_client_page_order(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault(clients=("Ana Gómez", "Аркадий Вересов", "Zofia Łęcka"))
    vault = Vault.open(path, PASSPHRASE)
    zofia = next(c for c in vault.clients() if c.name == "Zofia Łęcka")
    older = vault.add_session(zofia.id, dt.date(2026, 1, 5))
    vault.new_worksheet(zofia.id, "microanalysis", 1, session_id=older.id)
    vault.new_worksheet(zofia.id, "decisional_balance", 1)
    vault.close()
    window = make_window(path)
    unlock(qtbot, window)
    names = window.client_list.list
    assert names.count() == 3

    type_text(window.client_list.search, "ŁĘ")  # any case, any script
    assert [names.item(i).text() for i in range(names.count())] == ["Zofia Łęcka"]
    qtbot.keyClick(window.client_list.search, Qt.Key.Key_Return)
    assert window.client_page.client_id == zofia.id
    tree = window.client_page.tree
    dates = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Session 1" in dates[-1] and "2026" in dates[-1] and "Session 2" in dates[0], dates
    first_sheet = tree.topLevelItem(0).child(0)
    assert first_sheet.text(0) == "Decisional balance" and first_sheet.text(1) == "Draft"

    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # "Archive?"
    window.client_page.toggle_archive()  # written on the writer; the list follows once it is stored
    window.client_list.search.clear()
    qtbot.waitUntil(lambda: names.count() == 2)
    shown = [names.item(i).text() for i in range(names.count())]
    assert "Zofia Łęcka" not in shown and len(shown) == 2
    window.client_list.show_archived.setChecked(True)
    assert any("Zofia Łęcka" in names.item(i).text() for i in range(names.count()))


def test_revise_plan_starts_a_linked_version_showing_the_old_answers(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    first = window.page
    substance = first.editor.editor_for("substance")
    box = substance.findChild(QLineEdit)
    type_text(box, "Cerveza")
    wait_saved(qtbot, window)
    old_id = first.worksheet_id

    qtbot.mouseClick(first.revise_button, Qt.MouseButton.LeftButton)  # the empty review shows first
    assert window.page is first and first.banner.isVisibleTo(first)
    qtbot.mouseClick(first.revise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id != old_id)
    page = window.page
    new = window.vault.worksheet(page.worksheet_id)
    assert new.previous_id == old_id and new.version_number == 2
    assert page.title.text() == "Version 2"
    assert page.editor.values()["substance"] == "Cerveza"  # starts from the previous answers
    box = page.editor.editor_for("substance").findChild(QLineEdit)
    box.selectAll()
    type_text(box, "Vino")
    wait_saved(qtbot, window)
    before = page.editor._page.blocks["substance"].previous  # the old answer, shown beside the new one
    assert before.isVisible() and "Cerveza" in before.text()
    assert window.vault.worksheet(old_id).values["substance"] == "Cerveza"  # the old version is kept


def test_print_preview_renders_from_memory_and_records_the_print(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    type_text(box, "Żubrówka")
    seen: dict[str, Any] = {}

    def look_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, PrintDialog)
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10_000)
        seen["pages"] = dialog.document.pageCount()
        seen["text"] = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes)).pages)
        dialog.discreet.setChecked(True)
        qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")) and dialog.options().discreet)
        seen["saved"] = dialog.save_to(str(tmp_path / "my-plan.pdf"))
        dialog.reject()

    answer_next_dialog(look_and_save)
    qtbot.mouseClick(window.page.print_button, Qt.MouseButton.LeftButton)  # saves first, then previews
    assert seen["pages"] >= 1 and "Żubrówka" in seen["text"] and "Ana Gómez" in seen["text"]
    assert seen["saved"]
    saved = pypdf.PdfReader(tmp_path / "my-plan.pdf")
    discreet_text = "".join(p.extract_text() for p in saved.pages)
    assert "Żubrówka" in discreet_text and "Ana Gómez" not in discreet_text
    events = [e.action for e in window.vault.audit_events()]
    assert "printed" in events
