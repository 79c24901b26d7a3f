"""The first thing on screen: create a vault (first run) or unlock it.

Key derivation takes a noticeable fraction of a second by design, so it runs on a worker; the
window stays responsive and shows "Unlocking...".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtCore  # QtCore.Qt where used: naming Qt costs the launch (see main_window)
from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.vault import DamagedVault, KeptCopy, NotAVault, VaultError, WrongPassphrase
from .background import Runner
from .feedback import error_label
from .i18n import failure_message, translate
from .passphrase import NewPassphraseFields
from .widgets.secret import SecretEntry


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A centred card, the calm single focus of the screen."""
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = QFrame(parent)
    card.setObjectName("card")
    card.setMinimumWidth(440)
    card.setMaximumWidth(520)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(36, 32, 36, 32)
    layout.setSpacing(12)
    return card, layout


def _title(text: str, sub: str) -> tuple[QLabel, QLabel]:
    title = QLabel(text)
    title.setObjectName("screenTitle")
    subtitle = QLabel(sub)
    subtitle.setObjectName("quiet")
    subtitle.setWordWrap(True)
    return title, subtitle


def open_vault(path: Path, secret: str) -> Any:
    """Key derivation and opening, for a worker thread: nothing here may block the window.

    The whole-file page check is left to ``Vault.check_pages`` in the background, so unlocking a
    decade of records takes the key derivation plus milliseconds. The vault package itself loads
    here too, off the GUI thread, the first time.
    """
    from ..core.vault import Vault, unlock_key

    key = unlock_key(path, secret)
    try:
        return Vault.open_with_key(path, key, full_check=False)
    finally:
        key.wipe()  # the vault keeps its own copy, wiped when it is locked


