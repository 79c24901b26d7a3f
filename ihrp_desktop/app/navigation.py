"""Navigation in the main window: the client list beside the client page or one worksheet.

Choosing a client, opening, starting, revising and printing a worksheet, and taking every client
word out of the window (locking, or a vault found damaged). Mixed into ``MainWindow``
(main_window.py), whose menus, stack, session and client view it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from .. import APP_NAME
from .i18n import translate
from .operations import VaultOp

if TYPE_CHECKING:
    from ..core.vault import Vault


class Navigation:
    """What the main window shows on its right: the welcome line, a client's page or a worksheet."""

    # Set by MainWindow: vault, library, writer, runner, client_view, page, right, welcome,
    # client_list, client_page, workspace_ready.
    vault: Any
    page: Any

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
        form, vault = self.library.get(form_id), self.vault
        values = self._carried_values(vault, client_id, form) if form.carry else {}
        if values is None or self.vault is not vault:
            return  # cancelled, or locked while the picker was open
        VaultOp(self, self.writer, lambda: vault.new_worksheet(client_id, form.id, form.version,
                                                               values=values),
                op="new_worksheet").success(
            lambda sheet: self._open_new(vault, sheet.id)).run()

    def _carried_values(self, vault: Vault, client_id: int, form: Any) -> dict[str, Any] | None:
        """What the person picks from the client's earlier worksheets ({} when none offer anything;
        None when they cancel)."""
        from ..core.forms.carrying import carry_into, gather_sources, offered_items
        from ..core.vocabulary import client_language
        from .carry_picker import CarryPicker

        language = client_language(vault.client(client_id))
        items = offered_items(form, gather_sources(vault, self.library, client_id, form), language)
        if not items:
            return {}
        picker = CarryPicker(form, items, language, parent=self)
        try:
            if picker.exec() != CarryPicker.DialogCode.Accepted:
                return None
            return carry_into(form, {}, picker.picked())
        finally:
            picker.deleteLater()

    def _open_new(self, vault: Vault, worksheet_id: int) -> None:
        """A worksheet just made (new or revised), with the cursor in its first field."""
        if self.vault is not vault:
            return  # locked meanwhile: it opens from the client page after the unlock
        self.open_worksheet(worksheet_id)
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
                                      show_clinician=not self.client_view, parent=self.right, sheet=sheet)
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
        VaultOp(self, self.writer, lambda: vault.record_opened(worksheet_id)).quietly().run()
        self.client_list.select(sheet.client_id)
        if self.client_page.client_id != sheet.client_id:
            # Opened from elsewhere (a new worksheet, a revision): the page behind follows the client.
            # From the client's own page it already shows them, and going back (show_client) reads
            # it afresh: reading it again here was a tenth of opening (docs/performance.md).
            self.client_page.show_client(self.vault, sheet.client_id)

    def revise_current(self) -> None:
        if self.vault is None or self.page is None:
            return
        page, vault = self.page, self.vault
        from ..core.forms.carrying import review_notes
        from ..core.vault import AlreadyRevised

        newest = vault.newest_version(page.worksheet_id)
        if newest is not None:  # an older version: a plan is revised from its newest version only
            self._offer_newest(vault, AlreadyRevised(newest.id, newest.version_number))
            return
        if page.review_first(lambda: review_notes(vault, self.library, page.worksheet_id, page.form,
                                                  page.language)):
            return
        self.page.flush()
        vault, worksheet_id, form = self.vault, self.page.worksheet_id, self.page.form
        from ..core.forms.revising import revised_values  # loaded with the first worksheet, not at launch

        # What the new version keeps is declared in the definition (core.forms.revising).
        VaultOp(self, self.writer, lambda: vault.revise(
            worksheet_id, starts_with=lambda values: revised_values(form, values)), op="revision").success(
            lambda new: self._open_worksheet_of(vault, new.id)).failure(
            lambda exc: self._revision_refused(vault, exc)).run()

    def _revision_refused(self, vault: Vault, exc: BaseException) -> None:
        from ..core.vault import AlreadyRevised
        from .operations import say_not_saved

        if isinstance(exc, AlreadyRevised):  # revised meanwhile (another window or command)
            self._offer_newest(vault, exc)
        else:
            say_not_saved(self, exc, "revision")

    def _offer_newest(self, vault: Vault, exc: Any) -> None:
        """Says which version is the newest and offers to open it (tests/app/test_revising.py::
        test_revise_on_an_older_version_offers_the_newest_and_makes_nothing)."""
        from .i18n import failure_message

        question = translate("MainWindow", "Open version {number} now?").format(number=exc.newer_version)
        answer = QtWidgets.QMessageBox.question(self, APP_NAME, failure_message(exc) + "\n\n" + question)
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self._open_worksheet_of(vault, exc.newer_id)

    def _open_worksheet_of(self, vault: Vault, worksheet_id: int) -> None:
        if self.vault is vault:  # not locked meanwhile
            self.open_worksheet(worksheet_id)

    def print_current(self) -> None:
        if self.vault is None or self.page is None:
            return
        self.page.flush()
        from .print_preview import PrintDialog  # ReportLab and QtPdf load on first print, not at launch

        dialog = PrintDialog(self.vault, self.page.form, self.page.worksheet_id, self.runner,
                             writer=self.writer, client_view=self.client_view, parent=self)
        dialog.exec()
        dialog.deleteLater()  # the rendered PDF goes with it, not kept for the next time

    # -- leaving -----------------------------------------------------------------------------------
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
