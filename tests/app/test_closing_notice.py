"""Locking and quitting wait for a backup in progress before the vault closes; a wait of more than a
moment shows a small notice (no client words in it), and the window keeps answering meanwhile."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from ihrp_desktop.app.main_window import MainWindow
from tests.app.driving import unlock

CLIENT = "Łucja Żółć 🌱"


def notices_while(act: Callable[[], None]) -> list[str]:
    """The texts of every notice on screen while ``act`` runs (looked at every 20 ms)."""
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "closingNotice" and widget.isVisible():
                seen.extend(label.text() for label in widget.findChildren(QLabel))

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    try:
        act()
    finally:
        timer.stop()
    return seen


def slow_backup(window: MainWindow, seconds: float) -> threading.Event:
    """A backup job still running when the vault is asked to close; set when it ends."""
    done = threading.Event()

    def work() -> None:
        time.sleep(seconds)
        done.set()

    window.session.backup_runner.run(work)
    return done


@pytest.mark.parametrize("how", ["lock", "quit"])
def test_a_long_wait_says_what_it_waits_for(qtbot: Any, make_window: Callable[[Path], MainWindow],
                                           fast_vault: Callable[..., Path], how: str) -> None:
    window = make_window(fast_vault(clients=(CLIENT,)))
    unlock(qtbot, window)
    vault = window.vault
    assert vault is not None
    done = slow_backup(window, 1.5)
    seen = notices_while(window.lock if how == "lock" else window.close)
    assert done.is_set()  # the backup finished before the vault closed
    assert window.vault is None and not vault.is_open
    assert seen and all("backup" in text for text in seen)
    assert not any(CLIENT in text for text in seen)
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "closingNotice"]
    assert not any(w.isVisible() for w in shown)  # gone once the vault closed


def test_a_short_wait_shows_nothing(qtbot: Any, make_window: Callable[[Path], MainWindow],
                                    fast_vault: Callable[..., Path]) -> None:
    window = make_window(fast_vault(clients=(CLIENT,)))
    unlock(qtbot, window)
    slow_backup(window, 0.05)
    assert notices_while(window.lock) == []
    assert window.vault is None
