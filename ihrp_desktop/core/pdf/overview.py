"""The overview block (``[overview]``): one line per row of a list, printed first on every copy.

The microanalysis prints "The chain at a glance" before its sections: each link's number, what
happened, the urge as a bar and its number, and the choice point. Which columns make a line, and
their words, come from ``core.forms.overview`` (the editor shows the same lines). A discreet copy
prints the client's own words under the definition's neutral labels (the loader's discreet word
check covers the overview's title and labels). A blank copy has nothing to sum up: no block.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Paragraph, TableStyle

from ..forms.overview import OverviewLine, column_label, overview_lines
from .context import RenderContext
from .drawings import LevelBar
from .lists import cell_padding
from .markup import escape_text, para, shortened
from .styles import COLORS, hex_color
from .tables import LongTable

_NUMBER_WIDTH = 18.0  # at least; wider when the numbers need it ("12", "120" on one line)
_LEVEL_WIDTH = 58.0
_SIDE_PADDING = 4.0  # cell_padding(sides=4) below
# A glance: each cell at most this many lines, ending in "…"; the link's own block below prints
# the whole text (tests/core/pdf/test_long_answers.py: any length prints; test_chain_overview_pdf.py).
_GLANCE_LINES = 4


def overview_flowables(ctx: RenderContext) -> list[Flowable]:
    """The overview's heading and table ([] without ``[overview]``, on a blank, or with no row filled)."""
    overview = ctx.form.overview
    if overview is None or ctx.blank:
        return []
    lines = overview_lines(ctx.form, ctx.values, ctx.language, discreet=ctx.discreet)
    if not lines:
        return []
    heading = Paragraph(
        f'<font color="{hex_color(COLORS.accent)}">{escape_text(ctx.text(overview.title))}</font>',
        ctx.style.section,
    )
    heading.keepWithNext = 1
    rule = HRFlowable(width="100%", thickness=0.8, color=COLORS.accent_mid, spaceBefore=0, spaceAfter=1.5)
    rule.keepWithNext = 1
    return [heading, rule, _table(lines, ctx)]


def _table(lines: list[OverviewLine], ctx: RenderContext) -> LongTable:
    st = ctx.style
    columns = ctx.form.overview.columns if ctx.form.overview is not None else ()
    levels = {c.column for c in lines[0].cells if c.scale}
    head = [Paragraph("", st.cell_head)] + [
        para(column_label(ctx.form, column, ctx.language, discreet=ctx.discreet), st.cell_head)
        for column in columns
    ]
    quiet = st.cell_quiet
    widest = max(stringWidth(str(line.number), quiet.fontName, quiet.fontSize) for line in lines)
    number_width = max(_NUMBER_WIDTH, widest + 2 * _SIDE_PADDING + 2)
    texts = len(columns) - len(levels)
    text_width = (ctx.width - number_width - _LEVEL_WIDTH * len(levels)) / max(1, texts)
    inside = text_width - 2 * _SIDE_PADDING
    data: list[list[object]] = [head]
    for line in lines:
        row: list[object] = [para(str(line.number), st.cell_quiet)]
        for cell in line.cells:
            row.append(LevelBar(cell.level, cell.top) if cell.scale
                       else _glance(cell.text, inside, st.cell))
        data.append(row)
    widths = [number_width] + [_LEVEL_WIDTH if column in levels else text_width for column in columns]
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        *cell_padding(sides=4, top=2.5, bottom=3.5),
        ("BACKGROUND", (0, 0), (-1, 0), COLORS.accent_soft),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, COLORS.accent_mid),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, COLORS.faint),
    ]))
    table.spaceAfter = 6
    return table


def _glance(text: str, width: float, style: ParagraphStyle) -> Flowable:
    """A cell's text on one run of lines (line breaks as spaces), cut with "…" to _GLANCE_LINES lines."""
    text = " ".join(text.split()) or "—"
    tallest = _GLANCE_LINES * style.leading + 0.5
    # A first guess (a character ~ half the type size wide), then shorter until the lines are few enough:
    # wide letters or a long unbroken run wrap onto more lines than the guess.
    limit = int(_GLANCE_LINES * width / (0.5 * style.fontSize))
    while True:
        cell = para(shortened(text, limit), style)
        if limit <= 8 or cell.wrap(width, 1e6)[1] <= tallest:
            return cell
        limit = int(limit * 0.8)
