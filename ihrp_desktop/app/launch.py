"""Start the desktop app: settings, theme, the window, and the demo vault for training."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..core.paths import default_vault_path
from . import crash
from .background import BackgroundRunner
from .editor.theme import apply_theme
from .i18n import install_translators, translate
from .main_window import MainWindow
from .settings import AppSettings

DEMO_PASSPHRASE = "demo"


def make_demo_vault(folder: Path) -> Path:
    """A throwaway vault of fictional clients (passphrase "demo"), for trying the app and training."""
    from ..core.demo import load_demo
    from ..core.forms import default_library
    from ..core.vault import Vault

    path = folder / "demo-vault"
    vault = Vault.create(path, DEMO_PASSPHRASE)
    try:
        load_demo(vault, default_library())
    finally:
        vault.close()
    return path


def warm_up() -> None:
    """Load the vault and printing code while the passphrase is being typed (off the GUI thread)."""
    import importlib

    for module in ("ihrp_desktop.core.vault.vault", "ihrp_desktop.core.vault.verify"):
        importlib.import_module(module)
    # Fonts parsed and styles built now, so the first print preview does not wait for them.
    importlib.import_module("ihrp_desktop.core.pdf").prepare()


def _after_workspace(window: MainWindow) -> None:
    """Once the window is in use: check the first frame's light/dark guess, warm up the vault and
    printing code, name the definitions that failed."""
    window.check_system_scheme()
    threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    errors = window.library.errors
    if errors:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        text = (translate("Launch", "Some of your own worksheet definitions could not be used:") + "\n\n"
                + "\n".join(str(e) for e in errors))
        # From the event loop: the workspace may have been built inside an unlock that is not finished.
        QTimer.singleShot(0, lambda: QMessageBox.warning(window, APP_NAME, text))


def launch(vault: str | None = None, open_worksheet: int | None = None, demo: bool = False) -> int:
    """Run the app until the window closes; returns the process exit code.

    An error nobody expected becomes a dialog and a crash report without values (``crash.py``): the
    app keeps running when it happens later, and exits 1 when it stops the start itself.
    """
    from ..core.hardening import harden_process

    harden_process()  # no core dumps, no debugger attach (the command line did it already; once)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    crash.install()
    demo_dirs: list[Path] = []
    try:
        return _run(app, vault, open_worksheet, demo, demo_dirs)
    except Exception as exc:  # noqa: BLE001 - nothing unexpected ends in a traceback
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, crash.words(exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return 1
    finally:
        crash.uninstall()
        for demo_dir in demo_dirs:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _run(app: QApplication, vault: str | None, open_worksheet: int | None, demo: bool,
         demo_dirs: list[Path]) -> int:
    settings = AppSettings()
    install_translators(app, settings.get("language"))  # before any window is built
    apply_theme(app, settings.get("theme"), settings.get("font_scale"), settings.get("system_scheme"))
    if demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="ihrp-demo-"))
        demo_dirs.append(demo_dir)
        vault_path = make_demo_vault(demo_dir)
    else:
        vault_path = Path(vault) if vault else Path(settings.get("vault_path") or default_vault_path())
    hint = translate("Launch", "Demo vault: the passphrase is “demo”.") if demo else ""
    # No library yet: the definitions are read with the workspace, after the first paint.
    window = MainWindow(vault_path, None, settings, BackgroundRunner(), BackgroundRunner(serial=True),
                        demo_hint=hint)
    window.open_after_unlock = open_worksheet
    window.workspace_built.connect(lambda: _after_workspace(window))
    window.show()
    settings.tell_if_not_kept(window)
    if os.environ.get(QUIT_WHEN_SHOWN):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _quit_when_shown(app, window))
    return app.exec()


# A smoke test of an installed bundle (packaging/smoke.sh) sets this: the window opens, and once the
# event loop runs the app says whether it is visible and quits (tests/app/test_quit_when_shown.py).
QUIT_WHEN_SHOWN = "IHRP_QUIT_WHEN_SHOWN"


def _quit_when_shown(app: QApplication, window: MainWindow) -> None:
    shown = window.isVisible()
    print("ihrp-desktop: the window was shown" if shown else "ihrp-desktop: the window is not visible",
          file=sys.stderr)
    app.exit(0 if shown else 1)
