"""The clinician progress report: each chart of ``core.progress`` drawn with ReportLab's graphics, and
under it a small table of the same values (for whoever cannot read a chart, and for the record).

Built by ``build_pdf`` like every PDF of the program (PDF/A-2b, every font embedded), in memory. A
clinician copy: the client's name and the dates in the header, never in the document info.
"""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..progress import Chart, Progress, marker_size, number_text, spaced_labels, tick_step
from ..words import section
from .document import APP_NAME, build_pdf
from .fonts import BOLD, REGULAR
from .markup import escape_text
from .options import Paper
from .page import Furniture
from .paragraphs import Paragraph
from .styles import COLORS, MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, PAGE_SIZES, styles
from .tables import Table
from .words import long_date

_word = section("progress")

# One colour and marker per series; distinct in grey print too (dark, mid, light; filled, open shapes).
SERIES_COLORS: tuple[Color, ...] = (COLORS.accent, colors.HexColor("#B5651D"), colors.HexColor("#5B4B8A"),
                                    COLORS.clinician)
SERIES_MARKERS = ("FilledCircle", "FilledSquare", "FilledDiamond", "FilledTriangle")
BAND_SHADES = (colors.HexColor("#EEF5F4"), colors.HexColor("#F7F2E6"), colors.HexColor("#F8EBE6"),
               colors.HexColor("#F3E4E7"))
CHART_HEIGHT = 150.0  # points: the plot area; small enough for two charts and their tables on a page
TICK_SIZE = 8.0
LABEL_GAP = 6.0  # points between two date labels
MARKER_SIZE = 5.0
# A chart whose table is longer than a page starts where it is when its heading, the chart and this many
# rows fit (many sessions: page 1 holds the first chart; tests/core/pdf/test_progress_report.py).
ROWS_WITH_THE_CHART = 5


def _short_date(day: dt.date, language: str) -> str:
    month = _word_month(day.month, language)
    return f"{day.day} {month}"


def _word_month(month: int, language: str) -> str:
    from .words import word

    return word("months", language).split()[month - 1][:3]


