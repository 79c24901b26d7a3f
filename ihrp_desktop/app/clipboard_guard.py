"""The clipboard at lock: text copied from the app leaves with the vault.

A client's answer copied into the clipboard would otherwise stay there after Ctrl+L, for anyone
who pastes. The guard notes a fingerprint (SHA-256, never the text) of each text the clipboard
receives while the app is in front (a copy from one of its fields, or the app's own setText), and
at lock clears the clipboard if it still holds one of them, or if the system says this app owns
it. Text copied from other programs is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    """Watches the clipboard; ``clear_if_ours`` at lock."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ours: set[str] = set()
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        app_in_front = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if app_in_front or self._clipboard.ownsClipboard():
            text = self._clipboard.text()
            if text:
                self._ours.add(_fingerprint(text))

    def clear_if_ours(self) -> bool:
        """Clear the clipboard (and the selection clipboard) if it holds text from the app; True if so."""
        cleared = False
        board = self._clipboard
        modes = [(QClipboard.Mode.Clipboard, board.ownsClipboard())]
        if board.supportsSelection():  # X11's middle-click selection
            modes.append((QClipboard.Mode.Selection, board.ownsSelection()))
        for mode, owned in modes:
            text = board.text(mode)
            if text and (owned or _fingerprint(text) in self._ours):
                board.clear(mode)
                cleared = True
        self._ours.clear()
        return cleared
