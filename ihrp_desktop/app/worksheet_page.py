"""One worksheet on screen: the generated editor, autosave status, status, revise and print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.forms import FormDefinition
from ..core.forms.carrying import CarryItem
from ..core.forms.review_start import with_starting_rows
from ..core.forms.revising import review_is_blank
from ..core.vocabulary import LANGUAGE_NAMES, in_register
from .autosave import REVISION_COALESCE_S, Autosaver
from .editor import WorksheetEditor
from .editor.flow import FlowLayout
from .i18n import QT_TRANSLATE_NOOP, translate
from .operations import VaultOp, say_not_saved
from .vocabulary_words import filled_by_words, status_words

# English source text, translated when shown (the interface language is chosen at start-up).
SAVE_WORDS = {"pending": QT_TRANSLATE_NOOP("WorksheetPage", "Editing..."),
              "saving": QT_TRANSLATE_NOOP("WorksheetPage", "Saving..."),
              "saved": QT_TRANSLATE_NOOP("WorksheetPage", "Saved"),
              "failed": QT_TRANSLATE_NOOP("WorksheetPage", "Not saved yet")}


class WorksheetPage(QWidget):
    """Shows and saves one worksheet. Signals ask the window for navigation, printing, revising."""

    back_requested = Signal()
    print_requested = Signal()
    revise_requested = Signal()
    client_view_requested = Signal()

    def __init__(self, vault: Any, form: FormDefinition, worksheet_id: int, writer: Any, *,
                 show_clinician: bool = True, parent: QWidget | None = None, sheet: Any = None):
        super().__init__(parent)
        self.vault = vault
        self.form = form
        self.worksheet_id = worksheet_id
        self._writer = writer
        # ``sheet``: the worksheet just read by the caller (the window reads it to find its form);
        # read once, not twice, on opening.
        sheet = sheet if sheet is not None and sheet.id == worksheet_id else vault.worksheet(worksheet_id)
        self.client_id = sheet.client_id
        self.language = sheet.language
        # The client's register (tú / usted): the editor reads the worksheet's text in it.
        self.register = vault.client(sheet.client_id).register
        previous = vault.worksheet(sheet.previous_id).values if sheet.previous_id else None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("toolbar")
        top = QHBoxLayout(bar)
        top.setContentsMargins(16, 10, 16, 10)
        self.back_button = QPushButton(translate("WorksheetPage", "‹ Client"))
        self.back_button.setAccessibleName(translate("WorksheetPage", "Back to the client page"))
        self.back_button.clicked.connect(self.back_requested)
        lead = QHBoxLayout()  # level with the first line of tools when they wrap onto a second
        top.addLayout(lead)
        top.setAlignment(lead, Qt.AlignmentFlag.AlignTop)
        lead.addWidget(self.back_button)
        # The worksheet's own heading is the editor's first line; the bar only says which version.
        version = sheet.version_number or 1
        self.title = QLabel(translate("WorksheetPage", "Version {number}").format(number=version)
                            if version > 1 else "")
        self.title.setObjectName("quiet")
        lead.addWidget(self.title)
        top.addStretch(1)
        # The tools wrap onto a second line when the room runs out (large text, a longer language).
        tools_box = QWidget()
        tools = FlowLayout(tools_box, 8, 8, align_end=True)  # Print stays in the corner
        top.addWidget(tools_box)
        self.save_state = QLabel(translate("WorksheetPage", "Saved"))
        self.save_state.setProperty("state", "saved")
        self.save_state.setObjectName("saveState")
        self.save_state.setAccessibleName(translate("WorksheetPage", "Save status"))
        tools.addWidget(self.save_state)
        self.status = self._combo(status_words(), sheet.status,
                                  translate("WorksheetPage", "Worksheet status"))
        self.status.activated.connect(
            lambda: self._write_choice(self.status, vault.set_status, sheet.status, "status"))
        tools.addWidget(self.status)
        self.filled_by = self._combo(filled_by_words(), sheet.filled_by,
                                     translate("WorksheetPage", "Who filled it"))
        self.filled_by.activated.connect(
            lambda: self._write_choice(self.filled_by, vault.set_filled_by, sheet.filled_by, "filled_by"))
        tools.addWidget(self.filled_by)
        self.language_box = self._combo(dict(LANGUAGE_NAMES), sheet.language,
                                        translate("WorksheetPage", "Language of this worksheet"))
        self.language_box.setToolTip(translate("WorksheetPage", "The language of this worksheet's questions "
                                               "and printout; the answers stay as they were written"))
        self.language_box.activated.connect(lambda: self.set_language(self.language_box.currentData()))
        tools.addWidget(self.language_box)
        for combo in (self.status, self.filled_by, self.language_box):
            combo.setProperty("compact", True)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.client_view_button = QPushButton(translate("WorksheetPage", "Client view"))
        self.client_view_button.setCheckable(True)
        self.client_view_button.setToolTip(translate(
            "WorksheetPage", "Full screen, larger text, only this worksheet, no therapist notes (F11)"))
        self.client_view_button.clicked.connect(self.client_view_requested)
        tools.addWidget(self.client_view_button)
        if form.revisable:
            is_plan = form.discreet_title == "plan"
            self.revise_button = QPushButton(translate("WorksheetPage", "Revise plan") if is_plan
                                             else translate("WorksheetPage", "New version"))
            self.revise_button.setToolTip(translate("WorksheetPage", "Review this version, then start a new "
                                                    "one from the answers that still stand"))
            self.revise_button.clicked.connect(self.revise_requested)
            tools.addWidget(self.revise_button)
        self.print_button = QPushButton(translate("WorksheetPage", "Print..."))
        self.print_button.setObjectName("primary")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_requested)
        tools.addWidget(self.print_button)
        layout.addWidget(bar)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.editor = WorksheetEditor(form, sheet.values, language=in_register(sheet.language, self.register),
                                      show_clinician=show_clinician, previous_values=previous,
                                      parent=self)  # built in place: see editor.page.build_page
        layout.addWidget(self.editor, 1)

        self.autosaver = Autosaver(writer, self.editor.values,
                                   lambda values: vault.save_values(worksheet_id, values,
                                                                     coalesce_seconds=REVISION_COALESCE_S),
                                   self)
        self.autosaver.state_changed.connect(self._show_save_state)
        self._review_shown = False
        self.editor.changed.connect(self.autosaver.changed)

    def review_first(self, notes: Callable[[], Sequence[CarryItem]] = tuple) -> bool:
        """Review first, then revise: while the review is empty, the first press of "Revise" shows it,
        with ``notes()``: what the client's later worksheets say for the review (the session check-ins'
        "how my plan went", declared ``at = "review"`` in the definition).

        Returns True when it did (the next press revises). tests/app/test_revising.py
        """
        if self._review_shown or self.form.review_section is None:
            return False
        if not review_is_blank(self.form, self.editor.values()):
            return False
        self._review_shown = True
        self._start_review_rows()
        self.editor.show_section(self.form.review_section)
        # Shown in the page's banner (tests/app/test_revising.py::test_revise_opens_the_review_first).
        text = translate(
            "WorksheetPage", "First, the review: how did each part go, and what did you learn? "
            "Press the button again to start the new version.")
        shown = list(notes())
        if shown:  # tests/app/test_carry_new_worksheets.py::test_check_ins_show_at_the_plans_review
            text += "\n\n" + translate("WorksheetPage", "Since this version began:") + "\n" + "\n".join(
                f"• {note.text} {note.source}" for note in shown)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # the client's words, never markup
        self.banner.setText(text)
        self.banner.show()
        return True

    def _start_review_rows(self) -> None:
        """The review's lists gain a row per option being tried (declared ``starts_with``). Shown, not
        saved: the rows are written with the person's first edit, as every answer is (autosave)."""
        started = with_starting_rows(self.form, self.editor.values(), self.editor.language)
        if started is None:
            return
        blocker = QSignalBlocker(self.editor)  # no "changed": nothing to save until the person edits
        for field_id, value in started.items():
            if value != self.editor.values().get(field_id):
                self.editor.apply_value(field_id, value, refresh=True, focus=None)
        del blocker

    @staticmethod
    def _combo(choices: dict[str, str], current: str, name: str) -> QComboBox:
        """A choice of already-worded items (the catalogue's words; language names in their own words)."""
        combo = QComboBox()
        for key, words in choices.items():
            combo.addItem(words, str(key))  # plain text: findData compares it
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setAccessibleName(name)
        return combo

    def _show_save_state(self, state: str, detail: str) -> None:
        if self.save_state.property("state") != state:  # every keystroke says "pending": restyle once
            words = SAVE_WORDS.get(state)
            self.save_state.setText(translate("WorksheetPage", words) if words else state)
            self.save_state.setProperty("state", state)
            self.save_state.style().unpolish(self.save_state)
            self.save_state.style().polish(self.save_state)
        if state == "failed":
            self.banner.setText(detail)
            self.banner.show()
        elif state == "saved":
            self.banner.hide()

    def set_show_clinician(self, show: bool) -> None:
        self.editor.set_show_clinician(show)
        for widget in (self.back_button, self.status, self.filled_by):
            widget.setVisible(show)
        self.client_view_button.setChecked(not show)
        self.client_view_button.setText(translate("WorksheetPage", "Client view") if show
                                        else translate("WorksheetPage", "Leave client view"))

    def set_language(self, language: str) -> None:
        """Show (and later print) this worksheet's questions in ``language``; the answers stay."""
        if language == self.language:
            return
        worksheet_id, vault = self.worksheet_id, self.vault
        VaultOp(self, self._writer, lambda: vault.set_language(worksheet_id, language)).success(
            lambda _info: self._show_language(language)).failure(self._language_not_saved).run()

    def _show_language(self, language: str) -> None:
        self.language = language
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.editor.set_language(in_register(language, self.register))

    def _language_not_saved(self, exc: BaseException) -> None:
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language)))
        say_not_saved(self, exc, "language")

    def _write_choice(self, combo: QComboBox, write: Callable[[int, str], object], stored: str,
                      op: str) -> None:
        """A status or "filled by" choice, written through the writer; on failure the box shows the
        vault's value again and says so."""
        worksheet_id, value = self.worksheet_id, combo.currentData()
        before = combo.property("stored") or stored

        def failed(exc: BaseException) -> None:
            combo.setCurrentIndex(max(0, combo.findData(before)))
            say_not_saved(self, exc, op)

        combo.setProperty("stored", value)
        VaultOp(self, self._writer, lambda: write(worksheet_id, value)).failure(failed).run()

    def flush(self, *, closing: bool = False) -> bool:
        """Save whatever is on screen now (before locking, switching or quitting)."""
        return self.autosaver.flush(closing=closing)

    def focus_first_field(self, *, reveal: bool = True) -> None:
        self.editor.focus_first_field(reveal=reveal)
