"""IHRP_QUIT_WHEN_SHOWN: the installed bundle's smoke test (packaging/smoke.sh) opens the window and
the app quits once it is shown, saying so."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.launch import QUIT_WHEN_SHOWN, launch
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE


def test_the_window_opens_and_the_app_quits_once_it_is_shown(qapp, tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()).close()
    monkeypatch.setenv(QUIT_WHEN_SHOWN, "1")
    assert launch(vault=str(path)) == 0
    assert "the window was shown" in capsys.readouterr().err
    shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    assert len(shown) == 1  # it quit the event loop with the window still up: the smoke test saw it
    shown[0].close()


def test_without_it_the_app_waits_for_the_person(qapp, qtbot, tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()).close()
    monkeypatch.delenv(QUIT_WHEN_SHOWN, raising=False)
    from PySide6.QtCore import QTimer

    seen: list[bool] = []

    def close_it() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
        seen.append(any(w.isVisible() for w in windows))
        for window in windows:
            window.close()

    QTimer.singleShot(300, close_it)  # still running 300 ms later: nothing quit it
    assert launch(vault=str(path)) == 0
    assert seen == [True]
    assert "the window was shown" not in capsys.readouterr().err

