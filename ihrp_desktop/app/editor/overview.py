"""The chain at a glance, beside the page: one line per link, a click goes to that link.

What a line holds (what happened, the urge, the choice point) comes from the definition's
``[overview]`` through ``core.forms.overview``, as on paper. The urge is a small bar with its
number, so its rise along the chain reads down the column. The panel stays in place while the
page scrolls: the link being edited is marked in it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...core.forms.model import FormDefinition
from ...core.forms.overview import OverviewLine
from .words import word
from .wrapped import wrapped_label

PANEL_CHARS = 30  # the panel's width in average characters: it grows with large text
_ROLE_ROW = Qt.ItemDataRole.UserRole
_ITEM_PADDING = 2 * 8 + 4  # the theme's item padding (ui/theme/style.qss, QListWidget::item), and air


def _line_widget(line: OverviewLine) -> QWidget:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(2)
    number = QLabel(str(line.number))
    number.setObjectName("menuNumber")
    number.setAlignment(Qt.AlignmentFlag.AlignCenter)
    grid.addWidget(number, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
    row = 0
    for cell in line.cells:
        if cell.scale:
            bar = QProgressBar()
            bar.setObjectName("overviewLevel")
            bar.setRange(0, cell.top)
            bar.setValue(cell.level or 0)
            bar.setTextVisible(False)
            bar.setFixedWidth(90)
            level = QLabel(f"{cell.label} {cell.text or '–'}")
            level.setObjectName("cellLabel")
            holder = QWidget()
            place = QGridLayout(holder)
            place.setContentsMargins(0, 0, 0, 0)
            place.addWidget(bar, 0, 0, Qt.AlignmentFlag.AlignVCenter)
            place.addWidget(level, 0, 1)
            place.setColumnStretch(2, 1)
            grid.addWidget(holder, row, 1)
        elif row == 0 or cell.text:  # an empty choice point leaves no blank line
            text = wrapped_label(cell.text if row == 0 else f"{cell.label}: {cell.text}",
                                 "overviewText" if row == 0 else "quiet")
            text.setTextFormat(Qt.TextFormat.PlainText)  # the client's words, never markup
            grid.addWidget(text, row, 1)
        else:
            continue
        row += 1
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(row, 1)  # room left over goes under the line, not between its parts
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the item takes the click
    return box


def _spoken(line: OverviewLine) -> str:
    """The line as a screen reader says it: every cell with its label."""
    parts = [f"{cell.label}: {cell.text or '–'}" for cell in line.cells]
    return f"{line.number}. " + "; ".join(parts)


class ChainOverview(QFrame):
    """The overview panel. ``go_to_row(index)`` when a line is clicked or chosen with the keys."""

    go_to_row = Signal(int)

    def __init__(self, form: FormDefinition, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chainOverview")
        self.setFixedWidth(max(250, self.fontMetrics().averageCharWidth() * PANEL_CHARS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 12)
        layout.setSpacing(8)
        self.title = wrapped_label("", "sectionTitle")
        layout.addWidget(self.title)
        self.list = QListWidget()
        self.list.setObjectName("overviewList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        layout.addWidget(self.list, 1)
        # No link yet: a plain line instead of an empty box (tests/app/test_chain_overview.py).
        self.empty = wrapped_label("", "quiet")
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self._lines: list[OverviewLine] = []
        self.set_language(form, language)

    def set_language(self, form: FormDefinition, language: str) -> None:
        overview = form.overview
        title = overview.title.get(language) if overview is not None else ""
        self.title.setText(title)
        self.list.setAccessibleName(title)
        self.empty.setText(word("overview_empty", language))
        self._show_empty()

    def _show_empty(self) -> None:
        none = not self._lines
        self.empty.setVisible(none)
        self.list.setVisible(not none)

    def show_lines(self, lines: list[OverviewLine]) -> None:
        """Show these lines (the list's rows now); the marked line stays marked when it still exists."""
        if lines == self._lines:
            return  # a keystroke elsewhere on the page
        current = self.current_row()
        self._lines = list(lines)
        self.list.clear()
        for line in lines:
            item = QListWidgetItem()
            item.setData(_ROLE_ROW, line.index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _spoken(line))
            widget = _line_widget(line)
            width = self._line_width()
            item.setSizeHint(QSize(width, widget.heightForWidth(width) + _ITEM_PADDING))
            self.list.addItem(item)
            self.list.setItemWidget(item, widget)
        self._show_empty()
        self.mark_row(current)

    def _line_width(self) -> int:
        """The room a line has: the panel's fixed width less its margins, the list's frame, padding
        and a scroll bar (the lines' heights are measured at it, words wrapped)."""
        margins = self.layout().contentsMargins()
        bar = self.list.verticalScrollBar().sizeHint().width()
        return self.width() - margins.left() - margins.right() - 2 * 4 - 2 * 10 - bar - 4

    def lines(self) -> list[OverviewLine]:
        return list(self._lines)

    def current_row(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(_ROLE_ROW)) if item is not None and item.isSelected() else None

    def mark_row(self, index: int | None) -> None:
        """Mark the line of the row being edited (None: no line)."""
        for number in range(self.list.count()):
            item = self.list.item(number)
            if item.data(_ROLE_ROW) == index:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return
        self.list.clearSelection()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.go_to_row.emit(int(item.data(_ROLE_ROW)))
