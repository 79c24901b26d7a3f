"""A client's progress on the client page: one small QtCharts chart per chart of ``core.progress``.

The series come from ``core.progress`` (what is charted is marked in the definitions); this module only
draws them. Dates go on a category axis whose labels sit on each session's date (a plan's version is
named there: "5 Oct · v2"); a measure's bands are shaded behind its score. Colours come from the
widget's palette, sizes from its font: the charts follow the theme and the text size. No client data
goes to logs or settings; the chart's accessible description holds the same values as the report's table.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QEvent, QLocale, QMargins, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..core.forms import FormLibrary
from ..core.progress import (
    Chart,
    Progress,
    client_progress,
    marker_size,
    number_text,
    spaced_labels,
    tick_step,
)
from .background import Runner
from .i18n import interface_language, translate

# One colour per series, readable on light and dark backgrounds, told apart by marker size too.
SERIES_COLORS = ("#2E8C91", "#C77A2B", "#7C68B8", "#C0506A")
BAND_ALPHA = 46  # of 255: bands stay behind the lines in both themes
BAND_COLORS = ("#4CAF93", "#E0B040", "#E07B39", "#D04A5C")
TWO_COLUMNS_FROM = 1100  # px of width: below this, one chart per row
CHART_HEIGHT_LINES = 12  # the chart's height in lines of text: it grows with the text size


def day_label(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")


class ProgressView(QScrollArea):
    """The progress tab: the charts of one client, or an empty state in plain words."""

    def __init__(self, library: FormLibrary, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.charts: dict[str, QChart] = {}  # by core chart key: what tests read back
        self.progress: Progress | None = None
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(0, 8, 8, 8)
        self.empty = QLabel()
        self.empty.setObjectName("quiet")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.empty)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self._columns = 0

    def show_client(self, vault: Any, client_id: int) -> None:
        """Read the client's charted answers and draw them."""
        self.progress = client_progress(vault, self.library, client_id, interface_language())
        self._draw()

    def clear(self) -> None:
        """Forget every value (locking, another client)."""
        self.progress = None
        self._draw()

    def _draw(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.charts.clear()
        progress = self.progress
        enough = progress is not None and progress.enough
        self.empty.setVisible(not enough)
        if not enough:
            sessions = progress.sessions if progress is not None else 0
            # The condition is core.progress.MIN_SESSIONS
            # (tests/app/test_progress_view.py::test_one_session_shows_the_empty_state).
            self.empty.setText(translate(
                "ProgressView", "Progress shows here once two sessions or more hold rulers, check-ins, plan "
                "days or AUDIT scores. Sessions with answers to chart so far: {n}.").format(n=sessions))
            return
        assert progress is not None
        self._columns = 2 if self.viewport().width() >= TWO_COLUMNS_FROM else 1
        for n, chart in enumerate(progress.charts):
            card = self._card(chart)
            self._grid.addWidget(card, n // self._columns, n % self._columns)

    def _card(self, chart: Chart) -> QWidget:
        card = QWidget()
        card.setObjectName("progressCard")
        box = QVBoxLayout(card)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        eyebrow = QLabel(chart.worksheet_title)
        eyebrow.setObjectName("quiet")
        title = QLabel(chart.title)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        box.addWidget(eyebrow)
        box.addWidget(title)
        if chart.days:  # a chart of only incomplete scores has nothing to draw: its note says why
            qchart = build_chart(chart, self.palette(), self.font())
            self.charts[chart.key] = qchart
            view = QChartView(qchart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(self.fontMetrics().height() * CHART_HEIGHT_LINES)
            view.setAccessibleName(chart.title)
            view.setAccessibleDescription(values_text(chart))
            view.setObjectName(f"progress:{chart.key}")
            box.addWidget(view)
        lines = [_swatch(SERIES_COLORS, n, "\u25cf", s.label) for n, s in enumerate(chart.series)] \
            if len(chart.series) > 1 else []
        # A score's bands, in the colours shaded behind it, with their words (for the clinician).
        lines += [_swatch(BAND_COLORS, n, "\u25a0", b.label) for n, b in enumerate(chart.bands)]
        if lines:
            # The key under the chart, wrapped at any text size (a QLegend cuts long labels short).
            key = QLabel("<br>".join(lines))
            key.setTextFormat(Qt.TextFormat.RichText)
            key.setWordWrap(True)
            key.setObjectName(f"key:{chart.key}")
            box.addWidget(key)
        if chart.left_out:
            # tests/app/test_progress_view.py::test_only_incomplete_scores_show_a_note_and_no_chart
            note = QLabel(translate("ProgressView", "Not charted: {n} with unanswered questions (an "
                                    "incomplete "
                                    "score has no value).").format(n=chart.left_out))
            note.setObjectName("quiet")
            note.setWordWrap(True)
            box.addWidget(note)
        return card

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        columns = 2 if self.viewport().width() >= TWO_COLUMNS_FROM else 1
        if self.progress is not None and self.progress.enough and columns != self._columns:
            self._draw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and self.progress is not None:
            self._draw()  # the theme or the text size changed: draw again in the new colours and sizes


def _swatch(colors: tuple[str, ...], n: int, glyph: str, words: str) -> str:
    """One line of a chart's key: a coloured glyph and the words (escaped: they come from definitions)."""
    return f'<span style="color:{colors[n % len(colors)]}">{glyph}</span> {html.escape(words)}'


def values_text(chart: Chart) -> str:
    """The chart's values in words, one line per worksheet (for a screen reader)."""
    lines = []
    for point, values in chart.rows():
        parts = [f"{s.label}: {number_text(v)}" for s, v in zip(chart.series, values, strict=True)]
        lines.append(f"{day_label(point.day)}: " + "; ".join(parts))
    return "\n".join(lines)


def build_chart(chart: Chart, palette: QPalette, font: QFont) -> QChart:
    """A QChart of ``chart``: a line per series with its points marked, the bands behind a score."""
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlpha(40)
    small = QFont(font)
    # The theme sets sizes in pixels: scaled from the widget's own, so the chart grows with the text size.
    small.setPixelSize(max(11, round(QFontInfo(font).pixelSize() * 0.85)))
    qchart = QChart()
    qchart.setBackgroundVisible(False)
    qchart.setMargins(QMargins(4, 4, 4, 4))
    qchart.legend().setVisible(False)  # the key is a wrapped label under the chart (ProgressView._card)
    days = chart.days
    first, last = days[0].toordinal(), days[-1].toordinal()
    pad = max(2.0, (last - first) / 12)
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x_axis.setRange(first - pad, last + pad)
    marks: dict[dt.date, list[str]] = {}
    for point in chart.version_marks():  # every version's mark, two on one day included
        marks.setdefault(point.day, []).append(point.mark)
    labels = [(" · ".join([day_label(day), *marks.get(day, [])]), float(day.toordinal())) for day in days]
    y_axis = QValueAxis()
    y_axis.setRange(chart.low, chart.high)
    y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
    y_axis.setTickAnchor(chart.low)
    # At most six steps: a small chart's labels stay whole ("10", never "...").
    y_axis.setTickInterval(tick_step(chart.high - chart.low, most=6))
    y_axis.setLabelFormat("%d")
    for axis in (x_axis, y_axis):
        axis.setLabelsColor(text)
        axis.setLabelsFont(small)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(grid)
    if chart.unit:
        y_axis.setTitleText(chart.unit)
        y_axis.setTitleFont(small)
        y_axis.setTitleBrush(text)
    qchart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    band_axis = None
    if chart.bands:  # each band's range beside the plot, on the right ("8-15")
        band_axis = QCategoryAxis()
        band_axis.setRange(chart.low, chart.high)
        band_axis.setStartValue(chart.low)
        for band in chart.bands:
            band_axis.append(band.range_text, min(chart.high, band.high + 0.5))
        band_axis.setLabelsColor(text)
        band_axis.setLabelsFont(small)
        band_axis.setGridLineVisible(False)
        band_axis.setLinePenColor(grid)
        qchart.addAxis(band_axis, Qt.AlignmentFlag.AlignRight)
    qchart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for n, band in enumerate(chart.bands):
        low = max(chart.low, band.low - 0.5)
        high = min(chart.high, band.high + 0.5)
        upper, lower = QLineSeries(), QLineSeries()
        upper.append([QPointF(first - pad, high), QPointF(last + pad, high)])
        lower.append([QPointF(first - pad, low), QPointF(last + pad, low)])
        area = QAreaSeries(upper, lower)
        upper.setParent(area)  # an area series does not own its edges: kept alive with it
        lower.setParent(area)
        area.setName(band.label)
        color = QColor(BAND_COLORS[n % len(BAND_COLORS)])
        color.setAlpha(BAND_ALPHA)
        area.setBrush(color)
        area.setPen(QPen(Qt.PenStyle.NoPen))
        qchart.addSeries(area)
        area.attachAxis(x_axis)
        area.attachAxis(y_axis)
        if band_axis is not None:
            area.attachAxis(band_axis)
    for n, series in enumerate(chart.series):
        line = QLineSeries()
        line.setName(series.label)
        line.setObjectName(series.field_id)
        line.append([QPointF(p.day.toordinal(), p.value) for p in series.points])
        pen = QPen(QColor(SERIES_COLORS[n % len(SERIES_COLORS)]))
        pen.setWidthF(2.5)
        line.setPen(pen)
        line.setPointsVisible(True)
        line.setMarkerSize(7 + 2 * (len(chart.series) - 1 - n))  # overlapping points stay visible
        qchart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    _DateLabels(qchart, x_axis, labels, small)
    return qchart


class _DateLabels(QObject):
    """The x axis' dates, as many as fit the plot's width whole and apart (``core.progress.spaced_labels``),
    and the points' marks no wider than the room between sessions; again whenever the plot is resized
    (many sessions: tests/app/test_progress_view.py::test_sixty_sessions_show_whole_dates_apart)."""

    def __init__(self, qchart: QChart, axis: QCategoryAxis, labels: list[tuple[str, float]], font: QFont):
        super().__init__(qchart)  # kept alive with its chart
        self.axis, self.labels = axis, labels
        self.shown: list[int] | None = None
        metrics = QFontMetricsF(font)
        self.widths = [metrics.horizontalAdvance(text) for text, _ in labels]
        self.gap = metrics.height()
        self.lines = [(s, s.markerSize()) for s in qchart.series() if isinstance(s, QLineSeries)]
        qchart.plotAreaChanged.connect(self.fit)
        self.fit(qchart.plotArea())

    def fit(self, area: QRectF) -> None:
        width = area.width() if area.width() > 0 else 400.0  # before the first layout: a small chart
        low, high = self.axis.min(), self.axis.max()
        scale = width / (high - low) if high > low else 1.0
        positions = [(value - low) * scale for _, value in self.labels]
        shown = spaced_labels(positions, self.widths, self.gap)
        if shown != self.shown:  # a change of labels lays the chart out again: only when they differ
            self.shown = shown
            for text in self.axis.categoriesLabels():
                self.axis.remove(text)
            for n in shown:
                self.axis.append(*self.labels[n])
        steps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
        spacing = min(steps) if steps else width
        for line, size in self.lines:
            fitted = marker_size(spacing, size, 4.0)
            line.setPointsVisible(fitted > 0)
            if fitted > 0:
                line.setMarkerSize(fitted)


def save_report(parent: QWidget, vault: Any, library: FormLibrary, client_id: int, writer: Runner) -> bool:
    """Ask where, then write the client's clinician progress report there (recorded in the audit trail
    first, on the writer as every write of the app, through the same guard as every saved PDF). True when
    the file is there."""
    from ..core.pdf.progress_report import render_progress_report
    from ..core.vocabulary import AuditAction, client_language
    from .file_choice import save_file
    from .operations import write_now
    from .widgets.pdf_preview import write_pdf

    client = vault.client(client_id)
    # The file's name holds no client name: only the kind and the day.
    suggested = f"progress-report-{dt.date.today().isoformat()}.pdf"
    path = save_file(parent, translate("ProgressView", "Save progress report"), suggested, "PDF (*.pdf)")
    if not path:
        return False
    language = client_language(client)
    progress = client_progress(vault, library, client_id, language)
    pdf = render_progress_report(progress, client.name, language=language,
                                 paper=vault.practice().paper)
    return write_pdf(parent, pdf, path, lambda: write_now(writer, lambda: vault.record(
        AuditAction.PRINTED, client_id=client_id, detail="progress report saved as PDF")))
