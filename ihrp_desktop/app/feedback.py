"""The two small signs every passphrase screen shows: "working on it" and "this went wrong"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar


def busy_bar() -> QProgressBar:
    """A thin moving bar, hidden until slow work (key derivation) runs."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(4)
    bar.hide()
    return bar


def error_label() -> QLabel:
    """A wrapped, hidden message in the theme's error style."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label
