"""The field-type -> editor registry for value fields (also the cells of list and menu rows).

Lists, menus, totals and guidance are built on top of these in :mod:`registry`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...core.forms.kinds import FieldKind
from ...core.forms.model import Field
from .base import EditorContext, FieldEditor
from .choices import CheckboxEditor, ChoiceEditor, MultichoiceEditor
from .dates import DateEditor
from .scale import make_scale_editor
from .texts import MultilineEditor, NumberEditor, TextEditor

ValueEditorFactory = Callable[[Field, EditorContext], FieldEditor]

# The editors of the kinds a list or menu row may hold (its columns); ``registry`` adds the rest.
VALUE_EDITORS: dict[FieldKind, ValueEditorFactory] = {
    FieldKind.TEXT: TextEditor,
    FieldKind.MULTILINE: MultilineEditor,
    FieldKind.NUMBER: NumberEditor,
    FieldKind.DATE: DateEditor,
    FieldKind.DATETIME: DateEditor,
    FieldKind.SCALE: make_scale_editor,
    FieldKind.CHOICE: ChoiceEditor,
    FieldKind.MULTICHOICE: MultichoiceEditor,
    FieldKind.CHECKBOX: CheckboxEditor,
}


def create_value_editor(fld: Field, ctx: EditorContext, parent: QWidget | None = None) -> FieldEditor:
    editor = VALUE_EDITORS[fld.type](fld, ctx)
    if parent is not None:
        editor.setParent(parent)
    return editor


def shows_own_label(editor: QWidget) -> bool:
    """A checkbox carries its label as its own text: the page does not repeat it above."""
    return bool(getattr(editor, "shows_own_label", False))
