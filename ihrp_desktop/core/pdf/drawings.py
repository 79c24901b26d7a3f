"""Small drawn flowables: tick boxes, ruled writing lines, the 0-10 scale."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .fonts import BOLD, REGULAR
from .styles import COLORS


def _tick_box(c: Canvas, x: float, y: float, size: float, checked: bool) -> None:
    c.saveState()
    c.setLineWidth(0.8)
    c.setStrokeColor(COLORS.accent if checked else COLORS.muted)
    if checked:
        c.setFillColor(COLORS.accent)
    c.rect(x, y, size, size, stroke=1, fill=1 if checked else 0)
    if checked:
        c.setStrokeColor(COLORS.white)
        c.setLineWidth(max(1.0, size / 7))
        path = c.beginPath()
        path.moveTo(x + size * 0.2, y + size * 0.52)
        path.lineTo(x + size * 0.42, y + size * 0.28)
        path.lineTo(x + size * 0.8, y + size * 0.74)
        c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


class BoxedLabel(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A tick box followed by its label (a paragraph that may wrap)."""

    def __init__(self, label: Paragraph, checked: bool = False, box: float = 8.5, gap: float = 5):
        super().__init__()
        self.label = label
        self.checked = checked
        self.box = box
        self.gap = gap
        self._label_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._label_height = self.label.wrap(max(avail_width - self.box - self.gap, 20), avail_height)
        self.width = avail_width
        self.height = max(self._label_height, self.box + 2)
        return self.width, self.height

    def draw(self) -> None:
        leading = self.label.style.leading
        # Align the box with the first line of the label.
        top_line = self.height - leading
        box_y = top_line + (leading - self.box) / 2 - 1
        _tick_box(self.canv, 0, box_y, self.box, self.checked)
        self.label.drawOn(self.canv, self.box + self.gap, self.height - self._label_height)


KEEP_LINES = 6  # writing space of up to this many lines never breaks across pages


