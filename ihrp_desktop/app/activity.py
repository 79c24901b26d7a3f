"""File > Activity: the vault's audit trail as a table, who did what and when, and whether it is intact.

Client names show only in the therapist's own view: in client view (F11, the shared screen) the
client column is empty and the client filter hidden (tests/app/test_activity.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.activity import ActivityRow, activity_rows
from .i18n import QT_TRANSLATE_NOOP, translate

# The words of core.activity (ACTION_WORDS, CREATED_WORDS), for the translators; a test checks both
# lists hold the same words.
WORDS = (
    QT_TRANSLATE_NOOP("Activity", "Created"),
    QT_TRANSLATE_NOOP("Activity", "Unlocked the vault"),
    QT_TRANSLATE_NOOP("Activity", "Locked the vault"),
    QT_TRANSLATE_NOOP("Activity", "Wrong passphrase typed"),
    QT_TRANSLATE_NOOP("Activity", "Opened a worksheet"),
    QT_TRANSLATE_NOOP("Activity", "Edited a worksheet"),
    QT_TRANSLATE_NOOP("Activity", "Printed"),
    QT_TRANSLATE_NOOP("Activity", "Exported"),
    QT_TRANSLATE_NOOP("Activity", "Made a backup"),
    QT_TRANSLATE_NOOP("Activity", "Restored from a backup"),
    QT_TRANSLATE_NOOP("Activity", "Upgraded the vault's format"),
    QT_TRANSLATE_NOOP("Activity", "Imported records"),
    QT_TRANSLATE_NOOP("Activity", "Changed the passphrase"),
    QT_TRANSLATE_NOOP("Activity", "Replaced the recovery key"),
    QT_TRANSLATE_NOOP("Activity", "Made a recovery sheet"),
    QT_TRANSLATE_NOOP("Activity", "Changed the practice profile"),
    QT_TRANSLATE_NOOP("Activity", "Changed the passphrase and the vault's key"),
    QT_TRANSLATE_NOOP("Activity", "Created the vault"),
    QT_TRANSLATE_NOOP("Activity", "Added a client"),
    QT_TRANSLATE_NOOP("Activity", "Created a worksheet"),
)
COLUMNS = (QT_TRANSLATE_NOOP("Activity", "When"), QT_TRANSLATE_NOOP("Activity", "What"),
           QT_TRANSLATE_NOOP("Activity", "Client"), QT_TRANSLATE_NOOP("Activity", "Who"),
           QT_TRANSLATE_NOOP("Activity", "Details"))
CLIENT_COLUMN = 2


def load(vault: Any, client_id: int | None) -> tuple[list[ActivityRow], list[str]]:
    """The rows and the chain's problems (for a worker thread: reads the whole trail)."""
    return activity_rows(vault, client_id=client_id), vault.audit_chain_problems()


class ActivityDialog(QDialog):
    """Who did what and when, newest first, with the hash chain's state above it."""

    def __init__(self, vault: Any, runner: Any, *, client_view: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("activity")
        self.setWindowTitle(translate("Activity", "Activity") + " · " + APP_NAME)  # never a client's name
        self.vault = vault
        self._runner = runner
        self.client_view = client_view
        self.rows: list[ActivityRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = QLabel(translate("Activity", "Activity in this vault"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.chain = QLabel(translate("Activity", "Checking the audit trail..."))
        self.chain.setWordWrap(True)
        layout.addWidget(self.chain)
        filters = QHBoxLayout()
        self.client_label = QLabel(translate("Activity", "Show"))
        filters.addWidget(self.client_label)
        self.client_filter = QComboBox()
        self.client_filter.setAccessibleName(translate("Activity", "Show the activity of"))
        self.client_filter.addItem(translate("Activity", "Everything"), None)
        self.client_filter.activated.connect(lambda: self.refresh())
        filters.addWidget(self.client_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Activity", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(translate("Activity", "Activity"))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(translate("Activity", "Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._fill_clients()
        self.set_client_view(client_view)
        self.resize(980, 600)  # fits a 1366x768 screen with the task bar (docs/screenshots/activity.png)
        self.refresh()

    def _fill_clients(self) -> None:
        if self.client_view:
            return  # names are not listed on a shared screen
        for client in self.vault.clients(include_archived=True):
            self.client_filter.addItem(client.name, client.id)

    def set_client_view(self, on: bool) -> None:
        """Client view: no client name anywhere in this window (the filter and the column go)."""
        self.client_view = on
        if on:
            while self.client_filter.count() > 1:
                self.client_filter.removeItem(1)
            self.client_filter.setCurrentIndex(0)
        elif self.client_filter.count() == 1:
            self._fill_clients()
        self.client_label.setVisible(not on)
        self.client_filter.setVisible(not on)
        self.table.setColumnHidden(CLIENT_COLUMN, on)
        self._show(self.rows)

    def refresh(self) -> None:
        vault, client_id = self.vault, self.client_filter.currentData()
        self._runner.run(lambda: load(vault, client_id), self._loaded, self._failed)

    def _loaded(self, result: tuple[list[ActivityRow], list[str]]) -> None:
        rows, problems = result
        if problems:
            self.chain.setText(translate("Activity", "The audit trail is broken: {problems} Run Verify and "
                                         "keep this vault as it is.").format(problems=" ".join(problems)))
            self.chain.setProperty("state", "failed")
        else:
            self.chain.setText(translate("Activity", "The audit trail is intact: no event was changed, "
                                         "removed from the middle or reordered."))
            self.chain.setProperty("state", "saved")
        self._show(rows)

    def _failed(self, exc: BaseException) -> None:
        self.chain.setText(translate("Activity", "The activity could not be read ({error}).").format(
            error=type(exc).__name__))

    def _show(self, rows: list[ActivityRow]) -> None:
        self.rows = rows
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(reversed(rows)):  # newest first
            client = "" if self.client_view else row.client
            who = row.actor or translate("Activity", "(not recorded)")
            cells = (row.when, translate("Activity", row.words), client, who, row.detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(i, column, item)
