"""Flowable builder for ``menu`` fields (the 18 Alternatives): a compact table grouped by row group.

Filled copies show every option with its status; the options the client marked (anything but
"not now", or their own version written in) stand out, with their own words under the option.
A blank copy gives a tick box per status and a line for the client's own version. Every copy numbers
the options as the editor does and prints an option's caution under it at body size; a take-home
copy leaves off the options whose status says they do not apply (``left_off``) and names their
numbers in one line under the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, TableStyle

from ..forms.content import is_blank, left_off_status, retired_cells
from ..forms.kinds import FieldKind
from ..forms.model import Field, MenuRow, Option
from .context import RenderContext
from .drawings import TickBox
from .fallback import string_width
from .fields import label_block, value_text
from .lists import BLANK_ROW_HEIGHT, cell_padding, column_widths, kept_lines
from .markup import lead_in, lead_markup, para, user_text
from .paragraphs import Paragraph
from .styles import COLORS, hex_color
from .tables import LongTable, Table

_BOX = 48.0  # points at least per tick-box column of a blank menu: its status heads on two or three lines
_HEAD_PAD = 1.0  # points each side of a status head
_NEST_LIMIT = 600  # characters: a shorter option row is printed in one piece with its group heading
_CELL_PADDING = cell_padding(sides=5, top=3, bottom=4)


def is_marked(fld: Field, row: Mapping[str, Any] | None) -> bool:
    """Whether the client marked this option: a status other than "not now", or anything written."""
    if not isinstance(row, Mapping):
        return False
    for col in fld.columns:
        value = row.get(col.id)
        if is_blank(col, value) or (col.traits.options and value in _not_marked(col)):
            continue
        return True
    return bool(retired_cells(fld, row))


def _not_marked(col: Field) -> frozenset[str]:
    """The option ids that mean "not chosen" (``not_marked = true`` in the definition)."""
    return frozenset(opt.id for opt in col.options if opt.not_marked)


def _menu_rows(fld: Field, value: Any) -> list[tuple[MenuRow, Mapping[str, Any]]]:
    rows = value if isinstance(value, Mapping) else {}
    return [(row, rows.get(row.id) or {}) for row in fld.rows]


def row_title(fld: Field, row: MenuRow, ctx: RenderContext) -> str:
    """The option's label with the number the editor shows beside it ("8. A longer break ...")."""
    return f"{fld.rows.index(row) + 1}. {ctx.text(row.label)}"


def _caution(row: MenuRow, ctx: RenderContext) -> list[Flowable]:
    # Safety text: body size and ink colour, never the quiet grey italics of a prompt.
    return [para(ctx.text(row.caution), ctx.style.menu_detail)] if row.caution is not None else []


