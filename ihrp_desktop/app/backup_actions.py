"""The window's backup actions: File > Back up to a folder, and opening the latest backup of a
damaged vault from the unlock screen (restored into a new folder; the damaged one is left as it is).

``ihrp-desktop verify`` and ``restore`` are the command line's (cli/); the daily automatic backup is
the session's (session.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QLocale, QObject

from .. import APP_NAME
from ..core.vault import WrongPassphrase
from ..core.vault.errors import CopyNotWritten
from .i18n import failure_message, translate
from .operations import VaultOp
from .unlock import open_vault

if TYPE_CHECKING:
    from ..core.vault import Vault
    from .main_window import MainWindow


class BackupActions(QObject):
    """Back up to a folder; open the latest automatic backup instead of a damaged vault."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window

    def open_latest_backup(self) -> None:
        """The vault is damaged: restore the newest automatic backup into a new folder and open that."""
        from ..core import backups

        window = self._window
        latest = backups.latest_backup(window.vault_path)
        if latest is None:
            QtWidgets.QMessageBox.information(
                window, APP_NAME, translate(
                    "MainWindow", "No automatic backup was found beside this vault ({folder}). If you keep "
                    "backups elsewhere, restore one with “ihrp-desktop restore”. The damaged vault was not "
                    "changed.").format(folder=backups.backups_dir(window.vault_path)))
            return
        passphrase = window.unlock_screen.passphrase.text()
        if not passphrase:
            window.unlock_screen.show_error(
                translate("MainWindow", "Type your passphrase first: the backup opens with it."))
            return
        damaged = window.vault_path

        def restore() -> tuple[Any, Any, Vault]:
            made, path = backups.restore_latest(damaged, passphrase)
            return made, path, open_vault(path, passphrase)

        def restored(result: tuple[Any, Any, Vault]) -> None:
            made, path, vault = result
            # Work in the restored copy from now on, here and at the next start.
            window.vault_path = window.unlock_screen.vault_path = path
            if window._create_screen is not None:
                window._create_screen.vault_path = path
            window.settings.set("vault_path", str(path))
            window.unlock_screen.passphrase.clear()
            detail = f"from the automatic backup of {made:%Y-%m-%d %H:%M} UTC"
            VaultOp(window, window.writer, lambda: vault.record("restored", detail=detail)).run()
            window.vault_opened(vault)  # its page check runs on the writer behind that record
            QtWidgets.QMessageBox.information(
                window, APP_NAME, translate(
                    "MainWindow", "You are now working in a copy restored from the backup of {when}, in "
                    "{path}.\n\nThe damaged vault was left untouched in {damaged}. Changes made after that "
                    "backup are not in this copy.").format(
                    when=QLocale().toString(made.astimezone(), QLocale.FormatType.ShortFormat), path=path,
                    damaged=damaged))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase):
                window.unlock_screen.show_error(translate(
                    "MainWindow", "The latest backup did not open with this passphrase. It opens with the "
                    "passphrase that was in use when it was made."))
            else:
                reason = failure_message(exc)
                window.unlock_screen.show_error(translate(
                    "MainWindow", "The latest backup could not be opened either: {reason}").format(
                    reason=reason))

        window.runner.run(restore, restored, failed)

    def backup_to_folder(self) -> None:
        """An extra backup, e.g. on a USB drive kept in a locked drawer."""
        window = self._window
        if window.vault is None:
            return
        from .file_choice import existing_folder

        folder = existing_folder(window, translate("MainWindow", "Choose where to put the backup"))
        if not folder:
            return
        vault = window.vault
        import datetime as dt  # here: the start path has no use for it (docs/performance.md)

        target = Path(folder) / f"IHRP backup {dt.datetime.now():%Y-%m-%d %H%M%S}"
        window.statusBar().showMessage(translate("MainWindow", "Backing up..."))
        made = translate("MainWindow", "Backup made in {folder}")
        VaultOp(window, window.writer, lambda: vault.backup(target)).success(
            lambda path: window.statusBar().showMessage(made.format(folder=path), 15_000)).failure(
            self._backup_to_folder_failed).run()

    def _backup_to_folder_failed(self, exc: BaseException) -> None:
        window = self._window
        window.statusBar().clearMessage()
        if isinstance(exc, CopyNotWritten):  # its words name the folder and say the vault is unchanged
            QtWidgets.QMessageBox.warning(window, APP_NAME, failure_message(exc))
            return
        QtWidgets.QMessageBox.warning(window, APP_NAME, translate(
            "MainWindow", "The backup could not be made; your vault is unchanged. {reason}").format(
            reason=failure_message(exc)))
