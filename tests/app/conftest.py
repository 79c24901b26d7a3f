"""Fixtures for driving the whole window: real vaults in tmp_path, real runners, real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE


@pytest.fixture
def free_widgets(qapp: QApplication) -> Iterator[None]:
    """Delete the windows a test made: a themed app re-styles every live widget, so none may linger."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    for widget in QApplication.topLevelWidgets():
        # Only parentless windows: popups and menus belong to a parent that deletes them.
        if id(widget) not in before and isValid(widget) and widget.parentWidget() is None:
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[QApplication]:
    """Puts back the app-wide look a test changed (client view and apply_theme re-theme the application)."""
    style, sheet, palette, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    yield qapp
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def make_window(qtbot: Any, app_look: QApplication) -> Callable[[Path], MainWindow]:
    """A shown main window on ``vault_path`` with the app's own background runners."""

    def make(vault_path: Path) -> MainWindow:
        window = MainWindow(vault_path, default_library(), AppSettings(), BackgroundRunner(),
                            BackgroundRunner(serial=True))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def fast_vault(tmp_path: Path) -> Callable[..., Path]:
    """Create a closed vault (cheap key derivation) and return its folder."""

    def make(name: str = "vault", clients: tuple[str, ...] = ()) -> Path:
        path = tmp_path / name
        vault = Vault.create(path, PASSPHRASE, kdf=KdfParams.fast())
        for client in clients:
            vault.add_client(client)
        vault.close()
        return path

    return make
