"""Lock the vault when the operating system locks the screen, where the app can tell.

- Linux and BSD desktops announce it on the D-Bus session bus: ``ActiveChanged(true)`` from
  ``org.freedesktop.ScreenSaver`` (KDE, Xfce, Cinnamon, ...) or ``org.gnome.ScreenSaver``.
- Windows sends ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` to windows registered with
  ``WTSRegisterSessionNotification``.
- macOS tells only Cocoa observers, which Qt does not expose; there the idle lock still applies.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal, Slot

# (D-Bus interface, object path) of the screen savers that announce locking
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7


class ScreenLockWatcher(QObject):
    """Emits ``screen_locked`` when the system's screen lock comes on."""

    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None, *, bus: Any = None):
        super().__init__(parent)
        self.listening: list[str] = []  # what this watcher could hook into, for the shortcuts/help text
        self._native: _WindowsSessionFilter | None = None
        if sys.platform == "win32":
            return  # see watch_window
        self._watch_dbus(bus)

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    def _watch_dbus(self, bus: Any) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus
            return
        bus = bus if bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for interface, path in SCREEN_SAVERS:
            # Any sender: the screen saver's bus name differs between desktops.
            if bus.connect("", path, interface, "ActiveChanged", self, SLOT("active_changed(bool)")):
                self.listening.append(f"{interface} {path}")

    def watch_window(self, win_id: int) -> None:
        """Windows: ask for session lock notifications for this top-level window."""
        if sys.platform != "win32" or self._native is not None:
            return
        import ctypes

        from PySide6.QtCore import QCoreApplication

        if ctypes.windll.wtsapi32.WTSRegisterSessionNotification(ctypes.c_void_p(win_id), 0):
            self._native = _WindowsSessionFilter(self.screen_locked.emit)
            QCoreApplication.instance().installNativeEventFilter(self._native)
            self.listening.append("WTSRegisterSessionNotification")


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Any):
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:  # noqa: N802 - Qt naming
        if bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0