class RuledLines(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Empty writing lines for a blank worksheet."""

    def __init__(
        self, lines: int = 3, spacing: float = 18, color: Color | None = None, width: float | None = None
    ):
        super().__init__()
        self.max_width = width
        self.lines = lines
        self.spacing = spacing
        self.color = color or COLORS.rule

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, self.max_width or avail_width)
        self.height = self.lines * self.spacing
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int(avail_height // self.spacing)
        if self.lines <= KEEP_LINES or fit < 1 or fit >= self.lines:
            return []  # a few lines stay together: an answer's room is not cut in two
        return [
            RuledLines(fit, self.spacing, self.color, self.max_width),
            RuledLines(self.lines - fit, self.spacing, self.color, self.max_width),
        ]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(0.6)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.spacing + 2
            c.line(0, y, self.width, y)
        c.restoreState()


class LabelledLines(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A blank's label with its writing lines: the first line starts right after a short label
    ("Where I keep it ______"), saving the label's own line; a long label goes above the lines."""

    _INLINE_SHARE = 0.62  # a label wider than this share of the width goes above its lines

    def __init__(self, label: Paragraph, lines: int = 1, spacing: float = 18, gap: float = 6):
        super().__init__()
        self.label = label
        self.lines = lines
        self.spacing = spacing
        self.gap = gap
        self.inline_width: float | None = None
        self.label_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, self.label_height = self.label.wrap(avail_width * self._INLINE_SHARE, avail_height)
        if self.label_height <= self.label.style.leading + 0.01:
            self.inline_width = max(self.label.getActualLineWidths0() or [0.0])
            self.height = self.lines * self.spacing
        else:
            self.inline_width = None
            _, self.label_height = self.label.wrap(avail_width, avail_height)
            self.height = self.label_height + self.lines * self.spacing
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a label and its room are never cut in two

    def draw(self) -> None:
        c = self.canv
        first = (self.lines - 1) * self.spacing + 2  # the first line's height, as RuledLines draws it
        if self.inline_width is not None:
            self.label.drawOn(c, 0, first + 1)
            start = self.inline_width + self.gap
        else:
            self.label.drawOn(c, 0, self.height - self.label_height)
            start = 0.0
        c.saveState()
        c.setStrokeColor(COLORS.rule)
        c.setLineWidth(0.6)
        for i in range(self.lines):
            y = first - i * self.spacing
            c.line(start if i == 0 else 0.0, y, self.width, y)
        c.restoreState()


class ScaleBar(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A scale as a row of numbered boxes, the chosen one filled, end labels under the ends.

    ``low_label`` should be a left-aligned paragraph and ``high_label`` a right-aligned one. With
    ``beside`` (both ends in one paragraph, "0 = not sure at all · 10 = completely sure"), the ends
    print beside the boxes when they fit there: a line saved on a take-home plan.
    """

    gap = 3.0

    def __init__(
        self,
        low: int,
        high: int,
        value: int | None,
        low_label: Paragraph | None,
        high_label: Paragraph | None,
        max_box: float = 24,
        beside: Paragraph | None = None,
    ):
        super().__init__()
        self.low, self.high, self.value = low, high, value
        self.low_label, self.high_label = low_label, high_label
        self.max_box = max_box
        self._box = max_box
        self._half = 0.0
        self.beside = beside
        self._side = False

    @property
    def steps(self) -> int:
        return self.high - self.low + 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._box = min(self.max_box, (avail_width - self.gap * (self.steps - 1)) / self.steps)
        self.width = self._box * self.steps + self.gap * (self.steps - 1)
        self._half = self.width / 2 - 4
        room = avail_width - self.width - 10
        if self.beside is not None and room >= 120:
            self._side = self.beside.wrap(room, avail_height)[1] <= self._box + 2
            if self._side:
                self.height = self._box + 2
                return avail_width, self.height
        labels = [p for p in (self.low_label, self.high_label) if p is not None]
        label_height = max((p.wrap(self._half, avail_height)[1] for p in labels), default=0.0)
        self.height = self._box + (label_height + 3 if labels else 0) + 2
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        box = self._box
        top = self.height - box
        size = min(9.5, box * 0.42)
        c.saveState()
        for i in range(self.steps):
            number = self.low + i
            x = i * (box + self.gap)
            chosen = number == self.value
            c.setLineWidth(0.7)
            c.setStrokeColor(COLORS.accent if chosen else COLORS.accent_mid)
            c.setFillColor(COLORS.accent if chosen else COLORS.white)
            c.roundRect(x, top, box, box, 2.5, stroke=1, fill=1)
            c.setFillColor(COLORS.white if chosen else COLORS.muted)
            c.setFont(BOLD if chosen else REGULAR, size)
            c.drawCentredString(x + box / 2, top + box / 2 - size * 0.35, str(number))
        c.restoreState()
        if self._side and self.beside is not None:
            self.beside.drawOn(c, self.width + 10, top + (box - self.beside.height) / 2)
            return
        if self.low_label is not None:
            self.low_label.drawOn(c, 0, top - 3 - self.low_label.height)
        if self.high_label is not None:
            self.high_label.drawOn(c, self.width - self._half, top - 3 - self.high_label.height)


class TickBox(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A lone tick box (for table cells)."""

    def __init__(self, checked: bool = False, size: float = 8.5):
        super().__init__()
        self.checked = checked
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.height = self.size
        return self.size, self.size

    def draw(self) -> None:
        _tick_box(self.canv, 0, 0, self.size, self.checked)


class LevelBar(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A level as a short filled bar and its number ("6"), for an overview's line: the rise of the
    urge along the chain reads down the column. ``level`` None draws an empty track and no number."""

    def __init__(self, level: int | None, top: int, bar: float = 34, size: float = 9.5):
        super().__init__()
        self.level, self.top, self.bar, self.size = level, max(1, top), bar, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, self.bar + 18)
        self.height = self.size + 3
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        bar = min(self.bar, self.width - 18)
        y = (self.height - 5) / 2
        c.saveState()
        c.setLineWidth(0.6)
        c.setStrokeColor(COLORS.accent_mid)
        c.setFillColor(COLORS.white)
        c.roundRect(0, y, bar, 5, 1.5, stroke=1, fill=1)
        if self.level is not None:
            filled = bar * max(0, min(self.level, self.top)) / self.top
            if filled > 0:
                c.setFillColor(COLORS.accent)
                c.roundRect(0, y, filled, 5, 1.5, stroke=0, fill=1)
            c.setFillColor(COLORS.ink)
            c.setFont(BOLD, self.size)
            c.drawString(bar + 4, y - 1, str(self.level))
        c.restoreState()
