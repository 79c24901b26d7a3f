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
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.vault import VaultInUse, WrongPassphrase
from ..core.vocabulary import AuditAction
from .background import Runner
from .i18n import failure_message, translate
from .screen_fit import DECORATION_HEIGHT, DECORATION_WIDTH, available_area, keep_on_screen
from .strength import describe, refusal
from .widgets.secret import SecretEntry, secret_field


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, with a strength bar and plain advice under the first field."""

    submitted = Signal()  # Enter in the second field

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.first = secret_field(translate("PassphraseFields", "Passphrase"),
                                  translate("PassphraseFields", "New passphrase"))
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
        self.second = secret_field(translate("PassphraseFields", "Type it again"),
                                   translate("PassphraseFields", "Repeat the passphrase"))
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


def automatic_backups(vault: Any) -> int:
    """How many automatic backups lie beside the vault (they keep the key they were made with)."""
    from ..core.backups import backups

    return len(backups(Path(vault.path)))


class ChangePassphraseDialog(QDialog):
    """File > Change passphrase, and File > My passphrase or recovery sheet may have been seen.

    Both make a NEW data key and re-encrypt the open vault under it, on a worker, through the open
    vault (saves made meanwhile wait and go into the new file). ``mode="seen"`` also replaces the
    recovery key (``made_recovery_key``: the main window then shows its sheet). Every sentence about
    what stops working names its test (see the comments beside them).
    """

    _closed = False  # set by close_now: the worker's result must not come back into a closed dialog
    progressed = Signal(float)  # emitted on the worker, shown on the GUI thread (queued)

    def __init__(self, vault: Any, runner: Runner, writer: Runner, parent: QWidget | None = None,
                 *, mode: str = "change"):
        super().__init__(parent)
        self.mode = mode
        seen = mode == "seen"
        self.setWindowTitle(
            translate("ChangePassphraseDialog", "Passphrase or recovery sheet may have been seen") if seen
            else translate("ChangePassphraseDialog", "Change passphrase"))
        self.vault = vault
        self._runner = runner
        self._writer = writer
        self.changed = False
        self.made_recovery_key: str | None = None
        from .recovery import has_recovery_key

        self._replaces_sheet = seen and has_recovery_key(Path(vault.path))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        title = QLabel(translate("ChangePassphraseDialog", "Lock out whoever may have seen them") if seen
                       else translate("ChangePassphraseDialog", "Change your passphrase"))
        title.setObjectName("screenTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        # Promises: tests/core/vault/test_rotation.py::test_every_older_key_file_with_every_older_secret_fails
        # (old key files stop working), test_a_passphrase_change_keeps_the_recovery_sheet,
        # test_old_backups_still_open_with_the_old_secret; the app: tests/app/test_rotation_app.py.
        intro = QLabel(translate(
            "ChangePassphraseDialog",
            "Type the passphrase you use now, then choose a new one. Your records are re-encrypted under a "
            "new key, so your old passphrase and old copies of the key file stop opening them. Your "
            "recovery sheet, if you have one, stops working too: you print a new one next."
        ) if seen else translate(
            "ChangePassphraseDialog",
            "Type the passphrase you use now, or your recovery key if you have forgotten it. Then choose "
            "the new one. Your records are re-encrypted under a new key: your old passphrase and old "
            "copies of the key file stop opening them. Your recovery sheet, if you have one, keeps "
            "working."))
        intro.setObjectName("quiet")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.done_note = QLabel()
        self.done_note.setWordWrap(True)
        self.done_note.hide()
        layout.addWidget(self.done_note)
        self.entry = SecretEntry(
            translate("ChangePassphraseDialog", "Current passphrase") if seen
            else translate("ChangePassphraseDialog", "Current passphrase or recovery key"),
            translate("ChangePassphraseDialog", "Current passphrase"))
        self.current, self.busy, self.message = self.entry.field, self.entry.busy, self.entry.message
        layout.addWidget(self.current)
        self._form: list[QWidget] = [intro, self.current]
        new_label = QLabel(translate("ChangePassphraseDialog", "New passphrase"))
        new_label.setObjectName("fieldLabel")
        layout.addWidget(new_label)
        self._form.append(new_label)
        self.fields = NewPassphraseFields()
        self.fields.submitted.connect(self.try_change)
        layout.addWidget(self.fields)
        self._form.append(self.fields)
        self.backup_choice = self._backup_choice(automatic_backups(vault))
        if self.backup_choice is not None:
            layout.addWidget(self.backup_choice)
            self._form.append(self.backup_choice)
        layout.addWidget(self.busy)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(translate("ChangePassphraseDialog", "Re-encrypting the vault"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.progressed.connect(self._show_progress)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(translate("ChangePassphraseDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.change_button = QPushButton(self._action_words())
        self.change_button.setObjectName("primary")
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.try_change)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.current.setFocus()

    def _action_words(self) -> str:
        if self.mode == "seen":
            return translate("ChangePassphraseDialog", "Replace the keys")
        return translate("ChangePassphraseDialog", "Change passphrase")

    def _backup_choice(self, count: int) -> QWidget | None:
        """What happens to the automatic backups (only when there are some)."""
        if count == 0:
            return None
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        # Promise: tests/core/test_backups_after_key_change.py (kept / re-encrypted / deleted).
        note = QLabel(translate(
            "ChangePassphraseDialog", "Automatic backups beside the vault: {count}. Unless you choose "
            "otherwise, they keep opening with the passphrase (and recovery sheet) they were made with."
        ).format(count=count))
        note.setWordWrap(True)
        column.addWidget(note)
        self.backup_buttons: dict[str, QRadioButton] = {}
        for key, words in (
            ("keep", translate("ChangePassphraseDialog", "Keep them as they are")),
            ("reencrypt", translate("ChangePassphraseDialog",
                                    "Re-encrypt them: they then open with the new passphrase")),
            ("delete", translate("ChangePassphraseDialog", "Delete them")),
        ):
            button = QRadioButton(words)
            column.addWidget(button)
            self.backup_buttons[key] = button
        self.backup_buttons["reencrypt" if self.mode == "seen" else "keep"].setChecked(True)
        return box

    def _backups(self) -> str:
        if self.backup_choice is None:
            return "keep"
        return next(k for k, b in self.backup_buttons.items() if b.isChecked())

    def _show_progress(self, fraction: float) -> None:
        if self._closed or not isValid(self):
            return
        self.busy.hide()
        self.progress.show()
        self.progress.setValue(int(fraction * 100))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        fit_height(self)  # wrapped text gets its full height in every language

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.fields, self.cancel_button, self.change_button):
            widget.setEnabled(not busy)
        if self.backup_choice is not None:
            self.backup_choice.setEnabled(not busy)
        self.change_button.setText(
            translate("ChangePassphraseDialog", "Re-encrypting...") if busy else self._action_words())
        self.busy.setVisible(busy)
        if not busy:
            self.progress.hide()

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
        vault, new, backups, emit = self.vault, self.fields.text(), self._backups(), self.progressed.emit
        seen = self.mode == "seen"
        recovery = "new" if self._replaces_sheet else ("drop" if seen else "keep")
        action = AuditAction.KEYS_REPLACED if seen else AuditAction.PASSPHRASE_CHANGED

        def work() -> tuple[str | None, int]:
            made = vault.change_keys(old, new, recovery, action=action, progress=emit, backups=backups)
            return made, vault.backups_left

        self._runner.run(work, self._done, self._failed)

    def _done(self, result: tuple[str | None, int]) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self.changed = True
        self.made_recovery_key, left = result
        self.current.clear()
        self.fields.clear()
        choice = self._backups()
        self._set_busy(False)
        self.done_note.setText(self._done_words(choice, left))
        for widget in self._form:
            widget.hide()
        self.cancel_button.hide()
        self.done_note.show()
        self.change_button.setText(
            translate("ChangePassphraseDialog", "Print the new recovery sheet...") if self.made_recovery_key
            else translate("ChangePassphraseDialog", "Done"))
        self.change_button.clicked.disconnect()
        self.change_button.clicked.connect(self.accept)
        self.change_button.setFocus()
        fit_height(self)

    def _done_words(self, choice: str, left: int) -> str:
        """What changed and what still opens (each sentence's test: see the class's intro comment)."""
        parts = [
            translate("ChangePassphraseDialog", "Your passphrase was changed. Use the new one from now on."),
            translate("ChangePassphraseDialog", "Your records were re-encrypted under a new key: your old "
                      "passphrase and old copies of the key file no longer open them."),
        ]
        if self.mode == "seen" and self._replaces_sheet:
            parts.append(translate("ChangePassphraseDialog",
                                   "Your old recovery sheet no longer works: shred it."))
        elif self.mode == "seen":
            parts.append(translate("ChangePassphraseDialog", "This vault has no recovery sheet."))
        else:
            parts.append(translate("ChangePassphraseDialog",
                                   "Your recovery sheet, if you have one, keeps working."))
        if choice == "reencrypt":
            parts.append(translate("ChangePassphraseDialog", "The automatic backups were re-encrypted: they "
                                   "open with the new passphrase."))
        elif choice == "delete":
            parts.append(translate("ChangePassphraseDialog", "The automatic backups were deleted."))
        if left:
            parts.append(translate("ChangePassphraseDialog", "{count} automatic backups still open with the "
                                   "passphrase they were made with.").format(count=left))
        parts.append(translate("ChangePassphraseDialog", "Backups you made yourself before now still open "
                               "with the passphrase they were made with."))
        return "\n\n".join(parts)

    def _failed(self, exc: BaseException) -> None:
        if self._closed or not isValid(self):
            return  # closed by a lock while the worker ran (deleted later, or not yet)
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._error(translate(
                "ChangePassphraseDialog", "That is not the passphrase you use now, nor your recovery key. "
                "Nothing was changed. Check Caps Lock and the keyboard language, then try again."))
            self.entry.try_again()
        elif isinstance(exc, VaultInUse):
            self._error(translate("ChangePassphraseDialog", "Another IHRP Desktop window or command has this "
                                  "vault open, so the keys were not changed. Close it, then try again."))
        else:
            self._error(failure_message(exc) + " " + translate("ChangePassphraseDialog",
                                                             "The passphrase was not changed."))

    def _error(self, text: str) -> None:
        self.entry.show_error(text)
        fit_height(self)

    def close_now(self) -> None:
        """Close at once (locking the window); what was typed goes with it."""
        self._closed = True  # a result that arrives meanwhile changes nothing on screen
        self.current.clear()
        self.fields.clear()
        self.reject()
