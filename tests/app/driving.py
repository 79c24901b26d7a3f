"""Driving real widgets the way a person does: typing any Unicode, unlocking, answering dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

PASSPHRASE = "Łódź в полночь: 🌙 tea"


def type_text(widget: QWidget, text: str) -> None:
    """One key press and release per character (QTest.keyClicks only handles Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def unlock(qtbot: Any, window: Any, passphrase: str = PASSPHRASE) -> None:
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)


def answer_next_dialog(act: Callable[[QDialog], None]) -> None:
    """Deal with the next modal dialog as a person would (``act`` types and clicks in it)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a person could read in ``root`` right now."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
    return texts


def open_and_settle(qtbot: Any, window: Any, worksheet_id: int) -> Any:
    """Unlock ``window``, open the worksheet and wait until no write or backup is under way; its page."""
    unlock(qtbot, window)
    window.open_worksheet(worksheet_id)
    assert window.page is not None
    window.writer.wait()
    window.session.backup_runner.wait()
    return window.page
