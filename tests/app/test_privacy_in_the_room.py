"""Privacy in the room: client view, locking by hand and when idle, nothing lost by a lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QElapsedTimer, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit, QWidget

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, type_text, unlock

NOTE = "Therapist only: ask about the court date — Łukasz"
OTHER = "Аркадий Вересов"


def all_texts(root: QWidget) -> str:
    """Every text held by any widget in the window, shown or not."""
    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        for getter in ("text", "toPlainText", "windowTitle", "toolTip", "accessibleName"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:  # e.g. QComboBox.text does not exist, itemText needs an index
                    continue
                if isinstance(value, str):
                    parts.append(value)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.extend(model_texts(widget.model()))
    return "\n".join(parts)


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """The text of every cell of a list, tree or combo box, at any depth."""
    parent = parent or QModelIndex()
    texts = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private: one column
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            texts.append(str(model.data(index) or ""))
            texts.extend(model_texts(model, index))
    return texts


def plan_with_a_note(fast_vault: Callable[..., Path]) -> tuple[Path, int]:
    path = fast_vault(clients=("Ana Gómez", OTHER))
    vault = Vault.open(path, PASSPHRASE)
    ana = next(c for c in vault.clients() if c.name == "Ana Gómez")
    sheet = vault.new_worksheet(ana.id, "optimal_use_plan", 1,
                                values={"substance": "Cerveza", "clinician_note": NOTE})
    vault.close()
    return path, sheet.id


def plan_open(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> tuple[Path, int, MainWindow]:
    """The window unlocked on the plan with a therapist's note, that plan open."""
    path, sheet_id = plan_with_a_note(fast_vault)
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(sheet_id)
    return path, sheet_id, window


