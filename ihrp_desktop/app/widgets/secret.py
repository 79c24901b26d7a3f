"""The secret-entry form shared by unlock, change passphrase and the recovery sheet: a hidden-text
field, the thin busy bar shown while the key is derived, and the message that says what went wrong.

The owner places the three in its own layout (their order differs: the unlock button sits between
the field and the bar).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ..feedback import busy_bar, error_label


def secret_field(placeholder: str, name: str) -> QLineEdit:
    """A field whose text is never shown (a passphrase or a recovery key)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(name)
    return field


class SecretEntry:
    """``field``, ``busy`` and ``message`` of one passphrase form."""

    def __init__(self, placeholder: str, name: str):
        self.field = secret_field(placeholder, name)
        self.busy = busy_bar()
        self.message = error_label()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def try_again(self) -> None:
        """After a refused secret: all of it selected, ready to be typed over."""
        self.field.selectAll()
        self.field.setFocus()
