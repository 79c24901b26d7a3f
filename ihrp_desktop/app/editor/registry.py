"""The whole field-type -> widget registry: value editors, lists, menus, totals and guidance.

One entry per :class:`FieldKind`; the loader refuses unknown types, and
``tests/app/test_field_kinds.py`` checks this registry (like every other) covers every kind.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...core.forms.kinds import FieldKind
from ...core.forms.model import Field
from .base import EditorContext
from .fields import VALUE_EDITORS
from .menu import MenuEditor
from .rows import ListEditor
from .views import GuidanceView, ScoreView, TotalView

WidgetFactory = Callable[[Field, EditorContext], QWidget]

WIDGETS: dict[FieldKind, WidgetFactory] = {
    **VALUE_EDITORS,
    FieldKind.LIST: ListEditor,
    FieldKind.MENU: MenuEditor,
    FieldKind.TOTAL: TotalView,
    FieldKind.SCORE: ScoreView,
    FieldKind.GUIDANCE: GuidanceView,
}


def create_widget(fld: Field, ctx: EditorContext) -> QWidget:
    """The widget for one field of a definition."""
    return WIDGETS[fld.type](fld, ctx)
