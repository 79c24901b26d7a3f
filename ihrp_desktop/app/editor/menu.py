"""A menu field (18 Alternatives): fixed rows under group headings, each with its own cells.

The first column, when it is a choice (e.g. "Where I stand"), sits beside the row's title as a
compact row of buttons; the other columns sit on a line below, each with its label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core.forms.content import is_blank
from ...core.forms.model import Field, MenuRow
from ...core.forms.values import display_text
from .base import EditorContext, FieldEditor
from .responsive import ResponsiveGrid
from .row import labelled, make_cells
from .words import word
from .wrapped import wrapped_label

TITLE_MIN_WIDTH = 260
PER_LINE = 3


class MenuRowWidget(QFrame):
    def __init__(
        self, fld: Field, menu_row: MenuRow, number: int, ctx: EditorContext, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("menuRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.menu_row = menu_row
        self.cells = make_cells(fld, ctx)
        lang = ctx.language
        columns = list(fld.columns)
        lead = columns.pop(0) if columns and columns[0].traits.lead else None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(8)
        self._top = QGridLayout()
        self._top.setHorizontalSpacing(12)
        self._top.setVerticalSpacing(8)
        badge = QLabel(str(number))
        badge.setObjectName("menuNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._top.addWidget(badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.title = wrapped_label(menu_row.label.get(lang), "menuTitle")
        self._top.addWidget(self.title, 0, 1)
        self._top.setColumnStretch(1, 1)
        self.lead = self.cells[lead.id] if lead is not None else None
        self._lead_below = False
        if self.lead is not None:
            self._top.addWidget(self.lead, 0, 2, Qt.AlignmentFlag.AlignTop)
        self._below_row = 1
        if menu_row.caution is not None:
            # Safety text (the break and stop options), right under the title: body size and colour,
            # never a quiet prompt. The status buttons, when they wrap, go under it.
            self.caution = wrapped_label(menu_row.caution.get(lang), "menuCaution")
            self._top.addWidget(self.caution, 1, 1, 1, 2)
            self._below_row = 2
        outer.addLayout(self._top)
        if columns:
            details = ResponsiveGrid(PER_LINE, cell_width=240, spacing=(16, 8), parent=self)
            details.setContentsMargins(badge.sizeHint().width() + 12, 0, 0, 0)
            labels: dict[str, QLabel] = {}
            for col in columns:
                narrow = col.traits.short
                details.add_cell(
                    labelled(self.cells[col.id], col.label.get(lang), labels, col.id, details),
                    stretch=0 if narrow else 3,
                )
            outer.addWidget(details)
        for col in fld.columns:
            self.cells[col.id].name_inputs(
                f"{col.label.get(lang)}: {menu_row.label.get(lang)}",
                col.guidance.get(lang) if col.guidance else "",
            )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.lead is None:
            return
        # Beside the title where there is room; under it in a narrow window or a long language.
        room = event.size().width() - self.lead.sizeHint().width() - 90
        below = room < TITLE_MIN_WIDTH
        if below != self._lead_below:
            self._lead_below = below
            self._top.removeWidget(self.lead)
            if below:
                self._top.addWidget(self.lead, self._below_row, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
            else:
                self._top.addWidget(self.lead, 0, 2, Qt.AlignmentFlag.AlignTop)


class MenuEditor(FieldEditor):
    """``{row id: {column id: value}}``: rows given or filled in; unknown rows and columns kept."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self._stored: dict[str, Any] = {}
        self.rows: dict[str, MenuRowWidget] = {}
        lang = ctx.language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        group = None
        for number, menu_row in enumerate(fld.rows, start=1):
            heading = menu_row.group.get(lang) if menu_row.group else None
            if heading and heading != group:
                label = QLabel(heading)
                label.setObjectName("menuGroup")
                outer.addWidget(label)
            group = heading
            widget = MenuRowWidget(fld, menu_row, number, ctx, parent=self)  # made in place: see build_page
            for col_id, cell in widget.cells.items():
                cell.edited.connect(lambda key, r=menu_row.id, c=col_id: self._cell_edited(r, c, key))
            self.rows[menu_row.id] = widget
            outer.addWidget(widget)
        self.kept = wrapped_label("", "quiet", selectable=True)
        self.kept.hide()
        outer.addWidget(self.kept)

    def _cell_edited(self, row_id: str, col_id: str, key: object) -> None:
        self.emit_edit(None if key is None else ("cell", row_id, col_id, key))

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for row_id, widget in self.rows.items():
            stored = self._stored.get(row_id)
            row = dict(stored) if isinstance(stored, dict) else {}
            row.update({col_id: cell.value() for col_id, cell in widget.cells.items()})
            if row_id in self._stored or not is_blank(self.field, {row_id: row}):
                out[row_id] = row
        out.update({k: v for k, v in self._stored.items() if k not in self.rows})  # rows no longer offered
        return out

    def _show(self, value: Any) -> None:
        self._stored = dict(value) if isinstance(value, dict) else {}
        for row_id, widget in self.rows.items():
            row = self._stored.get(row_id)
            row = row if isinstance(row, dict) else {}
            for col_id, cell in widget.cells.items():
                cell.set_value(row.get(col_id))
        unknown = {k: v for k, v in self._stored.items() if k not in self.rows}
        lang = self.ctx.language
        lines = [display_text(self.field, {k: v}, lang) for k, v in unknown.items()]
        self.kept.setText(f"{word('kept_title', lang)}:\n" + "\n".join(line for line in lines if line))
        self.kept.setVisible(any(lines))

    def name_inputs(self, name: str, description: str) -> None:
        """Cells are named by their column and their row's label when the rows are built."""

    def focus_input(self, path: tuple[Any, ...] = ()) -> QWidget | None:
        if len(path) >= 3 and path[0] == "cell" and path[1] in self.rows:
            cell = self.rows[path[1]].cells.get(path[2])
            if cell is not None:
                return cell.focus_input()
        return super().focus_input(path)
