"""The recovery sheet: offered right after the vault is created, and from File > Make a recovery sheet.

Making one replaces the vault's recovery key (slow key derivation, on a worker) and shows the
sheet from memory. The key lives only in this dialog while it is open and on the paper or PDF the
person makes: never in settings, logs or the vault. An earlier sheet stops working.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.vault import VaultError, WrongPassphrase
from ..core.vocabulary import LANGUAGE_NAMES, AuditAction
from .background import Runner
from .file_choice import save_file
from .i18n import failure_message, interface_language, translate
from .operations import VaultOp
from .passphrase import fit_height
from .screen_fit import fit_to_screen, keep_on_screen
from .widgets.pdf_preview import PdfPreview
from .widgets.secret import SecretEntry

if TYPE_CHECKING:
    from ..core.pdf.options import Paper

JOB_NAME = "Recovery sheet"  # the print queue shows this, in any language: never a name or the key


def paper_size() -> Paper:
    """Letter where people use it (the US system of measures), A4 everywhere else."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def has_recovery_key(path: Path) -> bool:
    """Whether the vault has a recovery key already (reads the small key file only)."""
    from ..core.vault import keyfile

    try:
        return keyfile.read(path).wrap("recovery") is not None
    except VaultError:
        return False


def render_sheet(key: str, language: str, paper: Paper) -> bytes:
    """The sheet for ``key`` as PDF bytes, dated today (ReportLab loads on first use, on the worker)."""
    from ..core.pdf import render_recovery_sheet

    return render_recovery_sheet(key, created=dt.date.today(), language=language, paper=paper)


def make_sheet(vault: Any, passphrase: str, language: str, paper: Paper) -> tuple[str, bytes]:
    """A new recovery key and its sheet as PDF bytes: for a worker.

    A new data key too: the vault is re-encrypted through the open vault, so the old sheet (and
    every older key file) stops opening it (tests/core/vault/test_rotation.py).
    """
    key = vault.change_keys(passphrase, None, "new", action=AuditAction.RECOVERY_KEY_MADE)
    return key, render_sheet(key, language, paper)


