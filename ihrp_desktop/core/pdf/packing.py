"""Short answers side by side: consecutive short fields share a row of two cells.

A realistically filled Optimal Use Plan has some forty fields; one label-and-line per field would
take four pages. Short answers (a number, a date, a few words, a ticked box) read just as well in
two columns, which keeps the take-home plan to one or two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Spacer

from ..forms.kinds import FieldKind
from ..forms.model import Field
from .context import RenderContext
from .drawings import BoxedLabel
from .fields import WRITING_LINES, blank_box, label_markup, led_answer, option_boxes, value_text
from .lists import blank_rows, bullet_lead, bullet_text, bullets, filled_rows, is_bullet_list, list_table
from .markup import escape_text, para
from .paragraphs import Paragraph
from .registry import build_value

PACK_MAX = 400  # characters: a longer answer always gets the full width
_ROW_COST = 1.0  # points: a shared row reads a little less easily, so pair only when it saves room
_TALL = 10_000.0  # room to measure in


def packable(fld: Field, ctx: RenderContext) -> bool:
    """Whether ``fld`` may share a row with a neighbour on this copy."""
    if ctx.blank:  # short lists ("my limits", "people I can call") sit beside a neighbour too
        return fld.traits.packs_blank or (fld.type == FieldKind.LIST and len(fld.columns) <= 2)
    if len(ctx.text(fld.label)) > 90:
        return False
    if fld.type == FieldKind.LIST:  # a short bulleted list ("my limits") may sit beside another
        texts = _texts(fld, ctx)
        return is_bullet_list(fld) and len(texts) <= 10 and sum(len(t) for t in texts) <= PACK_MAX
    text = value_text(fld, ctx.values.get(fld.id), ctx.language, discreet=ctx.discreet)
    return fld.traits.packs and len(text) <= PACK_MAX


def _texts(fld: Field, ctx: RenderContext) -> list[str]:
    """What the field prints, one string per line or bullet."""
    if fld.type == FieldKind.LIST:
        lead = bullet_lead(fld, ctx) if is_bullet_list(fld) else ""
        rows = filled_rows(fld, ctx.values.get(fld.id), ctx)
        return [f"{lead} {bullet_text(fld, row)}" for row in rows]
    return value_text(fld, ctx.values.get(fld.id), ctx.language, discreet=ctx.discreet).split("\n")


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """Height the flowables take stacked at ``width`` (space before and after included)."""
    return float(sum(f.wrap(width, _TALL)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables))


def _may_pair(first: Field, second: Field, ctx: RenderContext) -> bool:
    """Whether two neighbours may share a row at all."""
    if not (packable(first, ctx) and packable(second, ctx)):
        return False
    if ctx.blank and _ruler_beside_writing(first, second):
        return False
    # A filled list beside a single answer reads oddly; empty lines to write on read alike.
    return ctx.blank or (first.type == FieldKind.LIST) == (second.type == FieldKind.LIST)


def _ruler_beside_writing(first: Field, second: Field) -> bool:
    """A ruler beside a question written at length: on a blank a ruler shares a row only with a short
    answer or another ruler; its own questions ("Why this number and not a lower one?") read under it."""
    kinds = {first.type, second.type}
    return FieldKind.SCALE in kinds and FieldKind.MULTILINE in kinds


def field_cell(fld: Field, ctx: RenderContext) -> list[Flowable]:
    st = ctx.style
    value: Any = ctx.values.get(fld.id)
    if fld.type == FieldKind.LIST:
        rows = filled_rows(fld, value, ctx)
        inner = column_width(ctx.width)
        if is_bullet_list(fld):
            body = bullets(fld, rows, ctx, inner)
        else:  # a blank copy's table of lines to write on ("people I can call")
            body = [list_table(fld, rows, ctx, inner, blank_rows(fld) if ctx.blank else 0)]
        # On a blank copy the list's prompt prints in the style of every blank prompt (label_block).
        hint = [para(ctx.text(fld.guidance), st.hint)] if ctx.blank and fld.guidance is not None else []
        return [Paragraph(label_markup(fld, ctx), st.cell_head), *hint, *body]
    if fld.type == FieldKind.CHECKBOX:
        out: list[Flowable] = [
            BoxedLabel(
                Paragraph(label_markup(fld, ctx), st.cell), checked=value is True and not ctx.blank, box=9.5
            )
        ]
    elif ctx.blank and fld.type == FieldKind.SCALE:  # the ruler, its boxes as wide as the column allows
        return build_value(fld, None, ctx)
    elif ctx.blank and fld.traits.options:  # "Was it realistic for me?" over its empty boxes
        labels = [ctx.text(option.label) for option in fld.options]
        boxes = option_boxes(labels, [False] * len(labels), ctx, column_width(ctx.width))
        out = [Paragraph(label_markup(fld, ctx), st.cell_head), boxes]
    elif ctx.blank:
        return blank_box(fld, ctx, WRITING_LINES.get(fld.type, 1), st.cell_head)
    else:
        out = led_answer(fld, value_text(fld, value, ctx.language, discreet=ctx.discreet), ctx)
    if ctx.blank and fld.guidance is not None:
        out.append(Paragraph(escape_text(ctx.text(fld.guidance)), st.cell_quiet))
    return out


_PAD_RIGHT = 14  # gutter after each cell (points)


def column_width(width: float) -> float:
    """The room a field has in one of a :class:`PairRow`'s two columns, ``width`` wide in all."""
    return width / 2 - _PAD_RIGHT
