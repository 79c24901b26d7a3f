"""The PDF preview with Save PDF and Print, shared by the print dialog and the recovery sheet.

The PDF is shown with QtPdf straight from memory: no temporary file ever holds a client's answers
or a recovery key. A save goes through the one guard (``core/file_guard.py``) and is recorded in the
vault before the file exists; a print is recorded once the printer took the job.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from ...core import file_guard
from ..i18n import QT_TRANSLATE_NOOP, failure_message, translate


class PdfPreview:
    """The preview (document, its in-memory buffer, the view) and its Save PDF and Print buttons.

    The owner places ``view`` and the two buttons in its own layout and says what a save or a print
    records; the buttons are enabled only while a PDF is shown.
    """

    def __init__(self, parent: QWidget, *, name: str, save_text: str, print_text: str,
                 zoom: QPdfView.ZoomMode, multi_page: bool = False):
        self._parent = parent
        self.pdf_bytes = b""
        self.document = QPdfDocument(parent)
        self.buffer = QBuffer(parent)
        self.view = QPdfView(parent)
        self.view.setDocument(self.document)
        if multi_page:
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(zoom)
        self.view.setAccessibleName(name)
        self.save_button = QPushButton(save_text)
        self.print_button = QPushButton(print_text)
        self.print_button.setObjectName("primary")

    def set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def show(self, data: bytes) -> None:
        """Show PDF ``data`` and allow saving and printing it."""
        self.pdf_bytes = data
        show_pdf(self.document, self.buffer, data)
        self.set_ready(True)

    def forget(self) -> None:
        """The PDF out of memory (a recovery key on it must not stay)."""
        self.pdf_bytes = b""
        self.document.close()
        self.buffer.close()
        self.buffer.setData(b"")

    def save_to(self, path: str, record: Callable[[], None]) -> bool:
        """Write the shown PDF where the person chose (guarded, recorded first); True when it is there."""
        return write_pdf(self._parent, self.pdf_bytes, path, record)

    def choose_printer(self, job_name: str) -> QPrinter | None:
        """The system's print dialog; the printer chosen, or None. The job's name is never a client's."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job_name)
        if QPrintDialog(printer, self._parent).exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_to(self, printer: QPrinter, record: Callable[[], None]) -> bool:
        """Every page onto ``printer``; recorded only once the printer took it. True when it went."""
        return send_to_printer(self._parent, self.document, printer, record)


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
                "PrintDialog", "The save could not be recorded in the vault, so the PDF was not saved. "
                "{reason}").format(reason=failure_message(exc)))
            return False
        file_guard.write_file(path, data)
    except file_guard.RefusedTarget as exc:
        QMessageBox.warning(parent, title, refusal_words(exc))
        return False
    except OSError as exc:
        QMessageBox.warning(parent, title, failure_message(exc))
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
            "PrintDialog", "The page was sent to the printer, but the vault could not record it. "
            "{reason}").format(reason=failure_message(exc)))
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
