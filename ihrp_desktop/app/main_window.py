"""The main window: unlock, then the client list beside the client page or a worksheet.

The window title is always "IHRP Desktop": never a client's name (it shows in task bars, window
switchers and screen-sharing pickers).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# Qt, dialogs and the splitter as QtCore.X / QtWidgets.X: PySide6 builds a class's Python type
# (and the whole Qt namespace) the first time it is named, and the unlock screen needs none of them.
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from .. import APP_NAME
from ..core.vault import DamagedVault, VaultClosed, VaultError, WrongPassphrase
from ..core.vault.errors import CopyNotWritten
from ..core.vault.files import discard_empty_side_files, holds_vault
from .background import BackgroundRunner, Runner
from .editor.theme import apply_theme, system_scheme
from .feedback import busy_bar
from .i18n import translate, vault_message
from .idle import IdleWatcher
from .screen_fit import fit_to_screen
from .settings import AppSettings
from .unlock import CreateVaultScreen, UnlockScreen, open_vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from ..core.forms import FormLibrary
    from ..core.vault import Vault
    from .worksheet_page import WorksheetPage

WAIT_BEFORE_NOTICE_MS = 400  # a lock or quit that waits longer says what it is waiting for
CLIENT_VIEW_SCALE = 1.25  # larger text for the person reading from the other chair


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, just after ``widget`` is first painted (from the event loop, not inside it)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def _closing_notice(parent: QWidget) -> QtWidgets.QDialog:
    """A small window that says the vault closes once today's backup is done (no client words)."""
    notice = QtWidgets.QDialog(parent)
    notice.setObjectName("closingNotice")
    notice.setWindowTitle(APP_NAME)
    notice.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
    layout = QtWidgets.QVBoxLayout(notice)
    layout.setContentsMargins(24, 20, 24, 24)
    layout.setSpacing(14)
    words = QLabel(translate(
        "MainWindow", "Finishing the last save and today's backup before the vault closes..."))
    words.setWordWrap(True)
    layout.addWidget(words)
    bar = busy_bar()  # no Cancel: a backup stopped halfway is no backup
    bar.show()
    layout.addWidget(bar)
    notice.setFixedWidth(notice.fontMetrics().averageCharWidth() * 48 + 48)
    return notice


