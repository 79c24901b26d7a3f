"""Every file dialog of the app, answered with a client-named folder, in its own process.

``python file_dialog_session.py VAULT CHOSEN_FOLDER``, with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME,
XDG_CACHE_HOME and IHRP_HOME pointing into a test folder. The real main window: unlock, then
Print > Save PDF..., the recovery sheet's Save PDF... and File > Back up to a folder..., each in
Qt's real file dialog, then quit. Prints "SAVED" lines for what was written, then "DONE".
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    from tests.kdf_floor import lower

    lower()  # this child opens KdfParams.fast() vaults
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    app = QApplication([])
    from ihrp_desktop.app.background import InlineRunner
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.print_preview import PrintDialog
    from ihrp_desktop.app.recovery import RecoverySheetDialog
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import KdfParams, Vault

    vault_path, chosen = Path(argv[0]), Path(argv[1])
    passphrase = "a long enough passphrase"
    vault = Vault.create(vault_path, passphrase, kdf=KdfParams.fast())
    client = vault.add_client("Someone")
    sheet = vault.new_worksheet(client.id, "decisional_balance", 1)
    vault.close()

    def answer(path: Path) -> None:
        """The next file dialog, as a person: go to the folder, name the file, press Save/Choose."""
        def attempt() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QFileDialog) and dialog.isVisible():
                dialog.setDirectory(str(path.parent if path.suffix else path))
                dialog.selectFile(str(path))
                dialog.accept()
            elif isinstance(dialog, QMessageBox) and dialog.isVisible():  # a warning before saving: go on
                going_on = [b for b in dialog.buttons() if dialog.buttonRole(b) in (
                    QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)]
                going_on[0].click()
                QTimer.singleShot(10, attempt)
            else:
                QTimer.singleShot(10, attempt)

        QTimer.singleShot(0, attempt)

    window = MainWindow(vault_path, default_library(), AppSettings(), InlineRunner(), InlineRunner())
    window.show()
    app.processEvents()
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.try_unlock()
    app.processEvents()
    assert window.vault is not None, "unlock failed"
    window.open_worksheet(sheet.id)

    printing = PrintDialog(window.vault, window.page.form, sheet.id, InlineRunner(), parent=window)
    printing.show()
    app.processEvents()
    answer(chosen / "plan.pdf")
    printing.save_pdf()
    printing.close()

    recovery = RecoverySheetDialog(window.vault, InlineRunner(), InlineRunner(), passphrase=passphrase,
                                   parent=window)
    recovery.show()
    recovery.make()
    app.processEvents()
    answer(chosen / "recovery-sheet.pdf")
    recovery.save_pdf()
    recovery.close_now()

    answer(chosen)
    window.backups.backup_to_folder()
    app.processEvents()

    import json  # File > Import... reads from the client-named folder too

    from ihrp_desktop.core.exchange import export_records

    exported = chosen / "export.json"
    exported.write_text(json.dumps(export_records(window.vault)), encoding="utf-8")
    answer(exported)
    window.dialogs.import_from_file()
    app.processEvents()
    assert window.dialogs.import_dialog is not None and not window.dialogs.import_dialog.running
    window.close()
    app.processEvents()
    for path in sorted(chosen.rglob("*")):
        print("SAVED", path.relative_to(chosen), flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
