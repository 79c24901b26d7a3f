"""The worksheet editor: one scrollable page generated from a definition, with undo.

The editor keeps the worksheet's values (a dict shaped as :mod:`core.forms.values` documents);
widgets show them and report a person's edits, each edit becomes an undo step, and ``changed``
tells the page to autosave. Values the definition does not know are kept untouched.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QScrollArea, QWidget
from shiboken6 import isValid

from ...core.forms.model import FormDefinition
from ...core.forms.overview import overview_lines
from ...core.forms.values import FieldValueError, coerce, display_text, totals, unknown_fields
from ...core.vocabulary import register_of
from .base import EditorContext, FieldEditor
from .keys import KeyRouter
from .overview import ChainOverview
from .page import BuiltPage, build_page
from .rows import ListEditor
from .taborder import apply_page_order
from .undo import FieldEdit
from .views import ScoreView

_FORGET_SCROLL_MS = 3000


class WorksheetEditor(QWidget):
    """A worksheet to fill in; see the module docstring. ``changed`` follows every edit, undo, redo."""

    changed = Signal()

    def __init__(
        self,
        form: FormDefinition,
        values: Mapping[str, Any],
        *,
        language: str = "en",
        show_clinician: bool = True,
        previous_values: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("worksheetEditor")
        self.form = form
        self.language = language
        self._show_clinician = show_clinician
        self._previous = copy.deepcopy(dict(previous_values)) if previous_values else None
        self._values: dict[str, Any] = {}
        self._misfits: set[str] = set()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)
        self._keys = KeyRouter(self.undo, self.redo, self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("worksheetScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        # The chain at a glance stays beside the page while it scrolls (``[overview]``).
        self.overview: ChainOverview | None = None
        if form.overview is not None:
            self.overview = ChainOverview(form, language, self)
            self.overview.go_to_row.connect(self.go_to_row)
            layout.addWidget(self.overview)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._focus_moved)
        self._pending_scroll: int | None = None
        bar = self.scroll_area.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._apply_pending_scroll())
        bar.actionTriggered.connect(lambda _action: self._forget_pending_scroll())
        self._page: BuiltPage | None = None
        self._tabs_dirty = False
        self._take_values(values)
        self._build()

    # -- public API ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The worksheet's values now (a copy; unknown keys from the input included)."""
        return copy.deepcopy(self._values)

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show other values (another revision): the undo history starts again."""
        self.undo_stack.clear()
        self._take_values(values)
        self._fill()

    def set_show_clinician(self, show: bool) -> None:
        """Client view (False) takes the therapist's fields out of the page; True puts them back."""
        self._show_clinician = show
        page = self._page
        if page is None:
            return
        for slot in page.private:
            slot.set_open(show)
        if page.kept_slot is not None and page.kept is not None:
            page.kept_slot.set_open(show and bool(page.kept.entries))
        if show:
            self._tabs_moved()

    @property
    def show_clinician(self) -> bool:
        return self._show_clinician

    def set_language(self, language: str) -> None:
        """Rebuild the page in another language; values, undo history and scroll stay."""
        if (language, register_of(language)) == (self.language, register_of(self.language)):
            return  # a formal reader equals plain "es": the register is compared too
        position = self.scroll_position()
        self.language = language
        self._build()
        self.restore_scroll_position(position)

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def focus_first_field(self, *, reveal: bool = True) -> None:
        """The cursor in the first answer; ``reveal=False`` leaves the page where it is (a page opened
        again at the place it was left: scrolling to the top would undo it, or not, by timing)."""
        for editor in self._editors().values():
            if self.isAncestorOf(editor) and editor.isVisibleTo(self):
                target = editor.focus_input()
                if target is not None:
                    if reveal:
                        self._reveal(target)
                    return

    def scroll_position(self) -> int:
        return int(self.scroll_area.verticalScrollBar().value())

    def restore_scroll_position(self, position: int) -> None:
        """Scroll back to ``position``, also once the page has been laid out (after a build)."""
        self._pending_scroll = max(0, int(position))
        self._apply_pending_scroll()
        QTimer.singleShot(_FORGET_SCROLL_MS, self._forget_pending_scroll)

    def editor_for(self, field_id: str) -> FieldEditor:
        """The widget that edits one field (for the page and for tests)."""
        return self._editors()[field_id]

    # -- building ----------------------------------------------------------------------------------
    def _editors(self) -> dict[str, FieldEditor]:
        return self._page.editors if self._page is not None else {}

    def _build(self) -> None:
        # The page is built where it will live: the canvas is made inside the scroll area's
        # viewport (hidden until setWidget shows it, all at once), and the page in the canvas
        # while still empty. Under the app's style sheet, moving a built subtree into a new
        # parent re-styles every widget in it; so the page of another language is not taken out
        # either (that re-styled all of it; docs/performance.md): setWidget deletes it where it is.
        old = self.scroll_area.widget()
        if old is not None:
            old.hide()
        canvas = QWidget(self.scroll_area.viewport())
        canvas.setObjectName("worksheetCanvas")
        row = QHBoxLayout(canvas)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)

        def place(page: QWidget) -> None:
            row.addWidget(page, 100)
            row.addStretch(1)

        self._page = build_page(self.form, EditorContext(self.language), self._previous, place)
        if self.overview is not None:
            self.overview.set_language(self.form, self.language)
            self.overview.show_lines([])  # the lines in the new language come with _fill
        for field_id, editor in self._page.editors.items():
            editor.edited.connect(lambda key, f=field_id: self._edited(f, key))
            if isinstance(editor, ListEditor):
                editor.rows_added.connect(self._keys.watch)
                editor.rows_added.connect(lambda _row: self._tabs_moved())
                editor.reveal.connect(self._reveal)
        self._fill()
        self.scroll_area.setWidget(canvas)  # already its parent: nothing moves; the old page is deleted
        self._keys.watch(canvas)
        for slot in self._page.private:  # taken-out content is watched too, for when it comes back
            self._keys.watch(slot.content)
        self.set_show_clinician(self._show_clinician)
        self._order_tabs()

    def _tabs_moved(self) -> None:
        if not self._tabs_dirty:
            self._tabs_dirty = True
            QTimer.singleShot(0, self._order_tabs_if_moved)

    def _order_tabs_if_moved(self) -> None:
        # Not again when the order was made since this was asked for (a page just built: the
        # walk over every widget is a tenth of opening a Plan).
        if self._tabs_dirty:
            self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the page as laid out (rows added later and fields put back included)."""
        self._tabs_dirty = False
        canvas = self.scroll_area.widget()
        if canvas is not None:
            apply_page_order(canvas)
            self._keys.watch(canvas)  # inputs that came with new rows or older options

    def _take_values(self, values: Mapping[str, Any]) -> None:
        out: dict[str, Any] = copy.deepcopy(dict(values))
        for _, fld in self.form.all_fields():
            if not fld.stores_value:
                out.pop(fld.id, None)  # totals are computed, guidance has no value
        self._values = out
        self._misfits = set()
        for _, fld in self.form.all_fields():
            if fld.stores_value:
                self._values[fld.id] = self._fit(fld.id, values.get(fld.id))

    def _fit(self, field_id: str, value: Any) -> Any:
        """The value in its field's shape; a value that does not fit is kept as it is."""
        try:
            fitted = coerce(self.form.field(field_id), value)
        except FieldValueError:
            self._misfits.add(field_id)
            return copy.deepcopy(value)
        self._misfits.discard(field_id)
        return fitted

    def _fill(self) -> None:
        page = self._page
        if page is None:
            return
        for field_id, editor in page.editors.items():
            self._show_field(field_id, editor)
        if page.kept is not None:
            page.kept.set_kept(unknown_fields(self.form, self._values))
        self._update_totals()
        self._update_overview()
        self.set_show_clinician(self._show_clinician)
        self._tabs_moved()

    def _show_field(self, field_id: str, editor: FieldEditor) -> None:
        value = self._values.get(field_id)
        misfit = field_id in self._misfits
        editor.set_value(None if misfit else value)
        block = self._page.blocks.get(field_id) if self._page is not None else None
        if block is not None:
            block.set_current(value)
            text = ""
            if misfit:
                try:
                    text = display_text(editor.field, value, self.language)
                except (TypeError, ValueError, AttributeError):
                    text = str(value)
                text = text or str(value)
            block.show_kept(text, self.language)

    # -- edits and undo --------------------------------------------------------------------------
    def _edited(self, field_id: str, merge_key: object) -> None:
        editor = self._editors().get(field_id)
        if editor is None:
            return
        new = editor.value()
        old = self._values.get(field_id)
        if new == old and field_id not in self._misfits:
            return
        label = editor.field.label.get(self.language)
        self.undo_stack.push(FieldEdit(self, field_id, old, new, merge_key, label))
        if self._tabs_dirty:
            self._order_tabs()  # a row was just added: Tab from it must already go the right way

    def apply_value(self, field_id: str, value: Any, *, refresh: bool, focus: tuple[Any, ...] | None) -> None:
        """Set one field's value (from an edit, an undo or a redo) and tell the page."""
        self._values[field_id] = self._fit(field_id, value)
        editor = self._editors().get(field_id)
        if editor is not None and (refresh or field_id not in self._misfits):
            if refresh:
                self._show_field(field_id, editor)
            else:
                block = self._page.blocks.get(field_id) if self._page is not None else None
                if block is not None:
                    block.show_kept("", self.language)
                    block.set_current(self._values[field_id])
            if focus is not None and self.isAncestorOf(editor):
                target = editor.focus_input(focus)
                if target is not None:
                    self._reveal(target)
        self._update_totals()
        if self.form.overview is not None and field_id == self.form.overview.field:
            self._update_overview()
        self.changed.emit()

    def _update_totals(self) -> None:
        if self._page is None:
            return
        sums = totals(self.form, self._values)
        for field_id, view in self._page.totals.items():
            if isinstance(view, ScoreView):  # a measure's score: points, completeness and band
                view.show_score(self.form, self._values)
            else:
                view.set_total(sums.get(field_id, 0))

    # -- the chain at a glance -------------------------------------------------------------------
    def _update_overview(self) -> None:
        if self.overview is not None:
            self.overview.show_lines(overview_lines(self.form, self._values, self.language, keep_empty=True))

    def go_to_row(self, index: int) -> None:
        """Bring row ``index`` of the overview's list into view, the cursor in its first cell
        (a click on the overview's line: tests/app/test_chain_overview.py)."""
        if self.form.overview is None:
            return
        editor = self._editors().get(self.form.overview.field)
        if not isinstance(editor, ListEditor) or not 0 <= index < len(editor.rows):
            return
        row = editor.rows[index]
        editor.focus_input(("cell", index, None))

        def to_top() -> None:  # the link's heading at the top: its answers read down from there
            canvas = self.scroll_area.widget()
            if isValid(row) and canvas is not None and canvas.isAncestorOf(row):
                self.scroll_area.verticalScrollBar().setValue(row.mapTo(canvas, QPoint(0, 0)).y() - 12)

        QTimer.singleShot(0, to_top)  # after the cell's own reveal, once the layout has placed it

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Mark, in the overview, the link the cursor is in."""
        if self.overview is None or now is None or not isValid(self) or self.form.overview is None:
            return
        editor = self._editors().get(self.form.overview.field)
        if not isinstance(editor, ListEditor) or not editor.isAncestorOf(now):
            return
        for index, row in enumerate(editor.rows):
            if row.isAncestorOf(now):
                self.overview.mark_row(index)
                return

    def show_section(self, section_id: str) -> None:
        """Bring a section into view with the cursor in its first answer (the review before revising)."""
        for section in self.form.sections:
            if section.id != section_id:
                continue
            for fld in section.fields:
                editor = self._editors().get(fld.id)
                if editor is not None:
                    editor.setFocus(Qt.FocusReason.OtherFocusReason)
                    self._reveal(editor)
                    return

    # -- scrolling -------------------------------------------------------------------------------
    def _reveal(self, widget: QWidget) -> None:
        def show() -> None:
            if isValid(widget) and self.isAncestorOf(widget):
                self.scroll_area.ensureWidgetVisible(widget, 40, 80)

        QTimer.singleShot(0, show)  # after the layout has placed a new row

    def _apply_pending_scroll(self) -> None:
        if self._pending_scroll is None:
            return
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(self._pending_scroll)
        if bar.value() == self._pending_scroll:
            self._pending_scroll = None

    def _forget_pending_scroll(self) -> None:
        self._pending_scroll = None
