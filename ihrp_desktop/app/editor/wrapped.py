"""A word-wrapped label that remembers how tall it is at each width.

QLabel lays its text out afresh on every ``heightForWidth`` call, and a page's layouts ask each
label several times whenever anything on the page changes height. When a box grew by a line
while someone typed, each of a Plan page's 69 visible labels was laid out five or six times,
with the window frozen, on every new line (the cost: docs/performance.md, "What the code is shaped
around"). A label's height at a width changes only
with its text, its format, wrapping, margin and indent (each setter clears the cache), or its
font, style and contents margins (each of which clears it too). The key is the width alone: a page
asks thousands of times while it opens (4,000 on a Plan), and reading the text, format, margin and
indent back from Qt for each ask cost a fifth of the opening (docs/performance.md).
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
        self._heights: dict[int, int] = {}
        super().__init__(text, parent)
        self.setWordWrap(True)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _WIDTHS_KEPT:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    # Everything else that changes how the text wraps (every caller is Python: Qt itself never sets
    # a label's text). tests/app/test_wrapped_label.py
    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._heights.clear()
        super().setText(text)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:  # noqa: N802 - Qt naming
        self._heights.clear()
        super().setTextFormat(text_format)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt naming
        self._heights.clear()
        super().setWordWrap(on)

    def setMargin(self, margin: int) -> None:  # noqa: N802 - Qt naming
        self._heights.clear()
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:  # noqa: N802 - Qt naming
        self._heights.clear()
        super().setIndent(indent)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

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
