"""Single choice, multiple choice with "other", and a yes/no checkbox."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.forms.model import Field
from .base import Combo, EditorContext, FieldEditor, name_widget
from .responsive import ResponsiveGrid
from .segmented import Segmented
from .texts import TYPING
from .words import word

# Few, short options read best as one row of buttons; more become a drop-down list.
SEGMENTED_MAX_OPTIONS = 5
SEGMENTED_MAX_CHARS = 64


def _fits_in_a_row(labels: list[str]) -> bool:
    return len(labels) <= SEGMENTED_MAX_OPTIONS and sum(len(label) for label in labels) <= SEGMENTED_MAX_CHARS


class ChoiceEditor(FieldEditor):
    """An option id or ``""``. An id this definition no longer has is shown as stored and kept."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self._items = [(o.id, o.label.get(ctx.language)) for o in fld.options]
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._unknown: str | None = None
        self._build(self._items)

    def _build(self, items: list[tuple[str, str]]) -> None:
        self.segments: Segmented | None = None
        self.combo: Combo | None = None
        if _fits_in_a_row([label for _, label in items]):
            self.segments = Segmented(items)
            for button in self.segments.buttons:
                button.setProperty("compact", self.ctx.size == "box")
            self.segments.changed.connect(lambda by_arrow: self.emit_edit("arrows" if by_arrow else None))
            self._layout.addWidget(self.segments)
            self._layout.addStretch(1)
            self.setFocusProxy(self.segments)
        else:
            self.combo = Combo()
            self.combo.addItem(word("no_choice", self.ctx.language), "")
            for key, label in items:
                self.combo.addItem(label, key)
            self.combo.setSizeAdjustPolicy(Combo.SizeAdjustPolicy.AdjustToContents)
            self.combo.activated.connect(lambda _index: self.emit_edit(None))
            self._layout.addWidget(self.combo)
            self._layout.addStretch(1)
            self.setFocusProxy(self.combo)

    def value(self) -> str:
        if self.segments is not None:
            return self.segments.key() or ""
        assert self.combo is not None
        return str(self.combo.currentData() or "")

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, str) else ""
        known = {key for key, _ in self._items}
        if value and value not in known and value != self._unknown:
            self._unknown = value  # from an older definition: offer it as stored, so it is not lost
            self._rebuild([*self._items, (value, value)])
        if self.segments is not None:
            self.segments.set_key(value or None)
        elif self.combo is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))

    def _rebuild(self, items: list[tuple[str, str]]) -> None:
        name, description = self._names if hasattr(self, "_names") else ("", "")
        while self._layout.count():
            item = self._layout.takeAt(0)
            child = item.widget() if item is not None else None
            if child is not None:
                child.deleteLater()
        self._build(items)
        if name:
            self.name_inputs(name, description)

    def name_inputs(self, name: str, description: str) -> None:
        self._names = (name, description)
        if self.segments is not None:
            labels = [label for _, label in self._items]
            labels += [self._unknown] if self._unknown else []
            self.segments.name_buttons(name, description, labels)
        elif self.combo is not None:
            name_widget(self.combo, name, description)


class MultichoiceEditor(FieldEditor):
    """``{"selected": [...], "other": "..."}``; unknown ids and keys are kept as they came."""

    COLUMNS = 3

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self._stored: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self._grid = ResponsiveGrid(
            self.COLUMNS, cell_width=220, spacing=(24, 4), align=Qt.AlignmentFlag.AlignLeft
        )
        outer.addWidget(self._grid)
        self.boxes: dict[str, QCheckBox] = {}
        for option in fld.options:
            self._add_box(option.id, option.label.get(ctx.language))
        self.other: QLineEdit | None = None
        if fld.other:
            row = QHBoxLayout()
            row.setSpacing(10)
            other_label = QLabel(word("other", ctx.language) + ":")
            other_label.setObjectName("cellLabel")
            row.addWidget(other_label)
            self.other = QLineEdit()
            other_label.setBuddy(self.other)
            self.other.setPlaceholderText(word("other", ctx.language))
            self.other.textEdited.connect(lambda _t: self.emit_edit(TYPING))
            row.addWidget(self.other, 1)
            outer.addLayout(row)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def _add_box(self, option_id: str, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.toggled.connect(lambda _on: self.emit_edit(None))
        self._grid.add_cell(box)
        self.boxes[option_id] = box
        if hasattr(self, "_names"):
            self._name_box(box, label)
        return box

    def value(self) -> dict[str, Any]:
        out = dict(self._stored)
        out["selected"] = [key for key, box in self.boxes.items() if box.isChecked()]
        out["other"] = self.other.text() if self.other is not None else str(self._stored.get("other", ""))
        return out

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        self._stored = dict(value)
        selected = [s for s in value.get("selected", []) if isinstance(s, str)]
        for key in selected:
            if key not in self.boxes:
                self._add_box(key, key)  # an option this version no longer has: shown as stored
        for key, box in self.boxes.items():
            box.setChecked(key in selected)
        if self.other is not None:
            self.other.setText(str(value.get("other") or ""))
            self.other.setCursorPosition(0)

    def name_inputs(self, name: str, description: str) -> None:
        self._names = (name, description)
        for box in self.boxes.values():
            self._name_box(box, box.text())
        if self.other is not None:
            name_widget(self.other, f"{name}: {word('other', self.ctx.language)}", description)

    def _name_box(self, box: QCheckBox, label: str) -> None:
        name, description = self._names
        box.setAccessibleName(f"{name}: {label}")
        box.setAccessibleDescription(description)


class CheckboxEditor(FieldEditor):
    """Yes or no; the field's label is the checkbox's own text."""

    shows_own_label = True

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self.box = QCheckBox(fld.label.get(ctx.language))
        self.box.toggled.connect(lambda _on: self.emit_edit(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.setFocusProxy(self.box)

    def value(self) -> bool:
        return self.box.isChecked()

    def _show(self, value: Any) -> None:
        self.box.setChecked(value is True)

    def name_inputs(self, name: str, description: str) -> None:
        name_widget(self.box, name, description)
