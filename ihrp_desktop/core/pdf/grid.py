"""The ``layout = "grid"`` section (decisional balance): four lists drawn as a 2x2 grid.

Each box holds its list and the box's total. When the lists are too long for one page, the
boxes print one after another instead (a table cell cannot break across pages).
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable, TableStyle

from ..forms.content import grid_parts
from ..forms.model import Field, Section
from .context import RenderContext
from .fields import label_markup
from .lists import BLANK_ROWS, filled_rows, is_bullet_list, list_table
from .markup import escape_text, para, user_text
from .paragraphs import Paragraph
from .registry import build_value
from .styles import COLORS
from .tables import Table

BOX_PADDING = 8.0


def build_grid_section(section: Section, ctx: RenderContext, visible: list[Field]) -> list[Flowable]:
    """The section's fields in order, with the four lists replaced by one 2x2 grid."""
    parts = grid_parts(section)
    boxes = [f for f in parts.lists if f in visible]
    out: list[Flowable] = []
    placed = False
    for fld in visible:
        if parts.in_grid(fld):
            if not placed and boxes:
                out.extend(_grid_or_stack(boxes, parts.sums, ctx))
                placed = True
            continue
        out.extend(build_value(fld, ctx.values.get(fld.id), ctx))
    return out


def _grid_or_stack(lists: list[Field], sums: Mapping[str, Field], ctx: RenderContext) -> list[Flowable]:
    if len(lists) == 4:
        grid = _grid(lists, sums, ctx)
        _, height = grid.wrap(ctx.width, ctx.height)
        if height <= ctx.height * 0.9:
            return [grid]
    out: list[Flowable] = []
    for fld in lists:  # too long for one page (or a box is hidden): one list after another
        out.extend(build_value(fld, ctx.values.get(fld.id), ctx))
        total = sums.get(fld.id)
        if total is not None:
            out.extend(build_value(total, None, ctx))
    return out


def _grid(lists: list[Field], sums: Mapping[str, Field], ctx: RenderContext) -> Table:
    inner = ctx.width / 2 - 2 * BOX_PADDING
    cells = [_box(fld, sums.get(fld.id), ctx, inner) for fld in lists]
    table = Table([cells[:2], cells[2:]], colWidths=[ctx.width / 2] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.8, COLORS.accent_mid),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, COLORS.accent_mid),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("BACKGROUND", (0, 0), (0, 0), COLORS.accent_soft),
                ("BACKGROUND", (1, 1), (1, 1), COLORS.accent_soft),
            ]
        )
    )
    return table


def _box(fld: Field, total: Field | None, ctx: RenderContext, width: float) -> list[Flowable]:
    """One box of the grid: its title, its rows (or empty lines), its total."""
    out: list[Flowable] = [Paragraph(label_markup(fld, ctx), ctx.style.box_title)]
    rows = filled_rows(fld, ctx.values.get(fld.id), ctx)
    if is_bullet_list(fld) and not ctx.blank:
        column = fld.columns[0]
        for row in rows:
            out.extend(user_text("• " + str(row.get(column.id) or ""), ctx.style.cell))
    elif rows or ctx.blank:
        out.append(list_table(fld, rows, ctx, width, BLANK_ROWS + 1 if ctx.blank else 0))
    else:
        out.append(para("—", ctx.style.cell_quiet))
    if total is not None:
        name = ctx.text(total.label) or ctx.word("total")
        shown = "_____" if ctx.blank else escape_text(str(ctx.sums.get(total.id, 0)))
        out.append(Paragraph(f"<b>{escape_text(name)}:</b> {shown}", ctx.style.cell_right))
    return out
