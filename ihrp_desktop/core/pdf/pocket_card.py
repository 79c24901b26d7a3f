"""A worksheet's wallet-sized card, as its ``[pocket_card]`` says: the Optimal Use Plan's limits,
"never" list, safety steps and check-in number; the safety plan's warning signs, what helps, people
to ask and the lines.

Credit-card pages (85.6 x 54 mm): the front holds the limits, the back the safety steps; a very
full plan simply takes more cards. The card never names the client, and a discreet card is
titled "My plan" with neutral file metadata, like a discreet take-home copy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable

from ..forms.model import Field, FormDefinition, PocketCard
from ..forms.source_notes import without_source_notes
from ..practice import Practice
from .context import RenderContext
from .document import build_pdf, metadata
from .fields import value_text
from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .lists import bullet_lead, bullet_text, filled_rows, lead_prefix
from .markup import escape_text, lead_in, shortened
from .options import PrintOptions
from .paragraphs import Paragraph
from .printable import printable_values
from .safety_section import line_markup, plan_blocks
from .styles import CARD_MIN_SIZE, CARD_SAFETY_SIZE, CARD_TEXT_SIZE, COLORS, hex_color
from .words import word

CARD_SIZE = (85.6 * mm, 54 * mm)
CARD_MARGIN = 4 * mm
# What goes on the card is data: the ``[pocket_card]`` table of the worksheet's definition.


@dataclass(frozen=True)
class CardCorner:
    """Card furniture: only a small "1/2" in the corner."""

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        if total < 2:
            return
        width, _ = canvas._pagesize  # noqa: SLF001 - ReportLab keeps the page size here
        canvas.saveState()
        canvas.setFont(REGULAR, CARD_MIN_SIZE)
        canvas.setFillColor(COLORS.quiet)
        canvas.drawRightString(width - CARD_MARGIN, 2 * mm, f"{page}/{total}")
        canvas.restoreState()


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # bulletFontName: ReportLab's default bullet face (Helvetica) is not embedded (PDF/A).
    base = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,
        "bulletFontSize": CARD_TEXT_SIZE,  # ReportLab's default bullet is 10 pt, larger than the text
        "fontSize": CARD_TEXT_SIZE,
        "leading": 8.6,
        "textColor": COLORS.ink,
        "splitLongWords": 1,
    }
    safety = {**base, "fontSize": CARD_SAFETY_SIZE, "bulletFontSize": CARD_SAFETY_SIZE,
              "leading": CARD_SAFETY_SIZE + 1.6}
    return {
        "title": ParagraphStyle(
            "card_title",
            **{**base, "fontName": BOLD, "fontSize": CARD_SAFETY_SIZE, "leading": 11,
               "textColor": COLORS.accent},
        ),
        # Safety points and help lines: ink, upright, the card's largest body text.
        "safety": ParagraphStyle(
            "card_safety", **{**safety, "leftIndent": 8, "bulletIndent": 0, "bulletColor": COLORS.accent}
        ),
        "lines": ParagraphStyle("card_lines", **{**safety, "spaceBefore": 1.5}),
        # A back answer at the lines' size (``large``): a number on one line, as tight as the answers.
        "large": ParagraphStyle("card_large", **{**safety, "leading": CARD_SAFETY_SIZE + 1}),
        "more": ParagraphStyle(
            "card_more", **{**safety, "fontName": BOLD, "textColor": COLORS.accent, "spaceBefore": 1.5}
        ),
        "head": ParagraphStyle(
            "card_head",
            **{
                **base,
                "fontName": BOLD,
                "fontSize": CARD_TEXT_SIZE,
                "leading": 8.6,
                "textColor": COLORS.muted,
                "spaceBefore": 2.5,
            },
        ),
        "text": ParagraphStyle("card_text", **base),
        "bullet": ParagraphStyle(
            "card_bullet", **{**base, "leftIndent": 7, "bulletIndent": 0, "bulletColor": COLORS.accent}
        ),
        "quiet": ParagraphStyle(
            "card_quiet",
            **{**base, "fontName": ITALIC, "fontSize": CARD_TEXT_SIZE, "textColor": COLORS.muted},
        ),
    }


def _known(form: FormDefinition, field_id: str) -> Field | None:
    try:
        return form.field(field_id)
    except KeyError:
        return None


class _Shortener:
    """:func:`shortened` with ``limit``, remembering whether it cut anything."""

    def __init__(self, limit: int | None) -> None:
        self.limit, self.cut = limit, False

    def __call__(self, text: str) -> str:
        short = shortened(text, self.limit)
        self.cut = self.cut or short != text
        return short

    def rows(self, rows: list[Any], most: int | None) -> list[Any]:
        """The first ``most`` rows of a list (all when None), remembering whether any was left out."""
        if most is None or len(rows) <= most:
            return rows
        self.cut = True
        return rows[:most]


def _line(fld: Field, card: PocketCard, ctx: RenderContext, style: ParagraphStyle,
          cut: Callable[[str], str] = str) -> Paragraph | None:
    text = cut(value_text(fld, ctx.values.get(fld.id), ctx.language, discreet=ctx.discreet))
    if not text:
        return None
    short = card.short_labels.get(fld.id)
    name = ctx.text(short) if short is not None else ctx.text(fld.label)
    after = card.joined.get(fld.id)
    if after is not None:  # "Check-in: Marta, +48 600 123 456" on one line
        other = ctx.values.get(after)
        text = f"{text}, {cut(other)}" if isinstance(other, str) and other.strip() else text
    elif any(
        joined == fld.id and str(ctx.values.get(first) or "").strip() for first, joined in card.joined.items()
    ):
        return None  # already on the line it joins
    label = f'<font color="{hex_color(COLORS.muted)}">{escape_text(lead_in(name))}</font>'
    return Paragraph(f"{label} {escape_text(text)}", style)


def card_points(ctx: RenderContext) -> list[Any]:
    """The safety points for the card, in order: those the plan's blocks (chosen by its substances
    and routes) mark for the card (core.safety)."""
    return [pt for block in plan_blocks(ctx.form, ctx.values) for pt in block.points if pt.card]


def card_faces(ctx: RenderContext, practice: Practice | None = None, limit: int | None = None,
               points: int | None = None, spill: int = 0, rows: int | None = None
               ) -> tuple[list[Flowable], list[Flowable]]:
    """Front (title, limits, never list) and back (the client's safety answers, the safety points,
    the lines).

    With ``limit``, each of the client's items longer than it is shortened with "…"; with
    ``points``, only the first that many safety points print on the back, and the next ``spill``
    on the front, across the fold, when the front has room for them whole; with ``rows``, each list
    prints only its first that many items (a plan with 15 warning signs). Where something is left
    out the card says "More in your plan" (:mod:`.pocket_sheet` asks for it when the card would be
    too full). The safety points and the lines print at CARD_SAFETY_SIZE, the other answers smaller.
    """
    st = _styles()
    form = ctx.form
    card = form.pocket_card or PocketCard()
    title = word(f"discreet.{form.discreet_title}", ctx.language) if ctx.discreet else ctx.text(form.title)
    front: list[Flowable] = [
        Paragraph(escape_text(title), st["title"]),
        HRFlowable(width="100%", thickness=0.6, color=COLORS.accent_mid, spaceAfter=1),
    ]
    short = _Shortener(limit)
    for list_id in card.front_lists:
        fld = _known(form, list_id)
        filled = filled_rows(fld, ctx.values.get(list_id), ctx) if fld is not None and fld.columns else []
        if fld is None or not filled:
            continue
        front.append(Paragraph(escape_text(ctx.text(fld.label)), st["head"]))
        # Under its heading a bullet needs no lead when the heading says what it is ("Warning signs").
        lead = bullet_lead(fld, ctx)
        for row in short.rows(filled, most=rows):
            whole = bullet_text(fld, row)
            shown = lead_prefix(fld, row, lead, whole) + escape_text(short(whole))  # "No más de: One pill"
            front.append(Paragraph(shown, st["bullet"], bulletText="•"))
    front += [p for fid in card.front
              if (f := _known(form, fid)) and (p := _line(f, card, ctx, st["text"], short))]
    more = word("card.more", ctx.language)  # said on each face where something was cut
    if short.cut:
        front.append(Paragraph(escape_text(more), st["head"]))
    every_point = card_points(ctx)
    back_points = every_point if points is None else every_point[:points]
    front_points = every_point[len(back_points):len(back_points) + spill]
    if front_points:  # the back is full: the next points on the front's free room, as large
        front.append(Paragraph(escape_text(word("card.safety", ctx.language)), st["more"]))
        front += [Paragraph(escape_text(pt.get(ctx.language, discreet=ctx.discreet)), st["safety"],
                            bulletText="•") for pt in front_points]
    short = _Shortener(limit)
    back = [p for fid in card.back
            if (f := _known(form, fid))
            and (p := _line(f, card, ctx, st["large"] if fid in card.large else st["text"], short))]
    for list_id in card.back_lists:  # "People I can ask: Marta, 555-0199", every filled cell of a row
        fld = _known(form, list_id)
        filled = filled_rows(fld, ctx.values.get(list_id), ctx) if fld is not None and fld.columns else []
        if fld is None or not filled:
            continue
        back.append(Paragraph(escape_text(ctx.text(fld.label)), st["head"]))
        for row in short.rows(filled, most=rows):
            cells = [str(row.get(col.id) or "").strip() for col in fld.columns]
            back.append(Paragraph(escape_text(short(", ".join(c for c in cells if c))), st["bullet"],
                                  bulletText="•"))
    # The plan's safety points marked for the card (core.safety), neutral when discreet.
    lines = line_markup(practice, ctx)
    if not (back or every_point or lines or card.steps):
        return front, []
    side: list[Flowable] = [
        Paragraph(escape_text(word("card.safety", ctx.language)), st["title"]),
        HRFlowable(width="100%", thickness=0.6, color=COLORS.accent_mid, spaceAfter=1),
        *back,
    ]
    side += [Paragraph(escape_text(pt.get(ctx.language, discreet=ctx.discreet)), st["safety"], bulletText="•")
             for pt in back_points]
    steps = _known(form, card.steps) if card.steps else None
    if steps is not None and steps.text is not None:  # a clinic's own definition may name its steps
        side.append(Paragraph(escape_text(ctx.text(steps.label)), st["head"]))
        side.append(Paragraph(escape_text(ctx.text(steps.text)), st["text"]))
    if lines:
        side.append(Paragraph(" · ".join(lines), st["lines"]))
    if short.cut or len(back_points) + len(front_points) < len(every_point):
        side.append(Paragraph(escape_text(more), st["more"]))
    return front, side


def card_story(ctx: RenderContext, practice: Practice | None = None) -> list[Flowable]:
    """Front, then back of the card, as one story of card-sized pages."""
    front, back = card_faces(ctx, practice)
    return front + ([CondPageBreak(CARD_SIZE[1]), *back] if back else [])


def card_context(form: FormDefinition, values: Mapping[str, Any], options: PrintOptions) -> RenderContext:
    """The card's render context: a take-home copy at the card's size."""
    if form.pocket_card is None:
        raise ValueError(f"The worksheet '{form.title.get()}' has nothing to put on a pocket card.")
    return RenderContext(
        form=form,
        values=printable_values(form, without_source_notes(values) if options.discreet else values,
                                declared_only=options.declared_only(form.version)),
        language=options.language,
        copy="take-home",
        discreet=options.discreet,
        width=CARD_SIZE[0] - 2 * CARD_MARGIN,
        height=CARD_SIZE[1] - 2 * CARD_MARGIN,
    )


def card_metadata(form: FormDefinition, options: PrintOptions) -> dict[str, str]:
    return metadata(form, PrintOptions(copy="take-home", language=options.language,
                                       discreet=options.discreet, paper=options.paper))


def render_pocket_card(
    form: FormDefinition, values: Mapping[str, Any], options: PrintOptions, practice: Practice | None = None
) -> bytes:
    """The plan's wallet card as PDF bytes (credit-card pages; front, then back).

    ``render_pocket_card_sheet`` prints the same card several to a Letter or A4 sheet, with cut marks.
    """
    ctx = card_context(form, values, options)
    return build_pdf(
        card_story(ctx, practice),
        ctx.language,
        CardCorner(),
        card_metadata(form, options),
        CARD_SIZE,
        margins=(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN),
    )
