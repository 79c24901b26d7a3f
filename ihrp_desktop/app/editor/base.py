"""What every field editor widget offers the page: a value in, a value out, an edit signal."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

from ...core.forms.model import Field


@dataclass(frozen=True)
class EditorContext:
    """How a field is drawn: the language, and how much room it has.

    ``size``: "full" (a field on the page), "cell" (a cell of a list or menu row) or "box"
    (a cell inside one of the four boxes of a grid section, the tightest place).
    """

    language: str = "en"
    size: Literal["full", "cell", "box"] = "full"

    @property
    def compact(self) -> bool:
        return self.size != "full"

    def sized(self, size: Literal["full", "cell", "box"]) -> EditorContext:
        return replace(self, size=size)


class FieldEditor(QWidget):
    """One field's input(s). ``set_value`` never emits ``edited``; a person's change always does.

    ``edited`` carries a merge key: consecutive edits with the same (non-None) key are one undo
    step while the person keeps typing; ``None`` makes a step of its own (a click, a row moved).
    """

    edited = Signal(object)

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = fld
        self.ctx = ctx
        self._loading = False

    # -- to implement --------------------------------------------------------------------------
    def value(self) -> Any:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        """Put ``value`` (already in its stored shape) into the widgets."""
        raise NotImplementedError

    def name_inputs(self, name: str, description: str) -> None:
        """Give every input a screen-reader name and description."""
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def emit_edit(self, merge_key: object = None) -> None:
        if not self._loading:
            self.edited.emit(merge_key)

    def focus_input(self, path: tuple[Any, ...] = ()) -> QWidget | None:
        """Put the keyboard focus into this field (``path`` points inside a list); returns the widget."""
        for child in self.findChildren(QWidget):
            if child.isVisibleTo(self) and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                child.setFocus(Qt.FocusReason.OtherFocusReason)
                return child
        return None


def name_widget(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if description:
        widget.setToolTip(description)


class Combo(QComboBox):
    """A combo box that ignores the mouse wheel unless it has focus.

    Scrolling the page past a choice must never change the choice under the pointer.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt naming
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # let the page scroll
