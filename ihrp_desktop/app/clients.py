"""Find the client: the searchable client list, and one client's page of sessions and worksheets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.forms import FormLibrary
from ..core.vocabulary import DEFAULT_REGISTER, REGISTER_LANGUAGES, Register
from .background import Runner
from .elided_label import ElidedLabel
from .i18n import QT_TRANSLATE_NOOP, interface_language, translate
from .operations import VaultOp, say_not_saved
from .progress_view import ProgressView, save_report
from .vocabulary_words import status_words

# The client page's choice of worksheet language: Spanish in its own words (for the person who reads
# it), once in tú and once in usted (core.vocabulary.REGISTER_LANGUAGES).
WORKSHEET_LANGUAGES = (
    ("en", DEFAULT_REGISTER, QT_TRANSLATE_NOOP("ClientPage", "Worksheets in English")),
    ("es", Register.INFORMAL, "Hojas en español (tú)"),
    ("es", Register.FORMAL, "Hojas en español (usted)"),
)

SEARCH_LIMIT = 200  # the list shows at most this many; typing narrows it


class ClientList(QWidget):
    """Search-as-you-type list of clients. Emits ``client_chosen(client_id)``."""

    client_chosen = Signal(int)

    def __init__(self, writer: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault: Any = None
        self._writer = writer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("ClientList", "Find a client"))
        self.search.setAccessibleName(translate("ClientList", "Find a client"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_first)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ClientList", "Clients"))
        # A long name ends in "…" within the list's width (no sideways scrolling to read the rest).
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("ClientList", "Add client"))
        self.add_button.clicked.connect(self.add_client)
        row.addWidget(self.add_button)
        self.show_archived = QToolButton()
        self.show_archived.setText(translate("ClientList", "Archived"))
        self.show_archived.setCheckable(True)
        self.show_archived.setToolTip(translate("ClientList", "Show archived clients too"))
        self.show_archived.toggled.connect(self.refresh)
        row.addWidget(self.show_archived)
        layout.addLayout(row)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        # Asked each time: its buttons' text, in any language and at the text size chosen since.
        hint = super().minimumSizeHint()
        return QSize(max(240, hint.width()), hint.height())

    def set_vault(self, vault: Any) -> None:
        self.vault = vault
        self.search.clear()
        self.refresh()

    def clear(self) -> None:
        """Forget every name (locking)."""
        self.vault = None
        self.search.clear()
        self.list.clear()

    def refresh(self) -> None:
        self.list.clear()
        if self.vault is None:
            return
        archived = "  " + translate("ClientList", "(archived)")
        clients = self.vault.clients(search=self.search.text().strip(),
                                     include_archived=self.show_archived.isChecked(), limit=SEARCH_LIMIT)
        for client in clients:
            item = QListWidgetItem(client.name + (archived if client.archived else ""))
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)

    def select(self, client_id: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == client_id:
                self.list.setCurrentItem(item)
                return

    def _chosen(self, item: QListWidgetItem) -> None:
        self.client_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _choose_first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
            self._chosen(self.list.item(0))

    def add_client(self) -> None:
        self._ask_client("")

    def _ask_client(self, typed: str) -> None:
        """Ask for a name and add the client; a write that fails says so and asks again with the name
        as typed, so nothing typed is lost (tests/app/test_op_failures.py)."""
        if self.vault is None:
            return
        name, ok = QInputDialog.getText(self, translate("ClientList", "Add client"),
                                        translate("ClientList", "Name (as you want to see it on screen):"),
                                        text=typed)
        name = name.strip()
        if ok and name:
            vault = self.vault

            def failed(exc: BaseException) -> None:
                say_not_saved(self, exc, "client")
                if self.vault is vault:  # not locked meanwhile
                    self._ask_client(name)

            VaultOp(self, self._writer, lambda: vault.add_client(name)).success(self._added).failure(
                failed).run()

    def _added(self, client: Any) -> None:
        if self.vault is None:
            return  # locked meanwhile
        self.search.clear()
        self.refresh()
        self.select(client.id)
        self.client_chosen.emit(client.id)


class ClientPage(QWidget):
    """One client: sessions and worksheets, newest first; start a worksheet of any definition."""

    worksheet_chosen = Signal(int)
    new_worksheet_requested = Signal(int, str)  # client id, form id
    client_changed = Signal(int)

    def __init__(self, library: FormLibrary, writer: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self._writer = writer
        self.vault: Any = None
        self.client_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        head = QHBoxLayout()
        # A client's name is shown as typed: "<b>Ana</b>" is not bold (tests/hostile/test_app_room.py);
        # a long one ends in "…" rather than widening the window past the screen.
        self.name = ElidedLabel()
        self.name.setObjectName("pageTitle")
        head.addWidget(self.name, 1)
        self.language = QComboBox()
        # Language and, for Spanish, the register (tú / usted) in one choice; stored per client.
        for language, register, words in WORKSHEET_LANGUAGES:
            self.language.addItem(translate("ClientPage", words) if language == "en" else words,
                                  f"{language}:{register}")
        self.language.setAccessibleName(translate("ClientPage", "Language of this client's worksheets and "
                                                  "printouts"))
        self.language.activated.connect(self._language_changed)
        head.addWidget(self.language)
        more = QToolButton()
        more.setText(translate("ClientPage", "More"))
        more.setAccessibleName(translate("ClientPage", "More actions for this client"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        menu.addAction(translate("ClientPage", "Rename..."), self.rename)
        self.archive_action = menu.addAction(translate("ClientPage", "Archive"), self.toggle_archive)
        more.setMenu(menu)
        head.addWidget(more)
        layout.addLayout(head)

        actions = QHBoxLayout()
        self.new_button = QPushButton(translate("ClientPage", "New worksheet"))
        self.new_button.setObjectName("primary")
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        # tests/app/test_progress_view.py::test_the_report_button_saves_the_report_where_chosen_and_records_it
        self.report_button = QPushButton(translate("ClientPage", "Progress report..."))
        self.report_button.setToolTip(translate("ClientPage", "Save this client's progress charts and their "
                                                "values as a PDF, for the clinician"))
        self.report_button.clicked.connect(self.save_report)
        actions.addWidget(self.report_button)
        layout.addLayout(actions)
        self._fill_new_menu()

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("ClientPage", "Worksheet"), translate("ClientPage", "Status"),
                                   translate("ClientPage", "Last change")])
        self.tree.setAccessibleName(translate("ClientPage", "Sessions and worksheets"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.itemDoubleClicked.connect(self._open_item)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        sessions = QWidget()
        sessions_box = QVBoxLayout(sessions)
        sessions_box.setContentsMargins(0, 8, 0, 0)
        sessions_box.addWidget(self.tree, 1)
        self.empty = QLabel(translate("ClientPage", "No worksheets yet. Start one with “New worksheet”."))
        self.empty.setObjectName("quiet")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sessions_box.addWidget(self.empty)
        self.tabs.addTab(sessions, translate("ClientPage", "Sessions"))
        self.progress = ProgressView(library)
        self.tabs.addTab(self.progress, translate("ClientPage", "Progress"))
        # Read only when shown: the charts read every charted worksheet of the client.
        self.tabs.currentChanged.connect(lambda _index: self._refresh_progress())
        layout.addWidget(self.tabs, 1)

    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        for index, form in enumerate(self.library.ordered(), start=1):
            action = QAction(form.title.get(interface_language()), self.new_menu)
            if index <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+Shift+{index}"))
            action.triggered.connect(self._new_callback(form.id))
            self.new_menu.addAction(action)

    def _new_callback(self, form_id: str) -> Callable[[], None]:
        def request() -> None:
            if self.client_id is not None:
                self.new_worksheet_requested.emit(self.client_id, form_id)
        return request

    def show_client(self, vault: Any, client_id: int) -> None:
        self.vault = vault
        self.client_id = client_id
        self.refresh()

    def clear(self) -> None:
        self.vault = None
        self.client_id = None
        self.name.clear()
        self.tree.clear()
        self.progress.clear()

    def refresh(self) -> None:
        if self.vault is None or self.client_id is None:
            return
        client = self.vault.client(self.client_id)
        self.name.setText(client.name)
        register = client.register if client.language in REGISTER_LANGUAGES else DEFAULT_REGISTER
        self.language.setCurrentIndex(max(0, self.language.findData(f"{client.language}:{register}")))
        self.archive_action.setText(translate("ClientPage", "Bring back from archive") if client.archived
                                    else translate("ClientPage", "Archive"))
        self.tree.clear()
        sheets = self.vault.worksheets(self.client_id)
        for session in self.vault.sessions(self.client_id):
            mine = [s for s in sheets if s.session_id == session.id]
            day = QLocale().toString(QDate(session.date.year, session.date.month, session.date.day),
                                     "ddd d MMM yyyy")
            label = translate("ClientPage", "Session {number} · {date}").format(number=session.number,
                                                                                date=day)
            top = QTreeWidgetItem([label, "", ""])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for sheet in mine:
                form = self.library.forms.get(sheet.form_id)
                # The worksheet's own language: the title the client sees on the page and the printout.
                title = form.title.get(sheet.language) if form else sheet.form_id
                if sheet.version_number and sheet.version_number > 1:
                    title += " " + translate("ClientPage", "(version {number})").format(
                        number=sheet.version_number)
                changed = QLocale().toString(sheet.updated_at.astimezone(), "d MMM yyyy, HH:mm")
                status = status_words().get(sheet.status, sheet.status)
                item = QTreeWidgetItem([title, status, changed])
                item.setData(0, Qt.ItemDataRole.UserRole, sheet.id)
                top.addChild(item)
            top.setExpanded(True)
        self._fit_columns()
        self.empty.setVisible(not sheets)
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        shown = self.tabs.currentWidget() is self.progress
        if shown and self.vault is not None and self.client_id is not None:
            self.progress.show_client(self.vault, self.client_id)
        elif self.progress.progress is not None:
            self.progress.clear()  # no other client's values wait in a hidden tab

    def save_report(self) -> None:
        if self.vault is not None and self.client_id is not None:
            save_report(self, self.vault, self.library, self.client_id, self._writer)

    def _fit_columns(self) -> None:
        gap = self.tree.fontMetrics().averageCharWidth() * 2  # "Reviewed" never runs into the date
        for column in (1, 2):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + gap)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The text size changed: refit once the new font is in place (never after the tree is gone).
            QTimer.singleShot(0, self.tree, self._fit_columns)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        sheet_id = item.data(0, Qt.ItemDataRole.UserRole)
        if sheet_id is not None:
            self.worksheet_chosen.emit(int(sheet_id))

    def _language_changed(self) -> None:
        if self.vault is not None and self.client_id is not None:
            vault, client_id = self.vault, self.client_id
            language, register = str(self.language.currentData()).split(":")
            # One write; a language with one register (English) keeps the client's usted for their
            # Spanish worksheets (tests/app/test_register_app.py).
            kept = register if language in REGISTER_LANGUAGES else None

            def store() -> object:
                return vault.set_client_language(client_id, language, kept)

            self._write(store, changed=False)

    def _write(self, work: Callable[[], object], *, changed: bool = True) -> None:
        """A change to this client, on the writer; the page (and the list) show it once it is stored.
        On failure the page shows what the vault has again and says so (operations.say_not_saved)."""
        client_id = self.client_id

        def done(_result: object) -> None:
            if self.client_id == client_id and self.vault is not None:
                self.refresh()
                if changed:
                    self.client_changed.emit(client_id)

        def failed(exc: BaseException) -> None:
            if self.client_id == client_id and self.vault is not None:
                self.refresh()
            say_not_saved(self, exc)

        VaultOp(self, self._writer, work).success(done if changed else lambda _r: None).failure(failed).run()

    def rename(self) -> None:
        if self.vault is None or self.client_id is None:
            return
        client = self.vault.client(self.client_id)
        name, ok = QInputDialog.getText(self, translate("ClientPage", "Rename client"),
                                        translate("ClientPage", "Name:"), text=client.name)
        if ok and name.strip():
            vault, client_id, new_name = self.vault, self.client_id, name.strip()
            self._write(lambda: vault.rename_client(client_id, new_name))

    def toggle_archive(self) -> None:
        if self.vault is None or self.client_id is None:
            return
        client = self.vault.client(self.client_id)
        if not client.archived:
            answer = QMessageBox.question(
                self, translate("ClientPage", "Archive client"),
                translate("ClientPage", "Archive this client? Their records are kept; they are hidden from "
                          "the list until you show archived clients."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        vault, client_id = self.vault, self.client_id
        self._write(lambda: vault.archive_client(client_id, not client.archived))
