"""The windows the File and Help menus open: import, the recovery sheet, change passphrase, activity,
keyboard shortcuts, preferences. Each loads its module on first use, not at launch.

At most one key dialog (the recovery sheet or change passphrase) is open at a time; locking closes it
at once (``key_dialog.close_now``), the key with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from ..core.vault import Vault
    from .main_window import MainWindow


class MenuDialogs(QObject):
    """Opens the menus' dialogs over ``window`` with the open vault passed in."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.key_dialog: Any = None  # the recovery sheet or change passphrase dialog, while open
        self.import_dialog: Any = None  # the last File > Import... window

    def import_from_file(self) -> None:
        """Records from an export file, checked whole and written in one transaction (import_window)."""
        window = self._window
        if window.vault is None:
            return
        from .import_window import ImportDialog, choose_import_file

        path = choose_import_file(window)
        if path and window.vault is not None:
            if self.import_dialog is not None and not self.import_dialog.running:
                self.import_dialog.deleteLater()  # the last one, done (a running one stays)
            self.import_dialog = ImportDialog(window.vault, window.library, window.writer, window)
            self.import_dialog.imported.connect(window.client_list.refresh)
            self.import_dialog.imported.connect(window.client_page.refresh)
            self.import_dialog.start(path)

    # -- keys -------------------------------------------------------------------------------------
    def offer_recovery_sheet(self, vault: Vault, passphrase: str) -> None:
        """Right after the first-run screen made the vault: offer the sheet (passphrase in memory only)."""
        QTimer.singleShot(
            0, lambda: self.show_recovery_sheet(passphrase) if self._window.vault is vault else None)

    def show_recovery_sheet(self, passphrase: str | None = None, made_key: str | None = None) -> None:
        window = self._window
        if window.vault is None or self.key_dialog is not None:
            return
        from .recovery import RecoverySheetDialog  # ReportLab and QtPdf load here, not at launch

        self._open_key_dialog(RecoverySheetDialog(window.vault, window.runner, window.writer,
                                                  passphrase=passphrase, made_key=made_key, parent=window))

    def change_passphrase(self, mode: str = "change") -> None:
        """File > Change passphrase; ``mode="seen"``: "... may have been seen" (also replaces the sheet)."""
        window = self._window
        if window.vault is None or self.key_dialog is not None:
            return
        from .passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(window.vault, window.runner, window.writer, window, mode=mode)

        def then_sheet() -> None:
            key, dialog.made_recovery_key = dialog.made_recovery_key, None
            if key is not None and window.vault is not None:  # the new key is shown once, on its sheet
                QTimer.singleShot(0, lambda: self.show_recovery_sheet(made_key=key))

        dialog.accepted.connect(then_sheet)
        self._open_key_dialog(dialog)

    def _open_key_dialog(self, dialog: QDialog) -> None:
        self.key_dialog = dialog

        def closed() -> None:
            if self.key_dialog is dialog:
                self.key_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    # -- the rest -----------------------------------------------------------------------------------
    def show_activity(self) -> None:
        """File > Activity: who did what and when (app/activity.py)."""
        window = self._window
        if window.vault is None:
            return
        from .activity import ActivityDialog

        dialog = ActivityDialog(window.vault, window.runner, client_view=window.client_view, parent=window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog

        ShortcutsDialog(self._window.actions(), self._window).exec()

    def show_preferences(self) -> None:
        """Text size and theme apply at once; the interface language at the next start."""
        from .preferences import PreferencesDialog

        window = self._window
        dialog = PreferencesDialog(window.settings, window, vault=window.vault, writer=window.writer)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        window.idle.set_minutes(window.settings.get("auto_lock_minutes"))
        window.apply_look()
