"""Print a worksheet: choose the copy, preview it from memory, save a PDF or send it to a printer.

The PDF is rendered on a worker and shown with QtPdf straight from memory: no temporary file ever
holds a client's answers. A save goes through the one guard (``core/file_guard.py``) and is
recorded in the vault's audit trail before the file exists; a print is recorded once the printer
took the job. The recovery sheet (``recovery.py``) saves and prints through the same two functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import file_guard
from ..core.forms import FormDefinition
from ..core.pdf import PrintHeader, PrintOptions, render_blank, render_worksheet
from ..core.vocabulary import LANGUAGE_NAMES, AuditAction
from .file_choice import save_file
from .i18n import QT_TRANSLATE_NOOP, translate, vault_message
from .screen_fit import fit_to_screen

COPIES = (("take-home", QT_TRANSLATE_NOOP("PrintDialog", "Take-home copy")),
          ("clinician", QT_TRANSLATE_NOOP("PrintDialog", "Clinician copy")),
          ("blank", QT_TRANSLATE_NOOP("PrintDialog", "Blank worksheet")))


class PrintDialog(QDialog):
    """Options on top, the live preview below, Save PDF / Print at the bottom."""

    def __init__(self, vault: Any, form: FormDefinition, worksheet_id: int, runner: Any, *,
                 client_view: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("PrintDialog", "Print"))
        self.vault = vault
        self.form = form
        self.worksheet_id = worksheet_id
        self._runner = runner
        self.pdf_bytes: bytes = b""
        sheet = vault.worksheet(worksheet_id)
        self._sheet = sheet
        self._client_name = vault.client(sheet.client_id).name
        self._generation = 0  # drops previews that finish after newer options were chosen

        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        self.copy = QComboBox()
        for key, words in COPIES:
            if client_view and key != "take-home":
                continue  # the client's screen never offers the clinician copy
            self.copy.addItem(translate("PrintDialog", words), key)
        self.copy.setAccessibleName(translate("PrintDialog", "Which copy"))
        self.language = QComboBox()
        for key, words in LANGUAGE_NAMES.items():
            self.language.addItem(words, str(key))
        self.language.setCurrentIndex(max(0, self.language.findData(sheet.language)))
        self.language.setAccessibleName(translate("PrintDialog", "Language of the printout"))
        self.discreet = QCheckBox(translate("PrintDialog", "Discreet (title “My plan”, no name)"))
        self.discreet.setToolTip(translate("PrintDialog",
                                           "A neutral page that is safe to leave on a kitchen table"))
        for widget in (self.copy, self.language, self.discreet):
            options.addWidget(widget)
        options.addStretch(1)
        self.state = QLabel("")
        self.state.setObjectName("quiet")
        options.addWidget(self.state)
        layout.addLayout(options)

        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(translate("PrintDialog", "Print preview"))
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(translate("PrintDialog", "Save PDF..."))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(translate("PrintDialog", "Print..."))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(translate("PrintDialog", "Close"))
        close.clicked.connect(self.reject)
        for button in (close, self.save_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.copy.currentIndexChanged.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.discreet.toggled.connect(self.refresh)
        fit_to_screen(self, 900, 1000)  # the preview scrolls; the buttons stay on the screen
        # Start rendering once the dialog is built: a Python worker competes for the interpreter lock,
        # and the dialog's own set-up would wait for it call by call.
        QTimer.singleShot(0, self.refresh)

    def options(self) -> PrintOptions:
        copy = self.copy.currentData()
        discreet = self.discreet.isChecked() and copy == "take-home"
        return PrintOptions(copy=copy, language=self.language.currentData(), discreet=discreet)

    def refresh(self) -> None:
        self.discreet.setEnabled(self.copy.currentData() == "take-home")
        self._generation += 1
        generation = self._generation
        options = self.options()
        form, values, sheet = self.form, dict(self._sheet.values), self._sheet
        header = PrintHeader(client_name=self._client_name, session_date=sheet.session_date,
                             status=sheet.status, filled_by=sheet.filled_by,
                             version_number=sheet.version_number, worksheet_id=sheet.id)

        def render() -> bytes:
            if options.copy == "blank":
                return render_blank(form, language=options.language)
            return render_worksheet(form, values, header, options)

        self.state.setText(translate("PrintDialog", "Preparing preview..."))
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._runner.run(render, lambda data: self._show(generation, data), self._failed)

    def _show(self, generation: int, data: bytes) -> None:
        if generation != self._generation:
            return
        self.pdf_bytes = data
        show_pdf(self.document, self._buffer, data)
        pages = self.document.pageCount()
        # Two strings, not Qt's %n plurals: pyside6-lupdate misses those when the count is a variable.
        self.state.setText(translate("PrintDialog", "1 page") if pages == 1
                           else translate("PrintDialog", "{count} pages").format(count=pages))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.state.setText(translate("PrintDialog", "The preview could not be made."))
        QMessageBox.warning(self, translate("PrintDialog", "Print"), translate(
            "PrintDialog", "The printout could not be prepared ({error}).").format(error=type(exc).__name__))

    def _suggested_name(self) -> str:
        options = self.options()
        if options.discreet:
            return "my-plan.pdf" if self.form.discreet_title == "plan" else "my-notes.pdf"
        return f"{self.form.id.replace('_', '-')}-{dt.date.today().isoformat()}.pdf"

    def _record(self, where: str) -> None:
        options = self.options()
        self.vault.record(AuditAction.PRINTED, client_id=self._sheet.client_id,
                          worksheet_id=self.worksheet_id,
                          detail=f"{options.copy}{' discreet' if options.discreet else ''} {where}")

    def save_pdf(self) -> None:
        path = save_file(self, translate("PrintDialog", "Save PDF"), self._suggested_name(), "PDF (*.pdf)")
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the previewed PDF where the user chose (through the guard; recorded first); True when
        it is there."""
        return write_pdf(self, self.pdf_bytes, path, lambda: self._record("saved as PDF"))

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("My plan" if self.options().discreet else "Worksheet")  # never a client's name
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw every page of the preview onto ``printer``; recorded only once the printer took it."""
        return send_to_printer(self, self.document, printer, lambda: self._record("sent to printer"))


# The guard's words (core/file_guard.py), marked for translation here; the core keeps them in English.
# tests/hostile/test_app_save_refused.py checks each key is the core's message word for word.
REFUSALS = {
    file_guard.EMPTY_FILE: QT_TRANSLATE_NOOP("FileGuard", "No file name was given. Nothing was written."),
    file_guard.IS_VAULT: QT_TRANSLATE_NOOP(
        "FileGuard", "That is a vault folder: writing there could destroy its records. Nothing was written; "
        "choose a place outside the vault and its backups."),
    file_guard.IN_VAULT: QT_TRANSLATE_NOOP(
        "FileGuard", "That place is inside a vault folder (one that holds vault.key or vault.db): writing "
        "there could destroy its records. Nothing was written; choose a place outside the vault and its "
        "backups."),
    file_guard.IN_BACKUPS: QT_TRANSLATE_NOOP(
        "FileGuard", "That place is inside a vault's backups folder. Nothing was written; choose a place "
        "outside the vault and its backups."),
    file_guard.VAULT_NAME: QT_TRANSLATE_NOOP(
        "FileGuard", "vault.key, vault.db and their side files are the names of a vault's own files. "
        "Nothing was written; choose another name."),
    file_guard.A_FOLDER: QT_TRANSLATE_NOOP(
        "FileGuard", "That is a folder, not a file. Nothing was written; give a file name inside it "
        "instead."),
    file_guard.NOT_ORDINARY: QT_TRANSLATE_NOOP(
        "FileGuard", "That is not an ordinary file (it is a device, a pipe or a socket). Nothing was "
        "written; choose a file in a folder."),
    file_guard.IS_LINK: QT_TRANSLATE_NOOP(
        "FileGuard", "That name is a link to another place; nothing was written. Give the file's own name."),
    file_guard.ENDS_WITH_SEP: QT_TRANSLATE_NOOP(
        "FileGuard", "That name ends with a slash, which means a folder, not a file. Nothing was written; "
        "give a file name (without the slash at the end)."),
}


def _reason(exc: BaseException) -> str:
    """Why the vault refused, in plain words; never an exception's text (it could carry values)."""
    from ..core.vault import VaultError

    return vault_message(exc) if isinstance(exc, VaultError) else type(exc).__name__


