"""Keys that belong to the worksheet rather than to the box that has focus.

Ctrl+Z / Ctrl+Shift+Z (the platform's undo and redo) go to the worksheet's undo stack, not to a
text box's private history, so one undo covers typing, clicks and row moves alike. Inside a list
row: Ctrl+Enter inserts a row below, Alt+Up / Alt+Down move the row, Ctrl+Shift+Delete removes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from .row import RowWidget
from .rows import ListEditor

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_IGNORED = Qt.KeyboardModifier.KeypadModifier


def row_action(event: QKeyEvent) -> str | None:
    mods = event.modifiers() & ~_IGNORED
    key = event.key()
    if mods == _CTRL and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "insert"
    if mods == _ALT and key == Qt.Key.Key_Up:
        return "up"
    if mods == _ALT and key == Qt.Key.Key_Down:
        return "down"
    if mods == (_CTRL | _SHIFT) and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return "remove"
    return None


class KeyRouter(QObject):
    def __init__(self, undo: Callable[[], None], redo: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._undo = undo
        self._redo = redo

    def watch(self, root: QWidget) -> None:
        """Route the keys of ``root`` and every input inside it (call again for new rows)."""
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.removeEventFilter(self)
                widget.installEventFilter(self)

    def _action(self, watched: QObject, event: QKeyEvent) -> tuple[str, RowWidget | None] | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo", None
        if event.matches(QKeySequence.StandardKey.Redo):
            return "redo", None
        action = row_action(event)
        if action is None or not isinstance(watched, QWidget):
            return None
        row = _row_of(watched)
        return (action, row) if row is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        found = self._action(watched, event)
        if found is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us as a key press, not to an app-wide shortcut
            return True
        action, row = found
        if action == "undo":
            self._undo()
        elif action == "redo":
            self._redo()
        elif row is not None:
            owner = _list_of(row)
            if owner is not None and isinstance(watched, QWidget):
                owner.row_key(row, action, watched)
        return True


def _row_of(widget: QWidget) -> RowWidget | None:
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, RowWidget):
            return current
        current = current.parentWidget()
    return None


def _list_of(row: RowWidget) -> ListEditor | None:
    current = row.parentWidget()
    while current is not None:
        if isinstance(current, ListEditor):
            return current
        current = current.parentWidget()
    return None