class ChartDrawing(Drawing):  # type: ignore[misc]  # ReportLab has no type hints
    """One chart: values over dates, bands shaded behind a score, plan versions marked."""

    def __init__(self, chart: Chart, width: float, language: str):
        super().__init__(width, CHART_HEIGHT + 40)
        # The drawing's first font state: ReportLab's default, Helvetica, would be listed and not embedded.
        self.initialFontName, self.initialFontSize = REGULAR, TICK_SIZE
        plot = LinePlot()
        plot.x, plot.y = 34, 26
        # A score's chart keeps a margin on the right for its bands' ranges ("8-15").
        plot.width, plot.height = width - 44 - (34 if chart.bands else 0), CHART_HEIGHT
        days = chart.days
        first, last = days[0].toordinal(), days[-1].toordinal()
        pad = max(3, (last - first) // 12)  # a point never sits on the frame
        plot.data = [[(p.day.toordinal(), p.value) for p in s.points] or [(first, chart.low)]
                     for s in chart.series]
        x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
        x_axis.valueMin, x_axis.valueMax = first - pad, last + pad
        # As many dates as fit whole and apart (core.progress.spaced_labels, as the window's charts).
        scale = plot.width / (last - first + 2 * pad)
        positions = [(d.toordinal() - first + pad) * scale for d in days]
        widths = [stringWidth(_short_date(d, language), REGULAR, TICK_SIZE) for d in days]
        x_axis.valueSteps = [days[n].toordinal() for n in spaced_labels(positions, widths, LABEL_GAP)]
        x_axis.labelTextFormat = lambda v: _short_date(dt.date.fromordinal(int(v)), language)
        steps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
        mark = marker_size(min(steps) if steps else plot.width, MARKER_SIZE, 2.0)
        y_axis.valueMin, y_axis.valueMax = chart.low, chart.high
        y_axis.valueStep = tick_step(chart.high - chart.low)
        for axis in (x_axis, y_axis):
            axis.labels.fontName, axis.labels.fontSize = REGULAR, TICK_SIZE
            axis.labels.fillColor = COLORS.muted
            axis.strokeColor = COLORS.rule
        y_axis.visibleGrid, y_axis.gridStrokeColor, y_axis.gridStrokeWidth = 1, COLORS.faint, 0.5
        for n in range(len(chart.series)):
            line = plot.lines[n]
            line.strokeColor = SERIES_COLORS[n % len(SERIES_COLORS)]
            line.strokeWidth = 1.6
            line.symbol = None if not mark else makeMarker(
                SERIES_MARKERS[n % len(SERIES_MARKERS)], size=mark,
                fillColor=line.strokeColor, strokeColor=line.strokeColor)
            if not chart.series[n].points:
                line.strokeWidth, line.symbol = 0, None
        self._shade_bands(chart, plot)
        self.add(plot)
        if chart.versions:
            self._mark_versions(chart, plot, language)

    def _y(self, plot: LinePlot, chart: Chart, value: float) -> float:
        return float(plot.y + (value - chart.low) / (chart.high - chart.low) * plot.height)

    def _shade_bands(self, chart: Chart, plot: LinePlot) -> None:
        for n, band in enumerate(chart.bands):
            bottom = self._y(plot, chart, max(band.low - 0.5, chart.low))
            top = self._y(plot, chart, min(band.high + 0.5, chart.high))
            self.add(Rect(plot.x, bottom, plot.width, top - bottom, strokeColor=None,
                          fillColor=BAND_SHADES[n % len(BAND_SHADES)]))
            # Beside the plot, its range only ("8–15"): the band's words are in the table under it.
            if top - bottom >= TICK_SIZE - 1:
                self.add(String(plot.x + plot.width + 4, (top + bottom) / 2 - 3, band.range_text,
                                fontName=REGULAR, fontSize=TICK_SIZE - 1, fillColor=COLORS.muted))

    def _mark_versions(self, chart: Chart, plot: LinePlot, language: str) -> None:
        """A dashed line and its mark ("v2", or "Plan 2 v1" for one of several plans) at each plan version's
        date; two versions of one day share the line, their marks side by side."""
        x_min, x_max = plot.xValueAxis.valueMin, plot.xValueAxis.valueMax
        on_day: dict[dt.date, list[str]] = {}
        for point in chart.version_marks():
            on_day.setdefault(point.day, []).append(point.mark)
        for day, marks in on_day.items():
            x = plot.x + (day.toordinal() - x_min) / (x_max - x_min) * plot.width
            self.add(Line(x, plot.y, x, plot.y + plot.height, strokeColor=COLORS.accent_mid,
                          strokeWidth=0.6, strokeDashArray=[2, 2]))
            self.add(String(x, plot.y + plot.height + 3, ", ".join(marks),
                            fontName=BOLD, fontSize=TICK_SIZE, fillColor=COLORS.accent, textAnchor="middle"))


def _table(chart: Chart, width: float, language: str) -> Table:
    """The chart's values, one row per worksheet: date, a value per series, band or plan version."""
    st = styles()
    head: list[object] = [Paragraph(escape_text(_word("date", language)), st.cell_head)]
    head += [Paragraph(escape_text(s.label), st.cell_head) for s in chart.series]
    extra = "band" if chart.bands else "version" if chart.versions else None
    if extra is not None:
        head.append(Paragraph(escape_text(_word(extra, language)), st.cell_head))
    rows: list[list[object]] = [head]
    for point, values in chart.rows():
        row: list[object] = [long_date(point.day, language)]
        row += [number_text(v) for v in values]
        if extra == "band":
            row.append(Paragraph(escape_text(chart.band_of(values[0]) if values[0] is not None else ""),
                                 st.cell_quiet))
        elif extra == "version":
            row.append(point.mark)
        rows.append(row)
    date_width = 118.0  # "21 de septiembre de 2026" at 9.5 pt
    extra_width = (width * 0.38 if extra == "band" else 70.0) if extra else 0.0
    each = (width - date_width - extra_width) / max(1, len(chart.series))
    widths = [date_width] + [each] * len(chart.series) + ([extra_width] if extra else [])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 1), (-1, -1), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (len(chart.series), -1), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, COLORS.rule),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, COLORS.faint),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    return table


