"""A grid of cells that uses as many columns as its width allows (up to a maximum).

Wide windows get cells side by side; a narrow window, a large text size or a long language gets
fewer columns instead of cells squeezed or cut off. The grid asks for the room of one column
only, so it never forces the page wider than the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget


class ResponsiveGrid(QWidget):
    def __init__(
        self,
        max_columns: int,
        *,
        cell_width: int = 0,
        spacing: tuple[int, int] = (20, 10),
        align: Qt.AlignmentFlag | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._align = align
        self._max = max(1, max_columns)
        self._cell_width = cell_width
        self._cells: list[QWidget] = []
        self._stretch: list[int] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(spacing[0])
        self._grid.setVerticalSpacing(spacing[1])
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def add_cell(self, widget: QWidget, stretch: int = 1) -> None:
        """``stretch`` shares the width when every cell sits on one line (a date needs less)."""
        self._cells.append(widget)
        self._stretch.append(stretch)
        self._place(self._columns or self._max)

    @property
    def columns(self) -> int:
        return self._columns

    def _needed(self) -> int:
        widest = max((cell.minimumSizeHint().width() for cell in self._cells), default=0)
        return max(widest, self._cell_width)

    def columns_for(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        return max(1, min(self._max, (width + spacing) // (self._needed() + spacing)))

    def _place(self, columns: int) -> None:
        self._columns = columns
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for index, cell in enumerate(self._cells):
            if self._align is None:
                self._grid.addWidget(cell, index // columns, index % columns)
            else:
                self._grid.addWidget(cell, index // columns, index % columns, self._align)
        one_line = columns >= len(self._cells)
        for column in range(self._max):
            stretch = self._stretch[column] if one_line and column < len(self._stretch) else 1
            self._grid.setColumnStretch(column, stretch if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        columns = self.columns_for(event.size().width())
        if columns != self._columns:
            self._place(columns)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self._needed(), super().minimumSizeHint().height())
