"""The carry-forward picker: before a new worksheet starts, the items the client's earlier worksheets
offer it, for the person to tick. Only ticked items are brought in (core/forms/carrying.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.forms.carrying import CarryItem
from ..core.forms.model import FormDefinition
from .i18n import translate


class CarryPicker(QDialog):
    """Items grouped by the worksheet they come from, none ticked; the window title names no client."""

    def __init__(self, form: FormDefinition, items: Sequence[CarryItem], language: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("carryPicker")
        self.language = language  # read in the client's register (core.vocabulary.client_language)
        title = form.title.get(language)
        self.setWindowTitle(translate("CarryPicker", "Start {title}").format(title=title))
        layout = QVBoxLayout(self)
        # "Nothing is brought in unless you tick it":
        # tests/app/test_carry_picker.py::test_only_ticked_items_start_the_new_worksheet.
        lead = QLabel(translate(
            "CarryPicker", "Earlier worksheets offer these items for the new {title}. Tick the ones to bring "
            "in; each keeps a note of where it came from. Nothing is brought in unless you tick it.").format(
                title=title))
        lead.setWordWrap(True)
        layout.addWidget(lead)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("CarryPicker", "Item"), translate("CarryPicker", "Goes into")])
        self.tree.setAccessibleName(translate("CarryPicker", "Items to bring in"))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self._items: list[tuple[QTreeWidgetItem, CarryItem]] = []
        groups: dict[tuple[int, str], QTreeWidgetItem] = {}
        for item in items:
            key = (item.worksheet_id, item.source)
            group = groups.get(key)
            if group is None:
                group = QTreeWidgetItem(self.tree, [item.source.strip("()"), ""])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[key] = group
            row = QTreeWidgetItem(group, [item.text, form.field(item.into).label.get(language)])
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Unchecked)  # the person picks: nothing ticked for them
            row.setToolTip(0, item.text)
            self._items.append((row, item))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(translate("CarryPicker", "Start with the ticked items"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.empty_button = buttons.addButton(translate("CarryPicker", "Start empty"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.accept)
        self.empty_button.clicked.connect(self._start_empty)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._empty = False
        self.resize(1000, 560)  # fits a 1366x768 screen with room for the taskbar

    def _start_empty(self) -> None:
        self._empty = True
        self.accept()

    def set_all(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for row, _ in self._items:
            row.setCheckState(0, state)

    def picked(self) -> list[CarryItem]:
        """The ticked items, in the order shown (none after "Start empty")."""
        if self._empty:
            return []
        return [item for row, item in self._items if row.checkState(0) == Qt.CheckState.Checked]
