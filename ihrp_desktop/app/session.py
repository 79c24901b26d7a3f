"""The open vault and its lifetime: after the unlock, the page check, the daily backup, closing.

The window shows what this says: ``ready`` (show the client list), ``damaged`` (the file failed its
page check and was closed untouched), ``lock_requested`` (the person chose not to go on with an
older copy), ``backup_failed`` (a status-bar line). Every write here goes through the writer.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from .. import APP_NAME
from ..core.vault import DamagedVault
from ..core.vault.files import discard_empty_side_files
from .background import BackgroundRunner, Runner
from .feedback import busy_bar
from .i18n import failure_message, translate
from .operations import VaultOp

if TYPE_CHECKING:
    from ..core.vault import Vault

WAIT_BEFORE_NOTICE_MS = 400  # a lock or quit that waits longer says what it is waiting for


def closing_notice(parent: QWidget) -> QtWidgets.QDialog:
    """A small window that says the vault closes once today's backup is done (no client words)."""
    notice = QtWidgets.QDialog(parent)
    notice.setObjectName("closingNotice")
    notice.setWindowTitle(APP_NAME)
    notice.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
    layout = QtWidgets.QVBoxLayout(notice)
    layout.setContentsMargins(24, 20, 24, 24)
    layout.setSpacing(14)
    words = QLabel(translate(
        "MainWindow", "Finishing the last save and today's backup before the vault closes..."))
    words.setWordWrap(True)
    layout.addWidget(words)
    bar = busy_bar()  # no Cancel: a backup stopped halfway is no backup
    bar.show()
    layout.addWidget(bar)
    notice.setFixedWidth(notice.fontMetrics().averageCharWidth() * 48 + 48)
    return notice


class VaultSession(QObject):
    """Owns the open vault (``vault`` is None while locked) and the writer and backup workers."""

    ready = Signal(object)  # Vault: may be shown now
    damaged = Signal(object)  # DamagedVault: closed without a write, the folder as before the unlock
    lock_requested = Signal()
    backup_failed = Signal(str)  # plain words

    def __init__(self, writer: Runner, window: QWidget):
        super().__init__(window)
        self.writer = writer
        self.backup_runner = BackgroundRunner(serial=True)
        self.vault: Vault | None = None
        self.older_question: Any = None  # "older than one this computer has opened", while shown
        self._window = window

    def start(self, vault: Vault, failed_attempts: int) -> None:
        """Just unlocked (or created, or restored): check the pages, then record; show it meanwhile."""
        self.vault = vault

        def check_then_record() -> list[str]:
            # The whole-file tamper and integrity check is the writer's first job: the window is
            # usable at once, and nothing is written (not even "unlocked") until the file proved
            # intact. A damaged vault is closed untouched; saves queued behind the check then fail.
            problems = vault.check_pages()
            if problems:
                with contextlib.suppress(Exception):  # damage may stop the checkpoint; nothing was written
                    vault.close()
                return problems
            if failed_attempts:
                vault.record_failed_unlocks(failed_attempts)
            vault.record("unlocked")
            return []

        # Quietly: VaultClosed means it was locked before the check finished.
        VaultOp(self._window, self.writer, check_then_record).success(
            lambda problems: self._pages_checked(vault, problems)).quietly().run()
        if self.vault is not vault:
            return  # a writer that runs at once (tests) already found the file damaged
        if vault.older_than_seen is not None:
            # Asked over the unlock screen: no client is shown until the person chose this copy.
            self.ask_about_older_vault(vault)
            return
        self.ready.emit(vault)

    def _pages_checked(self, vault: Vault, problems: list[str]) -> None:
        if vault is not self.vault:
            return  # locked meanwhile
        if problems:
            # Closed already, without a write; typing since the unlock cannot be saved into it.
            question, self.older_question = self.older_question, None
            if question is not None:
                question.reject()  # the damage is said instead
            self.vault = None
            self.writer.wait()  # the closing job is done: no connection is left
            discard_empty_side_files(vault.path)  # the folder as it was before the unlock
            self.damaged.emit(DamagedVault(problems))
            return
        from ..core import backups

        if backups.backup_due(vault.path):
            # Once a day, only of a vault that proved intact, on its own worker: saves never
            # wait behind a large copy.
            self.backup_runner.run(lambda: backups.make_backup(vault), None, self._backup_failed)

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_failed.emit(translate(
            "MainWindow", "Today's automatic backup could not be made: {reason}").format(
            reason=failure_message(exc)))

    def ask_about_older_vault(self, vault: Vault) -> None:
        """Older files than this computer has seen (a rollback?): say so and let the person decide,
        before any client is shown (tests/app/test_rotation_app.py::test_an_older_vault_is_reported...)."""
        newer = vault.older_than_seen
        assert newer is not None
        box = QtWidgets.QMessageBox(self._window)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("MainWindow", "Older vault"))
        # Tested by tests/app/test_rotation_app.py::test_an_older_vault_is_reported_and_the_person_decides
        box.setText(newer.message())
        keep = box.addButton(translate("MainWindow", "Keep working with this copy"),
                             QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("MainWindow", "Lock"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        self.older_question = box

        def decided(button: Any) -> None:
            self.older_question = None
            if self.vault is not vault:
                return
            if button is keep:
                # Behind the page check on the writer: a damaged file is closed first, and this fails quietly.
                VaultOp(self._window, self.writer, vault.accept_this_state).quietly().run()
                self.ready.emit(vault)
            else:
                self.lock_requested.emit()

        def gone() -> None:  # closed without a choice: the vault is locked (later: never inside a lock)
            if self.older_question is box:
                self.older_question = None
                QtCore.QTimer.singleShot(
                    0, lambda: self.lock_requested.emit() if self.vault is vault else None)

        box.buttonClicked.connect(decided)
        box.rejected.connect(gone)
        box.open()

    def close(self) -> None:
        """Close the vault once the last saves, the page check and a backup in progress are done.

        That can take seconds on a large vault. The window keeps answering the system meanwhile
        (one that stops answering gets a "not responding" offer to force it closed, mid-backup), and
        after a moment a small notice says what is being waited for. Callbacks of the work that
        finish meanwhile find no vault and do nothing (the page check then starts no backup).
        """
        vault, self.vault = self.vault, None
        if vault is not None and vault.is_open:
            # Behind the last saves on the writer (waited for below); a vault that cannot write still locks.
            VaultOp(self._window, self.writer, lambda: vault.record("locked")).quietly().run()
        timer = QtCore.QElapsedTimer()
        timer.start()
        if not (self.writer.wait(WAIT_BEFORE_NOTICE_MS)
                and self.backup_runner.wait(max(0, WAIT_BEFORE_NOTICE_MS - timer.elapsed()))):
            notice = closing_notice(self._window)
            notice.show()
            try:
                for runner in (self.writer, self.backup_runner):
                    while not runner.wait(50):
                        QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                notice.close()
                notice.deleteLater()
        if vault is not None:
            vault.close()
