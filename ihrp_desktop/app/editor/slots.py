"""A place in the page whose content can be taken out of the widget tree and put back.

Client view must not merely hide the therapist's fields: they are taken out of the page (no
screen reader, no grab of the window, no Tab stop can reach them), and put back, values intact.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class Slot(QWidget):
    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(content)

    @property
    def filled(self) -> bool:
        return self.content.parent() is self

    def take_out(self) -> None:
        if self.filled:
            self.content.hide()
            self._layout.removeWidget(self.content)
            self.content.setParent(None)  # out of the window's widget tree, kept alive here
        self.hide()

    def put_back(self) -> None:
        if not self.filled:
            self._layout.addWidget(self.content)
            self.content.show()
        self.show()

    def set_open(self, open_: bool) -> None:
        if open_:
            self.put_back()
        else:
            self.take_out()