def test_client_view_shows_only_the_worksheet_and_f11_brings_everything_back(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    assert OTHER in all_texts(window) and NOTE in all_texts(window)
    font_before = window.page.editor.font().pixelSize()

    qtbot.mouseClick(window.page.client_view_button, Qt.MouseButton.LeftButton)
    assert window.client_view and window.isFullScreen()
    assert not window.client_list.isVisible() and not window.menuBar().isVisible()
    held = all_texts(window)
    assert OTHER not in held, "another client's name is still in the window"
    assert NOTE not in held, "the therapist's note is still in the window"
    assert "Cerveza" in held  # the worksheet itself stays
    assert window.page.editor.font().pixelSize() > font_before  # larger text for the client
    printed: dict[str, list[str]] = {}

    def copies(dialog: QDialog) -> None:
        assert isinstance(dialog, PrintDialog)
        printed["copies"] = [dialog.copy.itemData(i) for i in range(dialog.copy.count())]
        dialog.reject()

    answer_next_dialog(copies)
    window.page.print_button.click()
    # The client's screen never offers the clinician copy; the pocket card is theirs too (the plan's card).
    assert printed["copies"] == ["take-home", "pocket-card"]

    window.client_view_action.trigger()  # F11 again
    assert not window.client_view and not window.isFullScreen()
    assert window.client_list.isVisible() and window.menuBar().isVisible()
    assert OTHER in all_texts(window) and NOTE in all_texts(window)
    assert window.page.editor.values()["clinician_note"] == NOTE  # put back, value intact


def test_locking_in_mid_typing_loses_nothing_and_returns_to_the_same_place(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    vault = window.vault
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    box.setFocus()
    box.end(False)
    window.page.editor.restore_scroll_position(400)
    qtbot.waitUntil(lambda: window.page.editor.scroll_position() == 400)
    type_text(box, " y tequila")  # well inside the autosave pause: not saved yet
    assert window.page.autosaver.has_unsaved_changes

    window.lock_action.trigger()  # Ctrl+L
    assert window.vault is None and not vault.is_open  # keyed connections closed
    assert window.stack.currentWidget() is window.unlock_screen
    held = all_texts(window)
    for secret in ("Ana Gómez", OTHER, "Cerveza", NOTE):
        assert secret not in held, f"{secret!r} is still in the locked window"
    assert window.page is None and window.client_page.client_id is None

    unlock(qtbot, window)
    assert window.page is not None and window.page.worksheet_id == sheet_id
    assert window.page.editor.values()["substance"] == "Cerveza y tequila"
    qtbot.waitUntil(lambda: window.page.editor.scroll_position() == 400)


def test_a_page_closed_just_before_locking_leaves_the_window_with_the_lock(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    """A closed page waits for the event loop to delete it; a lock in that time takes it out too."""
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    client_id = window.vault.worksheet(sheet_id).client_id
    window.show_client(client_id)  # the page is closed, not yet deleted
    window.open_worksheet(sheet_id)
    window.open_worksheet(sheet_id)  # and twice more
    assert NOTE in all_texts(window)
    window.lock()  # before the event loop has run again
    held = all_texts(window)
    for secret in ("Ana Gómez", OTHER, "Cerveza", NOTE):
        assert secret not in held, f"{secret!r} is still in the locked window"


def test_idle_time_locks_the_window(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path, sheet_id = plan_with_a_note(fast_vault)
    window = make_window(path)
    assert window.settings.get("auto_lock_minutes") == 5  # the default
    window.idle.set_minutes(0.005)  # 0.3 s instead of 5 minutes
    unlock(qtbot, window)
    window.open_worksheet(sheet_id)
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    box.end(False)
    type_text(box, "!")
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    assert window.stack.currentWidget() is window.unlock_screen
    assert "Cerveza" not in all_texts(window)
    vault = Vault.open(path, PASSPHRASE)
    assert vault.worksheet(sheet_id).values["substance"] == "Cerveza!"  # saved on the way out
    vault.close()


def test_keys_and_the_mouse_in_the_window_keep_it_unlocked_until_it_is_left_alone(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    """Real input (through the window, as the system delivers it) restarts the idle count."""
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.idle.set_minutes(1 / 60)  # 1 s instead of 5 minutes
    window.idle.start()
    handle = window.windowHandle()
    clock = QElapsedTimer()
    clock.start()
    step = 0
    while clock.elapsed() < 2_500:  # two and a half idle times, never a second without input
        if step % 2:
            QTest.keyClick(handle, Qt.Key.Key_Shift)
        else:
            QTest.mouseMove(handle, QPoint(200 + step, 300))
        step += 1
        qtbot.wait(100)
        assert window.vault is not None, f"locked after {clock.elapsed()} ms of input"
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)  # left alone: it locks
    assert "Cerveza" not in all_texts(window)


def test_locking_closes_an_open_print_preview(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    seen: dict[str, Any] = {}

    def lock_while_open(dialog: QDialog) -> None:
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10_000)
        seen["dialog"] = dialog
        window.lock_action.trigger()  # Ctrl+L (or the idle timer) while the preview is up

    answer_next_dialog(lock_while_open)
    window.page.print_button.click()  # returns once the preview is gone
    assert not seen["dialog"].isVisible()
    assert window.vault is None
    open_dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert not open_dialogs
    assert "Cerveza" not in all_texts(window)


class _Painted(QObject):
    """Notes when ``widget`` is painted (monotonic clock, GUI thread)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.times: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.monotonic())
        return False


@pytest.mark.parametrize("busy", ["writer", "backup_runner"])
def test_locking_hides_the_records_before_waiting_for_a_long_save_or_backup(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], busy: str
) -> None:
    """Right after unlocking a large vault, the page check (writer) or the daily backup can run for
    seconds; Ctrl+L in that time must take the client's words off the screen at once."""
    path, sheet_id, window = plan_open(qtbot, make_window, fast_vault)
    window.writer.wait()
    painted = _Painted(window.unlock_screen)
    finished: list[float] = []

    def long_job() -> None:  # real work on the real worker thread: it just takes long
        time.sleep(1.5)
        finished.append(time.monotonic())

    getattr(window.session, busy).run(long_job, None, None)
    window.lock_action.trigger()
    assert finished, "the lock waited for the job, as it must before closing the vault"
    assert painted.times and painted.times[0] < finished[0], "the records stayed on screen meanwhile"
    assert window.vault is None and window.stack.currentWidget() is window.unlock_screen
