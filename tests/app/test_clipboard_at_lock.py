"""At lock the clipboard loses text copied from the app's fields; text from elsewhere stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from ihrp_desktop.app.main_window import MainWindow
from tests.app.driving import type_text, unlock

ANSWER = "Zażółć answer copied 🌱"


def _open_a_worksheet(qtbot: Any, make_window: Callable[[Path], MainWindow], path: Path) -> MainWindow:
    window = make_window(path)
    unlock(qtbot, window)
    assert window.vault is not None
    client = window.vault.add_client("Ana")
    window.client_list.refresh()
    window.new_worksheet(client.id, "optimal_use_plan")  # made on the writer, then opened
    qtbot.waitUntil(lambda: window.page is not None)
    return window


def test_text_copied_from_a_field_is_cleared_at_lock(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], free_widgets: None
) -> None:
    window = _open_a_worksheet(qtbot, make_window, fast_vault())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.page
    assert page is not None
    fields = [*page.findChildren(QPlainTextEdit), *page.findChildren(QLineEdit)]
    field = next(w for w in fields if w.isVisible() and w.isEnabled() and not w.isReadOnly())
    field.setFocus()
    type_text(field, ANSWER)
    field.selectAll()
    field.copy()  # Ctrl+C in the field: the real clipboard (offscreen platform)
    assert QApplication.clipboard().text() == ANSWER
    window.lock()
    assert QApplication.clipboard().text() == ""


def test_text_from_elsewhere_is_left_alone(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], free_widgets: None
) -> None:
    window = _open_a_worksheet(qtbot, make_window, fast_vault())
    board = QApplication.clipboard()
    board.setText("an address from the mail program")
    # The guard saw it arrive while the app was in front; one it did not see is another program's.
    window.clipboard_guard._ours.clear()
    window.lock()
    assert board.text() == "an address from the mail program"
    board.clear()