def build_menu(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A menu field: label, then the grouped table (blank or filled)."""
    if ctx.blank and (flat := _flat_table(fld, ctx)) is not None:
        # Its label heads the options' column: only its prompt, if any, prints above.
        hint = [para(ctx.text(fld.guidance), ctx.style.hint)] if fld.guidance is not None else []
        return [*hint, flat]
    out = label_block(fld, ctx)
    if ctx.blank:
        out.append(_blank_table(fld, ctx))
    else:
        out.extend(_filled_table(fld, value, ctx))
    return out


def _group_commands(index: int, columns: int) -> list[tuple[Any, ...]]:
    return [
        ("SPAN", (0, index), (columns - 1, index)),
        ("TOPPADDING", (0, index), (-1, index), 7),
        ("LINEBELOW", (0, index), (-1, index), 0.6, COLORS.accent_mid),
    ]


def _group_cell(row: MenuRow, last: str | None, ctx: RenderContext) -> tuple[str | None, Paragraph | None]:
    group = ctx.text(row.group) if row.group is not None else None
    if group and group != last:
        return group, para(group, ctx.style.box_title)
    return last, None


def _filled_table(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    summary = [c for c in fld.columns if c.traits.summary]
    details = [c for c in fld.columns if not c.traits.summary]
    widths = column_widths([Field("option", FieldKind.TEXT, fld.label), *summary], ctx.width, ctx)
    detail_style = ctx.style.menu_detail
    data: list[list[Any]] = [
        [
            para(ctx.text(fld.row_label), ctx.style.cell_head),
            *[para(ctx.text(c.label), ctx.style.cell_head) for c in summary],
        ]
    ]
    commands: list[tuple[Any, ...]] = [*_CELL_PADDING, ("LINEBELOW", (0, 0), (-1, 0), 0.6, COLORS.accent_mid)]
    last_group: str | None = None
    left_off: dict[str, list[int]] = {}
    for row, answers in _menu_rows(fld, value):
        if ctx.take_home and (status := left_off_status(fld, answers)) is not None:
            left_off.setdefault(status, []).append(fld.rows.index(row) + 1)
            continue
        if ctx.take_home and fld.answered_rows_only and not is_marked(fld, answers):
            continue
        last_group, group_cell = _group_cell(row, last_group, ctx)
        marked = is_marked(fld, answers)
        style = ctx.style.value_strong if marked else ctx.style.cell_quiet
        first: list[Flowable] = [para(row_title(fld, row, ctx), style), *_caution(row, ctx)]
        for col in details:
            text = value_text(col, answers.get(col.id), ctx.language, discreet=ctx.discreet)
            if text:
                lead = lead_markup(ctx.text(col.label), hex_color(COLORS.muted))
                pieces = user_text(text, detail_style)
                pieces[0] = Paragraph(lead + pieces[0].text, detail_style)
                first.extend(pieces)
        first.extend(kept_lines(fld, answers, detail_style))
        cells = [
            para(
                value_text(c, answers.get(c.id), ctx.language, discreet=ctx.discreet),
                ctx.style.cell if marked else ctx.style.cell_quiet,
            )
            for c in summary
        ]
        row_style = [("BACKGROUND", (0, 0), (-1, 0), COLORS.accent_soft)] if marked else []
        short = sum(len(str(v)) for v in answers.values()) < _NEST_LIMIT
        if group_cell is not None and short:
            # The group's heading and its first option in one piece: a heading never ends a page.
            nested = Table(
                [[group_cell] + [""] * len(summary), [first, *cells]],
                colWidths=widths,
                splitByRow=0,  # one piece: the page's split moves it whole, never parts it after the heading
                style=TableStyle(
                    [
                        *_CELL_PADDING,
                        *_group_commands(0, len(widths)),
                        *[(c, (0, 1), (-1, 1), *rest) for c, _, _, *rest in row_style],
                    ]
                ),
            )
            commands += [
                ("SPAN", (0, len(data)), (-1, len(data))),
                ("LEFTPADDING", (0, len(data)), (-1, len(data)), 0),
                ("RIGHTPADDING", (0, len(data)), (-1, len(data)), 0),
                ("TOPPADDING", (0, len(data)), (-1, len(data)), 0),
                ("BOTTOMPADDING", (0, len(data)), (-1, len(data)), 0),
            ]
            data.append([nested] + [""] * len(summary))
            continue
        if group_cell is not None:  # a long first option splits across pages, its start under the heading
            commands += _group_commands(len(data), len(widths))
            data.append([group_cell] + [""] * len(summary))
        commands += [(c, (0, len(data)), (-1, len(data)), *rest) for c, _, _, *rest in row_style]
        commands.append(("LINEBELOW", (0, len(data)), (-1, len(data)), 0.5, COLORS.white))
        data.append([first, *cells])
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(commands))
    return [table, *_left_off_lines(fld, left_off, ctx)]


def _left_off_lines(fld: Field, left_off: Mapping[str, list[int]], ctx: RenderContext) -> list[Flowable]:
    """ "Doesn't apply to me: 10, 15." under a take-home copy's table, for the options left off."""
    out: list[Flowable] = []
    for col in fld.columns:
        for opt in col.options:
            if opt.id in left_off:
                numbers = ", ".join(str(n) for n in left_off[opt.id])
                out.append(para(f"{ctx.text(opt.label)}: {numbers}.", ctx.style.value))
    return out


def _flat_table(fld: Field, ctx: RenderContext) -> Flowable | None:
    """A blank menu's one-row-per-option table, when its options allow one (else None)."""
    choices = [c for c in fld.columns if c.type == FieldKind.CHOICE]
    others = [c for c in fld.columns if c.type != FieldKind.CHOICE]
    options = [o for c in choices for o in c.options]
    widths = _flat_widths(fld, others, len(options), box_width(options, ctx), ctx)
    return None if widths is None else _flat_blank_table(fld, choices, others, widths, ctx)


def _blank_table(fld: Field, ctx: RenderContext) -> Flowable:
    choices = [c for c in fld.columns if c.type == FieldKind.CHOICE]
    others = [c for c in fld.columns if c.type != FieldKind.CHOICE]
    option_ids = [(c, o) for c in choices for o in c.options]
    box = box_width([o for _, o in option_ids], ctx)
    widths = [ctx.width - box * len(option_ids)] + [box] * len(option_ids)
    head_style = ctx.style.menu_head
    # Two header rows: each choice column's label over its options, then the options.
    above: list[Any] = [para(ctx.text(fld.row_label), ctx.style.cell_head)]
    spans: list[tuple[Any, ...]] = []
    for col in choices:
        start = len(above)
        above += [para(ctx.text(col.label), head_style)] + [""] * (len(col.options) - 1)
        spans.append(("SPAN", (start, 0), (len(above) - 1, 0)))
    data: list[list[Any]] = [above, [""] + [para(ctx.text(o.label), head_style) for _, o in option_ids]]
    commands: list[tuple[Any, ...]] = [
        *spans,
        ("SPAN", (0, 0), (0, 1)),
        ("LINEBELOW", (1, 0), (-1, 0), 0.4, COLORS.faint),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (1, 0), (-1, 1), _HEAD_PAD),
        ("RIGHTPADDING", (1, 0), (-1, 1), _HEAD_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, COLORS.accent_mid),
    ]
    last_group: str | None = None
    for row, _ in _menu_rows(fld, {}):
        last_group, group_cell = _group_cell(row, last_group, ctx)
        # One outer row per option (its boxes and its write-in line), so a page never parts them.
        # Its own cells are padded: 1 pt above and below the option keeps 8 pt between options.
        commands += [
            ("SPAN", (0, len(data)), (-1, len(data))),
            ("LEFTPADDING", (0, len(data)), (-1, len(data)), 0),
            ("RIGHTPADDING", (0, len(data)), (-1, len(data)), 0),
            ("TOPPADDING", (0, len(data)), (-1, len(data)), 1),
            ("BOTTOMPADDING", (0, len(data)), (-1, len(data)), 1),
        ]
        data.append(
            [_blank_option(fld, row, widths, len(option_ids), others, ctx, group_cell)]
            + [""] * len(option_ids)
        )
    table = LongTable(data, colWidths=widths, repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _blank_option(
    fld: Field,
    row: MenuRow,
    widths: list[float],
    boxes: int,
    others: list[Field],
    ctx: RenderContext,
    group: Paragraph | None,
) -> Table:
    """One option of a blank menu (after its group heading, if it opens a group): its label and a
    tick box per status, then the write-in line. One piece, so a page never parts them."""
    rows: list[list[Any]] = [[group] + [""] * boxes] if group is not None else []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if group is not None:
        commands += _group_commands(0, boxes + 1)
    rows.append([para(row_title(fld, row, ctx), ctx.style.cell), *[TickBox() for _ in range(boxes)]])
    for caution in _caution(row, ctx):  # across the whole width: the boxes' column is no place for it
        commands.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([caution] + [""] * boxes)
    if others:
        commands.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([_write_in(others, ctx)] + [""] * boxes)
    return Table(rows, colWidths=widths, style=TableStyle(commands))


def box_width(options: list[Option], ctx: RenderContext) -> float:
    """A blank menu's tick-box column: ``_BOX``, or wider for a status head's longest word
    ("Considering"), which a head cannot break."""
    st = ctx.style.menu_head
    words = [w for o in options for w in ctx.text(o.label).split()]
    return max([_BOX, *[string_width(w, st.fontName, st.fontSize) + 2 * _HEAD_PAD + 1 for w in words]])


def _write_in(columns: list[Field], ctx: RenderContext) -> Table:
    """One line per remaining column ("How it would look for me: ____") under a blank option."""
    widths = column_widths(columns, ctx.width - 8, ctx)
    cells = [para(lead_in(ctx.text(c.label)), ctx.style.cell_quiet) for c in columns]
    table = Table([cells], colWidths=widths, rowHeights=[BLANK_ROW_HEIGHT])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, COLORS.rule),
            ]
        )
    )
    return table