class UnlockScreen(QWidget):
    """Passphrase field with the focus in it; reports the opened vault through ``unlocked``."""

    unlocked = Signal(object)  # Vault
    open_backup_requested = Signal()

    def __init__(self, vault_path: Path, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault_path = vault_path
        self._runner = runner
        self.failed_attempts = 0
        _, layout = _card(self)
        title, subtitle = _title(translate("UnlockScreen", "Unlock your records"),
                                 translate("UnlockScreen",
                                           "Your worksheets are kept encrypted on this computer."))
        layout.addWidget(title)
        layout.addWidget(subtitle)
        self.entry = SecretEntry(translate("UnlockScreen", "Passphrase"),
                                 translate("UnlockScreen", "Vault passphrase"))
        self.passphrase, self.busy, self.message = self.entry.field, self.entry.busy, self.entry.message
        self.passphrase.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.passphrase)
        self.unlock_button = QPushButton(translate("UnlockScreen", "Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        layout.addWidget(self.unlock_button)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self.backup_button = QPushButton(translate("UnlockScreen", "Open the latest backup instead"))
        self.backup_button.clicked.connect(self.open_backup_requested)
        self.backup_button.hide()
        layout.addWidget(self.backup_button)
        self.setFocusProxy(self.passphrase)

    def add_note(self, text: str) -> None:
        """A quiet line under the card's contents (the demo vault's passphrase)."""
        note = QLabel(text)
        note.setObjectName("quiet")
        note.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(note)

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.hide()
        self.backup_button.hide()
        self._set_busy(False)
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.unlock_button.setText(translate("UnlockScreen", "Unlocking...") if busy
                                   else translate("UnlockScreen", "Unlock"))
        self.busy.setVisible(busy)

    def try_unlock(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.show_error(translate("UnlockScreen", "Type your passphrase, then press Enter."))
            return
        self._set_busy(True)
        self.message.hide()
        self._runner.run(lambda: open_vault(self.vault_path, secret), self._opened, self.show_failure)

    def _opened(self, vault: Any) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(vault)

    def show_failure(self, exc: BaseException) -> None:
        """Say in plain words why the vault did not open (or was found damaged after opening)."""
        from ..core import backups

        self._set_busy(False)
        self.entry.try_again()
        if isinstance(exc, WrongPassphrase):
            self.failed_attempts += 1
            self.show_error(translate("UnlockScreen", "That passphrase did not open the vault. Check Caps "
                                      "Lock and the keyboard language, then try again."))
        elif isinstance(exc, DamagedVault | NotAVault) and not isinstance(exc, KeptCopy):
            latest = backups.latest_backup(self.vault_path)
            if latest is None:
                self.show_error(failure_message(exc) + " " + translate(
                    "UnlockScreen", "The original files were not changed. No automatic backup was found "
                    "beside it."))
            else:
                self.show_error(failure_message(exc) + " "
                                + translate("UnlockScreen", "The original files were not changed."))
                when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(latest[0].timestamp())),
                                           QLocale.FormatType.ShortFormat)
                self.backup_button.setText(
                    translate("UnlockScreen", "Open the latest backup instead ({when})").format(when=when))
                self.backup_button.show()
        elif isinstance(exc, VaultError):
            self.show_error(failure_message(exc))
        else:
            self.show_error(failure_message(exc) + " "
                            + translate("UnlockScreen", "The original files were not changed."))

    def show_error(self, text: str) -> None:
        self.entry.show_error(text)


def create_vault(path: Path, passphrase: str) -> Any:
    from ..core.vault import Vault

    return Vault.create(path, passphrase)


class CreateVaultScreen(QWidget):
    """First run: choose a passphrase (typed twice, with strength feedback)."""

    created = Signal(object)  # Vault
    recovery_offer = Signal(object, str)  # Vault, the passphrase just chosen (to make a recovery key)

    def __init__(self, vault_path: Path, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault_path = vault_path
        self._runner = runner
        _, layout = _card(self)
        title, subtitle = _title(
            translate("CreateVaultScreen", "Welcome to IHRP Desktop"),
            translate("CreateVaultScreen", "Choose a passphrase to protect your records. They are encrypted "
                      "on this computer; without the passphrase nobody can read them, and nobody can recover "
                      "them for you."),
        )
        layout.addWidget(title)
        layout.addWidget(subtitle)
        self.fields = NewPassphraseFields()
        self.fields.submitted.connect(self.try_create)
        layout.addWidget(self.fields)
        # The parts by name, as tests and the tab order know them.
        self.first, self.second = self.fields.first, self.fields.second
        self.strength_bar, self.strength = self.fields.strength_bar, self.fields.strength
        self.create_button = QPushButton(translate("CreateVaultScreen", "Create my vault"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.try_create)
        layout.addWidget(self.create_button)
        where = QLabel(translate("CreateVaultScreen", "Location: {path}").format(path=vault_path))
        where.setObjectName("quiet")
        where.setWordWrap(True)
        where.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self.message = error_label()
        layout.addWidget(self.message)
        self.setFocusProxy(self.fields)

    def check_place(self) -> bool:
        """Say at once when no vault can be made at this path (a file, a device, inside a vault
        folder ...), in the core's words, instead of offering to create one
        (tests/app/test_op_failures.py::test_the_create_screen_says_at_once_the_place_is_refused)."""
        from ..core.vault.backup import refuse_vault_places

        try:
            refuse_vault_places(self.vault_path, new_vault=True)
        except VaultError as exc:
            self._error(failure_message(exc))
            self.fields.setEnabled(False)
            self.create_button.setEnabled(False)
            return False
        self.fields.setEnabled(True)
        self.create_button.setEnabled(True)
        return True

    def try_create(self) -> None:
        if not self.check_place():
            return
        problem = self.fields.problem()
        if problem is not None:
            self._error(problem)
        else:
            first = self.fields.text()
            self.create_button.setEnabled(False)
            self.create_button.setText(translate("CreateVaultScreen", "Creating..."))
            path = self.vault_path
            self._runner.run(lambda: create_vault(path, first), lambda vault: self._done(vault, first),
                             self._failed)

    def _done(self, vault: Any, passphrase: str) -> None:
        self.fields.clear()
        self.created.emit(vault)
        # Held by the recovery-sheet offer only while it is open, never stored (see app/recovery.py).
        self.recovery_offer.emit(vault, passphrase)

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.create_button.setText(translate("CreateVaultScreen", "Create my vault"))
        message = failure_message(exc) if isinstance(exc, VaultError) else translate(
            "CreateVaultScreen", "The vault could not be created. {reason}").format(
            reason=failure_message(exc))
        self._error(message)

    def _error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
