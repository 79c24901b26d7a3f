"""A list field: numbered rows, in order, that can be added, inserted, moved and removed.

Keys (handled by :mod:`keys` for any input inside a row): Ctrl+Enter inserts a row below,
Alt+Up / Alt+Down move the row, Ctrl+Shift+Delete removes it. Every change is one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.forms.kinds import FieldKind
from ...core.forms.model import Field
from ...core.forms.values import empty_row
from .base import EditorContext, FieldEditor
from .icons import icon
from .row import NUMBER_WIDTH, RowWidget, cell_label, row_style, row_word
from .words import word


class ListEditor(FieldEditor):
    """``[{column id: value}, ...]``. ``rows_added(widget)`` lets the page wire keys to new rows."""

    rows_added = Signal(QWidget)
    reveal = Signal(QWidget)

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self.style_name = row_style(fld, ctx)
        self.rows: list[RowWidget] = []
        self._description = ""
        self._list_name = ""  # which list a row belongs to (four look alike in a grid)
        lang = ctx.language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8 if self.style_name != "card" else 12)
        self.header: QWidget | None = None
        if self.style_name == "table":
            self.header = self._table_header()
            outer.addWidget(self.header)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(outer.spacing())
        outer.addLayout(self._rows_layout)
        bottom = QHBoxLayout()
        what = row_word(fld, lang)
        self.add_button = QPushButton(icon("plus"), word("add_row", lang, row=what.lower()))
        self.add_button.setObjectName("addRow")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.insert_row(len(self.rows)))
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        outer.addLayout(bottom)
        self._show([])

    def _table_header(self) -> QWidget:
        header = QWidget()
        layout = QHBoxLayout(header)
        layout.setContentsMargins(NUMBER_WIDTH + 6, 0, 0, 0)
        probe = RowWidget(self.field, self.ctx, "table")  # to match the real rows' widths
        for col in self.field.columns:
            label = cell_label(col.label.get(self.ctx.language))
            cell = probe.cells[col.id]
            fixed = cell.maximumWidth() < 10_000 and col.type != FieldKind.TEXT
            if fixed:
                label.setFixedWidth(cell.sizeHint().width())
            layout.addWidget(label, 0 if fixed else 1, Qt.AlignmentFlag.AlignBottom)
        layout.addSpacing(probe.buttons.sizeHint().width())
        probe.deleteLater()
        return header

    # -- value -----------------------------------------------------------------------------------
    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows]

    def _show(self, value: Any) -> None:
        rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        while len(self.rows) > len(rows):
            gone = self.rows.pop()
            self._rows_layout.removeWidget(gone)
            gone.hide()
            gone.deleteLater()
        while len(self.rows) < len(rows):
            self._append_row_widget()
        for row, data in zip(self.rows, rows, strict=True):
            row.set_value(data)
        self._renumber()

    def _append_row_widget(self) -> RowWidget:
        row = RowWidget(self.field, self.ctx, self.style_name, parent=self)  # in place: see page.build_page
        row.edited.connect(lambda change, r=row: self._cell_edited(r, change))
        row.buttons.insert.clicked.connect(lambda: self.insert_row(self.rows.index(row) + 1))
        row.buttons.up.clicked.connect(lambda: self.move_row(self.rows.index(row), -1))
        row.buttons.down.clicked.connect(lambda: self.move_row(self.rows.index(row), 1))
        row.buttons.remove.clicked.connect(lambda: self.remove_row(self.rows.index(row)))
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        self.rows_added.emit(row)
        return row

    def _renumber(self) -> None:
        for index, row in enumerate(self.rows):
            row.set_place(index, len(self.rows), self._description, self._list_name)
        if self.header is not None:
            self.header.setVisible(bool(self.rows))

    def _cell_edited(self, row: RowWidget, change: tuple[str, object]) -> None:
        col_id, key = change
        index = self.rows.index(row)
        self.emit_edit(None if key is None else ("cell", index, col_id, key))

    def name_inputs(self, name: str, description: str) -> None:
        keys = word("row_keys", self.ctx.language)
        self._description = f"{description} {keys}".strip()
        self._list_name = name
        self.add_button.setAccessibleName(f"{self.add_button.text()} ({name})")
        self.add_button.setAccessibleDescription(self._description)
        self._renumber()

    # -- row operations (each one undo step) ----------------------------------------------------
    def insert_row(self, index: int) -> None:
        rows = self.value()
        index = max(0, min(index, len(rows)))
        rows.insert(index, empty_row(self.field))
        self._change(rows, index, None)

    def remove_row(self, index: int) -> None:
        rows = self.value()
        if not 0 <= index < len(rows):
            return
        del rows[index]
        self._change(rows, min(index, len(rows) - 1), None)

    def move_row(self, index: int, step: int, column: str | None = None) -> None:
        rows = self.value()
        target = index + step
        if not (0 <= index < len(rows) and 0 <= target < len(rows)):
            return
        rows[index], rows[target] = rows[target], rows[index]
        self._change(rows, target, column)

    def _change(self, rows: list[dict[str, Any]], focus_index: int, column: str | None) -> None:
        self.set_value(rows)
        self.emit_edit(None)
        self.focus_input(("cell", focus_index, column) if focus_index >= 0 else ())

    def focus_input(self, path: tuple[Any, ...] = ()) -> QWidget | None:
        target: QWidget | None = None
        if (
            len(path) >= 2
            and path[0] == "cell"
            and isinstance(path[1], int)
            and 0 <= path[1] < len(self.rows)
        ):
            column = path[2] if len(path) > 2 and isinstance(path[2], str) else None
            target = self.rows[path[1]].focus_cell(column)
        if target is None:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            target = self.add_button
        self.reveal.emit(target)
        return target

    # -- keys ------------------------------------------------------------------------------------
    def row_key(self, row: RowWidget, action: str, widget: QWidget) -> None:
        """A row shortcut pressed inside ``row`` (see :mod:`keys`)."""
        index = self.rows.index(row)
        column = row.cell_of(widget)
        if action == "insert":
            self.insert_row(index + 1)
        elif action == "up":
            self.move_row(index, -1, column)
        elif action == "down":
            self.move_row(index, 1, column)
        elif action == "remove":
            self.remove_row(index)
