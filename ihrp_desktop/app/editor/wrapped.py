"""A word-wrapped label that remembers how tall it is at each width.

QLabel lays its text out afresh on every ``heightForWidth`` call, and a page's layouts ask each
label several times whenever anything on the page changes height. When a box grew by a line
while someone typed, each of a Plan page's 69 visible labels was laid out five or six times,
with the window frozen, on every new line (the cost: docs/performance.md, "What the code is shaped
around"). A label's height at a width changes only
with its text, its format, margin and indent (all in the cache's key), or its font, style and
contents margins (each of which clears the cache).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

# Events after which the same text may wrap differently at the same width.
_RESHAPING = frozenset({
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.ContentsRectChange,
    QEvent.Type.LayoutDirectionChange,
})
_WIDTHS_KEPT = 8  # a page is laid out at one width; a resize passes through a few


class WrappedLabel(QLabel):
    """A QLabel with word wrap on whose height for a width is computed once per text."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[object, ...], int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        # The text is part of the key, so setText() from anywhere (Python or Qt) is seen.
        key = (width, self.text(), self.wordWrap(), self.textFormat(), self.margin(), self.indent())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= _WIDTHS_KEPT:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() in _RESHAPING:
            self._heights.clear()
        super().changeEvent(event)


def wrapped_label(text: str, name: str, *, selectable: bool = False) -> WrappedLabel:
    """A page's label: wrapped, named for the theme, selectable where a person may copy it."""
    widget = WrappedLabel(text)
    widget.setObjectName(name)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget
