"""The app's last word on an error nobody expected: a dialog in plain words, and the app keeps going.

``install`` points ``sys.excepthook`` (errors in Qt's slots and event handlers) and
``threading.excepthook`` (Python threads) here; the background runner sends a failure that has no
failure callback here too. The report itself is written by ``core/crash_report.py`` (type and frames,
no values); the dialog names its file (tests/hostile/test_no_traceback.py).
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from .. import APP_NAME
from .i18n import translate


class _Relay(QObject):
    """Carries a message from any thread to the GUI thread (a queued signal)."""

    message = Signal(str)


_relay: _Relay | None = None
_box: Any = None  # the QMessageBox on screen
_previous: tuple[Any, Any] | None = None


def show(message: str) -> None:
    """The dialog (GUI thread only). One at a time: a burst of the same error opens one window."""
    global _box
    if _box is not None and isValid(_box) and _box.isVisible():  # invalid: deleted with its parent window
        return
    from PySide6.QtWidgets import QMessageBox  # named only when needed (PySide6 builds types lazily)

    parent = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("crashMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Keeps running: tests/hostile/test_no_traceback.py (test_an_error_in_a_qt_slot_shows_a_dialog...).
    box.setInformativeText(translate(
        "Crash", "IHRP Desktop keeps running. If something looks wrong, close it and start it again; "
        "your saved work is in the vault."))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(_forget)
    _box = box
    box.open()  # not exec(): no nested event loop inside an error handler


def _forget() -> None:
    global _box
    _box = None


def words(exc: BaseException) -> str:
    """Write the report and say so in the interface language (the error's type only, never its text;
    the report's content and the named file: tests/hostile/test_no_traceback.py)."""
    from ..core.crash_report import write_report  # loaded when needed, not at launch

    path = write_report(exc)
    said = translate("Crash", "Something went wrong that IHRP Desktop did not expect ({error}). Nothing "
                     "more was written.").format(error=type(exc).__name__)
    if path is None:
        return said + " " + translate("Crash", "A crash report could not be saved on this computer.")
    return said + " " + translate(
        "Crash", "A crash report without any client data was saved in {path}; you can look at it and send "
        "it to whoever supports you with the program.").format(path=path)


def unexpected(exc: BaseException) -> None:
    """Report ``exc`` (written from the calling thread) and show the dialog on the GUI thread."""
    message = words(exc)
    app = QApplication.instance()
    if app is None:
        print(f"ihrp-desktop: {message}", file=sys.stderr)
        return
    if _relay is not None:
        _relay.message.emit(message)  # queued when called from another thread
    elif threading.current_thread() is threading.main_thread():
        show(message)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    unexpected(exc)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
        unexpected(args.exc_value)


def install() -> None:
    """Send every unexpected error of this process to ``unexpected`` (call once a QApplication exists)."""
    global _relay, _previous
    if _relay is None:
        _relay = _Relay()
        _relay.message.connect(show, Qt.ConnectionType.QueuedConnection)
    if _previous is None:
        _previous = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook


def uninstall() -> None:
    """Put back the hooks ``install`` replaced (the app has closed)."""
    global _previous
    if _previous is not None:
        sys.excepthook, threading.excepthook = _previous
        _previous = None
