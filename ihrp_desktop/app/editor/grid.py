"""A ``layout = "grid"`` section (decisional balance): its four lists as a 2x2 grid of boxes,
each list's total under its box. Other fields of the section (guidance) keep their order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...core.forms.content import grid_parts
from ...core.forms.model import Field, Section
from .base import EditorContext
from .registry import create_widget
from .responsive import ResponsiveGrid
from .views import TotalView

BlockMaker = Callable[..., QWidget]  # (field widget, parent=None) -> its block


def build_grid(
    section: Section, ctx: EditorContext, totals: dict[str, TotalView], make_block: BlockMaker
) -> list[QWidget]:
    """The widgets of the section in page order, the four lists replaced by one grid."""
    parts = grid_parts(section)
    out: list[QWidget] = []
    grid_placed = False
    box_ctx = ctx.sized("box")
    for fld in section.fields:
        if parts.in_grid(fld):
            if not grid_placed:
                out.append(_grid(list(parts.lists), parts.sums, box_ctx, totals, make_block))
                grid_placed = True
            continue
        out.append(make_block(create_widget(fld, ctx)))
    return out


def _grid(
    lists: list[Field],
    sums: Mapping[str, Field],
    ctx: EditorContext,
    totals: dict[str, TotalView],
    make_block: BlockMaker,
) -> QWidget:
    holder = ResponsiveGrid(2, cell_width=360, spacing=(16, 16))  # one box per line when narrow
    holder.setObjectName("grid")
    for index, fld in enumerate(lists):  # keep, keep / change, change
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)  # lets the theme draw its border
        box.setObjectName("gridBox")
        box.setProperty("corner", ("keep", "keep", "change", "change")[index % 4])
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        editor = create_widget(fld, ctx)
        block = make_block(editor)  # registers the editor; the box shows the list's label as its title
        title = getattr(block, "title", None)
        if isinstance(title, QLabel):
            title.setObjectName("gridBoxTitle")
        layout.addWidget(block)
        layout.addStretch(1)  # the totals of two boxes side by side line up at the bottom
        total_field = sums.get(fld.id)
        if total_field is not None:
            total = TotalView(total_field, ctx)
            total.setObjectName("gridTotal")
            totals[total_field.id] = total
            layout.addWidget(total)
        holder.add_cell(box)
    return holder
