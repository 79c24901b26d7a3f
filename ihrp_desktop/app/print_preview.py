"""Print a worksheet: choose the copy, preview it from memory, save a PDF or send it to a printer.

The PDF is rendered on a worker and shown with QtPdf straight from memory: no temporary file ever
holds a client's answers. A save goes through the one guard (``core/file_guard.py``) and is
recorded in the vault's audit trail before the file exists; a print is recorded once the printer
took the job. The preview with its two buttons is the one the recovery sheet shows too
(``widgets/pdf_preview.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
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

from ..core.forms import FormDefinition
from ..core.pdf import PrintHeader, PrintOptions, render_blank, render_worksheet
from .file_choice import save_file
from .i18n import QT_TRANSLATE_NOOP, translate
from .operations import write_now
from .screen_fit import fit_to_screen
from .widgets.pdf_preview import PdfPreview

COPIES = (("take-home", QT_TRANSLATE_NOOP("PrintDialog", "Take-home copy")),
          ("clinician", QT_TRANSLATE_NOOP("PrintDialog", "Clinician copy")),
          ("blank", QT_TRANSLATE_NOOP("PrintDialog", "Blank worksheet")))
LANGUAGES = (("en", "English"), ("es", "Español"))  # each in its own language, in every interface
PAPERS = (("letter", QT_TRANSLATE_NOOP("PrintDialog", "Letter")),
          ("a4", QT_TRANSLATE_NOOP("PrintDialog", "A4")))


class PrintDialog(QDialog):
    """Options on top, the live preview below, Save PDF / Print at the bottom."""

    def __init__(self, vault: Any, form: FormDefinition, worksheet_id: int, runner: Any, *,
                 writer: Any = None, client_view: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("PrintDialog", "Print"))
        self.vault = vault
        self.form = form
        self.worksheet_id = worksheet_id
        self._runner = runner
        self._writer = writer if writer is not None else runner  # where "printed" is recorded
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
        for key, words in LANGUAGES:
            self.language.addItem(words, key)
        self.language.setCurrentIndex(max(0, self.language.findData(sheet.language)))
        self.language.setAccessibleName(translate("PrintDialog", "Language of the printout"))
        self.discreet = QCheckBox(translate("PrintDialog", "Discreet (title “My plan”, no name)"))
        self.discreet.setToolTip(translate("PrintDialog",
                                           "A neutral page that is safe to leave on a kitchen table"))
        self.paper = QComboBox()
        for key, words in PAPERS:
            self.paper.addItem(translate("PrintDialog", words), key)
        self.paper.setAccessibleName(translate("PrintDialog", "Paper size"))
        for widget in (self.copy, self.language, self.paper, self.discreet):
            options.addWidget(widget)
        options.addStretch(1)
        self.state = QLabel("")
        self.state.setObjectName("quiet")
        options.addWidget(self.state)
        layout.addLayout(options)

        self.preview = PdfPreview(self, name=translate("PrintDialog", "Print preview"),
                                  save_text=translate("PrintDialog", "Save PDF..."),
                                  print_text=translate("PrintDialog", "Print..."),
                                  zoom=QPdfView.ZoomMode.FitToWidth, multi_page=True)
        self.document, self.view = self.preview.document, self.preview.view
        layout.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button, self.print_button = self.preview.save_button, self.preview.print_button
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton(translate("PrintDialog", "Close"))
        close.clicked.connect(self.reject)
        for button in (close, self.save_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.copy.currentIndexChanged.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.paper.currentIndexChanged.connect(self.refresh)
        self.discreet.toggled.connect(self.refresh)
        fit_to_screen(self, 900, 1000)  # the preview scrolls; the buttons stay on the screen
        # Start rendering once the dialog is built: a Python worker competes for the interpreter lock,
        # and the dialog's own set-up would wait for it call by call.
        QTimer.singleShot(0, self.refresh)

    @property
    def pdf_bytes(self) -> bytes:
        """The PDF on show (empty until the first preview is ready)."""
        return self.preview.pdf_bytes

    def options(self) -> PrintOptions:
        copy = self.copy.currentData()
        discreet = self.discreet.isChecked() and copy == "take-home"
        return PrintOptions(copy=copy, language=self.language.currentData(), discreet=discreet,
                            paper=self.paper.currentData())

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
                return render_blank(form, language=options.language, paper=options.paper)
            return render_worksheet(form, values, header, options)

        self.state.setText(translate("PrintDialog", "Preparing preview..."))
        self.preview.set_ready(False)
        self._runner.run(render, lambda data: self._show(generation, data),
                         lambda exc: self._failed(generation, exc))

    def done(self, result: int) -> None:  # noqa: D102 - Qt's close (accept, reject, Escape)
        # A preview that finishes once the dialog is closed (its widgets may be gone) is dropped.
        self._generation += 1
        super().done(result)

    def _show(self, generation: int, data: bytes) -> None:
        if generation != self._generation:
            return
        self.preview.show(data)
        pages = self.document.pageCount()
        # Two strings, not Qt's %n plurals: pyside6-lupdate misses those when the count is a variable.
        self.state.setText(translate("PrintDialog", "1 page") if pages == 1
                           else translate("PrintDialog", "{count} pages").format(count=pages))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.state.setText(translate("PrintDialog", "The preview could not be made."))
        QMessageBox.warning(self, translate("PrintDialog", "Print"), translate(
            "PrintDialog", "The printout could not be prepared ({error}).").format(error=type(exc).__name__))

    def _suggested_name(self) -> str:
        options = self.options()
        if options.discreet:
            return "my-plan.pdf" if self.form.discreet_title == "plan" else "my-notes.pdf"
        return f"{self.form.id.replace('_', '-')}-{dt.date.today().isoformat()}.pdf"

    def _record(self, where: str) -> None:
        """On the writer, waited for: a saved PDF exists only once the vault recorded it."""
        options, vault, sheet_id = self.options(), self.vault, self.worksheet_id
        client_id = self._sheet.client_id
        detail = f"{options.copy}{' discreet' if options.discreet else ''} {where}"
        write_now(self._writer, lambda: vault.record("printed", client_id=client_id, worksheet_id=sheet_id,
                                                     detail=detail))

    def save_pdf(self) -> None:
        path = save_file(self, translate("PrintDialog", "Save PDF"), self._suggested_name(), "PDF (*.pdf)")
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the previewed PDF where the user chose (through the guard; recorded first); True when
        it is there."""
        return self.preview.save_to(path, lambda: self._record("saved as PDF"))

    def print_pdf(self) -> None:
        printer = self.preview.choose_printer("My plan" if self.options().discreet else "Worksheet")
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw every page of the preview onto ``printer``; recorded only once the printer took it."""
        return self.preview.print_to(printer, lambda: self._record("sent to printer"))
