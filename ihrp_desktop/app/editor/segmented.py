"""A row of toggle buttons where one or none is chosen: the 0-10 scale and short choices.

Click a button to choose it, click the chosen one again to clear it. The row is one stop in the
Tab order (the chosen button, or the first); Left/Right/Home/End move the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from .flow import FlowLayout

_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
}


class SegmentButton(QPushButton):
    """One choice of a :class:`Segmented` row; arrow keys are handled by the row."""

    def __init__(self, text: str, row: Segmented):
        super().__init__(text)
        self._row = row
        self.setCheckable(True)
        self.setAutoDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)  # Alt+arrows belong to the list row, Ctrl+... to the page
            return
        key = event.key()
        if key in _MOVES:
            self._row.step_from(self, _MOVES[Qt.Key(key)])
        elif key == Qt.Key.Key_Home:
            self._row.choose_at(0)
        elif key == Qt.Key.Key_End:
            self._row.choose_at(len(self._row.buttons) - 1)
        else:
            super().keyPressEvent(event)


class Segmented(QWidget):
    """``changed(by_arrow)`` is emitted after a person changes the choice."""

    changed = Signal(bool)

    def __init__(self, items: list[tuple[str, str]], *, kind: str = "choice", parent: QWidget | None = None):
        super().__init__(parent)
        self.keys = [key for key, _ in items]
        self.buttons: list[SegmentButton] = []
        # Numbers stay on one line; word choices wrap when the room runs out.
        layout: QHBoxLayout | FlowLayout = QHBoxLayout(self) if kind == "scale" else FlowLayout(self, 6, 6)
        layout.setContentsMargins(0, 0, 0, 0)
        if isinstance(layout, QHBoxLayout):
            layout.setSpacing(4)
        for _key, text in items:
            button = SegmentButton(text, self)
            button.setProperty("segment", kind)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never squeezed
            button.clicked.connect(lambda _checked=False, b=button: self._clicked(b))
            layout.addWidget(button)
            self.buttons.append(button)
        self._current: int | None = None
        self._roving()

    # -- value ---------------------------------------------------------------------------------------
    def key(self) -> str | None:
        return None if self._current is None else self.keys[self._current]

    def set_key(self, key: str | None) -> None:
        self._current = self.keys.index(key) if key in self.keys else None
        self._sync()

    def name_buttons(self, name: str, description: str, names: list[str]) -> None:
        for button, text in zip(self.buttons, names, strict=True):
            button.setAccessibleName(f"{name}: {text}")
            button.setAccessibleDescription(description)
        self.setAccessibleName(name)

    # -- interaction ---------------------------------------------------------------------------------
    def _clicked(self, button: SegmentButton) -> None:
        index = self.buttons.index(button)
        self._current = None if self._current == index else index
        self._sync()
        self.changed.emit(False)

    def step_from(self, button: SegmentButton, step: int) -> None:
        start = self.buttons.index(button) if self._current is None else self._current
        target = start if self._current is None else start + step
        self.choose_at(max(0, min(len(self.buttons) - 1, target)))

    def choose_at(self, index: int) -> None:
        if self._current != index:
            self._current = index
            self._sync()
            self.changed.emit(True)
        self.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)

    def _sync(self) -> None:
        for index, button in enumerate(self.buttons):
            button.setChecked(index == self._current)
        self._roving()

    def _roving(self) -> None:
        """Only the chosen (or first) button takes Tab focus: the row is one stop, not eleven."""
        stop = self._current if self._current is not None else 0
        had_focus = any(b.hasFocus() for b in self.buttons)
        for index, button in enumerate(self.buttons):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if index == stop else Qt.FocusPolicy.ClickFocus)
        if had_focus and not self.buttons[stop].hasFocus() and self._current is not None:
            self.buttons[stop].setFocus(Qt.FocusReason.TabFocusReason)
        self.setFocusProxy(self.buttons[stop])