_PAD_TOP = 2
_ROOM = 72000 - _PAD_TOP  # the height ReportLab offers a table cell's flowables to measure them


class PairRow(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Two fields side by side, label above answer, in two equal columns.

    Laid out and drawn exactly as ReportLab lays out a one-row table of two flowable cells (top
    aligned, no left padding, a 14 pt gutter after each cell, 2 pt above), without the table's
    machinery: packing measures every candidate pair, and a page holds a dozen of them. Like such
    a table it never splits, so a page breaks between rows and a heading stays with its first row.
    """

    def __init__(self, cells: list[list[Flowable]], width: float):
        super().__init__()
        self.cells = cells
        self.column = width / 2
        self.inner = self.column - 0 - _PAD_RIGHT
        self._height: float | None = None

    def _measure(self) -> float:
        tallest = 0.0
        for cell in self.cells:  # summed in the order ReportLab's table sums a cell
            total = 0.0
            first_before = None
            after = 0.0
            for flowable in cell:
                _, height = flowable.wrap(self.inner, _ROOM)
                before, after = flowable.getSpaceBefore(), flowable.getSpaceAfter()
                total += height + after + before
                if first_before is None:
                    first_before = before
            content = total - first_before - after if first_before is not None else 0.0
            tallest = max(tallest, content + (0 + _PAD_TOP))
        return tallest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._height is None:
            self._height = self._measure()
        self.width, self.height = self.column * 2, self._height
        return self.width, self.height

    def draw(self) -> None:
        for index, cell in enumerate(self.cells):
            x = self.column * index
            y = self.height - _PAD_TOP
            if cell:
                y += cell[0].getSpaceBefore()
            for flowable in cell:
                _, height = flowable.wrapOn(self.canv, self.inner, _ROOM)
                y -= flowable.getSpaceBefore()
                y -= height
                flowable.drawOn(self.canv, x, y)
                y -= flowable.getSpaceAfter()


_CHUNK = 5  # fields at most per block of two columns: a short block breaks across pages with little waste
_CELL_GAP = 3  # points between fields stacked in a column


def _stacked(cells: Sequence[list[Flowable]]) -> list[Flowable]:
    """Cells one under another in a column, a little room between them."""
    out: list[Flowable] = []
    for cell in cells:
        out += [Spacer(1, _CELL_GAP), *cell] if out else cell
    return out


class ColumnsRow(PairRow):
    """A few blank fields down two balanced columns. Unlike a pair of fields it splits where a page
    ends, between fields: those that fit are balanced again above the break and the rest below, so
    they still read in order and the page is not left with a block's height empty at its foot."""

    def __init__(self, cells: Sequence[list[Flowable]], width: float):
        self.fields = list(cells)
        self.full_width = width
        heights = [PairRow([c, []], width).wrap(width, _TALL)[1] + _CELL_GAP for c in self.fields]
        split = min(range(1, len(heights) + 1), key=lambda k: max(sum(heights[:k]), sum(heights[k:])))
        super().__init__([_stacked(self.fields[:split]), _stacked(self.fields[split:])], width)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        for end in range(len(self.fields) - 1, 0, -1):
            above = ColumnsRow(self.fields[:end], self.full_width)
            if above.wrap(avail_width, avail_height)[1] <= avail_height:
                return [above, ColumnsRow(self.fields[end:], self.full_width)]
        return []


def _units(fields: Sequence[Field], ctx: RenderContext) -> list[list[Flowable]]:
    """The blank fields' cells, a ruler and the questions written at length after it ("Why this
    number and not a lower one?") as one: balanced columns never part them."""
    units: list[list[Flowable]] = []
    ruled = False  # the last unit is a ruler with its questions
    for fld in fields:
        cell = field_cell(fld, ctx)
        if ruled and fld.type == FieldKind.MULTILINE:
            units[-1] = _stacked([units[-1], cell])
            continue
        units.append(cell)
        ruled = fld.type == FieldKind.SCALE
    return units


def _columns(fields: Sequence[Field], ctx: RenderContext) -> list[Flowable]:
    """Blank fields down two balanced columns, a few at a time: a short line beside a tall box
    wastes no room, as it does in a row of two. The runs are cut where the page gets shortest."""
    cells = _units(fields, ctx)
    count = len(cells)
    best: list[tuple[float, list[PairRow]]] = [(0.0, [])] * (count + 1)
    for start in range(count - 1, -1, -1):
        options = []
        for end in range(start + 1, min(count, start + _CHUNK) + 1):
            row = ColumnsRow(cells[start:end], ctx.width)
            options.append((row.wrap(ctx.width, _TALL)[1] + best[end][0], [row, *best[end][1]]))
        best[start] = min(options, key=lambda option: option[0])
    return list(best[0][1])


def pack(fields: Sequence[Field], ctx: RenderContext) -> list[Flowable]:
    """The fields' flowables in page order; neighbours side by side where that makes the page shortest.

    A small dynamic programme over the sequence: each field either stands alone or shares a row
    with the next one, whichever gives the least measured height overall. The flowables measured
    are the ones returned (built once; a paragraph's lines are not broken again at the same width).
    """
    count = len(fields)
    if ctx.blank and count >= 3 and all(packable(f, ctx) for f in fields):
        return _columns(fields, ctx)
    width = ctx.width
    alone = [build_value(f, ctx.values.get(f.id), ctx) for f in fields]
    may_pair = [i + 1 < count and _may_pair(fields[i], fields[i + 1], ctx) for i in range(count)]
    rows: list[PairRow | None] = [None] * count  # the row fields[i] shares with fields[i + 1]
    best: list[float] = [0.0] * (count + 2)
    for i in range(count - 1, -1, -1):
        # A field that can pair with neither neighbour adds the same height to every choice:
        # it need not be measured (long answers, lists, menus: the costliest to measure).
        if may_pair[i] or (i > 0 and may_pair[i - 1]):
            best[i] = _height(alone[i], width) + best[i + 1]
        else:
            best[i] = best[i + 1]
        if may_pair[i]:
            cells = [field_cell(fields[i], ctx), field_cell(fields[i + 1], ctx)]
            # Blank fields pair whenever that is no taller: half the width is plenty to write a date.
            row = PairRow(cells, width)
            paired = row.wrap(width, _TALL)[1] + (0.0 if ctx.blank else _ROW_COST)
            if paired + best[i + 2] < best[i] or (ctx.blank and paired + best[i + 2] <= best[i]):
                best[i] = paired + best[i + 2]
                rows[i] = row
    out: list[Flowable] = []
    i = 0
    while i < count:
        chosen = rows[i]
        if chosen is not None:
            out.append(chosen)
            i += 2
        else:
            out.extend(alone[i])
            i += 1
    return out
