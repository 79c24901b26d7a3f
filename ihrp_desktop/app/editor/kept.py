"""The quiet box of answers whose fields the definition no longer has (kept, read-only)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from .words import word
from .wrapped import wrapped_label


def kept_text(value: Any, language: str = "en") -> str:
    """A stored value as a person can read it (text as is, anything else as compact JSON)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return word("yes" if value else "no", language)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(row, dict) for row in value):
        return "\n".join(
            " · ".join(str(cell) for cell in row.values() if cell not in (None, "", False)) for row in value
        )
    return json.dumps(value, ensure_ascii=False, indent=1)


def readable_key(key: str) -> str:
    return key.replace("_", " ").strip().capitalize() or key


class KeptBox(QFrame):
    """Shown only when there is something kept; every label is selectable, nothing editable."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keptBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._language = language
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(18, 14, 18, 14)
        self._layout.setSpacing(6)
        title = QLabel(word("kept_title", language))
        title.setObjectName("keptTitle")
        self._layout.addWidget(title)
        hint = wrapped_label(word("kept_hint", language), "quiet")
        self._layout.addWidget(hint)
        self._items: list[QWidget] = []
        self.entries: dict[str, str] = {}

    def set_kept(self, kept: Mapping[str, Any]) -> None:
        for item in self._items:
            self._layout.removeWidget(item)
            item.deleteLater()
        self._items = []
        self.entries = {}
        for key, value in kept.items():
            name = QLabel(readable_key(key))
            name.setObjectName("keptName")
            text = wrapped_label(kept_text(value, self._language), "keptValue", selectable=True)
            for label in (name, text):  # answers and their keys as typed, never as markup
                label.setTextFormat(Qt.TextFormat.PlainText)
            text.setAccessibleName(readable_key(key))
            for widget in (name, text):
                self._layout.addWidget(widget)
                self._items.append(widget)
            self.entries[key] = text.text()
        self.setVisible(bool(kept))
