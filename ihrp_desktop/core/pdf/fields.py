"""Flowable builders for single-value fields (text, numbers, dates, scales, choices, boxes).

Each builder takes ``(field, value, context)`` and returns the flowables for that field: the
filled answer, or on a blank copy the empty space to write in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from ..forms.kinds import FieldKind
from ..forms.model import Field
from ..forms.values import display_text
from .context import RenderContext
from .drawings import BoxedLabel, LabelledLines, RuledLines, ScaleBar
from .fallback import string_width
from .markup import escape_text, lead_markup, para, user_text
from .paragraphs import Paragraph
from .styles import COLORS, hex_color
from .tables import Table
from .words import iso_date_text, word

# Lines to write on, 18 pt apart (narrow ruled paper): a blank fits the pages clinicians use today
# (tests/core/pdf/test_blanks.py counts them).
WRITING_LINES = {FieldKind.TEXT: 1, FieldKind.MULTILINE: 2}


def value_text(fld: Field, value: Any, language: str, *, discreet: bool = False) -> str:
    """A value in words for a page: dates written out, ticked boxes as "Yes"; ``discreet``: chosen
    options in their discreet form."""
    if fld.type in (FieldKind.DATE, FieldKind.DATETIME) and isinstance(value, str) and value.strip():
        return iso_date_text(value.strip(), language)
    if fld.type == FieldKind.CHECKBOX:
        return word("yes", language) if value is True else ""
    return display_text(fld, value, language, discreet=discreet)


def unit_suffix(fld: Field, language: str) -> str:
    """" (days a week)" after a blank number's label, unless the label already says it: "Days per
    week" does, and "Días por semana (días por semana)" read as a stutter."""
    if fld.type != FieldKind.NUMBER or fld.unit is None:
        return ""
    unit = fld.unit.get(language).strip()
    label_words = fld.label.get(language).casefold().split()
    if not unit or unit.casefold().split()[0] in label_words:
        return ""
    return f" ({unit})"


def label_markup(fld: Field, ctx: RenderContext, suffix: str = "") -> str:
    """The field's label as paragraph markup, tagged when it is for the clinician only."""
    text = escape_text(ctx.text(fld.label))
    if ctx.blank:
        text += escape_text(unit_suffix(fld, ctx.language))
    if fld.is_clinician and not ctx.take_home:
        text += f' <font color="{hex_color(COLORS.clinician)}">· {escape(ctx.word("clinician_only"))}</font>'
    return text + suffix


def led_answer(
    fld: Field, text: str, ctx: RenderContext, style: ParagraphStyle | None = None
) -> list[Flowable]:
    """A filled answer starting on its label's line ("Days per week: 3"): one line saved per answer,
    which keeps a full take-home plan to two pages (tests/core/pdf/test_plan.py). The label is
    bold and muted, the answer in ink; a field without a label prints its answer alone."""
    style = style or ctx.style.value
    pieces = user_text(text, style)
    label = ctx.text(fld.label)
    if not label.strip():
        return pieces
    if fld.is_clinician and not ctx.take_home:  # "Risk notes · for the clinician: ..."
        tag = f'<font color="{hex_color(COLORS.clinician)}">· {escape(ctx.word("clinician_only"))}</font>'
        lead = f'<font color="{hex_color(COLORS.muted)}"><b>{escape_text(label.strip())} {tag}:</b></font> '
    else:
        lead = lead_markup(label, hex_color(COLORS.muted), bold=True)
    if pieces and isinstance(pieces[0], Paragraph):
        pieces[0] = Paragraph(lead + pieces[0].text, style)
        return pieces
    return [Paragraph(lead.strip(), style), *pieces]


def label_block(fld: Field, ctx: RenderContext, suffix: str = "") -> list[Flowable]:
    """Label (kept with what follows) and, on blank copies, the field's quiet prompt."""
    out: list[Flowable] = []
    if ctx.text(fld.label):
        out.append(Paragraph(label_markup(fld, ctx, suffix), ctx.style.label))
    if ctx.blank and fld.guidance is not None:
        out.append(Paragraph(escape_text(ctx.text(fld.guidance)), ctx.style.hint))
    return out


