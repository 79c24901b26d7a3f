"""Print a worksheet: choose the copy, preview it from memory, save a PDF or send it to a printer.

The PDF is rendered on a worker and shown with QtPdf straight from memory: no temporary file ever
holds a client's answers. A save goes through the one guard (``core/file_guard.py``) and is
recorded in the vault's audit trail before the file exists; a print is recorded once the printer
took the job. The preview with its two buttons is the one the recovery sheet shows too
(``widgets/pdf_preview.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
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
from ..core.pdf.fallback import PLACEHOLDER, texts_of, unprintable
from ..core.pdf.options import DISCREET_ONLY_TAKE_HOME
from ..core.pdf.pocket_sheet import card_sheet
from ..core.pdf.words import word
from ..core.practice import Practice
from ..core.vocabulary import LANGUAGE_NAMES, REGISTER_LANGUAGES, AuditAction, Register, in_register
from .file_choice import save_file
from .i18n import QT_TRANSLATE_NOOP, translate
from .operations import write_now
from .screen_fit import fit_to_screen
from .widgets.pdf_preview import PdfPreview

COPIES = (("take-home", QT_TRANSLATE_NOOP("PrintDialog", "Take-home copy")),
          ("clinician", QT_TRANSLATE_NOOP("PrintDialog", "Clinician copy")),
          ("blank", QT_TRANSLATE_NOOP("PrintDialog", "Blank worksheet")),
          # Several cards to a sheet, with cut marks; offered for a worksheet with a [pocket_card].
          ("pocket-card", QT_TRANSLATE_NOOP("PrintDialog", "Pocket card (cut out, fold)")))
# The copies that leave the room with the client: they print the practice's help lines.
TAKEN_HOME = ("take-home", "pocket-card")
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
        self._practice: Practice = vault.practice()
        client = vault.client(sheet.client_id)
        self._client_name = client.name
        self._generation = 0  # drops previews that finish after newer options were chosen

        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        self.copy = QComboBox()
        for key, words in COPIES:
            if client_view and key not in TAKEN_HOME:
                continue  # the client's screen never offers the clinician copy
            if key == "pocket-card" and form.pocket_card is None:
                continue
            self.copy.addItem(translate("PrintDialog", words), key)
        self.copy.setAccessibleName(translate("PrintDialog", "Which copy"))
        self.language = QComboBox()
        for key, words in LANGUAGE_NAMES.items():
            self.language.addItem(words, str(key))
        self.language.setCurrentIndex(max(0, self.language.findData(sheet.language)))
        self.language.setAccessibleName(translate("PrintDialog", "Language of the printout"))
        # Spanish only: tú or usted, the client's own register first (tests/app/test_register_app.py).
        self.formal = QCheckBox(translate("PrintDialog", "Formal (usted)"))
        self.formal.setToolTip(translate("PrintDialog", "Address the client as usted instead of tú"))
        self.formal.setChecked(client.register == Register.FORMAL)
        self.discreet = QCheckBox(translate("PrintDialog", "Discreet (title “My plan”, no name)"))
        # What tests/core/test_discreet_words.py proves: no listed word the client did not type.
        self.discreet.setToolTip(translate(
            "PrintDialog",
            "Neutral title, no name; no word naming a substance, overdose, treatment, a clinic "
            "or the law unless the client typed it"))
        self.paper = QComboBox()
        for key, words in PAPERS:
            self.paper.addItem(translate("PrintDialog", words), key)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self._practice.paper)))  # the practice's
        self.paper.setAccessibleName(translate("PrintDialog", "Paper size"))
        for widget in (self.copy, self.language, self.formal, self.paper, self.discreet):
            options.addWidget(widget)
        self.formal.setVisible(self.language.currentData() in REGISTER_LANGUAGES)
        options.addStretch(1)
        self.state = QLabel("")
        self.state.setObjectName("quiet")
        options.addWidget(self.state)
        layout.addLayout(options)
        # Characters that print as placeholders, said above the preview
        # (tests/app/test_print_paper.py::test_dialog_says_what_cannot_print).
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)

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

        self.copy.currentIndexChanged.connect(self._copy_chosen)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.formal.toggled.connect(self.refresh)
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

    def kind(self) -> str:
        """The chosen copy: take-home, clinician, blank or pocket-card."""
        return str(self.copy.currentData())

    def options(self) -> PrintOptions:
        copy = "take-home" if self.kind() == "pocket-card" else self.kind()
        discreet = self.discreet.isChecked() and copy == "take-home"
        return PrintOptions(copy=copy, language=self.printed_language(), discreet=discreet,
                            paper=self.paper.currentData(), written_with=self._sheet.form_version)

    def printed_language(self) -> str:
        """The chosen language, read in usted when it is Spanish and "Formal (usted)" is ticked."""
        language = str(self.language.currentData())
        formal = self.formal.isChecked() and language in REGISTER_LANGUAGES
        return in_register(language, Register.FORMAL if formal else Register.INFORMAL)

    def _language_chosen(self) -> None:
        self.formal.setVisible(self.language.currentData() in REGISTER_LANGUAGES)
        self.refresh()

    def _copy_chosen(self) -> None:
        if self.kind() == "pocket-card":
            self.discreet.blockSignals(True)
            self.discreet.setChecked(True)  # the card is discreet by default: it lives in a wallet
            self.discreet.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        can_be_discreet = self.kind() in TAKEN_HOME
        self.discreet.setEnabled(can_be_discreet)
        if not can_be_discreet:
            self.discreet.setToolTip(DISCREET_ONLY_TAKE_HOME)
        self._say()
        self._generation += 1
        generation = self._generation
        options = self.options()
        form, values, sheet = self.form, dict(self._sheet.values), self._sheet
        header = PrintHeader(client_name=self._client_name, session_date=sheet.session_date,
                             status=sheet.status, filled_by=sheet.filled_by,
                             version_number=sheet.version_number, worksheet_id=sheet.id,
                             practice=self._practice)
        kind, practice = self.kind(), self._practice

        def render() -> tuple[bytes, bool]:
            if options.copy == "blank":
                return render_blank(form, language=options.language, paper=options.paper), False
            if kind == "pocket-card":
                return card_sheet(form, values, options, practice)
            return render_worksheet(form, values, header, options), False

        self.state.setText(translate("PrintDialog", "Preparing preview..."))
        self.preview.set_ready(False)
        self._runner.run(render, lambda made: self._show(generation, *made),
                         lambda exc: self._failed(generation, exc))

    def _say(self, shortened: bool = False) -> None:
        """The note above the preview: characters that print as placeholders, a shortened card."""
        options = self.options()
        lost = 0 if options.copy == "blank" else unprintable(
            [*texts_of(self._sheet.values), "" if options.is_discreet else self._client_name])
        notes = ([_unprintable_note(lost)] if lost else []) + (
            [_card_shortened(options.language)] if shortened else [])
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    def done(self, result: int) -> None:  # noqa: D102 - Qt's close (accept, reject, Escape)
        # A preview that finishes once the dialog is closed (its widgets may be gone) is dropped.
        self._generation += 1
        super().done(result)

    def _show(self, generation: int, data: bytes, shortened: bool = False) -> None:
        if generation != self._generation:
            return
        self._say(shortened)
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
        if self.kind() == "pocket-card":
            return f"pocket-card-{dt.date.today().isoformat()}.pdf"
        return f"{self.form.id.replace('_', '-')}-{dt.date.today().isoformat()}.pdf"

    def _record(self, where: str) -> None:
        """On the writer, waited for: a saved PDF exists only once the vault recorded it."""
        options, vault, sheet_id = self.options(), self.vault, self.worksheet_id
        client_id = self._sheet.client_id
        detail = f"{self.kind()}{' discreet' if options.discreet else ''} {where}"
        write_now(self._writer, lambda: vault.record(AuditAction.PRINTED, client_id=client_id,
                                                     worksheet_id=sheet_id, detail=detail))

    def lines_confirmed(self) -> bool:
        """Before the first take-home print: show the help lines it carries and ask the person to
        confirm them (tests/app/test_practice_app.py). True when they are confirmed."""
        if self.kind() not in TAKEN_HOME or self._practice.confirmed:
            return True
        language = self.language.currentData()
        lines = self._practice.printed_lines(language)
        shown = "\n".join(f"{label}: {number}" for label, number in lines) or translate(
            "PrintDialog", "(no crisis or poison line is set: Preferences, Practice)")
        box = QMessageBox(QMessageBox.Icon.Question, translate("PrintDialog", "Check the help lines"),
                          translate("PrintDialog", "Take-home papers print these lines. Check each number "
                                    "before the first print:\n\n{lines}").format(lines=shown),
                          parent=self)
        box.setObjectName("confirmLines")
        confirm = box.addButton(translate("PrintDialog", "They are right: confirm"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return False
        vault, confirmed = self.vault, replace(self._practice, confirmed=True)
        self._practice = write_now(self._writer, lambda: vault.save_practice(confirmed))
        return True

    def save_pdf(self) -> None:
        if not self.lines_confirmed():
            return
        path = save_file(self, translate("PrintDialog", "Save PDF"), self._suggested_name(), "PDF (*.pdf)")
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the previewed PDF where the user chose (through the guard; recorded first); True when
        it is there."""
        return self.preview.save_to(path, lambda: self._record("saved as PDF"))

    def print_pdf(self) -> None:
        if not self.lines_confirmed():
            return
        printer = self.preview.choose_printer("My plan" if self.options().discreet else "Worksheet")
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw every page of the preview onto ``printer``; recorded only once the printer took it."""
        return self.preview.print_to(printer, lambda: self._record("sent to printer"))


# The command line's words (core.pdf.fallback.unprintable_note, pocket_sheet.CARD_SHORTENED), in the
# interface's language (tests/app/test_print_paper.py::test_the_dialog_s_notes_in_the_spanish_interface).
def _unprintable_note(count: int) -> str:
    if count == 1:
        return translate(
            "PrintDialog",
            "1 character in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or Arabic "
            "script); it shows as {mark} on the page.").format(mark=PLACEHOLDER)
    return translate(
        "PrintDialog",
        "{count} characters in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or "
        "Arabic script); they show as {mark} on the page.").format(count=count, mark=PLACEHOLDER)


def _card_shortened(language: str) -> str:
    """The card's own words quoted in the card's language ("More in your plan", "Más en tu plan")."""
    return translate(
        "PrintDialog",
        "Some answers were too long for the pocket card and were shortened (…) or left out; the card says "
        "“{more}”.").format(more=word("card.more", language))
