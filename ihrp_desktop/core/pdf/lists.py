"""Flowable builders for ``list`` fields: bullets, tables with repeating headers, or row cards.

The shape follows the list: one text column reads best as bullets; a few short columns as a table
(its header repeats on every page); wide or wordy rows as cards, because a table row cannot break
across a page and a long answer must always flow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable, Spacer, TableStyle

from ..forms.content import is_blank, retired_cells
from ..forms.kinds import FieldKind
from ..forms.model import Field
from .context import RenderContext
from .drawings import RuledLines, TickBox
from .fallback import string_width
from .fields import VALUE_BUILDERS, label_block, value_text
from .markup import escape_text, lead_markup, para, user_text
from .paragraphs import Paragraph
from .styles import COLORS, hex_color
from .tables import LongTable, Table

BLANK_ROWS = 3  # empty rows a blank copy offers per list, unless the field says (``blank_rows``)
BLANK_ROW_HEIGHT = 18.0  # points per empty row of a blank list: a writing line (drawings.RuledLines)
BLANK_CARDS = 4  # a blank chain offers four links side by side (microanalysis: at most 3 pages)
TABLE_MAX_COLUMNS = 4
TABLE_MAX_CELL = 600  # characters; a longer answer in any row turns the table into cards
CARD_KEEP_TOGETHER = 1200  # characters; a shorter card is not split across pages
_NARROW = {
    FieldKind.NUMBER: 52.0,
    FieldKind.SCALE: 50.0,
    FieldKind.CHECKBOX: 44.0,
    FieldKind.DATE: 92.0,
    FieldKind.DATETIME: 118.0,
}


def filled_rows(fld: Field, value: Any, ctx: RenderContext) -> list[Mapping[str, Any]]:
    """The rows worth printing: every row that holds something."""
    if not isinstance(value, list):
        return []
    return [row for row in value if ctx.row_has_value(fld, row)]


def is_bullet_list(fld: Field) -> bool:
    """A list of one text column (limits, "never" rules) prints as bullets."""
    return len(fld.columns) == 1 and fld.columns[0].traits.written


def bullet_text(fld: Field, row: Mapping[str, Any]) -> str:
    """What one bullet says: its answer, then any answer kept from a retired column."""
    text = str(row.get(fld.columns[0].id) or "")
    kept = [str(cell) for cell in retired_cells(fld, row).values()]
    return " · ".join(([text] if text.strip() or not kept else []) + kept)


def shows_lead(fld: Field, row: Mapping[str, Any], lead: str, text: str) -> bool:
    """Whether a bullet starts with its column's label: not when the answer already does, in any
    language ("Never after drinking" on a Spanish copy gets no "Nunca"), nor when only a retired
    column's answer is there (the label would not be about it)."""
    own = str(row.get(fld.columns[0].id) or "").strip()
    answer = text.strip().casefold()
    labels = [lead, *fld.columns[0].label.by_language.values()]
    return bool(lead and own) and not any(
        label.strip() and answer.startswith(label.strip().casefold()) for label in labels
    )


def lead_prefix(fld: Field, row: Mapping[str, Any], lead: str, text: str) -> str:
    """The markup a bullet starts with: its muted lead-in ("No more than: "), or nothing.

    The one place a list's lead is joined to an answer (the plan's bullets and the pocket card's).
    """
    return lead_markup(lead, hex_color(COLORS.muted)) if shows_lead(fld, row, lead, text) else ""


