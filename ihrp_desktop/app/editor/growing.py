"""A plain-text box that grows with its text: the page scrolls, never the box."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class GrowingTextEdit(QPlainTextEdit):
    """Shows all of its text at once, at least ``min_lines`` high; Tab moves on to the next field."""

    def __init__(self, min_lines: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self._min_lines = min_lines
        self._height = 0
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)  # a worksheet is filled with Tab from box to box
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._refit)
        self._refit()

    def content_height(self) -> int:
        """The height that shows every line of the text (and at least ``min_lines``)."""
        doc = self.document()
        layout = doc.documentLayout()
        text_height = 0.0
        block = doc.begin()
        while block.isValid():
            text_height += layout.blockBoundingRect(block).height()
            block = block.next()
        margin = doc.documentMargin()
        floor = self._min_lines * self.fontMetrics().lineSpacing() + 2 * margin
        chrome = self._chrome()  # from the margins, never from a viewport that may not be resized yet
        # QPlainTextEdit scrolls unless the viewport is more than text + margin + 1 px high.
        return math.ceil(max(text_height + margin, floor)) + 2 + chrome

    def _chrome(self) -> int:
        """Frame, border and padding above and below the text (the theme sets them as margins)."""
        margins = self.contentsMargins()
        viewport = self.viewportMargins()
        return margins.top() + margins.bottom() + viewport.top() + viewport.bottom()

    def _refit(self) -> None:
        height = self.content_height()
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(super().minimumSizeHint().width(), self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit()  # a new width wraps the lines differently

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        # A theme or text size change moves the lines. While hidden (a page being built gets many of
        # these events per box) the refit waits for showEvent.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and self.isVisible():
            self._refit()


class WrappingLineEdit(GrowingTextEdit):
    """One line of text that wraps instead of scrolling sideways (for narrow cells of a row).

    It holds a ``text`` value, so it never takes a line break: Enter is left to the page, and
    pasted line breaks become spaces. ``textEdited`` fires on a person's edits only.
    """

    textEdited = Signal(str)  # noqa: N815 - the QLineEdit name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(min_lines=1, parent=parent)
        self.setObjectName("wrapLine")  # the theme gives it a line edit's height
        self._setting = False
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit name
        if text == self.toPlainText():
            return
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def _changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # no line breaks in a one-line answer
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt naming
        text = " ".join(source.text().split("\n")).replace("\r", "").replace("\t", " ")
        self.insertPlainText(text)
