"""Choosing a passphrase: the two fields with strength feedback, and File > Change passphrase.

The same :class:`NewPassphraseFields` serve the first-run screen and the change dialog, so the
advice and the checks are the same in both places.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.vault import VaultError, WrongPassphrase
from .background import Runner
from .feedback import busy_bar, error_label
from .i18n import translate, vault_message
from .screen_fit import DECORATION_HEIGHT, DECORATION_WIDTH, available_area, keep_on_screen
from .strength import describe, refusal


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, with a strength bar and plain advice under the first field."""

    submitted = Signal()  # Enter in the second field

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(translate("PassphraseFields", "Passphrase"))
        self.first.setAccessibleName(translate("PassphraseFields", "New passphrase"))
        self.first.textChanged.connect(self._update_strength)
        layout.addWidget(self.first)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(6)
        self.strength_bar.setAccessibleName(translate("PassphraseFields", "Passphrase strength"))
        layout.addWidget(self.strength_bar)
        self.strength = QLabel(" ")
        self.strength.setObjectName("quiet")
        self.strength.setWordWrap(True)
        layout.addWidget(self.strength)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setPlaceholderText(translate("PassphraseFields", "Type it again"))
        self.second.setAccessibleName(translate("PassphraseFields", "Repeat the passphrase"))
        self.second.returnPressed.connect(self.submitted)
        layout.addWidget(self.second)
        self.setFocusProxy(self.first)

    def _update_strength(self, text: str) -> None:
        score, hint = describe(text)
        self.strength_bar.setValue(score)
        self.strength_bar.setProperty("score", score)
        self.strength_bar.style().unpolish(self.strength_bar)
        self.strength_bar.style().polish(self.strength_bar)
        self.strength.setText(hint if text else " ")

    def problem(self) -> str | None:
        """Why the typed passphrase cannot be used yet (in plain words), or None when it can."""
        first = self.first.text()
        # Below zxcvbn's 3 of 4 it is refused, as `ihrp-desktop init` and `passwd` refuse it
        # (tests/app/test_strength.py::test_the_app_refuses_what_the_command_line_refuses).
        weak = refusal(first)
        if weak is not None:
            return weak
        if first != self.second.text():
            return translate("PassphraseFields", "The two passphrases are different. Type the same "
                             "passphrase twice.")
        return None

    def text(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


def fit_height(dialog: QWidget) -> None:
    """Make ``dialog`` as tall as its wrapped text needs at its width (after a message shows or hides);
    wider, where the screen is too short for that height (the largest text size on a laptop)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    area = available_area(dialog)
    most_wide, most_high = area.width() - DECORATION_WIDTH, area.height() - DECORATION_HEIGHT
    width = dialog.width()
    height = dialog.heightForWidth(width)
    while height > most_high and width < most_wide:
        width = min(most_wide, width + 40)
        height = dialog.heightForWidth(width)
    if height > 0:
        dialog.resize(width, min(height, most_high))
        keep_on_screen(dialog)  # a message that grew it past the screen's edge moves it back


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-wrap the data key (slow key derivation twice): for a worker thread."""
    from ..core.vault import Vault

    Vault.change_passphrase(path, old, new)


class ChangePassphraseDialog(QDialog):
    """File > Change passphrase: the current one (or the recovery key), then the new one twice.

    Only the small key file changes; the open vault stays open. The change is written to the audit
    trail right away (the vault would otherwise write it at the next unlock).
    """

    _closed = False  # set by close_now: the worker's result must not come back into a closed dialog

    def __init__(self, vault: Any, runner: Runner, writer: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ChangePassphraseDialog", "Change passphrase"))
        self.vault = vault
        self._runner = runner
        self._writer = writer
        self.changed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        title = QLabel(translate("ChangePassphraseDialog", "Change your passphrase"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        intro = QLabel(translate(
            "ChangePassphraseDialog", "Type the passphrase you use now, or your recovery key if you have "
            "forgotten it. Then choose the new one. Your records stay as they are."))
        intro.setObjectName("quiet")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.done_note = QLabel(translate(
            "ChangePassphraseDialog", "Your passphrase was changed. Use the new one from now on.\n\nBackups "
            "made before today still open with the passphrase they were made with. Your recovery sheet, if "
            "you have one, keeps working."))
        self.done_note.setWordWrap(True)
        self.done_note.hide()
        layout.addWidget(self.done_note)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setPlaceholderText(
            translate("ChangePassphraseDialog", "Current passphrase or recovery key"))
        self.current.setAccessibleName(translate("ChangePassphraseDialog", "Current passphrase"))
        layout.addWidget(self.current)
        self._form = [intro, self.current]
        new_label = QLabel(translate("ChangePassphraseDialog", "New passphrase"))
        new_label.setObjectName("fieldLabel")
        layout.addWidget(new_label)
        self._form.append(new_label)
        self.fields = NewPassphraseFields()
        self.fields.submitted.connect(self.try_change)
        layout.addWidget(self.fields)
        self._form.append(self.fields)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.message = error_label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(translate("ChangePassphraseDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.change_button = QPushButton(translate("ChangePassphraseDialog", "Change passphrase"))
        self.change_button.setObjectName("primary")
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.try_change)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.current.setFocus()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        fit_height(self)  # wrapped text gets its full height in every language

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.fields, self.cancel_button, self.change_button):
            widget.setEnabled(not busy)
        self.change_button.setText(translate("ChangePassphraseDialog", "Changing...") if busy
                                   else translate("ChangePassphraseDialog", "Change passphrase"))
        self.busy.setVisible(busy)

    def try_change(self) -> None:
        old = self.current.text()
        if not old:
            self._error(translate("ChangePassphraseDialog", "Type the passphrase you use now first."))
            self.current.setFocus()
            return
        problem = self.fields.problem()
        if problem is not None:
            self._error(problem)
            self.fields.setFocus()
            return
        if self.fields.text() == old:
            self._error(translate("ChangePassphraseDialog", "The new passphrase is the same as the current "
                                  "one. Choose a different one."))
            return
        self.message.hide()
        self._set_busy(True)
        path, new = Path(self.vault.path), self.fields.text()
        self._runner.run(lambda: change_passphrase(path, old, new), self._done, self._failed)

    def _done(self, _result: object) -> None:
        from ..core.vault import keyfile

        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self.changed = True
        self.current.clear()
        self.fields.clear()
        self._set_busy(False)
        vault, path = self.vault, Path(self.vault.path)
        # The same event the next unlock would write (it is written once): the audit shows it now.
        self._writer.run(lambda: vault.record_key_changes(keyfile.read(path).wraps), None, lambda _exc: None)
        for widget in self._form:
            widget.hide()
        self.cancel_button.hide()
        self.done_note.show()
        self.change_button.setText(translate("ChangePassphraseDialog", "Done"))
        self.change_button.clicked.disconnect()
        self.change_button.clicked.connect(self.accept)
        self.change_button.setFocus()
        fit_height(self)

    def _failed(self, exc: BaseException) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._error(translate(
                "ChangePassphraseDialog", "That is not the passphrase you use now, nor your recovery key. "
                "Nothing was changed. Check Caps Lock and the keyboard language, then try again."))
            self.current.selectAll()
            self.current.setFocus()
        elif isinstance(exc, VaultError):
            self._error(vault_message(exc) + " " + translate("ChangePassphraseDialog",
                                                             "The passphrase was not changed."))
        else:
            self._error(translate("ChangePassphraseDialog", "The passphrase could not be changed ({error}). "
                                  "The old one still works.").format(error=type(exc).__name__))

    def _error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        fit_height(self)

    def close_now(self) -> None:
        """Close at once (locking the window); what was typed goes with it."""
        self._closed = True  # a result that arrives meanwhile changes nothing on screen
        self.current.clear()
        self.fields.clear()
        self.reject()
