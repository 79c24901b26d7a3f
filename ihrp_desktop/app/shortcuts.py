"""Help > Keyboard shortcuts: every shortcut of the window and the worksheet, in a readable table."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import QT_TRANSLATE_NOOP, translate
from .screen_fit import fit_to_screen

# Keys that belong to a page or to the worksheet editor rather than to a menu action.
PAGE_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Print the open worksheet"), "Ctrl+P"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Undo / redo in a worksheet"), "Ctrl+Z / Ctrl+Shift+Z"),
    (QT_TRANSLATE_NOOP("Shortcuts", "New worksheet of a type (client page)"), "Ctrl+Shift+1 ... 9"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field"), "Tab / Shift+Tab"),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Choose on a 0-10 scale or a row of choices"),
        "Left / Right / Home / End",
    ),
    (QT_TRANSLATE_NOOP("Shortcuts", "Choose or clear the focused choice"), "Space"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Add a row below (in a list)"), "Ctrl+Enter"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Move a row up / down"), "Alt+Up / Alt+Down"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Remove a row"), "Ctrl+Shift+Delete"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Open the chosen client or worksheet"), "Enter"),
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action with a shortcut, then the page and editor keys."""
    rows = [
        (a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        for a in actions
        if not a.shortcut().isEmpty()
    ]
    rows += [(translate("Shortcuts", words), native_keys(keys)) for words, keys in PAGE_KEYS]
    return rows


def native_keys(keys: str) -> str:
    """ "Ctrl+Z / Ctrl+Shift+Z" as the system writes keys, in the interface language ("Control+Z ...")."""
    parts = []
    for part in keys.split(" / "):
        first, dots, rest = part.partition(" ... ")  # "Ctrl+Shift+1 ... 9": a range of keys
        sequence = QKeySequence(first, QKeySequence.SequenceFormat.PortableText)
        native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        parts.append((native if native and sequence.count() == 1 else first) + (" … " + rest if dots else ""))
    return " / ".join(parts)


class ShortcutsDialog(QDialog):
    """A two-column table a screen reader reads row by row ("Lock now, Ctrl+L")."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        intro = QLabel(
            translate(
                "Shortcuts",
                "Everything in IHRP Desktop can be done from the keyboard. "
                "The keyboard focus always shows as a coloured ring.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(
            [translate("Shortcuts", "What it does"), translate("Shortcuts", "Keys")]
        )
        self.table.setAccessibleName(translate("Shortcuts", "Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        self.table.setWordWrap(True)
        for row, (words, keys) in enumerate(rows):
            what = QTableWidgetItem(words)
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, what)
            self.table.setItem(row, 1, key_item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 680, 660)