class RecoverySheetDialog(QDialog):
    """First what a recovery key is (make one, or not now), then the sheet with Save PDF and Print.

    ``passphrase`` is the one just chosen on the first-run screen; without it the dialog asks for it.
    """

    _closed = False  # set by close_now: the worker's result must not come back into a closed dialog

    def __init__(self, vault: Any, runner: Runner, writer: Runner, *, passphrase: str | None = None,
                 made_key: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("RecoverySheetDialog", "Recovery sheet"))
        self.vault = vault
        self._runner = runner
        self._writer = writer
        self._passphrase = passphrase
        self._key: str | None = None
        self.kept = False  # saved or printed at least once
        self._generation = 0
        # Two pages, one shown at a time (hidden, not stacked, so the dialog fits the wrapped text).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.offer = self._offer_page(has_recovery_key(Path(vault.path)))
        self.sheet = self._sheet_page()
        self.sheet.hide()
        layout.addWidget(self.offer)
        layout.addWidget(self.sheet)
        self.setMinimumWidth(540)
        if made_key is not None:  # made by a key change already: straight to its sheet
            self._set_busy(True)
            language, paper = self.language.currentData(), paper_size()
            self._runner.run(lambda: (made_key, render_sheet(made_key, language, paper)), self._made,
                             self._failed)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        fit_height(self)  # wrapped text gets its full height in every language

    @property
    def pdf_bytes(self) -> bytes:
        """The sheet on show: the key, in memory only while the dialog is open."""
        return self.preview.pdf_bytes

    @pdf_bytes.setter
    def pdf_bytes(self, data: bytes) -> None:
        self.preview.pdf_bytes = data

    # -- the offer ----------------------------------------------------------------------------------
    def _offer_page(self, replacing: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(translate("RecoverySheetDialog", "A way back in if you forget your passphrase"))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        for text in (
            translate("RecoverySheetDialog", "A recovery key is a long code printed on one sheet of paper. "
                      "If you ever forget your passphrase, you type the key in its place and your records "
                      "open. Nobody else can reset your passphrase for you: without it, or this key, the "
                      "records stay locked for good."),
            translate("RecoverySheetDialog", "Keep the sheet in a safe place away from this computer, such "
                      "as a locked drawer. Anyone who holds it can open your records."),
        ):
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        if replacing:
            # Promise: tests/core/vault/test_rotation.py, test_every_older_key_file_with_every_older_
            # secret_fails; the limit (backups): test_old_backups_still_open_with_the_old_secret.
            note = QLabel(translate("RecoverySheetDialog", "You already have a recovery sheet. Making a new "
                                    "one makes the old one stop working: shred it afterwards. Backups made "
                                    "before still open with the old sheet."))
            note.setObjectName("fieldLabel")
            note.setWordWrap(True)
            layout.addWidget(note)
        self.entry = SecretEntry(translate("RecoverySheetDialog", "Your passphrase"),
                                 translate("RecoverySheetDialog", "Your passphrase"))
        self.passphrase, self.busy, self.message = self.entry.field, self.entry.busy, self.entry.message
        self.passphrase.returnPressed.connect(self.make)
        if self._passphrase is None:
            ask = QLabel(translate("RecoverySheetDialog", "To make the sheet, type your passphrase."))
            ask.setObjectName("quiet")
            layout.addWidget(ask)
            layout.addWidget(self.passphrase)
        else:
            self.passphrase.hide()
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.not_now_button = QPushButton(translate("RecoverySheetDialog", "Not now"))
        self.not_now_button.clicked.connect(self.reject)
        self.make_button = QPushButton(translate("RecoverySheetDialog", "Make a recovery sheet"))
        self.make_button.setObjectName("primary")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        buttons.addWidget(self.not_now_button)
        buttons.addWidget(self.make_button)
        layout.addLayout(buttons)
        return page

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.not_now_button, self.make_button):
            widget.setEnabled(not busy)
        self.make_button.setText(translate("RecoverySheetDialog", "Making the key...") if busy
                                 else translate("RecoverySheetDialog", "Make a recovery sheet"))
        self.busy.setVisible(busy)

    def make(self) -> None:
        """Replace the recovery key and render its sheet, on the worker."""
        secret = self._passphrase if self._passphrase is not None else self.passphrase.text()
        if not secret:
            self._error(translate("RecoverySheetDialog", "Type your passphrase first."))
            self.passphrase.setFocus()
            return
        self.message.hide()
        self._set_busy(True)
        vault, language, paper = self.vault, self.language.currentData(), paper_size()
        self._runner.run(lambda: make_sheet(vault, secret, language, paper), self._made, self._failed)

    def _made(self, result: tuple[str, bytes]) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self._key, data = result
        self._passphrase = None  # not needed any more: dropped as soon as the key is made
        self.passphrase.clear()
        self._set_busy(False)  # the key change wrote "recovery_key_made" inside the re-encrypted vault
        self.offer.hide()
        self.sheet.show()
        fit_to_screen(self, 760, 940)
        keep_on_screen(self)
        self._show(self._generation, data)
        self.print_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._error(translate("RecoverySheetDialog", "That passphrase did not open the vault, so no "
                                  "sheet was made. Check Caps Lock and the keyboard language, then try "
                                  "again."))
            self.entry.try_again()
        else:
            self._error(failure_message(exc) + " " + translate("RecoverySheetDialog", "No sheet was made."))

    def _error(self, text: str) -> None:
        self.entry.show_error(text)
        fit_height(self)

    # -- the sheet ----------------------------------------------------------------------------------
    def _sheet_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 14)
        top = QHBoxLayout()
        note = QLabel(translate("RecoverySheetDialog", "Print this sheet or save it now. The key is shown "
                                "only this once and is not kept on this computer."))
        note.setWordWrap(True)
        top.addWidget(note, 1)
        self.language = QComboBox()
        for key, words in LANGUAGE_NAMES.items():
            self.language.addItem(words, str(key))
        self.language.setCurrentIndex(max(0, self.language.findData(interface_language())))
        self.language.setAccessibleName(translate("RecoverySheetDialog", "Language of the sheet"))
        self.language.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.language)
        layout.addLayout(top)
        self.preview = PdfPreview(self, name=translate("RecoverySheetDialog", "Recovery sheet preview"),
                                  save_text=translate("RecoverySheetDialog", "Save PDF..."),
                                  print_text=translate("RecoverySheetDialog", "Print..."),
                                  zoom=QPdfView.ZoomMode.FitInView)
        self.document, self.view = self.preview.document, self.preview.view
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = QPushButton(translate("RecoverySheetDialog", "Done"))
        self.done_button.clicked.connect(self.reject)
        self.save_button, self.print_button = self.preview.save_button, self.preview.print_button
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        for button in (self.done_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return page

    def refresh(self) -> None:
        """The sheet again in the chosen language (same key)."""
        if self._key is None:
            return
        self._generation += 1
        generation, key, language = self._generation, self._key, self.language.currentData()
        paper = paper_size()
        self.preview.set_ready(False)
        self._runner.run(lambda: render_sheet(key, language, paper),
                         lambda data: self._show(generation, data), lambda _exc: None)

    def _show(self, generation: int, data: bytes) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        if generation != self._generation or self._key is None:
            return  # a newer language was chosen, or the dialog was closed meanwhile
        self.preview.show(data)

    def _record(self, where: str) -> None:
        self.kept = True
        vault = self.vault
        detail = f"recovery sheet {where}"
        VaultOp(self, self._writer, lambda: vault.record(AuditAction.PRINTED, detail=detail)).quietly().run()

    def save_pdf(self) -> None:
        if not self.keep_on_computer_anyway():
            return
        name = ("recovery-sheet.pdf" if self.language.currentData() == "en" else "hoja-de-recuperacion.pdf")
        path = save_file(self, translate("RecoverySheetDialog", "Save PDF"), name, "PDF (*.pdf)")
        if path:
            self.save_to(path)

    def keep_on_computer_anyway(self) -> bool:
        """Warn first: a saved sheet is the key on this computer, what the sheet says never to keep.

        The person may go on (to a USB stick kept locked away, say). Shown before the file dialog:
        tests/hostile/test_app_save_refused.py::test_recovery_sheet_warns_before_saving.
        """
        answer = QMessageBox.warning(self, translate("RecoverySheetDialog", "Save PDF"), translate(
            "RecoverySheetDialog", "A saved sheet is a copy of the recovery key on this computer, which is "
            "what the sheet says never to keep: anyone who gets into the computer and finds the file can "
            "open the vault with it. Printing the sheet is safer.\n\nSave it anyway (for example to a "
            "USB stick you then keep locked away)?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def save_to(self, path: str) -> bool:
        """Write the sheet where the person chose, through the guard (0600); True when it is there."""
        return self.preview.save_to(path, lambda: self._record("saved as PDF"))

    def print_pdf(self) -> None:
        printer = self.preview.choose_printer(JOB_NAME)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Send the sheet to ``printer``; recorded only once the printer took it. True when it went."""
        printer.setDocName(JOB_NAME)
        return self.preview.print_to(printer, lambda: self._record("sent to printer"))

    # -- closing ------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._key is not None and not self.kept:
            answer = QMessageBox.question(self, translate("RecoverySheetDialog", "Recovery sheet"), translate(
                "RecoverySheetDialog", "You have not printed or saved the sheet, and its key is not shown "
                "again. You can make a new sheet later from the File menu.\n\nClose it anyway?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.close_now()

    def close_now(self) -> None:
        """Close without asking (locking the window): the key leaves the screen and this dialog's memory."""
        self._closed = True  # a key made by the worker meanwhile is not put back
        self._forget()
        super().reject()

    def _forget(self) -> None:
        self._passphrase = None
        self._key = None
        self.passphrase.clear()
        self.preview.forget()
