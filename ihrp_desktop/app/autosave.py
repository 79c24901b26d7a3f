"""Never lose a word: save a worksheet shortly after every change, without any button.

Saves go through the serial writer (one at a time, in order). A failed save (disk full,
permission denied) leaves the text in the editor, says so, and retries until it works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from ..core.vault import VaultError
from .i18n import failure_message, translate
from .operations import VaultOp, write_now

SAVE_DELAY_MS = 600  # a pause in typing this long triggers a save; well inside "about a second"
MAX_UNSAVED_MS = 900  # ...and typing without a pause is saved at least this often
REVISION_COALESCE_S = 30.0  # edits this close together extend one revision instead of adding many
RETRY_MS = 3000


class Autosaver(QObject):
    """Coalesces a burst of edits into one durable save."""

    state_changed = Signal(str, str)  # state ("saving" | "saved" | "failed"), plain-words detail

    def __init__(self, writer: Any, snapshot: Callable[[], dict[str, Any]],
                 save: Callable[[dict[str, Any]], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._writer = writer
        self._snapshot = snapshot
        self._save = save
        self._dirty = False
        self._in_flight = False
        self._closed = False  # after flush(stop=True) late worker results are ignored
        self.last_error: str = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_now)
        self._unsaved_for = QElapsedTimer()  # since the oldest edit not yet handed to the writer

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty or self._in_flight

    def changed(self) -> None:
        """Call after every edit."""
        if not self._dirty:
            self._unsaved_for.start()
        self._dirty = True
        if self.last_error and self._timer.isActive():
            return  # saving is failing: the retry is already timed, the message stays up
        self.state_changed.emit("pending", "")
        # Wait for a pause in typing, but never let the oldest unsaved word wait past MAX_UNSAVED_MS.
        left = MAX_UNSAVED_MS - self._unsaved_for.elapsed()
        self._timer.start(max(0, min(SAVE_DELAY_MS, left)))

    def _save_now(self) -> None:
        if not self._dirty:
            return
        if self._in_flight:  # the writer is busy: this change is saved right after
            return
        values = self._snapshot()
        self._dirty = False
        self._in_flight = True
        self.state_changed.emit("saving", "")
        VaultOp(None, self._writer, lambda: self._save(values)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, _result: Any) -> None:
        if self._closed:
            return
        self._in_flight = False
        self.last_error = ""
        if self._dirty:
            self._save_now()
        else:
            self.state_changed.emit("saved", "")

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._in_flight = False
        self._dirty = True  # the edit is still only on screen: keep trying
        self.last_error = failure_message(exc) if isinstance(exc, VaultError) else (
            failure_message(exc) + " "
            + translate("Autosaver", "Your text is still here; saving will be tried again."))
        self.state_changed.emit("failed", self.last_error)
        self._timer.start(RETRY_MS)

    def stop(self) -> None:
        """Stop saving: the page is going away (its last state was flushed before)."""
        self._timer.stop()
        self._closed = True

    def flush(self, *, closing: bool = False) -> bool:
        """Save now and wait (locking, closing, quitting). True when everything is saved.

        With ``closing`` the saver then ignores results still on their way from the writer.
        """
        self._timer.stop()
        self._writer.wait()
        # A save that was in flight has finished, but its result may not have arrived yet:
        # saving the same snapshot again is harmless and makes the outcome certain.
        if self._dirty or self._in_flight:
            values = self._snapshot()
            try:
                write_now(self._writer, lambda: self._save(values))  # still on the writer, never here
            except Exception as exc:  # noqa: BLE001 - reported; the caller keeps the editor open
                self._in_flight = False
                self._failed(exc)
                return False
            self._dirty = False
            self._in_flight = False
            self.state_changed.emit("saved", "")
        self._closed = closing
        return True
