"""The main window: unlock, then the client list beside the client page or a worksheet.

The window title is always "IHRP Desktop": never a client's name (it shows in task bars, window
switchers and screen-sharing pickers).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# Qt, dialogs and the splitter as QtCore.X / QtWidgets.X: PySide6 builds a class's Python type
# (and the whole Qt namespace) the first time it is named, and the unlock screen needs none of them.
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget

from .. import APP_NAME
from ..core.vault import VaultClosed
from ..core.vault.files import holds_vault
from .background import Runner
from .backup_actions import BackupActions
from .editor.theme import apply_theme, system_scheme
from .first_paint import AfterFirstPaint
from .i18n import translate
from .idle import IdleWatcher
from .menu_dialogs import MenuDialogs
from .navigation import Navigation
from .screen_fit import fit_to_screen
from .session import VaultSession
from .settings import AppSettings
from .unlock import CreateVaultScreen, UnlockScreen

if TYPE_CHECKING:
    from ..core.forms import FormLibrary
    from ..core.vault import Vault
    from .worksheet_page import WorksheetPage

CLIENT_VIEW_SCALE = 1.25  # larger text for the person reading from the other chair


class MainWindow(Navigation, QMainWindow):
    """Menus, the stack of screens, navigation and client view; the open vault is the session's
    (session.py), and everything below gets it passed in.

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
        self.session = VaultSession(writer, self)
        self.session.ready.connect(self._show_workspace)
        self.session.damaged.connect(self._found_damaged)
        self.session.lock_requested.connect(self.lock)
        self.session.backup_failed.connect(lambda words: self.statusBar().showMessage(words, 15_000))
        self.backups = BackupActions(self)
        self.dialogs = MenuDialogs(self)
        self.page: WorksheetPage | None = None
        self.client_view = False
        self._resume: tuple[int, int] | None = None  # worksheet id, scroll position after a lock
        self.open_after_unlock: int | None = None
        self._workspace_actions: list[QAction] = []

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._create_screen: CreateVaultScreen | None = None  # first run only: built when shown
        self.unlock_screen = UnlockScreen(vault_path, runner)
        self.unlock_screen.unlocked.connect(self.vault_opened)
        self.unlock_screen.open_backup_requested.connect(self.backups.open_latest_backup)
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
        self._first_paint = AfterFirstPaint(self.stack, self._build_workspace_in_steps)

    @property
    def create_screen(self) -> CreateVaultScreen:
        """The first-run screen (choose a passphrase), built the first time it is needed."""
        if self._create_screen is None:
            self._create_screen = CreateVaultScreen(self.vault_path, self.runner)
            self._create_screen.created.connect(self.vault_opened)
            self._create_screen.recovery_offer.connect(self.dialogs.offer_recovery_sheet)
            self.stack.insertWidget(0, self._create_screen)
        return self._create_screen

    @property
    def vault(self) -> Vault | None:
        """The open vault, None while locked (the session's)."""
        return self.session.vault

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

        self.client_list = ClientList(self.writer)
        self.client_list.client_chosen.connect(self.show_client)
        self.right = QStackedWidget()
        self.welcome = QLabel(translate("MainWindow", "Choose a client on the left, or add one."))
        self.welcome.setObjectName("quiet")
        self.welcome.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.client_page = ClientPage(self.library, self.writer)
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
        dialogs = self.dialogs
        self.new_client_action = self._action(self.file_menu, translate("MainWindow", "&New client"),
                                              "Ctrl+N", self.client_list.add_client)
        self.lock_action = self._action(self.file_menu, translate("MainWindow", "&Lock now"), "Ctrl+L",
                                        self.lock)
        self.backup_action = self._action(self.file_menu, translate("MainWindow", "&Back up to a folder..."),
                                          "Ctrl+Shift+B", self.backups.backup_to_folder)
        self.activity_action = self._action(self.file_menu, translate("MainWindow", "&Activity..."), "",
                                            dialogs.show_activity)
        self.import_action = self._action(self.file_menu, translate("MainWindow", "&Import..."), "",
                                          dialogs.import_from_file)
        self.file_menu.addSeparator()
        self.passphrase_action = self._action(
            self.file_menu, translate("MainWindow", "&Change passphrase..."), "", dialogs.change_passphrase)
        self.seen_action = self._action(
            self.file_menu, translate("MainWindow", "My passphrase or recovery sheet may have been &seen..."),
            "", lambda: dialogs.change_passphrase(mode="seen"))
        self.recovery_action = self._action(
            self.file_menu, translate("MainWindow", "Make a &recovery sheet..."), "",
            lambda: dialogs.show_recovery_sheet())
        self.file_menu.addSeparator()
        self.preferences_action = self._action(self.file_menu, translate("MainWindow", "&Preferences..."),
                                               QKeySequence.StandardKey.Preferences, dialogs.show_preferences)
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
                     dialogs.show_shortcuts)
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
            if self.create_screen.check_place():
                self.create_screen.setFocus()

    def vault_opened(self, vault: Vault) -> None:
        self.build_workspace()
        failed = self.unlock_screen.failed_attempts
        self.unlock_screen.failed_attempts = 0
        self.session.start(vault, failed)  # checks the pages; says ready (or damaged) when to show it

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
                self.page.focus_first_field(reveal=not scroll)
        else:
            self.right.setCurrentWidget(self.welcome)
            self.client_list.search.setFocus()

    def _found_damaged(self, damage: BaseException) -> None:
        """The page check found the file damaged and closed it, untouched: the window says why."""
        if self.page is not None:
            self.page.autosaver.stop()  # typing since the unlock cannot be saved into it
        self._resume = None
        self._clear_workspace()
        self.show_start_screen()
        self.unlock_screen.show_failure(damage)

    def lock(self) -> None:
        """Remove every client word from the window and memory, close the vault, ask for the passphrase."""
        if self.vault is None:
            return
        self.idle.stop()
        if self.dialogs.key_dialog is not None:
            self.dialogs.key_dialog.close_now()  # a recovery key on screen goes with the lock
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
        self.session.close()
        self.show_start_screen()

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
        self.session.close()
        event.accept()