def fits_table(fld: Field, rows: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the list reads well as a table (few, short columns, no very long answer).

    A row holding an answer of a retired column prints as a card, which names that column.
    """
    if len(fld.columns) > TABLE_MAX_COLUMNS or any(c.type == FieldKind.MULTILINE for c in fld.columns):
        return False
    if any(retired_cells(fld, row) for row in rows):
        return False
    return all(len(str(row.get(col.id) or "")) <= TABLE_MAX_CELL for row in rows for col in fld.columns)


def build_list(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A list field: label, then its rows as bullets, a table or cards."""
    rows = filled_rows(fld, value, ctx)
    out = label_block(fld, ctx)
    if is_bullet_list(fld):
        out.extend(bullets(fld, rows, ctx))
    elif fits_table(fld, rows):
        out.append(list_table(fld, rows, ctx, ctx.width, blank_rows(fld) if ctx.blank else 0))
    else:
        out.extend(cards(fld, rows, ctx))
    return out


def bullet_lead(fld: Field, ctx: RenderContext) -> str:
    """The column label that starts each bullet ("No more than", "Never"), unless it repeats the field's
    or the list is bare (``[pocket_card] bare_lists``: under "Warning signs" a sign needs no "Sign:",
    on the page as on the card; tests/core/pdf/test_pocket_card_lists.py)."""
    card = ctx.form.pocket_card
    if card is not None and fld.id in card.bare_lists:
        return ""
    lead = ctx.text(fld.columns[0].label).strip()
    return "" if lead.casefold() == ctx.text(fld.label).strip().casefold() else lead


def bullets(
    fld: Field, rows: Sequence[Mapping[str, Any]], ctx: RenderContext, width: float | None = None
) -> list[Flowable]:
    """One-column rows as a bulleted list (lines to write on, on a blank copy, ``width`` wide)."""
    lead = bullet_lead(fld, ctx)
    if ctx.blank:
        return [_blank_bullets(lead, ctx, width, blank_rows(fld))]
    style = ctx.style.bullet
    out: list[Flowable] = []
    for row in rows:
        text = bullet_text(fld, row)
        pieces = user_text(text, style)
        if pieces and isinstance(pieces[0], Paragraph):
            first = lead_prefix(fld, row, lead, text) + pieces[0].text  # "No more than: 3 drinks"
            pieces[0] = Paragraph(first, style, bulletText="•")
        out.extend(pieces)
    return out


def _blank_bullets(lead: str, ctx: RenderContext, width: float | None, lines: int) -> Flowable:
    """Lines to write on; the lead ("No more than") once, on the first, the others under its line."""
    width = ctx.width if width is None else width
    if not lead:
        return RuledLines(lines, width=width)
    lead_width = string_width(lead, ctx.style.cell_quiet.fontName, ctx.style.cell_quiet.fontSize) + 16
    table = Table(
        [[para("• " + lead if n == 0 else "•", ctx.style.cell_quiet), ""] for n in range(lines)],
        colWidths=[lead_width, width - lead_width],
        rowHeights=[18] * lines,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, COLORS.rule),
            ]
        )
    )
    return table


def column_widths(
    columns: Sequence[Field], width: float, ctx: RenderContext, lengths: Sequence[float] | None = None
) -> list[float]:
    """Narrow columns for numbers, dates and choices; the rest share what is left."""
    fixed: dict[int, float] = {}
    for i, col in enumerate(columns):
        if col.type in _NARROW:
            fixed[i] = _NARROW[col.type]
        elif col.type == FieldKind.CHOICE:
            longest = max((len(ctx.text(o.label)) for o in col.options), default=6)
            # Wide enough for its head in two lines too: a question as head ("Did it happen, did it
            # work?") in three lines made the plan's review table a line taller than its answers.
            head = len(ctx.text(col.label)) / 2
            fixed[i] = min(120.0, max(54.0, longest * 5.3 + 14, head * 5.6 + 14))
    flexible = [i for i in range(len(columns)) if i not in fixed]
    used = sum(fixed.values())
    if not flexible:
        scale = width / used
        return [fixed[i] * scale for i in range(len(columns))]
    if used > width * 0.6:
        shrink = width * 0.6 / used
        fixed = {i: w * shrink for i, w in fixed.items()}
        used = width * 0.6
    # Text columns share the rest by how much they hold (within limits), so short columns stay narrow.
    weights = {i: 1.0 for i in flexible}
    if lengths:
        raw = {i: max(lengths[i], len(ctx.text(columns[i].label)), 8) ** 0.75 for i in flexible}
        mean = sum(raw.values()) / len(raw)
        weights = {i: min(1.6, max(0.6, raw[i] / mean)) for i in flexible}
    unit = (width - used) / sum(weights.values())
    return [fixed.get(i, weights.get(i, 1.0) * unit) for i in range(len(columns))]


