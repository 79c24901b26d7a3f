"""One row of a list: its cells laid out for the room it has, its number and its buttons.

Styles: "line" (one column: number, box, buttons), "table" (a few short columns side by side
under one header), "card" (many columns: a titled card, two labelled cells per line) and "box"
(inside a grid box: the first column beside the number, the others on a line below).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.forms.model import Field
from .base import EditorContext, FieldEditor
from .fields import create_value_editor, shows_own_label
from .flow import FlowLayout
from .icons import icon
from .responsive import ResponsiveGrid
from .words import word
from .wrapped import wrapped_label

NUMBER_WIDTH = 34


def row_style(fld: Field, ctx: EditorContext) -> str:
    if ctx.size == "box":
        return "box"
    if len(fld.columns) == 1:
        return "line"
    if len(fld.columns) <= 3 and all(col.traits.table_cell for col in fld.columns):
        return "table"
    return "card"


def row_word(fld: Field, language: str) -> str:
    return fld.row_label.get(language) if fld.row_label else word("row", language)


def make_cells(fld: Field, ctx: EditorContext) -> dict[str, FieldEditor]:
    cell_ctx = ctx if ctx.size == "box" else ctx.sized("cell")
    return {col.id: create_value_editor(col, cell_ctx) for col in fld.columns}


def labelled(
    cell: FieldEditor, text: str, labels: dict[str, QLabel], col_id: str, parent: QWidget | None = None
) -> QWidget:
    """A cell with its column's label above it (a checkbox carries its own label)."""
    holder = QWidget(parent)  # made in place when it can be: see page.build_page
    place = QVBoxLayout(holder)
    place.setContentsMargins(0, 0, 0, 0)
    place.setSpacing(4)
    if not shows_own_label(cell):
        labels[col_id] = cell_label(text)
        place.addWidget(labels[col_id])
    place.addWidget(cell)
    place.addStretch(1)
    return holder


def cell_label(text: str) -> QLabel:
    return wrapped_label(text, "cellLabel")


class RowButtons(QWidget):
    """Insert below, move up, move down, remove. Out of the Tab order: the keys do the same.

    In a row; or, where room is short (a grid box), as a small 2x2 block beside the text.
    """

    def __init__(self, square: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.insert = self._button("plus")
        self.up = self._button("up")
        self.down = self._button("down")
        self.remove = self._button("remove")
        order = (
            (self.insert, self.remove, self.up, self.down)
            if square
            else (self.insert, self.up, self.down, self.remove)
        )
        for index, button in enumerate(order):
            if square:
                button.setProperty("small", True)
                layout.addWidget(button, index // 2, index % 2)
            else:
                layout.addWidget(button, 0, index)

    def _button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("rowButton")
        button.setProperty("action", name)
        button.setIcon(icon(name, quiet=True))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        return button


class RowWidget(QFrame):
    """``edited((column id, merge key))`` after a person changes a cell."""

    edited = Signal(object)

    def __init__(self, fld: Field, ctx: EditorContext, style: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = fld
        self.ctx = ctx
        self.style_name = style
        self.setObjectName("row")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # lets the theme draw its border
        self.setProperty("rowStyle", style)
        self._stored: dict[str, Any] = {}
        self.cells = make_cells(fld, ctx)
        self.labels: dict[str, QLabel] = {}
        for col_id, cell in self.cells.items():
            cell.edited.connect(lambda key, c=col_id: self.edited.emit((c, key)))
        self.buttons = RowButtons(square=style == "box")
        self.number = QLabel()
        self.number.setObjectName("rowNumber")
        getattr(self, f"_layout_{style}")()

    # -- layouts ---------------------------------------------------------------------------------
    def _cell_widgets(self) -> list[tuple[Field, FieldEditor]]:
        return [(col, self.cells[col.id]) for col in self.field.columns]

    def _layout_line(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number.setFixedWidth(NUMBER_WIDTH)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        for _col, cell in self._cell_widgets():
            layout.addWidget(cell, 1)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)

    _layout_table = _layout_line

    def _layout_card(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 12, 14)
        outer.setSpacing(8)
        head = QHBoxLayout()
        self.number.setObjectName("rowTitle")
        head.addWidget(self.number, 1)
        head.addWidget(self.buttons)
        outer.addLayout(head)
        grid = ResponsiveGrid(2, cell_width=260, spacing=(20, 10))
        for col, cell in self._cell_widgets():
            grid.add_cell(labelled(cell, col.label.get(self.ctx.language), self.labels, col.id))
        outer.addWidget(grid)

    def _layout_box(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 2, 0, 6)
        outer.setSpacing(6)
        first, *rest = self._cell_widgets()
        top = QHBoxLayout()
        top.setSpacing(6)
        self.number.setFixedWidth(NUMBER_WIDTH - 12)
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(first[1], 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        if rest:
            below = QWidget()
            flow = FlowLayout(below, spacing=14, line_spacing=6)
            flow.setContentsMargins(0, 0, 0, 0)
            for col, cell in rest:
                pair = QWidget()
                line = QHBoxLayout(pair)
                line.setContentsMargins(0, 0, 0, 0)
                line.setSpacing(8)
                if not shows_own_label(cell):
                    self.labels[col.id] = cell_label(col.label.get(self.ctx.language))
                    self.labels[col.id].setWordWrap(False)
                    line.addWidget(self.labels[col.id])
                line.addWidget(cell)
                flow.addWidget(pair)
            outer.addWidget(below)

    # -- value -----------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        out = dict(self._stored)  # a column this definition no longer has is kept as it was
        out.update({col_id: cell.value() for col_id, cell in self.cells.items()})
        return out

    def set_value(self, row: Any) -> None:
        self._stored = dict(row) if isinstance(row, dict) else {}
        for col in self.field.columns:
            self.cells[col.id].set_value(self._stored.get(col.id, None))

    def set_place(self, index: int, count: int, description: str, list_name: str = "") -> None:
        """Number the row (1-based) and name its cells and buttons for a screen reader.

        ``list_name`` (the list's label) goes into the buttons' names and the cells' descriptions:
        "Remove item 2 (Good things about changing)", where four lists of items share one grid.
        """
        lang = self.ctx.language
        what = row_word(self.field, lang)
        n = index + 1
        self.number.setText(f"{what} {n}" if self.style_name == "card" else f"{n}")
        self.number.setAccessibleName(f"{what} {n}")
        for col in self.field.columns:
            self.cells[col.id].name_inputs(f"{col.label.get(lang)} ({what} {n})",
                                           f"{list_name}. {description}" if list_name else description)
        tips = {
            self.buttons.insert: word("insert_below", lang, row=what.lower()),
            self.buttons.up: word("move_up", lang, row=what.lower(), n=n),
            self.buttons.down: word("move_down", lang, row=what.lower(), n=n),
            self.buttons.remove: word("remove", lang, row=what.lower(), n=n),
        }
        for button, tip in tips.items():
            button.setAccessibleName(f"{tip} ({list_name})" if list_name else tip)
            button.setToolTip(tip)
        self.buttons.up.setEnabled(index > 0)
        self.buttons.down.setEnabled(index < count - 1)

    def focus_cell(self, col_id: str | None = None) -> QWidget | None:
        cell = self.cells.get(col_id) if col_id else None
        if cell is None:
            cell = next(iter(self.cells.values()))
        return cell.focus_input()

    def cell_of(self, widget: QWidget) -> str | None:
        """The column id of the cell holding ``widget``."""
        for col_id, cell in self.cells.items():
            if cell is widget or cell.isAncestorOf(widget):
                return col_id
        return None
