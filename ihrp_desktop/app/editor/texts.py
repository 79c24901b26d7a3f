"""Editors for text, multiline text and numbers."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ...core.forms.model import Field
from .base import EditorContext, FieldEditor, name_widget
from .growing import GrowingTextEdit, WrappingLineEdit
from .numbers import OptionalNumberBox

TYPING = "typing"  # merge key: keystrokes in one box are one undo step while the person keeps typing


def _single(editor: QWidget, inner: QWidget) -> None:
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(inner)
    editor.setFocusProxy(inner)


class TextEditor(FieldEditor):
    """A one-line answer: a line edit on the page; in a row's narrow cell it wraps instead."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self.line: QLineEdit | WrappingLineEdit = QLineEdit() if ctx.size == "full" else WrappingLineEdit()
        if isinstance(self.line, WrappingLineEdit):
            self.line.setUndoRedoEnabled(False)
        if fld.placeholder:
            self.line.setPlaceholderText(fld.placeholder.get(ctx.language))
        self.line.textEdited.connect(lambda _text: self.emit_edit(TYPING))
        _single(self, self.line)

    def value(self) -> str:
        return self.line.text()

    def _show(self, value: Any) -> None:
        self.line.setText(value or "")
        if isinstance(self.line, QLineEdit):
            self.line.setCursorPosition(0)  # long text reads from its start

    def name_inputs(self, name: str, description: str) -> None:
        name_widget(self.line, name, description)


class MultilineEditor(FieldEditor):
    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self.box = GrowingTextEdit(min_lines=2)
        self.box.setUndoRedoEnabled(False)  # the worksheet's own undo covers every box
        if fld.placeholder:
            self.box.setPlaceholderText(fld.placeholder.get(ctx.language))
        self.box.textChanged.connect(lambda: self.emit_edit(TYPING))
        _single(self, self.box)

    def value(self) -> str:
        return self.box.toPlainText()

    def _show(self, value: Any) -> None:
        if self.box.toPlainText() != (value or ""):
            self.box.setPlainText(value or "")

    def name_inputs(self, name: str, description: str) -> None:
        name_widget(self.box, name, description)


class NumberEditor(FieldEditor):
    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        unit = fld.unit.get(ctx.language) if fld.unit else ""
        self.box = OptionalNumberBox(fld.min, fld.max, unit)
        self.box.valueChanged.connect(lambda _v: self.emit_edit(TYPING))
        _single(self, self.box)
        wide = self.box.fontMetrics().horizontalAdvance(f"00000 {unit}") + 80  # text, padding, arrows
        self.box.setMinimumWidth(max(140, wide))
        self.box.setMaximumWidth(max(180, wide + 40))

    def value(self) -> int | float | None:
        return self.box.number()

    def _show(self, value: Any) -> None:
        self.box.set_number(value if isinstance(value, int | float) and not isinstance(value, bool) else None)

    def name_inputs(self, name: str, description: str) -> None:
        name_widget(self.box, name, description)
        name_widget(self.box.lineEdit(), name, description)  # the part that takes the focus
