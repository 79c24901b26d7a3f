"""The whole field-type -> widget registry: value editors, lists, menus, totals and guidance.

One entry per type of :data:`FIELD_TYPES`; the loader refuses unknown types, so every field of
a loaded definition has a widget here (a missing entry fails at import, not at draw).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...core.forms.model import FIELD_TYPES, Field
from .base import EditorContext
from .fields import VALUE_EDITORS
from .menu import MenuEditor
from .rows import ListEditor
from .views import GuidanceView, TotalView

WidgetFactory = Callable[[Field, EditorContext], QWidget]

WIDGETS: dict[str, WidgetFactory] = {
    **VALUE_EDITORS,
    "list": ListEditor,
    "menu": MenuEditor,
    "total": TotalView,
    "guidance": GuidanceView,
}
assert set(WIDGETS) == FIELD_TYPES, "every field type needs a widget"


def create_widget(fld: Field, ctx: EditorContext) -> QWidget:
    """The widget for one field of a definition."""
    return WIDGETS[fld.type](fld, ctx)
