"""The app in the room: windows that fit a laptop screen, names shown as typed, no trace of a chosen
folder left on the computer, and a start that survives a home folder it cannot write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from ihrp_desktop.app.editor.kept import KeptBox
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.cli import main
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE, unlock

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parents[1]
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
CLIENT_FOLDER = "Ana Ñandú – Łódź"  # a folder named like a client


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "HOME": str(home / "home"),
           "IHRP_HOME": str(home / "ihrp"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}
    env.update(extra)
    return env


# -- every window fits a 1366x768 screen --------------------------------------------------------------

@pytest.mark.parametrize("scale", [1.0, 1.5])  # 1.5: "Largest", the largest text size in Preferences
def test_every_window_fits_a_1366x768_screen_with_its_buttons_on_it(tmp_path, scale):
    assert max(AppSettings.__init__.__globals__["_BY_KEY"]["font_scale"].choices) == 1.5
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    pngs = tmp_path / "png"
    pngs.mkdir()
    result = subprocess.run(
        [sys.executable, str(HERE / "room_session.py"), str(tmp_path), str(scale), str(pngs)],
        capture_output=True, text=True, timeout=300,
        env=child_env(tmp_path, QT_QPA_PLATFORM=f"offscreen:configfile={config}"))
    line = next((x for x in result.stdout.splitlines() if x.startswith("ROOM ")), None)
    assert line is not None, result.stderr[-3000:]
    windows = json.loads(line[5:])
    assert set(windows) >= {"create-screen", "unlock-screen", "main-window", "print", "recovery-sheet",
                            "recovery-ask", "change-passphrase", "preferences", "shortcuts",
                            "closing-notice", "crash-message", "settings-not-kept", "client-page",
                            "client-page-text-size-changed"}
    whole, shown = windows["client-page"]["title"]  # a long name ends in "…" (ElidedLabel)
    assert whole and shown.endswith("…") and shown.startswith("Maria Fernanda"), shown
    for name, seen in windows.items():
        x, y, w, h = seen["frame"]
        rx, ry, rw, rh = seen["room"]
        assert (rw, rh) == (1366, 768)
        assert rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh, (name, seen)
        assert seen["buttons_outside"] == [], (name, seen)
        assert seen["buttons_clipped"] == [], (name, seen)  # "Add clien": a button narrower than its text
        assert (pngs / f"{name}-{int(scale * 100)}.png").stat().st_size > 1000


# -- no chosen folder's name outside the vault ----------------------------------------------------------

def spellings(name: str) -> list[bytes]:
    """The ways a settings file, a recent list or a registry export can spell a name."""
    return [name.encode("utf-8"), name.encode("utf-16-le"), name.encode("utf-16-be"),
            urllib.parse.quote(name).encode(), urllib.parse.quote(name, safe="").encode(),
            urllib.parse.quote(name).lower().encode()]


def test_no_file_dialog_leaves_the_chosen_folders_name_on_the_computer(tmp_path):
    chosen = tmp_path / "chosen" / CLIENT_FOLDER
    chosen.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, str(HERE / "file_dialog_session.py"), str(tmp_path / "ihrp" / "vault"), str(chosen)],
        capture_output=True, text=True, timeout=300, env=child_env(tmp_path, QT_QPA_PLATFORM="offscreen"))
    assert "DONE" in result.stdout, result.stderr[-3000:]
    saved = [line.split(" ", 1)[1] for line in result.stdout.splitlines() if line.startswith("SAVED ")]
    assert "plan.pdf" in saved and "recovery-sheet.pdf" in saved  # the dialogs really were answered
    assert "export.json" in saved
    assert any(name.startswith("IHRP backup") for name in saved)
    leaks = []
    for folder in ("home", "config", "data", "cache", "state", "ihrp"):
        for path in (tmp_path / folder).rglob("*"):
            if not path.is_file() or path.parent.name == "vault" or "backups" in path.parts:
                continue  # the vault (and its own backups) are encrypted
            body = path.read_bytes()
            for part in (CLIENT_FOLDER, "Ñandú", "Łódź"):
                leaks += [f"{path.relative_to(tmp_path)}: {spelling!r}" for spelling in spellings(part)
                          if spelling in body]
    assert leaks == []
    configs = list((tmp_path / "config").rglob("QtProject.conf"))
    for conf in configs:  # Qt may keep its view settings, never places
        text = conf.read_text(encoding="utf-8", errors="replace")
        assert "history=" not in text and "lastVisited=" not in text and "chosen" not in text


# -- client names are plain text ---------------------------------------------------------------------

MARKUP_NAMES = ("<b>Ana</b>", "<a href=x>y</a>", "<img src=x>Bo", "Eve &amp; <i>Zoe</i>")


def rich_labels(root: Any, needles: tuple[str, ...]) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
        if rich and any(n in text for n in needles):
            found.append(f"{label.objectName() or type(label).__name__}: {text}")
    return found


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_a_client_name_with_markup_is_shown_as_typed(qtbot, make_window, fast_vault, name):
    window = make_window(fast_vault(clients=(name,)))
    unlock(qtbot, window)
    client = window.vault.clients()[0]
    window.show_client(client.id)
    qtbot.waitUntil(lambda: window.client_page.name.text() == name)
    assert rich_labels(window, (name,)) == []
    sheet = window.vault.new_worksheet(client.id, "optimal_use_plan", 1)
    window.open_worksheet(sheet.id)
    assert rich_labels(window, (name,)) == []
    assert name not in window.windowTitle()


def test_kept_answers_with_markup_are_shown_as_typed(qtbot):
    box = KeptBox("en")
    qtbot.addWidget(box)
    box.set_kept({"<b>old_field</b>": "<a href=x>my answer</a>", "list": ["<i>one</i>"]})
    assert rich_labels(box, ("<a href", "<i>", "<b>")) == []
    assert box.entries["<b>old_field</b>"] == "<a href=x>my answer</a>"


# -- a home folder that cannot be written ------------------------------------------------------------------

@pytest.fixture
def unwritable_home(tmp_path, monkeypatch) -> Path:
    """IHRP_HOME under a regular file: every mkdir there fails (ENOTDIR), for root too."""
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("IHRP_HOME", str(blocker / "ihrp"))
    return blocker


def test_the_app_starts_says_once_that_settings_are_not_kept_and_works(qtbot, unwritable_home, tmp_path,
                                                                      app_look):
    from ihrp_desktop.app.launch import launch

    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()).close()
    seen: dict[str, Any] = {"notices": []}

    def session() -> None:
        notices = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == "settingsNotKept" and w.isVisible()]
        windows = [w for w in QApplication.topLevelWidgets()
                   if type(w).__name__ == "MainWindow" and w.isVisible()]
        if not notices or not windows:
            QTimer.singleShot(20, session)
            return
        seen["notices"] = [n.text() for n in notices]
        notices[0].accept()
        window = windows[0]
        unlock(qtbot, window)
        seen["client"] = window.vault.add_client("Works").name
        window.settings.set("font_scale", 1.3)
        seen["scale"] = window.settings.get("font_scale")
        QTimer.singleShot(300, lambda: (seen.update(later=[w for w in QApplication.topLevelWidgets()
                                                            if w.objectName() == "settingsNotKept"
                                                            and w.isVisible()]), window.close()))

    QTimer.singleShot(0, session)
    assert launch(vault=str(path)) == 0
    assert len(seen["notices"]) == 1 and "cannot be kept" in seen["notices"][0]
    assert seen["later"] == []  # said once
    assert seen["client"] == "Works" and seen["scale"] == 1.3  # held for the session
    assert unwritable_home.read_text() == "x"


def test_settings_in_a_read_only_folder_are_held_for_the_session(unwritable_home, qapp):
    settings = AppSettings()
    assert not settings.kept
    settings.set("theme", "dark")
    assert settings.get("theme") == "dark"


def test_the_command_line_works_without_a_writable_home(unwritable_home, capsys, tmp_path):
    assert main(["forms"]) == 0
    assert main(["blank", "decisional_balance", "-o", str(tmp_path / "blank.pdf")]) == 0
    out, err = capsys.readouterr()
    assert "decisional_balance" in out and "Traceback" not in err
    assert (tmp_path / "blank.pdf").read_bytes().startswith(b"%PDF")
