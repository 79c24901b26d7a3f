"""The 0-10 scale (and 1-10 weights): numbered toggle buttons with the end labels under them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.forms.model import Field
from .base import Combo, EditorContext, FieldEditor, name_widget
from .segmented import Segmented


def make_scale_editor(fld: Field, ctx: EditorContext) -> FieldEditor:
    """Buttons where there is room; a compact drop-down inside a grid box (a weight per item)."""
    return ScaleCombo(fld, ctx) if ctx.size == "box" else ScaleEditor(fld, ctx)


def _numbers(fld: Field) -> list[int]:
    low = int(fld.min if fld.min is not None else 0)
    high = int(fld.max if fld.max is not None else 10)
    return list(range(low, high + 1))


class ScaleEditor(FieldEditor):
    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self.numbers = _numbers(fld)
        self.row = Segmented([(str(n), str(n)) for n in self.numbers], kind="scale")
        for button in self.row.buttons:
            button.setProperty("compact", ctx.compact)
        self.row.changed.connect(lambda by_arrow: self.emit_edit("arrows" if by_arrow else None))

        block = QWidget()
        block.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(block)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.row)
        self._ends = (
            fld.low.get(ctx.language) if fld.low else "",
            fld.high.get(ctx.language) if fld.high else "",
        )
        if any(self._ends):
            ends = QHBoxLayout()
            ends.setContentsMargins(0, 0, 0, 0)
            for text, align in zip(
                self._ends, (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight), strict=True
            ):
                label = QLabel(text)
                label.setObjectName("scaleEnd")
                label.setAlignment(align)
                ends.addWidget(label, 1)
            column.addLayout(ends)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(block)
        outer.addStretch(1)
        self.setFocusProxy(self.row)

    def value(self) -> int | None:
        key = self.row.key()
        return None if key is None else int(key)

    def _show(self, value: Any) -> None:
        self.row.set_key(str(value) if isinstance(value, int) and not isinstance(value, bool) else None)

    def name_inputs(self, name: str, description: str) -> None:
        low, high = self._ends
        names = [str(n) for n in self.numbers]
        if low:
            names[0] += f" ({low})"
        if high:
            names[-1] += f" ({high})"
        self.row.name_buttons(name, description, names)


class ScaleCombo(FieldEditor):
    """The same scale as a drop-down: "-" (not rated) then the numbers, end labels beside them."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        numbers = _numbers(fld)
        self.combo = Combo()
        self.combo.addItem("–", None)
        for n in numbers:
            text = str(n)
            if n == numbers[0] and fld.low:
                text += f" · {fld.low.get(ctx.language)}"
            elif n == numbers[-1] and fld.high:
                text += f" · {fld.high.get(ctx.language)}"
            self.combo.addItem(text, n)
        self.combo.activated.connect(lambda _index: self.emit_edit(None))
        # Narrow when closed ("7"), wide enough for the end labels when open.
        self.combo.setSizeAdjustPolicy(Combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(2)
        self.combo.setProperty("compact", True)
        self.combo.setMaximumWidth(self.combo.fontMetrics().horizontalAdvance("10") + 64)
        self.combo.view().setMinimumWidth(self.combo.view().sizeHintForColumn(0) + 32)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.setFocusProxy(self.combo)

    def value(self) -> int | None:
        data = self.combo.currentData()
        return data if isinstance(data, int) else None

    def _show(self, value: Any) -> None:
        index = self.combo.findData(value) if isinstance(value, int) and not isinstance(value, bool) else 0
        self.combo.setCurrentIndex(max(0, index))

    def name_inputs(self, name: str, description: str) -> None:
        name_widget(self.combo, name, description)