class MainWindow(QMainWindow):
    """Owns the open vault; everything below gets it passed in.

    Only the start screen (unlock or create) and the menu bar are built before the window first
    shows: the workspace (client list, client page, the menus' actions, the screen-lock watcher)
    is built right after that first paint, while the passphrase is being typed, or at once by
    whatever needs it first (``build_workspace``).
    """

    workspace_built = Signal()

    def __init__(self, vault_path: Path, library: FormLibrary | None, settings: AppSettings, runner: Runner,
                 writer: Runner, *, demo_hint: str = ""):
        super().__init__()
        from ..core import actor

        actor.set_part("app")  # who acted, in the vault's audit trail
        self.setWindowTitle(APP_NAME)
        self.vault_path = vault_path
        self._library = library  # None: the shipped and user definitions, read with the workspace
        self.settings = settings
        self.runner = runner
        self.writer = writer
        self.backup_runner = BackgroundRunner(serial=True)
        self.vault: Vault | None = None
        self.page: WorksheetPage | None = None
        self.client_view = False
        self._resume: tuple[int, int] | None = None  # worksheet id, scroll position after a lock
        self.open_after_unlock: int | None = None
        self._workspace_actions: list[QAction] = []

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._create_screen: CreateVaultScreen | None = None  # first run only: built when shown
        self.key_dialog: Any = None  # the recovery sheet or change passphrase dialog, while open
        self.import_dialog: Any = None  # the last File > Import... window
        self.older_question: Any = None  # "older than one this computer has opened", while shown
        self.unlock_screen = UnlockScreen(vault_path, runner)
        self.unlock_screen.unlocked.connect(self.vault_opened)
        self.unlock_screen.open_backup_requested.connect(self.open_latest_backup)
        if demo_hint:
            self.unlock_screen.add_note(demo_hint)
        self.stack.addWidget(self.unlock_screen)
        self.idle = IdleWatcher(settings.get("auto_lock_minutes"), self)
        self.idle.idle.connect(self.lock)
        # The menu titles now, so the first frame has its final layout; their actions come with the workspace.
        self.file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        self.help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        fit_to_screen(self, 1280, 860)
        self.show_start_screen()
        self._first_paint = _AfterFirstPaint(self.stack, self._build_workspace_in_steps)

    @property
    def create_screen(self) -> CreateVaultScreen:
        """The first-run screen (choose a passphrase), built the first time it is needed."""
        if self._create_screen is None:
            self._create_screen = CreateVaultScreen(self.vault_path, self.runner)
            self._create_screen.created.connect(self.vault_opened)
            self._create_screen.recovery_offer.connect(self.offer_recovery_sheet)
            self.stack.insertWidget(0, self._create_screen)
        return self._create_screen

    @property
    def library(self) -> FormLibrary:
        if self._library is None:
            from ..core.forms import default_library

            self._library = default_library()
        return self._library

    @property
    def workspace_ready(self) -> bool:
        return hasattr(self, "workspace")

    def _build_workspace_in_steps(self, step: int = 0) -> None:
        """After the first paint: load what the workspace needs one piece per event-loop turn, then
        build it. A key pressed meanwhile waits for one piece (tens of milliseconds), not the whole."""
        if self.workspace_ready:
            return
        if step == 0:
            _ = QtCore.Qt  # PySide6 makes the whole Qt namespace the first time it is named
        elif step == 1:
            from . import clients, screen_lock  # noqa: F401 - loaded now, used by build_workspace
        elif step == 2:
            _ = self.library
        else:
            self.build_workspace()
            return
        QTimer.singleShot(0, lambda: self._build_workspace_in_steps(step + 1))

    def build_workspace(self) -> None:
        """The client list beside the client page, the menus' actions, the screen-lock watcher (once)."""
        if self.workspace_ready:
            return
        from .clients import ClientList, ClientPage
        from .screen_lock import ScreenLockWatcher

        self.client_list = ClientList()
        self.client_list.client_chosen.connect(self.show_client)
        self.right = QStackedWidget()
        self.welcome = QLabel(translate("MainWindow", "Choose a client on the left, or add one."))
        self.welcome.setObjectName("quiet")
        self.welcome.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.client_page = ClientPage(self.library)
        self.client_page.worksheet_chosen.connect(self.open_worksheet)
        self.client_page.new_worksheet_requested.connect(self.new_worksheet)
        self.client_page.client_changed.connect(lambda _id: self.client_list.refresh())
        self.right.addWidget(self.welcome)
        self.right.addWidget(self.client_page)
        workspace = QtWidgets.QSplitter()
        workspace.addWidget(self.client_list)
        workspace.addWidget(self.right)
        workspace.setStretchFactor(1, 1)
        workspace.setSizes([280, 900])
        self.stack.addWidget(workspace)
        from .clipboard_guard import ClipboardGuard

        self.clipboard_guard = ClipboardGuard(self)  # before any client word can be copied
        self.screen_lock = ScreenLockWatcher(self)
        self.screen_lock.screen_locked.connect(self.lock)
        if self.isVisible():
            self.screen_lock.watch_window(int(self.winId()))  # Windows: session lock notifications
        self._build_menus()
        self.workspace = workspace  # last: workspace_ready says everything above exists
        self._set_workspace_actions(self.vault is not None)
        self.workspace_built.emit()

    # -- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.new_client_action = self._action(self.file_menu, translate("MainWindow", "&New client"),
                                              "Ctrl+N", self.client_list.add_client)
        self.lock_action = self._action(self.file_menu, translate("MainWindow", "&Lock now"), "Ctrl+L",
                                        self.lock)
        self.backup_action = self._action(self.file_menu, translate("MainWindow", "&Back up to a folder..."),
                                          "Ctrl+Shift+B", self.backup_to_folder)
        self.activity_action = self._action(self.file_menu, translate("MainWindow", "&Activity..."), "",
                                            self.show_activity)
        self.import_action = self._action(self.file_menu, translate("MainWindow", "&Import..."), "",
                                          self.import_from_file)
        self.file_menu.addSeparator()
        self.passphrase_action = self._action(
            self.file_menu, translate("MainWindow", "&Change passphrase..."), "", self.change_passphrase)
        self.seen_action = self._action(
            self.file_menu, translate("MainWindow", "My passphrase or recovery sheet may have been &seen..."),
            "", lambda: self.change_passphrase(mode="seen"))
        self.recovery_action = self._action(
            self.file_menu, translate("MainWindow", "Make a &recovery sheet..."), "",
            lambda: self.show_recovery_sheet())
        self.file_menu.addSeparator()
        self.preferences_action = self._action(self.file_menu, translate("MainWindow", "&Preferences..."),
                                               QKeySequence.StandardKey.Preferences, self.show_preferences)
        if self.preferences_action.shortcut().isEmpty():  # Windows and Linux have no standard one
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.file_menu.addSeparator()
        self._action(self.file_menu, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit,
                     self.close)
        self.client_view_action = self._action(self.view_menu, translate("MainWindow", "&Client view"), "F11",
                                               self.toggle_client_view)
        self.client_view_action.setCheckable(True)
        self.find_action = self._action(self.view_menu, translate("MainWindow", "&Find a client"), "Ctrl+F",
                                        self.focus_search)
        self._action(self.help_menu, translate("MainWindow", "&Keyboard shortcuts"), "F1",
                     self.show_shortcuts)
        self._workspace_actions = [self.new_client_action, self.lock_action, self.client_view_action,
                                   self.find_action, self.backup_action, self.import_action,
                                   self.passphrase_action, self.seen_action, self.recovery_action,
                                   self.activity_action]

    def _action(self, menu: Any, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(QtCore.Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _set_workspace_actions(self, enabled: bool) -> None:
        for action in self._workspace_actions:
            action.setEnabled(enabled)

    # -- opening and locking ------------------------------------------------------------------------
    def show_start_screen(self) -> None:
        self._set_workspace_actions(False)
        if holds_vault(self.vault_path):
            self.stack.setCurrentWidget(self.unlock_screen)
            self.unlock_screen.reset()
        else:
            self.stack.setCurrentWidget(self.create_screen)
            self.create_screen.setFocus()

    def vault_opened(self, vault: Vault) -> None:
        self.build_workspace()
        self.vault = vault
        failed = self.unlock_screen.failed_attempts
        self.unlock_screen.failed_attempts = 0

        def check_then_record() -> list[str]:
            # The whole-file tamper and integrity check is the writer's first job: the window is
            # usable at once, and nothing is written (not even "unlocked") until the file proved
            # intact. A damaged vault is closed untouched; saves queued behind the check then fail.
            problems = vault.check_pages()
            if problems:
                with contextlib.suppress(Exception):  # damage may stop the checkpoint; nothing was written
                    vault.close()
                return problems
            if failed:
                vault.record_failed_unlocks(failed)
            vault.record("unlocked")
            return []

        self.writer.run(check_then_record, lambda problems: self._pages_checked(vault, problems),
                        lambda _exc: None)  # VaultClosed: locked before the check finished
        if self.vault is not vault:
            return  # a writer that runs at once (tests) already found the file damaged
        if vault.older_than_seen is not None:
            # Asked over the unlock screen: no client is shown until the person chose this copy.
            self.ask_about_older_vault(vault)
            return
        self._show_workspace(vault)

    def _show_workspace(self, vault: Vault) -> None:
        try:
            self._show_opened(vault)
        except VaultClosed:
            if vault.is_open:
                raise
            # The page check on the writer found the file damaged and closed it while the list was
            # being read: _pages_checked (queued behind) takes the window back and says why.

    def _show_opened(self, vault: Vault) -> None:
        self.client_list.set_vault(vault)
        self.stack.setCurrentWidget(self.workspace)
        self._set_workspace_actions(True)
        self.idle.start()
        target = self.open_after_unlock or (self._resume[0] if self._resume else None)
        scroll = self._resume[1] if self._resume else 0
        self.open_after_unlock = None
        self._resume = None
        if target is not None:
            try:
                self.open_worksheet(target)
            except KeyError:
                QtWidgets.QMessageBox.information(self, APP_NAME, translate(
                    "MainWindow", "There is no worksheet {number} in this vault.").format(number=target))
                self.client_list.search.setFocus()
                return
            if self.page is not None:
                self.page.editor.restore_scroll_position(scroll)
                self.page.focus_first_field()
        else:
            self.right.setCurrentWidget(self.welcome)
            self.client_list.search.setFocus()

    def _pages_checked(self, vault: Vault, problems: list[str]) -> None:
        if vault is not self.vault:
            return  # locked meanwhile
        if problems:
            # Closed already, without a write; typing since the unlock cannot be saved into it.
            if self.page is not None:
                self.page.autosaver.stop()
            self._resume = None
            question, self.older_question = self.older_question, None
            if question is not None:
                question.reject()  # the damage is said instead
            self._clear_workspace()
            self.vault = None
            self.writer.wait()  # the closing job is done: no connection is left
            discard_empty_side_files(vault.path)  # the folder as it was before the unlock
            self.show_start_screen()
            self.unlock_screen.show_failure(DamagedVault(problems))
            return
        from ..core import backups

        if backups.backup_due(vault.path):
            # Once a day, only of a vault that proved intact, on its own worker: saves never
            # wait behind a large copy.
            self.backup_runner.run(lambda: backups.make_backup(vault), None, self._backup_failed)

    def ask_about_older_vault(self, vault: Vault) -> None:
        """Older files than this computer has seen (a rollback?): say so and let the person decide,
        before any client is shown (tests/app/test_rotation_app.py::test_an_older_vault_is_reported...)."""
        newer = vault.older_than_seen
        assert newer is not None
        box = QtWidgets.QMessageBox(self)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("MainWindow", "Older vault"))
        # Tested by tests/app/test_rotation_app.py::test_an_older_vault_is_reported_and_the_person_decides
        box.setText(newer.message())
        keep = box.addButton(translate("MainWindow", "Keep working with this copy"),
                             QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("MainWindow", "Lock"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        self.older_question = box

        def decided(button: Any) -> None:
            self.older_question = None
            if self.vault is not vault:
                return
            if button is keep:
                # Behind the page check on the writer: a damaged file is closed first, and this fails quietly.
                self.writer.run(vault.accept_this_state, None, lambda _exc: None)
                self._show_workspace(vault)
            else:
                self.lock()

        def gone() -> None:  # closed without a choice: the vault is locked (later: never inside a lock)
            if self.older_question is box:
                self.older_question = None
                QtCore.QTimer.singleShot(0, lambda: self.lock() if self.vault is vault else None)

        box.buttonClicked.connect(decided)
        box.rejected.connect(gone)
        box.open()

    def _backup_failed(self, exc: BaseException) -> None:
        reason = vault_message(exc) if isinstance(exc, VaultError) else (
            exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__)
        self.statusBar().showMessage(
            translate("MainWindow", "Today's automatic backup could not be made: {reason}").format(
                reason=reason),
            15_000)

    def open_latest_backup(self) -> None:
        """The vault is damaged: restore the newest automatic backup into a new folder and open that."""
        from ..core import backups

        latest = backups.latest_backup(self.vault_path)
        if latest is None:
            QtWidgets.QMessageBox.information(
                self, APP_NAME, translate(
                    "MainWindow", "No automatic backup was found beside this vault ({folder}). If you keep "
                    "backups elsewhere, restore one with “ihrp-desktop restore”. The damaged vault was not "
                    "changed.").format(folder=backups.backups_dir(self.vault_path)))
            return
        passphrase = self.unlock_screen.passphrase.text()
        if not passphrase:
            self.unlock_screen.show_error(
                translate("MainWindow", "Type your passphrase first: the backup opens with it."))
            return
        damaged = self.vault_path

        def restore() -> tuple[Any, Any, Vault]:
            made, path = backups.restore_latest(damaged, passphrase)
            return made, path, open_vault(path, passphrase)

        def restored(result: tuple[Any, Any, Vault]) -> None:
            made, path, vault = result
            self.vault_path = path
            self.unlock_screen.vault_path = path
            if self._create_screen is not None:
                self._create_screen.vault_path = path
            self.settings.set("vault_path", str(path))
            vault.record("restored", detail=f"from the automatic backup of {made:%Y-%m-%d %H:%M} UTC")
            self.unlock_screen.passphrase.clear()
            self.vault_opened(vault)
            QtWidgets.QMessageBox.information(
                self, APP_NAME, translate(
                    "MainWindow", "You are now working in a copy restored from the backup of {when}, in "
                    "{path}.\n\nThe damaged vault was left untouched in {damaged}. Changes made after that "
                    "backup are not in this copy.").format(
                    when=QLocale().toString(made.astimezone(), QLocale.FormatType.ShortFormat), path=path,
                    damaged=damaged))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase):
                self.unlock_screen.show_error(translate(
                    "MainWindow", "The latest backup did not open with this passphrase. It opens with the "
                    "passphrase that was in use when it was made."))
            else:
                reason = vault_message(exc) if isinstance(exc, VaultError) else type(exc).__name__
                self.unlock_screen.show_error(translate(
                    "MainWindow", "The latest backup could not be opened either: {reason}").format(
                    reason=reason))

        self.runner.run(restore, restored, failed)

    def backup_to_folder(self) -> None:
        """An extra backup, e.g. on a USB drive kept in a locked drawer."""
        if self.vault is None:
            return
        from .file_choice import existing_folder

        folder = existing_folder(self, translate("MainWindow", "Choose where to put the backup"))
        if not folder:
            return
        vault = self.vault
        import datetime as dt  # here: the start path has no use for it (docs/performance.md)

        target = Path(folder) / f"IHRP backup {dt.datetime.now():%Y-%m-%d %H%M%S}"
        self.statusBar().showMessage(translate("MainWindow", "Backing up..."))
        made = translate("MainWindow", "Backup made in {folder}")
        self.writer.run(lambda: vault.backup(target),
                        lambda path: self.statusBar().showMessage(made.format(folder=path), 15_000),
                        self._backup_to_folder_failed)

    def _backup_to_folder_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, CopyNotWritten):  # its words name the folder and say the vault is unchanged
            QtWidgets.QMessageBox.warning(self, APP_NAME, vault_message(exc))
            return
        reason = vault_message(exc) if isinstance(exc, VaultError) else (
            exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__)
        QtWidgets.QMessageBox.warning(self, APP_NAME, translate(
            "MainWindow", "The backup could not be made: {reason}. Your vault is unchanged.").format(
            reason=reason))

    def import_from_file(self) -> None:
        """Records from an export file, checked whole and written in one transaction (import_window)."""
        if self.vault is None:
            return
        from .import_window import ImportDialog, choose_import_file

        path = choose_import_file(self)
        if path and self.vault is not None:
            if self.import_dialog is not None and not self.import_dialog.running:
                self.import_dialog.deleteLater()  # the last one, done (a running one stays)
            self.import_dialog = ImportDialog(self.vault, self.library, self.writer, self)
            self.import_dialog.imported.connect(self.client_list.refresh)
            self.import_dialog.imported.connect(self.client_page.refresh)
            self.import_dialog.start(path)

    def lock(self) -> None:
        """Remove every client word from the window and memory, close the vault, ask for the passphrase."""
        if self.vault is None:
            return
        self.idle.stop()
        if self.key_dialog is not None:
            self.key_dialog.close_now()  # a recovery key on screen goes with the lock
        for dialog in self.findChildren(QtWidgets.QDialog):
            if dialog.isVisible():
                dialog.reject()  # a print preview, a rename box...: client words in windows of their own
        # Client words leave the screen before anything is waited for: the last save, the page check
        # after an unlock or the daily backup can take seconds on a large vault.
        self.stack.setCurrentWidget(self.unlock_screen)
        self.repaint()
        if self.page is not None:
            if not self.page.flush(closing=True):
                # The text could not be saved: keep it on screen rather than lose it, and keep
                # counting towards the next idle lock.
                self.stack.setCurrentWidget(self.workspace)
                self.idle.start()
                QtWidgets.QMessageBox.warning(self, APP_NAME, translate(
                    "MainWindow", "The worksheet could not be saved, so the window was not locked.") + " "
                    + self.page.autosaver.last_error)
                return
            self._resume = (self.page.worksheet_id, self.page.editor.scroll_position())
        self._clear_workspace()
        self.clipboard_guard.clear_if_ours()
        self._close_vault()
        self.show_start_screen()

    def _close_vault(self) -> None:
        """Close the vault once the last saves, the page check and a backup in progress are done.

        That can take seconds on a large vault. The window keeps answering the system meanwhile
        (one that stops answering gets a "not responding" offer to force it closed, mid-backup), and
        after a moment a small notice says what is being waited for. Callbacks of the work that
        finish meanwhile find no vault and do nothing (the page check then starts no backup).
        """
        vault, self.vault = self.vault, None
        if vault is not None and vault.is_open:
            # Behind the last saves on the writer (waited for below); a vault that cannot write still locks.
            self.writer.run(lambda: vault.record("locked"), None, lambda _exc: None)
        timer = QtCore.QElapsedTimer()
        timer.start()
        if not (self.writer.wait(WAIT_BEFORE_NOTICE_MS)
                and self.backup_runner.wait(max(0, WAIT_BEFORE_NOTICE_MS - timer.elapsed()))):
            notice = _closing_notice(self)
            notice.show()
            try:
                for runner in (self.writer, self.backup_runner):
                    while not runner.wait(50):
                        QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                notice.close()
                notice.deleteLater()
        if vault is not None:
            vault.close()

    def _clear_workspace(self) -> None:
        """Every client word out of the window (locking, or a vault found damaged)."""
        if not self.workspace_ready:
            return  # nothing was shown yet
        self._close_page()
        self._take_out_closed_pages()
        self.client_list.clear()
        self.client_page.clear()
        self.right.setCurrentWidget(self.welcome)
        if self.client_view:
            self.toggle_client_view()

    def _close_page(self) -> None:
        """The page off the screen at once, deleted on the next turn of the event loop.

        It stays in the window's widget tree until then: taking a built page out of the tree
        re-styles every widget in it (docs/performance.md gives the cost). Locking takes out
        every such page at once (``_take_out_closed_pages``).
        """
        if self.page is not None:
            self.page.autosaver.stop()
            self.page.hide()
            self.right.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None

    def _take_out_closed_pages(self) -> None:
        """Every widget under the stack that is not one of its pages is a closed worksheet page (or
        one whose building failed) waiting for deletion: out of the window now, words and all."""
        for child in self.right.children():
            if isinstance(child, QWidget) and self.right.indexOf(child) == -1:
                child.hide()
                child.setParent(None)
                child.deleteLater()

    # -- navigation -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        if not self.client_view:
            self.client_list.search.setFocus()
            self.client_list.search.selectAll()

    def show_client(self, client_id: int) -> None:
        if self.vault is None:
            return
        if self.page is not None:
            self.page.flush(closing=True)
            self._close_page()
        self.client_page.show_client(self.vault, client_id)
        self.right.setCurrentWidget(self.client_page)

    def new_worksheet(self, client_id: int, form_id: str) -> None:
        if self.vault is None:
            return
        form = self.library.get(form_id)
        sheet = self.vault.new_worksheet(client_id, form.id, form.version)
        self.open_worksheet(sheet.id)
        if self.page is not None:
            self.page.focus_first_field()

    def open_worksheet(self, worksheet_id: int) -> None:
        if self.vault is None:
            return
        sheet = self.vault.worksheet(worksheet_id)  # KeyError if there is none
        form = self.library.forms.get(sheet.form_id)
        if form is None:
            QtWidgets.QMessageBox.warning(self, APP_NAME, translate(
                "MainWindow", "This worksheet uses the definition “{name}”, which is not installed on this "
                "computer. Its answers are kept in the vault.").format(name=sheet.form_id))
            return
        if self.page is not None:
            self.page.flush(closing=True)
            self._close_page()
        from .worksheet_page import WorksheetPage  # the editor loads with the first worksheet

        # Made in its place in the window: moving a built page in re-styles every widget in it.
        try:
            self.page = WorksheetPage(self.vault, form, worksheet_id, self.writer,
                                      show_clinician=not self.client_view, parent=self.right)
        except BaseException:
            self._take_out_closed_pages()  # a page that failed half-way leaves nothing behind
            raise
        self.page.back_requested.connect(lambda: self.show_client(sheet.client_id))
        self.page.print_requested.connect(self.print_current)
        self.page.revise_requested.connect(self.revise_current)
        self.page.client_view_requested.connect(self.toggle_client_view)
        self.right.addWidget(self.page)
        self.right.setCurrentWidget(self.page)
        vault = self.vault
        # One 'opened' event per opening; the page's first saved change then records 'edited' once.
        self.writer.run(lambda: vault.record_opened(worksheet_id), None, lambda _exc: None)
        self.client_list.select(sheet.client_id)
        self.client_page.show_client(self.vault, sheet.client_id)

    def revise_current(self) -> None:
        if self.vault is None or self.page is None:
            return
        self.page.flush()
        new = self.vault.revise(self.page.worksheet_id)
        self.open_worksheet(new.id)

    def print_current(self) -> None:
        if self.vault is None or self.page is None:
            return
        self.page.flush()
        from .print_preview import PrintDialog  # ReportLab and QtPdf load on first print, not at launch

        dialog = PrintDialog(self.vault, self.page.form, self.page.worksheet_id, self.runner,
                             client_view=self.client_view, parent=self)
        dialog.exec()
        dialog.deleteLater()  # the rendered PDF goes with it, not kept for the next time

    # -- client view --------------------------------------------------------------------------------
    def toggle_client_view(self) -> None:
        """Shared-screen mode: only the open worksheet, no other client's name, no clinician fields."""
        self.client_view = not self.client_view
        self.client_view_action.setChecked(self.client_view)
        self.client_list.setVisible(not self.client_view)
        self.menuBar().setVisible(not self.client_view)  # its menus lead to other clients; F11 still works
        from .activity import ActivityDialog  # an Activity window left open hides every client name

        for activity in self.findChildren(ActivityDialog):
            activity.set_client_view(self.client_view)
        self.apply_look()
        if self.client_view:
            self.client_list.clear()
            if self.page is None:
                self.right.setCurrentWidget(self.welcome)
            self.showFullScreen()
        else:
            if self.vault is not None:
                self.client_list.set_vault(self.vault)
            self.showNormal()
        if self.page is not None:
            self.page.set_show_clinician(not self.client_view)

    # -- keys -------------------------------------------------------------------------------------
    def offer_recovery_sheet(self, vault: Vault, passphrase: str) -> None:
        """Right after the first-run screen made the vault: offer the sheet (passphrase in memory only)."""
        QTimer.singleShot(0, lambda: self.show_recovery_sheet(passphrase) if self.vault is vault else None)

    def show_recovery_sheet(self, passphrase: str | None = None, made_key: str | None = None) -> None:
        if self.vault is None or self.key_dialog is not None:
            return
        from .recovery import RecoverySheetDialog  # ReportLab and QtPdf load here, not at launch

        self._open_key_dialog(RecoverySheetDialog(self.vault, self.runner, self.writer, passphrase=passphrase,
                                                  made_key=made_key, parent=self))

    def change_passphrase(self, mode: str = "change") -> None:
        """File > Change passphrase; ``mode="seen"``: "... may have been seen" (also replaces the sheet)."""
        if self.vault is None or self.key_dialog is not None:
            return
        from .passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.vault, self.runner, self.writer, self, mode=mode)

        def then_sheet() -> None:
            key, dialog.made_recovery_key = dialog.made_recovery_key, None
            if key is not None and self.vault is not None:  # the new key is shown once, on its sheet
                QTimer.singleShot(0, lambda: self.show_recovery_sheet(made_key=key))

        dialog.accepted.connect(then_sheet)
        self._open_key_dialog(dialog)

    def _open_key_dialog(self, dialog: QDialog) -> None:
        self.key_dialog = dialog

        def closed() -> None:
            if self.key_dialog is dialog:
                self.key_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def show_activity(self) -> None:
        """File > Activity: who did what and when (app/activity.py)."""
        if self.vault is None:
            return
        from .activity import ActivityDialog

        dialog = ActivityDialog(self.vault, self.runner, client_view=self.client_view, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).exec()

    def show_preferences(self) -> None:
        """Text size and theme apply at once; the interface language at the next start."""
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self, vault=self.vault)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        self.idle.set_minutes(self.settings.get("auto_lock_minutes"))
        self.apply_look()

    def check_system_scheme(self) -> None:
        """Once the window is up: note the system's light/dark scheme for the next start's first frame
        (which uses the one noted last time) and apply it now if it changed since."""
        scheme = system_scheme()
        if scheme != self.settings.get("system_scheme"):
            self.settings.set("system_scheme", scheme)
            if self.settings.get("theme") == "system":
                self.apply_look()

    def apply_look(self) -> None:
        """The theme and text size from the settings (larger in client view), applied again."""
        scale = self.settings.get("font_scale") * (CLIENT_VIEW_SCALE if self.client_view else 1.0)
        apply_theme(cast(QApplication, QApplication.instance()), self.settings.get("theme"), scale)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        # The window goes at once: the last save, the page check after an unlock or the daily backup
        # can take seconds on a large vault, and the records must not stay on screen, frozen, meanwhile.
        self.hide()
        if self.page is not None and not self.page.flush(closing=True):
            self.show()
            answer = QtWidgets.QMessageBox.question(
                self, APP_NAME, translate("MainWindow", "The worksheet could not be saved.") + " "
                + self.page.autosaver.last_error + "\n\n"
                + translate("MainWindow", "Quit anyway and lose the last changes?"))
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.workspace_ready:
            self.clipboard_guard.clear_if_ours()
        self._close_vault()
        event.accept()