def cell(col: Field, value: Any, ctx: RenderContext) -> Flowable | str:
    """One table cell: the value as text, or an empty tick box for a blank checkbox."""
    if ctx.blank:
        return TickBox() if col.type == FieldKind.CHECKBOX else ""
    return para(value_text(col, value, ctx.language, discreet=ctx.discreet), ctx.style.cell)


def list_table(
    fld: Field,
    rows: Sequence[Mapping[str, Any]],
    ctx: RenderContext,
    width: float,
    blank_rows: int = 0,
    header: bool = True,
) -> LongTable:
    """Rows as a table whose header row repeats on every page."""
    columns = fld.columns
    data: list[list[Any]] = []
    if header:
        data.append([_column_head(c, ctx) for c in columns])
    data.extend([cell(c, row.get(c.id), ctx) for c in columns] for row in rows)
    data.extend([cell(c, None, ctx) for c in columns] for _ in range(blank_rows))
    if len(data) == (1 if header else 0):
        data.append([para("—", ctx.style.cell_quiet)] + [""] * (len(columns) - 1))
    commands: list[tuple[Any, ...]] = [
        *cell_padding(sides=4, top=2.5, bottom=3.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, COLORS.faint),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), COLORS.accent_soft),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, COLORS.accent_mid),
        ]
    if blank_rows:
        commands += [("LINEBELOW", (0, 1 if header else 0), (-1, -1), 0.6, COLORS.rule)]
    lengths = [max((len(str(row.get(c.id) or "")) for row in rows), default=0) for c in columns]
    table = LongTable(
        data,
        colWidths=column_widths(columns, width, ctx, lengths),
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        rowHeights=None if not blank_rows else _blank_heights(data, blank_rows),
    )
    table.setStyle(TableStyle(commands))
    return table


def cell_padding(sides: float, top: float, bottom: float) -> list[tuple[Any, ...]]:
    """Table commands: every cell aligned to its top, with this padding."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), sides),
        ("RIGHTPADDING", (0, 0), (-1, -1), sides),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]


_OPTIONS_HINT = 9.5  # points: the options a person writes one of are read, as a label (labels >= 9.5 pt)


def _column_head(col: Field, ctx: RenderContext) -> Paragraph:
    """A column's heading; on a blank copy a choice column also names its options, to write one in."""
    text = escape_text(ctx.text(col.label))
    if ctx.blank and col.traits.options and col.options:
        options = " / ".join(ctx.text(o.label) for o in col.options)
        font = ctx.style.cell_quiet.fontName
        text += f'<br/><font name="{font}" size="{_OPTIONS_HINT}">{escape_text(options)}</font>'
    return Paragraph(text, ctx.style.cell_head)


def blank_rows(fld: Field) -> int:
    """How many empty rows a blank copy offers this list."""
    return fld.blank_rows or BLANK_ROWS


def _blank_heights(data: list[list[Any]], blank_rows: int) -> list[float | None]:
    filled = len(data) - blank_rows
    return [None] * filled + [BLANK_ROW_HEIGHT] * blank_rows


