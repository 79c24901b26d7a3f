"""The printed safety section: the blocks a plan's substances and routes call for, and the help lines.

Content is data (``forms/safety/safety.toml``, chosen in ``core.safety``); this module only lays it
out, in the ``safety`` paragraph style (body size or larger, ink, never grey italic). A discreet copy
prints each point's neutral form, no block titles, no sources, and the lines with neutral labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, HRFlowable

from ..forms.model import FormDefinition
from ..practice import Practice
from ..safety import Block, blocks_for
from .context import RenderContext
from .markup import escape_text, para
from .paragraphs import Paragraph
from .styles import COLORS, hex_color


def _answers(values: Mapping[str, Any], ids: tuple[str, ...]) -> list[str]:
    """The texts of these answers: a text answer, or every text cell of a list (the plan's substances
    used together)."""
    out: list[str] = []
    for fid in ids:
        value = values.get(fid)
        rows = value if isinstance(value, list) else [{"": value}]
        cells = [v for row in rows if isinstance(row, dict) for v in row.values()]
        out += [v for v in cells if isinstance(v, str) and v.strip()]
    return out


def plan_blocks(form: FormDefinition, values: Mapping[str, Any]) -> list[Block]:
    """The safety blocks this worksheet's answers call for (none for a worksheet without ``[safety]``)."""
    if form.safety is None:
        return []
    return blocks_for(_answers(values, form.safety.substances), _answers(values, form.safety.routes))


def short_source(citation: str) -> str:
    """A citation's organisation, before its first comma (the data file keeps title and address)."""
    return citation.split(",")[0].split(" (")[0]


def line_markup(practice: Practice | None, ctx: RenderContext) -> list[str]:
    """``Label: <b>number</b>`` for each help line to print (neutral labels when discreet)."""
    if practice is None:
        return []
    return [f"{escape_text(label)}: <b>{escape_text(number)}</b>"
            for label, number in practice.printed_lines(ctx.language, discreet=ctx.discreet)]


def safety_flowables(ctx: RenderContext, practice: Practice | None, *, under_heading: bool = False
                     ) -> list[Flowable]:
    """The safety section of a filled take-home or clinician copy (blank copies print none).

    ``under_heading``: it follows the plan's own safety answers under their heading, so it needs none.
    Each block is one bullet list led by its title in bold (compact: the plan keeps to two pages).
    """
    if ctx.blank or ctx.form.safety is None:
        return []
    blocks = plan_blocks(ctx.form, ctx.values)
    st = ctx.style
    out: list[Flowable] = []
    if not under_heading:
        heading = ctx.word("safety.discreet_heading" if ctx.discreet else "safety.heading")
        rule = HRFlowable(width="100%", thickness=0.8, color=COLORS.accent_mid, spaceBefore=0,
                          spaceAfter=1.5)
        rule.keepWithNext = 1
        out += [Paragraph(f'<font color="{hex_color(COLORS.accent)}">{escape_text(heading)}</font>',
                          st.section), rule]
    for block in blocks:
        for n, point in enumerate(block.points):
            text = escape_text(point.get(ctx.language, discreet=ctx.discreet))
            if n == 0 and not ctx.discreet:  # a block's title names the substance: not on a discreet copy
                title = escape_text(block.title.get(ctx.language) or block.title["en"])
                text = f'<font color="{hex_color(COLORS.accent)}"><b>{title}.</b></font> {text}'
            out.append(Paragraph(text, st.safety, bulletText="•"))
    lines = line_markup(practice, ctx)
    if lines:
        if out:
            out[-1].keepWithNext = 1  # the lines never start a page on their own
        out.append(Paragraph(" · ".join(lines), st.safety_head))
    if not ctx.discreet:
        sources = dict.fromkeys(short_source(s) for b in blocks for s in b.sources)
        out.append(para(ctx.word("safety.sources", sources="; ".join(sources)), st.small))
    return out