_FLAT_LINE = 150.0  # points at least for its line to write on: a short sentence by hand
_FLAT_PAD = 4.0  # points each side of a cell
_FLAT_ROW = 18.0  # points at least per option row, as a blank list's row and a writing line: room to write


def _flat_widths(
    fld: Field, others: list[Field], boxes: int, box: float, ctx: RenderContext
) -> list[float] | None:
    """Column widths (label, boxes, line) when each option's label, its boxes and one line to write on
    fit in a single row: no groups, one write-in ``text`` column, every label on at most two lines and
    the line at least ``_FLAT_LINE`` wide. Else None: the write-in goes under its option, as on the
    18 Alternatives (tests/core/pdf/test_blank_layout.py)."""
    if len(others) != 1 or others[0].type != FieldKind.TEXT:
        return None
    if any(row.group or row.caution for row in fld.rows):
        return None
    style = ctx.style.cell
    longest = max(string_width(row_title(fld, row, ctx), style.fontName, style.fontSize) for row in fld.rows)
    room = ctx.width - box * boxes - _FLAT_LINE  # the most the labels may take
    label = min(longest + 2 * _FLAT_PAD + 1, room)
    if label < longest * 0.6 + 2 * _FLAT_PAD:  # a label on three lines or more: too tall a row
        return None
    return [label] + [box] * boxes + [ctx.width - label - box * boxes]


