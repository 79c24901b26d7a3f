"""The field-type -> editor registry for value fields (also the cells of list and menu rows).

Lists, menus, totals and guidance are built on top of these in :mod:`registry`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...core.forms.model import VALUE_TYPES, Field
from .base import EditorContext, FieldEditor
from .choices import CheckboxEditor, ChoiceEditor, MultichoiceEditor
from .dates import DateEditor
from .scale import make_scale_editor
from .texts import MultilineEditor, NumberEditor, TextEditor

ValueEditorFactory = Callable[[Field, EditorContext], FieldEditor]

VALUE_EDITORS: dict[str, ValueEditorFactory] = {
    "text": TextEditor,
    "multiline": MultilineEditor,
    "number": NumberEditor,
    "date": DateEditor,
    "datetime": DateEditor,
    "scale": make_scale_editor,
    "choice": ChoiceEditor,
    "multichoice": MultichoiceEditor,
    "checkbox": CheckboxEditor,
}
assert set(VALUE_EDITORS) == VALUE_TYPES, "every value type needs an editor"


def create_value_editor(fld: Field, ctx: EditorContext, parent: QWidget | None = None) -> FieldEditor:
    editor = VALUE_EDITORS[fld.type](fld, ctx)
    if parent is not None:
        editor.setParent(parent)
    return editor


def shows_own_label(editor: QWidget) -> bool:
    """A checkbox carries its label as its own text: the page does not repeat it above."""
    return bool(getattr(editor, "shows_own_label", False))