def blank_box(fld: Field, ctx: RenderContext, lines: int, style: ParagraphStyle) -> list[Flowable]:
    """A blank field: its label with lines to write on, the first beside a short label; a field
    with a prompt keeps label, prompt, then lines."""
    if fld.guidance is not None or not ctx.text(fld.label):
        return [*label_block(fld, ctx), RuledLines(lines)]
    box = LabelledLines(Paragraph(label_markup(fld, ctx), style), lines)
    box.spaceBefore = style.spaceBefore
    return [box]


def build_text(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """Text and multiline: the answer as flowing paragraphs, or ruled lines to write on."""
    if ctx.blank:
        return blank_box(fld, ctx, WRITING_LINES.get(fld.type, 1), ctx.style.label)
    return led_answer(fld, str(value or ""), ctx)


def build_short(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """Numbers and dates: one short answer, or a short line on a blank copy."""
    if ctx.blank:
        return blank_box(fld, ctx, 1, ctx.style.label)
    return led_answer(fld, value_text(fld, value, ctx.language, discreet=ctx.discreet), ctx)


def build_scale(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A scale: numbered boxes with the chosen one filled, end labels under the ends."""
    low = int(fld.min if fld.min is not None else 0)
    high = int(fld.max if fld.max is not None else 10)
    chosen = value if isinstance(value, int) and not isinstance(value, bool) and not ctx.blank else None
    suffix = ""
    if chosen is not None:
        suffix = f' &nbsp;<font color="{hex_color(COLORS.accent)}">{escape(display_text(fld, chosen))}</font>'
    end_style = ctx.style.cell_quiet
    right = ctx.style.scale_high
    bar = ScaleBar(
        low,
        high,
        chosen,
        Paragraph(escape_text(ctx.text(fld.low)), end_style) if fld.low else None,
        Paragraph(escape_text(ctx.text(fld.high)), right) if fld.high else None,
        beside=_scale_ends(fld, low, high, ctx),
    )
    return [*label_block(fld, ctx, suffix), bar]


def _scale_ends(fld: Field, low: int, high: int, ctx: RenderContext) -> Paragraph | None:
    """Both ends of a scale in one line ("0 = not sure at all · 10 = completely sure")."""
    if not (fld.low and fld.high):
        return None
    ends = f"{low} = {ctx.text(fld.low)} · {high} = {ctx.text(fld.high)}"
    return Paragraph(escape_text(ends), ctx.style.cell_quiet)


def option_boxes(
    labels: list[str], checked: list[bool], ctx: RenderContext, width: float | None = None
) -> Flowable:
    """Options laid out as tick boxes in two or three columns, ``width`` wide (the page's)."""
    width = ctx.width if width is None else width
    longest = max((len(label) for label in labels), default=0)
    columns = 1 if longest > 48 else 2 if longest > 24 else 3
    cells: list[Flowable | str] = [
        BoxedLabel(Paragraph(escape_text(label), ctx.style.cell), tick)
        for label, tick in zip(labels, checked, strict=True)
    ]
    needs = [_option_width(label, ctx) for label in labels]
    if max(needs, default=0) > width / columns and max(needs, default=0) <= width:
        # A label would wrap in its column ("Use more safely" in half a page): the options follow
        # one another like words instead, each on one line (a blank plan's goal: lines saved).
        return _flowing_options(cells, needs, width)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(_OPTIONS_STYLE)
    return table


_OPTIONS_STYLE = TableStyle(
    [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _option_width(label: str, ctx: RenderContext) -> float:
    """Room one option takes on one line: its box, the gap, its label and the padding after it."""
    cell = ctx.style.cell
    return 8.5 + 5 + string_width(label, cell.fontName, cell.fontSize) + 8 + 1


def _flowing_options(cells: list[Flowable | str], needs: list[float], width: float) -> Flowable:
    """Options one after another, as many to a line as fit, each at its own width."""
    lines: list[list[int]] = [[]]
    used = 0.0
    for index, need in enumerate(needs):
        if lines[-1] and used + need > width:
            lines.append([])
            used = 0.0
        lines[-1].append(index)
        used += need
    rows = []
    for line in lines:
        widths = [needs[i] for i in line]
        widths[-1] += width - sum(widths)  # the line's last option takes what is left
        row = Table([[cells[i] for i in line]], colWidths=widths, hAlign="LEFT")
        row.setStyle(_OPTIONS_STYLE)
        rows.append([row])
    table = Table(rows, colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def build_choice(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """Single or multiple choice: the chosen labels, or every option with an empty box."""
    if not ctx.blank:
        return led_answer(fld, value_text(fld, value, ctx.language, discreet=ctx.discreet), ctx)
    labels = [ctx.text(opt.label) for opt in fld.options]
    if fld.type == FieldKind.CHOICE and fld.guidance is None and 0 < len(labels) <= 4:
        # "Was it realistic for me?  [] Yes  [] Partly  [] No" on one line when it fits.
        label = Paragraph(label_markup(fld, ctx), ctx.style.cell_head)
        boxes = [BoxedLabel(Paragraph(escape_text(text), ctx.style.cell)) for text in labels]
        share = (ctx.width * 0.5) / len(labels)
        cell = ctx.style.cell
        if max(string_width(text, cell.fontName, cell.fontSize) for text in labels) < share - 18:
            widths = [ctx.width * 0.5] + [share] * len(labels)
            row = Table([[label, *boxes]], colWidths=widths, hAlign="LEFT")
            row.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            row.spaceBefore = ctx.style.label.spaceBefore
            return [row]
    out: list[Flowable] = [*label_block(fld, ctx), option_boxes(labels, [False] * len(labels), ctx)]
    if fld.type == FieldKind.MULTICHOICE and fld.other:
        out.append(
            Table(
                [[BoxedLabel(para(ctx.word("other") + ":", ctx.style.cell)), RuledLines(1, 19)]],
                colWidths=[70, ctx.width - 70],
                hAlign="LEFT",
                style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")],
            )
        )
    return out


def build_checkbox(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A checkbox: its box (ticked when chosen) beside its label."""
    label = Paragraph(label_markup(fld, ctx), ctx.style.value)
    out: list[Flowable] = [BoxedLabel(label, checked=value is True and not ctx.blank, box=10)]
    if ctx.blank and fld.guidance is not None:
        out.append(para(ctx.text(fld.guidance), ctx.style.quiet))
    out[0].spaceBefore = 6
    return out


def build_total(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A computed sum, written as "Total: 12" (an empty line on a blank copy)."""
    name = ctx.text(fld.label) or ctx.word("total")
    shown = "_____" if ctx.blank else escape(str(ctx.sums.get(fld.id, "")))
    return [Paragraph(f"<b>{escape_text(name)}:</b> {shown}", ctx.style.value)]


def build_guidance(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """Static prompt text, printed quietly (small grey italics) under an optional heading."""
    out: list[Flowable] = []
    if ctx.text(fld.label):
        out.append(Paragraph(label_markup(fld, ctx), ctx.style.label))
    out.extend(user_text(ctx.text(fld.text), ctx.style.quiet, gap=2))
    for flowable in out:  # a prompt belongs with the answer that follows it
        flowable.keepWithNext = 1
    return out


Builder = Callable[[Field, Any, RenderContext], list[Flowable]]

# The builders of the kinds a list or menu row may hold (its columns); ``registry`` adds the rest.
VALUE_BUILDERS: dict[FieldKind, Builder] = {
    FieldKind.TEXT: build_text,
    FieldKind.MULTILINE: build_text,
    FieldKind.NUMBER: build_short,
    FieldKind.DATE: build_short,
    FieldKind.DATETIME: build_short,
    FieldKind.SCALE: build_scale,
    FieldKind.CHOICE: build_choice,
    FieldKind.MULTICHOICE: build_choice,
    FieldKind.CHECKBOX: build_checkbox,
}
