"""The vault locks when the desktop's screen lock comes on (announced on a real D-Bus session bus)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.screen_lock import SCREEN_SAVERS, ScreenLockWatcher
from tests.app.driving import unlock


@pytest.fixture
def session_bus() -> Iterator[str]:
    """A private D-Bus session bus, like the one every Linux desktop runs."""
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is needed for this test (apt-get install dbus)"
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout
    address = proc.stdout.readline().strip()
    yield address
    proc.terminate()
    proc.wait(timeout=10)


def announce_lock(address: str, interface: str, path: str, active: bool) -> None:
    desktop = QDBusConnection.connectToBus(address, f"desktop-{interface}-{path}")
    assert desktop.isConnected()
    signal = QDBusMessage.createSignal(path, interface, "ActiveChanged")
    signal.setArguments([active])
    assert desktop.send(signal)


@pytest.mark.parametrize(("interface", "path"), SCREEN_SAVERS)
def test_screen_lock_announcement_locks_the_vault(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
    session_bus: str, interface: str, path: str,
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    bus = QDBusConnection.connectToBus(session_bus, f"app-{interface}-{path}")
    window.screen_lock = ScreenLockWatcher(window, bus=bus)  # the app's watcher, on this test bus
    window.screen_lock.screen_locked.connect(window.lock)
    assert len(window.screen_lock.listening) == len(SCREEN_SAVERS)
    unlock(qtbot, window)

    announce_lock(session_bus, interface, path, False)  # the screen saver going off changes nothing
    qtbot.wait(200)
    assert window.vault is not None
    announce_lock(session_bus, interface, path, True)
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    assert window.stack.currentWidget() is window.unlock_screen