def _flat_blank_table(
    fld: Field, choices: list[Field], others: list[Field], widths: list[float], ctx: RenderContext
) -> Flowable:
    """A blank menu one row per option: its label, a tick box per status, then the line to write on,
    under heads that name them ("Each part of the experiment | Yes Partly No Didn't try | What I
    learned"): the menu's label heads its options' column, so it is not printed above the table too."""
    head_style = ctx.style.menu_head
    above: list[Any] = [para(ctx.text(fld.label) or ctx.text(fld.row_label), ctx.style.cell_head)]
    below: list[Any] = [""]
    commands: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, 1))]
    for col in choices:
        start = len(above)
        above += [para(ctx.text(col.label), head_style)] + [""] * (len(col.options) - 1)
        below += [para(ctx.text(o.label), head_style) for o in col.options]
        commands.append(("SPAN", (start, 0), (len(above) - 1, 0)))
        commands.append(("LINEBELOW", (start, 0), (len(above) - 1, 0), 0.4, COLORS.faint))
    line = len(above)
    above.append(para(ctx.text(others[0].label), ctx.style.cell_head))
    below.append("")
    rows = [
        [para(row_title(fld, row, ctx), ctx.style.cell), *[TickBox() for _ in below[1:-1]], ""]
        for row in fld.rows
    ]
    commands += [
        ("SPAN", (line, 0), (line, 1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (line - 1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), _FLAT_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _FLAT_PAD),
        ("LEFTPADDING", (1, 0), (line - 1, 1), _HEAD_PAD),
        ("RIGHTPADDING", (1, 0), (line - 1, 1), _HEAD_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, COLORS.accent_mid),
        ("LINEBELOW", (line, 2), (line, -1), 0.6, COLORS.rule),
    ]
    table = LongTable([above, below, *rows], colWidths=widths, repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    # Each option row at least _FLAT_ROW tall, its line at the foot: a two-line label's row grows.
    table.wrap(ctx.width, 10_000.0)
    heights = [*table._rowHeights[:2], *[max(_FLAT_ROW, h) for h in table._rowHeights[2:]]]  # noqa: SLF001
    out = LongTable([above, below, *rows], colWidths=widths, rowHeights=heights, repeatRows=2, hAlign="LEFT")
    out.setStyle(TableStyle(commands))
    return out
