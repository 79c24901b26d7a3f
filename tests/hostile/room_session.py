"""Every window the app can open, on a simulated 1366x768 screen, at a given text size.

``python room_session.py VAULT_PARENT FONT_SCALE PNG_FOLDER``, with
``QT_QPA_PLATFORM=offscreen:configfile=...`` describing the screen. Prints one JSON line: for each
window, its frame, the screen's available area, every button that is not fully inside it, and every
button narrower than its text needs (``buttons_clipped``).
Each window is also drawn where it would be on the screen, over the main window, to a PNG.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> None:
    from tests.kdf_floor import lower

    lower()  # this child opens KdfParams.fast() vaults
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

    app = QApplication([])
    from ihrp_desktop.app import crash
    from ihrp_desktop.app.background import InlineRunner
    from ihrp_desktop.app.editor.theme import apply_theme
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.passphrase import ChangePassphraseDialog
    from ihrp_desktop.app.preferences import PreferencesDialog
    from ihrp_desktop.app.print_preview import PrintDialog
    from ihrp_desktop.app.recovery import RecoverySheetDialog
    from ihrp_desktop.app.session import closing_notice
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.app.shortcuts import ShortcutsDialog
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import KdfParams, Vault

    parent, scale, pngs = Path(argv[0]), float(argv[1]), Path(argv[2])
    passphrase = "room to breathe"
    settings = AppSettings()
    settings.set("font_scale", scale)
    apply_theme(app, "light", scale)
    room = app.primaryScreen().availableGeometry()
    results: dict[str, Any] = {}

    def look(name: str, window: QWidget, under: QWidget | None = None) -> None:
        window.show()
        for _ in range(3):
            app.processEvents()
        frame = window.frameGeometry()
        outside = []
        clipped = []
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window) or button.visibleRegion().isEmpty():
                continue  # hidden, or scrolled out of a scroll area (reached by scrolling)
            if button.text() and button.width() < button.sizeHint().width():
                clipped.append(f"{button.text()} {button.width()} < {button.sizeHint().width()}")
            where = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
            if not room.contains(where):
                outside.append(f"{button.text() or button.objectName() or type(button).__name__} at "
                               f"{where.x()},{where.y()} {where.width()}x{where.height()}")
        results[name] = {"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                         "room": [room.x(), room.y(), room.width(), room.height()],
                         "buttons_outside": outside, "buttons_clipped": clipped}
        picture = QPixmap(room.size())
        picture.fill(QColor("#6b7280"))
        painter = QPainter(picture)
        if under is not None:
            painter.drawPixmap(under.frameGeometry().topLeft() - room.topLeft(), under.grab())
        painter.drawPixmap(frame.topLeft() - room.topLeft(), window.grab())
        painter.end()
        picture.save(str(pngs / f"{name}-{int(scale * 100)}.png"))

    path = parent / f"vault-{int(scale * 100)}"
    vault = Vault.create(path, passphrase, kdf=KdfParams.fast())
    ana = vault.add_client("Ana Ñandú")
    session = vault.add_session(ana.id)
    sheet = vault.new_worksheet(ana.id, "optimal_use_plan", 1, session_id=session.id)
    long_name = vault.add_client("Maria Fernanda de los Ángeles Quintero-Villaseñor Ñandú Łódź Kowalczyk")
    long_session = vault.add_session(long_name.id)
    reviewed = vault.new_worksheet(long_name.id, "decisional_balance", 1, session_id=long_session.id)
    vault.set_status(reviewed.id, "reviewed")
    vault.close()

    creating = MainWindow(parent / "no-vault-yet", default_library(), settings, InlineRunner(),
                          InlineRunner())
    look("create-screen", creating)
    creating.close()

    window = MainWindow(path, default_library(), settings, InlineRunner(), InlineRunner())
    look("unlock-screen", window)
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.try_unlock()
    app.processEvents()
    assert window.vault is not None, "unlock failed"
    window.show_client(long_name.id)
    look("client-page", window)
    title = window.client_page.name  # the whole name kept, what fits drawn, ending in "…"
    results["client-page"]["title"] = [title.text() == long_name.name, title.shown_text()]
    window.open_worksheet(sheet.id)
    look("main-window", window)

    def made(dialog: Any) -> Any:
        dialog.show()
        app.processEvents()
        dialog.make()  # the sheet itself, with its preview
        return dialog

    dialogs: list[tuple[str, Any]] = [
        ("print", lambda: PrintDialog(window.vault, window.page.form, sheet.id, InlineRunner(),
                                      parent=window)),
        ("recovery-sheet", lambda: made(RecoverySheetDialog(window.vault, InlineRunner(), InlineRunner(),
                                                            passphrase=passphrase, parent=window))),
        ("recovery-ask", lambda: RecoverySheetDialog(window.vault, InlineRunner(), InlineRunner(),
                                                     parent=window)),
        ("change-passphrase", lambda: ChangePassphraseDialog(window.vault, InlineRunner(), InlineRunner(),
                                                             window)),
        ("preferences", lambda: PreferencesDialog(settings, window)),
        ("shortcuts", lambda: ShortcutsDialog(window.actions(), window)),
        ("closing-notice", lambda: closing_notice(window)),
        ("crash-message", lambda: crash_box(crash, window)),
        ("settings-not-kept", lambda: not_kept_box(parent, window)),
    ]
    for name, make in dialogs:
        dialog = make()
        look(name, dialog, window)
        getattr(dialog, "close_now", dialog.close)()  # a recovery sheet would ask "close anyway?"
        dialog.deleteLater()
        app.processEvents()
    box = QMessageBox(QMessageBox.Icon.Information, "IHRP Desktop", "x" * 10, parent=window)
    box.close()
    window.close()

    # The text size chosen in Preferences while a vault is open: the workspace was built at 100%.
    apply_theme(app, "light", 1.0)
    later = MainWindow(path, default_library(), settings, InlineRunner(), InlineRunner())
    later.show()
    later.unlock_screen.passphrase.setText(passphrase)
    later.unlock_screen.try_unlock()
    app.processEvents()
    later.show_client(long_name.id)
    apply_theme(app, "light", scale)
    look("client-page-text-size-changed", later)
    later.close()
    print("ROOM " + json.dumps(results), flush=True)


def crash_box(crash: Any, window: Any) -> Any:
    from PySide6.QtWidgets import QApplication

    crash.show("Something went wrong that IHRP Desktop did not expect (RuntimeError). Nothing more was "
               "written. A crash report without any client data was saved in /home/someone/.local/state/"
               "IHRP Desktop/log/crash-20261207-010203-4242-123456.txt; you can look at it and send it.")
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashMessage")
    return box


def not_kept_box(parent: Path, window: Any) -> Any:
    from PySide6.QtWidgets import QApplication

    from ihrp_desktop.app.settings import AppSettings

    blocker = parent / "config-is-a-file"
    blocker.write_text("x")
    AppSettings(blocker / "settings.ini").tell_if_not_kept(window)
    QApplication.processEvents()
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "settingsNotKept")


if __name__ == "__main__":
    main(sys.argv[1:])
