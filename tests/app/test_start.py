"""The start: the unlock screen is shown first, with only its own code loaded; the rest of the window is
built right after that first paint, or at once when something needs it first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.editor.theme import apply_theme, stylesheet, system_scheme
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, unlock
from tests.kdf_floor import LOWER

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
}


def bare_window(qtbot: Any, path: Path) -> MainWindow:
    """The window as launch() makes it: no definitions passed in, nothing built behind the start screen."""
    window = MainWindow(path, None, AppSettings(), BackgroundRunner(), BackgroundRunner(serial=True))
    qtbot.addWidget(window)
    return window


def test_the_unlock_screen_comes_first_and_the_workspace_right_after_its_first_paint(
    qtbot: Any, app_look: QApplication, fast_vault: Callable[..., Path]
) -> None:
    window = bare_window(qtbot, fast_vault(clients=("Łucja Wróbel",)))
    assert not window.workspace_ready
    assert window.stack.count() == 1 and window.stack.currentWidget() is window.unlock_screen
    assert [m.title() for m in (window.file_menu, window.view_menu, window.help_menu)] == [
        "&File", "&View", "&Help"]  # the menu bar is in the first frame, so nothing moves later
    window.show()
    qtbot.waitUntil(lambda: window.workspace_ready, timeout=5_000)  # nobody asked: the first paint did
    assert window.stack.currentWidget() is window.unlock_screen
    assert set(window.library.forms) >= SHIPPED
    assert not window.lock_action.isEnabled() and not window.new_client_action.isEnabled()
    assert window.unlock_screen.passphrase.hasFocus()
    unlock(qtbot, window)
    assert window.stack.currentWidget() is window.workspace
    assert window.lock_action.isEnabled()
    assert window.client_list.list.count() == 1


def test_a_vault_opened_before_the_first_paint_gets_its_workspace_at_once(
    qtbot: Any, app_look: QApplication, fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault(clients=("Аркадий Иванов", "María José"))
    window = bare_window(qtbot, path)
    window.vault_opened(Vault.open(path, PASSPHRASE))  # never shown
    assert window.workspace_ready and window.stack.currentWidget() is window.workspace
    assert window.client_list.list.count() == 2
    window.lock()
    assert window.vault is None and window.client_list.list.count() == 0


def test_first_run_builds_the_create_screen_only(
    qtbot: Any, app_look: QApplication, tmp_path: Path
) -> None:
    window = bare_window(qtbot, tmp_path / "new-vault")
    assert window.stack.currentWidget() is window.create_screen
    assert window.stack.count() == 2  # the create screen, and the unlock screen for later


# Shows the real app from the command line, then lists what was loaded when its window was shown.
SHOWN = """
import json, os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
show = QMainWindow.show
def report(window):
    show(window)
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)
QMainWindow.show = report
from ihrp_desktop.cli import main
main(["--vault", sys.argv[1]])
"""


def test_the_first_frame_loads_nothing_but_the_unlock_screen(fast_vault: Callable[..., Path]) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", LOWER + SHOWN, str(fast_vault())], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = set(json.loads(proc.stdout.splitlines()[-1]))
    assert "ihrp_desktop.app.unlock" in loaded
    # The client list and page, the definitions, the database and printing code all load after.
    later = {"ihrp_desktop.app.clients", "ihrp_desktop.app.screen_lock", "ihrp_desktop.core.forms",
             "ihrp_desktop.core.vault.vault", "ihrp_desktop.core.pdf", "sqlalchemy", "reportlab", "tomllib",
             "dataclasses", "datetime"}  # 7 and 5 ms of the start on the bench VM
    assert loaded.isdisjoint(later), loaded & later


def test_the_first_frame_uses_the_scheme_noted_last_time_and_corrects_it(
    qtbot: Any, app_look: QApplication, fast_vault: Callable[..., Path]
) -> None:
    actual = system_scheme()
    noted = "dark" if actual == "light" else "light"  # the system changed while the app was closed
    settings = AppSettings()
    settings.set("system_scheme", noted)
    assert settings.get("theme") == "system"
    assert apply_theme(app_look, "system", 1.0, settings.get("system_scheme")) == noted
    window = bare_window(qtbot, fast_vault())
    window.check_system_scheme()
    assert AppSettings().get("system_scheme") == actual
    assert app_look.styleSheet() == stylesheet(actual, 1.0)


def test_the_warm_up_prepares_printing_while_the_passphrase_is_typed() -> None:
    """What launch() runs on its warm-up thread once the workspace is built, in a fresh process."""
    code = ("import sys\nfrom ihrp_desktop.app.launch import warm_up\nwarm_up()\n"
            "from ihrp_desktop.core.pdf import fonts, fragments\n"
            "print(bool(fonts._registered), len(fragments._TEMPLATES))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120)
    assert proc.returncode == 0, proc.stderr
    registered, templates = proc.stdout.split()
    assert registered == "True" and int(templates) > 0