def cards(fld: Field, rows: Sequence[Mapping[str, Any]], ctx: RenderContext) -> list[Flowable]:
    """Each row as a small titled block ("Link 1") of its answers; flows across pages."""
    name = ctx.text(fld.row_label) or ctx.text(fld.label)
    if ctx.blank:
        return [blank_cards(fld, name, ctx)]
    count = len(rows)
    out: list[Flowable] = []
    for index in range(count):
        row: Mapping[str, Any] = {} if ctx.blank else rows[index]
        body: list[Flowable] = [para(f"{name} {index + 1}", ctx.style.box_title)]
        body.extend(blank_card_body(fld, ctx) if ctx.blank else card_body(fld, row, ctx))
        if sum(len(str(v)) for v in row.values()) < CARD_KEEP_TOGETHER:
            keep_chain(body)
        out.extend(body)
        out.append(Spacer(1, 6))
    return out


def blank_cards(fld: Field, name: str, ctx: RenderContext) -> Table:
    """Empty rows side by side, as the paper chain clinicians use: a column per row ("Link 1" to
    "Link 4"), a line per column of the list, its box as tall as the answer needs."""
    st = ctx.style
    label_width = ctx.width * 0.22
    slot = (ctx.width - label_width) / BLANK_CARDS
    data: list[list[Any]] = [[""] + [para(f"{name} {n + 1}", st.box_title) for n in range(BLANK_CARDS)]]
    heights: list[float | None] = [None]
    for col in fld.columns:
        head = _column_head(col, ctx)
        if col.type == FieldKind.SCALE:
            low, high = int(col.min or 0), int(col.max if col.max is not None else 10)
            ends = escape_text(f"{low} {ctx.text(col.low)} – {high} {ctx.text(col.high)}".strip())
            head = Paragraph(f'{head.text}<br/><font size="8">{ends}</font>', st.cell_head)
        data.append([head] + [""] * BLANK_CARDS)
        heights.append(_BLANK_BOX.get(col.type, 40.0))
    table = Table(
        data, colWidths=[label_width] + [slot] * BLANK_CARDS, rowHeights=heights, hAlign="LEFT", repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (1, 1), (-1, -1), 0.6, COLORS.rule),
                ("LINEBELOW", (0, 1), (0, -1), 0.6, COLORS.rule),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# Points of room per answer in a blank chain: a number is short, a free text takes two lines.
_BLANK_BOX = {FieldKind.SCALE: 36.0, FieldKind.NUMBER: 24.0, FieldKind.MULTILINE: 52.0}


def keep_chain(flowables: Sequence[Flowable]) -> None:
    """Keep these flowables on one page (chained keep-with-next, so a label before them joins in)."""
    for flowable in flowables[:-1]:
        flowable.keepWithNext = 1


def card_body(fld: Field, row: Mapping[str, Any], ctx: RenderContext) -> list[Flowable]:
    """A filled row: "Label: answer" lines, long answers as indented paragraphs."""
    style = ctx.style.card
    out: list[Flowable] = []
    for col in fld.columns:
        value = row.get(col.id)
        if is_blank(col, value):
            continue
        lead = lead_markup(ctx.text(col.label), hex_color(COLORS.muted), bold=True)
        pieces = user_text(value_text(col, value, ctx.language, discreet=ctx.discreet), style)
        if pieces and isinstance(pieces[0], Paragraph):
            pieces[0] = Paragraph(lead + pieces[0].text, style)
        out.extend(pieces)
    out.extend(kept_lines(fld, row, style))
    return out


def kept_lines(fld: Field, row: Mapping[str, Any], style: Any) -> list[Flowable]:
    """Answers of columns the definition no longer has, each after its column id: never dropped."""
    out: list[Flowable] = []
    for key, cell in retired_cells(fld, row).items():
        pieces = user_text(str(cell), style)
        if pieces and isinstance(pieces[0], Paragraph):
            pieces[0] = Paragraph(
                lead_markup(key, hex_color(COLORS.muted), bold=True) + pieces[0].text, style
            )
        out.extend(pieces)
    return out


def blank_card_body(fld: Field, ctx: RenderContext) -> list[Flowable]:
    """An empty row to fill by hand: each column's label with room to write."""
    out: list[Flowable] = []
    for col in fld.columns:
        out.extend(VALUE_BUILDERS[col.type](col, None, ctx))
    return out
