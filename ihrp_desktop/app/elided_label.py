"""A one-line label that ends in "…" when its text is wider than the room it has.

QLabel asks for the width of its whole text: one long client name made the window wider than a
1366x768 screen. This one asks for a few characters and draws what fits; ``text()`` stays whole
(what a screen reader reads: QLabel's accessible text is its text).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

_FEWEST_CHARS = 8  # narrower than this, the label is cut like any other widget


class ElidedLabel(QLabel):
    """Plain text on one line, elided at the right with "…" (tests/hostile/test_app_room.py)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup

    def shown_text(self) -> str:
        """What is drawn at the current width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * _FEWEST_CHARS), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())
        painter.end()
