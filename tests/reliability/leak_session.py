"""A scripted app session for the leak scan, run in its own process with every per-user folder redirected.

``python leak_session.py VAULT PASSPHRASE CANARIES_JSON SAVED_PDF``: the real main window on the
offscreen platform: a wrong passphrase, unlock, a client and a worksheet filled with canary text,
autosave, print preview, Save PDF (to the one file the person chose), lock, unlock, quit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    import ihrp_desktop.core.kdf_limits as kdf_limits

    kdf_limits.FLOOR_MEMORY_KIB, kdf_limits.FLOOR_ITERATIONS = 8, 1  # tests only: KdfParams.fast() vaults
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

    app = QApplication([])
    from ihrp_desktop.app.background import InlineRunner
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.print_preview import PrintDialog
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import KdfParams, Vault

    vault_path, passphrase, canaries, saved_pdf = Path(argv[0]), argv[1], json.loads(argv[2]), argv[3]
    titles: set[str] = set()  # every window title shown during the session (task bars, window pickers)

    def note_titles() -> None:
        titles.update(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())

    Vault.create(vault_path, passphrase, kdf=KdfParams.fast()).close()
    window = MainWindow(vault_path, default_library(), AppSettings(), InlineRunner(), InlineRunner())
    window.show()
    app.processEvents()
    screen = window.unlock_screen
    screen.passphrase.setText("not the passphrase")
    screen.try_unlock()
    screen.passphrase.setText(passphrase)
    screen.try_unlock()
    app.processEvents()
    assert window.vault is not None, "unlock failed"
    client = window.vault.add_client(canaries[0])
    window.client_list.refresh()
    window.show_client(client.id)
    window.new_worksheet(client.id, "optimal_use_plan")
    page = window.page
    assert page is not None
    values = page.editor.values()
    values.update(
        {
            "substance": canaries[1],
            "current_context": canaries[2],
            "ideal_avoid": canaries[3],
            "limits": [{"limit": canaries[1]}],
        }
    )
    page.editor.set_values(values)
    page.autosaver.changed()
    assert page.flush(), page.autosaver.last_error
    app.processEvents()
    note_titles()

    dialog = PrintDialog(window.vault, page.form, page.worksheet_id, InlineRunner(), parent=window)
    dialog.show()
    app.processEvents()
    note_titles()
    assert dialog.pdf_bytes.startswith(b"%PDF"), "no preview"
    def choose_file() -> None:  # the real file dialog, answered as a person would
        chooser = QApplication.activeModalWidget()
        if chooser is not None and chooser.objectName() == "confirmLines" and chooser.isVisible():
            # The first take-home print shows the help lines to confirm: the person confirms them.
            next(b for b in chooser.findChildren(QPushButton) if "confirm" in b.text()).click()
            QTimer.singleShot(10, choose_file)
        elif isinstance(chooser, QFileDialog) and chooser.isVisible():
            chooser.selectFile(saved_pdf)
            chooser.accept()
        else:
            QTimer.singleShot(10, choose_file)

    QTimer.singleShot(0, choose_file)
    dialog.save_pdf()
    dialog.close()
    app.processEvents()

    window.lock()
    app.processEvents()
    assert window.vault is None, "not locked"
    screen.passphrase.setText(passphrase)
    screen.try_unlock()
    app.processEvents()
    assert window.vault is not None
    actions = [e.action for e in window.vault.audit_events()]
    window.close()
    app.processEvents()
    print("AUDIT", json.dumps(actions))
    print("TITLES", json.dumps(sorted(titles)))
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