def _legend(chart: Chart, language: str) -> list[Flowable]:
    """One line per series: its colour's marker and its words (the table's heads say the same)."""
    st = styles()
    out: list[Flowable] = []
    glyphs = ("\u25cf", "\u25a0", "\u25c6", "\u25b2")
    for n, s in enumerate(chart.series):
        color = SERIES_COLORS[n % len(SERIES_COLORS)].hexval()[2:]
        glyph = glyphs[n % len(glyphs)]
        out.append(Paragraph(f'<font color="#{color}">{glyph}</font> {escape_text(s.label)}',
                             st.cell_quiet))
    return out


def _chart_block(chart: Chart, width: float, language: str) -> list[Flowable]:
    st = styles()
    if not chart.days:  # only incomplete scores: nothing to draw, the note says why
        return [Paragraph(escape_text(chart.worksheet_title.upper()), st.small),
                Paragraph(escape_text(chart.title), st.section),
                Paragraph(escape_text(_word("left_out", language, n=chart.left_out)), st.quiet),
                Spacer(1, 14)]
    drawing = ChartDrawing(chart, width, language)
    title = escape_text(chart.title)
    legend = _legend(chart, language) if len(chart.series) > 1 else []  # one series: the title names it
    head = [Paragraph(escape_text(chart.worksheet_title.upper()), st.small),
            Paragraph(title, st.section), drawing, *legend, Spacer(1, 4)]
    notes: list[Flowable] = []
    if chart.left_out:
        notes.append(Paragraph(escape_text(_word("left_out", language, n=chart.left_out)), st.quiet))
    if chart.versions and chart.unit:
        notes.append(Paragraph(escape_text(_word("days_note", language)), st.quiet))
    table = _table(chart, width, language)
    block = [*head, table, *notes]
    if sum(f.wrap(width, _body_height())[1] for f in block) <= _body_height():
        return [KeepTogether(block), Spacer(1, 14)]
    # Longer than a page: kept together it would leave the page before it empty but for a heading.
    rows = table._rowHeights[: 1 + ROWS_WITH_THE_CHART]
    needed = sum(f.wrap(width, _body_height())[1] for f in head) + sum(rows)
    return [CondPageBreak(needed), *head, table, *notes, Spacer(1, 14)]


def _body_height() -> float:
    """The height of a page's body on the smaller paper (the header and footer sit in the margins)."""
    return float(min(size[1] for size in PAGE_SIZES.values()) - MARGIN_TOP - MARGIN_BOTTOM)


def render_progress_report(progress: Progress, client_name: str, *, language: str = "en",
                           paper: Paper = "letter", made: dt.date | None = None) -> bytes:
    """The progress report as PDF bytes: a chart and its table for each chart of ``progress``."""
    st = styles()
    page_size = PAGE_SIZES[paper]
    width = page_size[0] - 2 * MARGIN_SIDE
    made = made or dt.date.today()
    story: list[Flowable] = [
        Paragraph(escape_text(_word("title", language)), st.title),
        Paragraph(escape_text(client_name), st.meta_value),
    ]
    if progress.enough:
        days = sorted({d for c in progress.charts for d in c.days})
        story.append(Paragraph(escape_text(_word("span", language, sessions=progress.sessions,
                                                 first=long_date(days[0], language),
                                                 last=long_date(days[-1], language))), st.purpose))
        story.append(Paragraph(escape_text(_word("how", language)), st.quiet))
        story.append(Spacer(1, 10))
        for chart in progress.charts:
            story += _chart_block(chart, width, language)
    else:
        story.append(Spacer(1, 10))
        story.append(Paragraph(escape_text(_word("empty", language, sessions=progress.sessions)), st.value))
    furniture = Furniture(
        header_left=_word("title", language),
        header_right=" · ".join(p for p in (client_name.strip(), long_date(made, language)) if p),
        footer_left=_word("copy", language),
        language=language,
        alert=True,
        header_on_first_page=True,
    )
    info = {"title": _word("title", language), "author": "", "subject": _word("copy", language),
            "creator": APP_NAME, "producer": APP_NAME, "keywords": ""}
    return build_pdf(story, language, furniture, info, page_size)

