"""The idle lock's clock: ``idle`` fires after the set minutes without keyboard or mouse input.

Input is watched on the window that has the keyboard focus, not on the whole application: a
Python filter on the application runs for every event of every widget (tens of thousands while a
worksheet page is built; docs/performance.md) and makes each of them wait for
the interpreter lock while a worker runs. Keys go to the focus window, and a click in another of
the app's windows gives it the focus (which counts as input too). Not counted: the mouse moving
over a window without the focus, and input inside a popup menu or list. Both err towards locking
a little early, never late.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from shiboken6 import isValid

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._window: QWindow | None = None
        self._following = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(1, int(minutes * 60_000)))

    def start(self) -> None:
        """Count from now; any key or mouse input in the app starts the count again."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and not self._following:
            app.focusWindowChanged.connect(self._watch)
            self._following = True
            self._watch(app.focusWindow())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._following:
            app.focusWindowChanged.disconnect(self._watch)
            self._following = False
        self._watch(None)

    def _watch(self, window: QWindow | None) -> None:
        if self._window is not None and isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = window
        if window is not None:
            window.installEventFilter(self)
            if self._timer.isActive():
                self._timer.start()  # a person clicked into another window of the app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
