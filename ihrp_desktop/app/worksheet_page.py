"""One worksheet on screen: the generated editor, autosave status, status, revise and print."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.forms import FormDefinition
from .autosave import REVISION_COALESCE_S, Autosaver
from .editor import WorksheetEditor

FILLED_BY = (("together", "Filled together"), ("client", "Filled by the client"),
             ("therapist", "Filled by the therapist"))
STATUSES = (("draft", "Draft"), ("reviewed", "Reviewed"))
SAVE_WORDS = {"pending": "Editing...", "saving": "Saving...", "saved": "Saved", "failed": "Not saved yet"}


class WorksheetPage(QWidget):
    """Shows and saves one worksheet. Signals ask the window for navigation, printing, revising."""

    back_requested = Signal()
    print_requested = Signal()
    revise_requested = Signal()
    client_view_requested = Signal()

    def __init__(self, vault: Any, form: FormDefinition, worksheet_id: int, writer: Any, *,
                 show_clinician: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.form = form
        self.worksheet_id = worksheet_id
        sheet = vault.worksheet(worksheet_id)
        self.client_id = sheet.client_id
        self.language = sheet.language
        previous = vault.worksheet(sheet.previous_id).values if sheet.previous_id else None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("toolbar")
        top = QHBoxLayout(bar)
        top.setContentsMargins(16, 10, 16, 10)
        self.back_button = QPushButton("‹ Client")
        self.back_button.setAccessibleName("Back to the client page")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        # The worksheet's own heading is the editor's first line; the bar only says which version.
        version = sheet.version_number or 1
        self.title = QLabel(f"Version {version}" if version > 1 else "")
        self.title.setObjectName("quiet")
        top.addWidget(self.title)
        top.addStretch(1)
        self.save_state = QLabel("Saved")
        self.save_state.setObjectName("saveState")
        self.save_state.setAccessibleName("Save status")
        top.addWidget(self.save_state)
        self.status = self._combo(STATUSES, sheet.status, "Worksheet status")
        self.status.activated.connect(lambda: vault.set_status(worksheet_id, self.status.currentData()))
        top.addWidget(self.status)
        self.filled_by = self._combo(FILLED_BY, sheet.filled_by, "Who filled it")
        self.filled_by.activated.connect(
            lambda: vault.set_filled_by(worksheet_id, self.filled_by.currentData()))
        top.addWidget(self.filled_by)
        for combo in (self.status, self.filled_by):
            combo.setProperty("compact", True)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.client_view_button = QPushButton("Client view")
        self.client_view_button.setCheckable(True)
        self.client_view_button.setToolTip(
            "Full screen, larger text, only this worksheet, no therapist notes (F11)")
        self.client_view_button.clicked.connect(self.client_view_requested)
        top.addWidget(self.client_view_button)
        if form.revisable:
            self.revise_button = QPushButton("Revise plan")
            self.revise_button.setToolTip("Start a new version of this plan from these answers")
            self.revise_button.clicked.connect(self.revise_requested)
            top.addWidget(self.revise_button)
        self.print_button = QPushButton("Print...")
        self.print_button.setObjectName("primary")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_requested)
        top.addWidget(self.print_button)
        layout.addWidget(bar)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.editor = WorksheetEditor(form, sheet.values, language=sheet.language,
                                      show_clinician=show_clinician, previous_values=previous)
        layout.addWidget(self.editor, 1)

        self.autosaver = Autosaver(writer, self.editor.values,
                                   lambda values: vault.save_values(worksheet_id, values,
                                                                     coalesce_seconds=REVISION_COALESCE_S),
                                   self)
        self.autosaver.state_changed.connect(self._show_save_state)
        self.editor.changed.connect(self.autosaver.changed)

    @staticmethod
    def _combo(choices: tuple[tuple[str, str], ...], current: str, name: str) -> QComboBox:
        combo = QComboBox()
        for key, words in choices:
            combo.addItem(words, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setAccessibleName(name)
        return combo

    def _show_save_state(self, state: str, detail: str) -> None:
        self.save_state.setText(SAVE_WORDS.get(state, state))
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
        self.client_view_button.setText("Client view" if show else "Leave client view")

    def flush(self, *, closing: bool = False) -> bool:
        """Save whatever is on screen now (before locking, switching or quitting)."""
        return self.autosaver.flush(closing=closing)

    def focus_first_field(self) -> None:
        self.editor.focus_first_field()