def refusal_words(exc: file_guard.RefusedTarget) -> str:
    """The guard's message in the interface language."""
    words = REFUSALS.get(exc.message)
    return translate("FileGuard", words) if words else exc.message


def write_pdf(parent: QWidget, data: bytes, path: str, record: Callable[[], None]) -> bool:
    """Save PDF bytes to the file a person chose, through the one guard (core/file_guard.py): never
    onto a vault, a folder or a device; a new file readable by its owner only (0600). ``record`` runs
    first, before the file exists: when it fails, nothing is written. Says in plain words why not."""
    title = translate("PrintDialog", "Save PDF")
    try:
        file_guard.checked_file(path)
        try:
            record()
        except Exception as exc:  # a locked or failing vault: no file the audit trail does not know of
            QMessageBox.warning(parent, title, translate(
                "PrintDialog", "The save could not be recorded in the vault ({reason}), so the PDF was not "
                "saved.").format(reason=_reason(exc)))
            return False
        file_guard.write_file(path, data)
    except file_guard.RefusedTarget as exc:
        QMessageBox.warning(parent, title, refusal_words(exc))
        return False
    except OSError as exc:
        QMessageBox.warning(parent, title, translate(
            "PrintDialog", "The PDF could not be saved: {reason}. Choose another folder.").format(
            reason=exc.strerror or type(exc).__name__))
        return False
    return True


def send_to_printer(parent: QWidget, document: QPdfDocument, printer: QPrinter,
                    record: Callable[[], None]) -> bool:
    """Print ``document``; ``record`` runs only once the printer accepted the job. True when it went."""
    if not print_document(document, printer):
        QMessageBox.warning(parent, translate("PrintDialog", "Print"),
                            translate("PrintDialog", "The printer could not be started."))
        return False
    try:
        record()
    except Exception as exc:
        QMessageBox.warning(parent, translate("PrintDialog", "Print"), translate(
            "PrintDialog", "The page was sent to the printer, but the vault could not record it "
            "({reason}).").format(reason=_reason(exc)))
    return True


def show_pdf(document: QPdfDocument, buffer: QBuffer, data: bytes) -> None:
    """Load PDF ``data`` into ``document`` straight from memory (``buffer`` must outlive the view)."""
    document.close()
    buffer.close()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)


def print_document(document: QPdfDocument, printer: QPrinter) -> bool:
    """Draw every page of ``document`` onto ``printer`` at its resolution; False if it did not start."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            pixels = QSize(int(size.width() * scale), int(size.height() * scale))
            painter.drawImage(0, 0, document.render(page, pixels))
    finally:
        painter.end()
    return True
