"""Preferences: one widget per declared setting (settings as data, one loop), saved on OK."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.practice import PracticeProblem
from .background import Runner
from .i18n import translate
from .operations import write_now
from .practice_section import PracticeSection, problem_text
from .screen_fit import fit_to_screen
from .settings import SETTINGS, AppSettings, Setting


class PreferencesDialog(QDialog):
    """Text size, theme, interface language and auto-lock (the caller applies them after OK); with an
    open vault, the practice profile too (saved in the vault on OK)."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, *, vault: Any = None,
                 writer: Runner | None = None):
        super().__init__(parent)
        self._writer = writer
        self.settings = settings
        self.vault = vault  # an open vault: the practice profile lives there (not in QSettings)
        self.practice_section: PracticeSection | None = None
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self.inputs: dict[str, QWidget] = {}
        # The settings and the practice profile scroll; OK and Cancel stay on the screen below them
        # (a 1366x768 laptop at the largest text size: tests/app/test_preferences_fit.py).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 16)
        outer.setSpacing(12)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 4)
        layout.setSpacing(16)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        for setting in SETTINGS:
            if not setting.in_preferences:
                continue
            widget = self._input(setting)
            label = QLabel(translate("Settings", setting.label))
            label.setBuddy(widget)
            label.setWordWrap(True)
            widget.setAccessibleName(label.text())
            if setting.note:
                note = QLabel(translate("Settings", setting.note))
                note.setObjectName("quiet")
                note.setWordWrap(True)
                widget.setAccessibleDescription(note.text())
                box = QWidget()
                inner = QVBoxLayout(box)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setSpacing(4)
                inner.addWidget(widget)
                inner.addWidget(note)
                form.addRow(label, box)
            else:
                form.addRow(label, widget)
            self.inputs[setting.key] = widget
        layout.addLayout(form)
        if vault is not None:
            self.practice_section = PracticeSection(vault.practice(), self)
            layout.addWidget(self.practice_section)
        layout.addStretch(1)
        self.body = QScrollArea()
        self.body.setWidget(body)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.body, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setContentsMargins(24, 0, 24, 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(520)
        wanted = body.sizeHint()
        bar = self.body.verticalScrollBar().sizeHint().width()
        fit_to_screen(self, max(560, wanted.width() + bar + 8),
                      wanted.height() + self.buttons.sizeHint().height() + 40)

    def _input(self, setting: Setting) -> QWidget:
        current = self.settings.get(setting.key)
        if setting.choices:
            combo = QComboBox()
            labels = setting.choice_labels or tuple(str(c) for c in setting.choices)
            for value, words in zip(setting.choices, labels, strict=True):
                combo.addItem(translate("Settings", words), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            return combo
        spin = QSpinBox()
        spin.setRange(1, 240)
        spin.setValue(int(current))
        return spin

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QSpinBox)
        return widget.value()

    def accept(self) -> None:
        for key in self.inputs:
            self.settings.set(key, self.value(key))
        if self.practice_section is not None and self.vault is not None:
            chosen = self.practice_section.practice()
            if chosen != self.vault.practice():
                try:
                    vault = self.vault
                    if self._writer is not None:  # the app: on the writer, as every write of a window
                        write_now(self._writer, lambda: vault.save_practice(chosen))
                    else:  # a dialog without the app's runners (its own tests)
                        vault.save_practice(chosen)
                except PracticeProblem as exc:  # a phone with letters: say which field, stay open
                    self.practice_section.show_problem(problem_text(exc))
                    return
        super().accept()
