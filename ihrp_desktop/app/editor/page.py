"""The worksheet page built from a definition: header, sections, field blocks, the kept box.

Everything the therapist alone should see (clinician sections and fields) sits in a
:class:`Slot`, so client view can take it out of the widget tree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...core.forms.content import is_blank
from ...core.forms.model import Field, FormDefinition, Section
from ...core.forms.values import FieldValueError, coerce, display_text
from .base import EditorContext, FieldEditor
from .fields import shows_own_label
from .grid import BlockMaker, build_grid
from .kept import KeptBox
from .registry import create_widget
from .slots import Slot
from .views import TotalView
from .words import word
from .wrapped import wrapped_label as label

PAGE_MAX_WIDTH = 1120


class FieldBlock(QWidget):
    """One field with its label, guidance, the earlier answer ("Before: ...") and any kept value."""

    def __init__(
        self,
        widget: QWidget,
        ctx: EditorContext,
        previous: str = "",
        *,
        marked: bool = False,
        previous_value: Any = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        fld = widget.field  # type: ignore[attr-defined]
        self.field = fld
        self.widget = widget
        lang = ctx.language
        self.setObjectName("fieldBlock")
        self.setProperty("clinician", marked)  # a therapist-only field among the client's own
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        margin = 14 if marked else 0
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(6)
        if marked:
            layout.addWidget(label(word("clinician_badge", lang), "clinicianBadge"))
        self.title: QLabel | None = None
        if isinstance(widget, FieldEditor) and not shows_own_label(widget):
            self.title = label(fld.label.get(lang), "fieldLabel")
            self.title.setBuddy(widget)
            layout.addWidget(self.title)
        guidance = fld.guidance.get(lang) if fld.guidance else ""
        if guidance and isinstance(widget, FieldEditor):
            layout.addWidget(label(guidance, "fieldGuidance"))
        if isinstance(widget, FieldEditor):
            widget.name_inputs(fld.label.get(lang), guidance)
        layout.addWidget(widget)
        self.previous_value = previous_value
        self.previous = label(f"{word('before', lang)} {previous}", "previous", selectable=True)
        self.previous.setAccessibleName(f"{word('before', lang)} {previous}")
        self._has_previous = bool(previous)
        self.previous.setVisible(False)
        layout.addWidget(self.previous)
        self.problem = label("", "keptNote", selectable=True)
        self.problem.hide()
        layout.addWidget(self.problem)

    def set_current(self, value: Any) -> None:
        """The earlier answer shows only where the answer now differs from it."""
        self.previous.setVisible(self._has_previous and value != self.previous_value)

    def show_kept(self, text: str, language: str) -> None:
        """A stored value that no longer fits this field: shown as written until it is replaced."""
        self.problem.setText(f"{word('earlier_answer', language)} {text}" if text else "")
        self.problem.setVisible(bool(text))


@dataclass
class BuiltPage:
    widget: QWidget
    editors: dict[str, FieldEditor] = field(default_factory=dict)
    totals: dict[str, TotalView] = field(default_factory=dict)
    blocks: dict[str, FieldBlock] = field(default_factory=dict)
    private: list[Slot] = field(default_factory=list)  # taken out in client view
    kept: KeptBox | None = None
    kept_slot: Slot | None = None


def build_page(
    form: FormDefinition,
    ctx: EditorContext,
    previous: Mapping[str, Any] | None,
    place: Callable[[QWidget], None],
) -> BuiltPage:
    """The page, put in its place by ``place`` while still empty, then filled section by section.

    Filled in place because moving a built subtree into a new parent costs, under the app's style
    sheet, a style change for every widget in it: building bottom-up made each widget of an
    18 Alternatives page take ten of them, two thirds of the time it took to open.
    """
    page = QWidget()
    page.setObjectName("worksheetPage")
    page.setMaximumWidth(PAGE_MAX_WIDTH)
    place(page)
    built = BuiltPage(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(32, 28, 32, 40)
    layout.setSpacing(20)
    lang = ctx.language
    head = QVBoxLayout()
    head.setSpacing(6)
    head.addWidget(label(form.title.get(lang), "worksheetTitle"))
    if form.purpose:
        head.addWidget(label(form.purpose.get(lang), "worksheetPurpose"))
    if form.attribution:
        head.addWidget(label(form.attribution.get(lang), "attribution"))
    layout.addLayout(head)
    for section in form.sections:
        frame = QFrame()
        if section.is_clinician:
            slot = Slot(frame)
            built.private.append(slot)
            layout.addWidget(slot)
        else:
            layout.addWidget(frame)
        _fill_section(frame, section, ctx, previous or {}, built)
    built.kept = KeptBox(lang)
    built.kept_slot = Slot(built.kept)
    layout.addWidget(built.kept_slot)
    layout.addStretch(1)
    return built


def _fill_section(
    frame: QFrame, section: Section, ctx: EditorContext, previous: Mapping[str, Any], built: BuiltPage
) -> None:
    lang = ctx.language
    frame.setFrameShape(QFrame.Shape.StyledPanel)  # lets the theme draw its border
    frame.setObjectName("section")
    frame.setProperty("clinician", section.is_clinician)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 20, 24, 24)
    layout.setSpacing(18)
    head = QVBoxLayout()
    head.setSpacing(4)
    if section.is_clinician:
        head.addWidget(label(word("clinician_badge", lang), "clinicianBadge"))
    head.addWidget(label(section.title.get(lang), "sectionTitle"))
    if section.guidance:
        head.addWidget(label(section.guidance.get(lang), "sectionGuidance"))
    layout.addLayout(head)
    if section.layout == "grid":
        for widget in build_grid(section, ctx, built.totals, _block_maker(ctx, previous, built, False)):
            layout.addWidget(widget)
        return
    make_block = _block_maker(ctx, previous, built, not section.is_clinician)
    for fld in section.fields:
        in_slot = fld.is_clinician and not section.is_clinician
        block = make_block(create_widget(fld, ctx), None if in_slot else frame)
        if in_slot:
            slot = Slot(block)
            built.private.append(slot)
            layout.addWidget(slot)
        else:
            layout.addWidget(block)


def _block_maker(
    ctx: EditorContext, previous: Mapping[str, Any], built: BuiltPage, mark_private: bool
) -> BlockMaker:
    """Wraps each field's widget in its block (made in ``parent`` when given: see ``build_page``),
    and registers editors, totals and blocks."""

    def make(widget: QWidget, parent: QWidget | None = None) -> QWidget:
        fld = widget.field  # type: ignore[attr-defined]
        if isinstance(widget, TotalView):
            built.totals[fld.id] = widget
            return widget
        if not isinstance(widget, FieldEditor):
            return widget  # guidance
        built.editors[fld.id] = widget
        before = _fitted(fld, previous.get(fld.id))
        shown = "" if before is None or is_blank(fld, before) else _display(fld, before, ctx.language)
        block = FieldBlock(
            widget, ctx, shown, marked=mark_private and fld.is_clinician, previous_value=before,
            parent=parent,
        )
        built.blocks[fld.id] = block
        return block

    return make


def _fitted(fld: Field, value: Any) -> Any:
    try:
        return coerce(fld, value)
    except FieldValueError:
        return value


def _display(fld: Field, value: Any, language: str) -> str:
    try:
        text = display_text(fld, value, language)
    except (TypeError, ValueError, AttributeError):
        text = str(value)
    return ("\n" + text) if "\n" in text else text
