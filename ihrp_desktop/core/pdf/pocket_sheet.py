"""The pocket card, several to a Letter or A4 sheet: cut along the marks, fold in the middle.

Each row of the sheet is one card opened flat: the front on the left, the back on the right, a dashed
fold line between them. A face that holds more than a card has room for shrinks to fit, never below
``CARD_MIN_SIZE``; a plan too full for that has each long item shortened with "…" and the card says
"More in your plan" (:func:`card_sheet` reports it). The same card repeats on every row: one for
the wallet, others for the people who check in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak, KeepInFrame
from reportlab.platypus.flowables import _listWrapOn

from ..forms.model import FormDefinition
from ..practice import Practice
from .context import RenderContext
from .document import build_pdf
from .options import PrintOptions
from .pocket_card import CARD_MARGIN, CARD_SIZE, card_context, card_faces, card_metadata, card_points
from .styles import CARD_MIN_SIZE, CARD_TEXT_SIZE, COLORS, PAGE_SIZES

SHEET_MARGIN = 15 * mm
# The most a face may shrink: its smallest type stays at CARD_MIN_SIZE.
MOST_SHRINK = CARD_TEXT_SIZE / CARD_MIN_SIZE
# Tried in turn when a face would need more shrinking: the longest an item of the client's may be.
# Said once by the command line and the print dialog when it happens (tests/cli/test_print_options.py).
CARD_SHORTENED = ("Some answers were too long for the pocket card and were shortened (\u2026) or left out; "
                  "the card says \u201cMore in your plan\u201d.")
LIMITS = (None, 400, 250, 160, 110, 80, 60, 45, 32, 24)
# Tried in turn when even the shortest items do not fit: how many items of each list print.
ROWS = (None, 8, 6, 5, 4, 3, 2, 1)
MARK = 5 * mm  # length of a cut mark, drawn outside the cards


@dataclass(frozen=True)
class SheetGrid:
    """Where the cards sit on the sheet: the left edge, the top edge, and how many rows."""

    page: tuple[float, float]

    @property
    def rows(self) -> int:
        return int((self.page[1] - 2 * SHEET_MARGIN) // float(CARD_SIZE[1]))

    @property
    def left(self) -> float:
        return float((self.page[0] - 2 * CARD_SIZE[0]) / 2)

    @property
    def top(self) -> float:
        return float(self.page[1] - SHEET_MARGIN)

    def row_bottom(self, row: int) -> float:
        return float(self.top - (row + 1) * CARD_SIZE[1])

    def frames(self) -> list[Frame]:
        w, h = CARD_SIZE
        return [
            Frame(self.left + face * w, self.row_bottom(row), w, h, leftPadding=CARD_MARGIN,
                  rightPadding=CARD_MARGIN, topPadding=CARD_MARGIN, bottomPadding=CARD_MARGIN,
                  id=f"card{row}{face}")
            for row in range(self.rows)
            for face in (0, 1)
        ]


@dataclass(frozen=True)
class CutMarks:
    """Cut marks at every row edge, outside the cards; a dashed fold line down the middle of each row."""

    grid: SheetGrid

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        g = self.grid
        w, _ = CARD_SIZE
        left, right = g.left, g.left + 2 * w
        canvas.saveState()
        canvas.setStrokeColor(COLORS.muted)
        canvas.setLineWidth(0.5)
        for row in range(g.rows + 1):
            y = g.top - row * CARD_SIZE[1]
            canvas.line(left - MARK - 2, y, left - 2, y)
            canvas.line(right + 2, y, right + MARK + 2, y)
        for x in (left, right):
            canvas.line(x, g.top + 2, x, g.top + MARK + 2)
            canvas.line(x, g.row_bottom(g.rows - 1) - 2, x, g.row_bottom(g.rows - 1) - MARK - 2)
        canvas.setDash(2, 2)
        canvas.setStrokeColor(COLORS.rule)
        canvas.line(left + w, g.top, left + w, g.row_bottom(g.rows - 1))
        canvas.restoreState()


class _Face(KeepInFrame):  # type: ignore[misc]  # ReportLab has no type hints
    """ReportLab's shrink-to-fit, never past :data:`MOST_SHRINK` (its solver may overshoot a little;
    :func:`card_limit` has made sure the content fits at that scale)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = super().wrap(avail_width, avail_height)
        if getattr(self, "_scale", 1.0) <= MOST_SHRINK:
            return width, height
        self._scale = MOST_SHRINK
        w, h = _listWrapOn(self._content, self.maxWidth * MOST_SHRINK, self.canv)
        self.width, self.height = w / MOST_SHRINK, h / MOST_SHRINK
        return self.width, self.height


def _face(content: list[Flowable]) -> KeepInFrame:
    w, h = CARD_SIZE
    return _Face(w - 2 * CARD_MARGIN, h - 2 * CARD_MARGIN, content, mode="shrink")


def _fits(content: list[Flowable]) -> bool:
    """Whether ``content`` fits a face shrunk by at most :data:`MOST_SHRINK` (laid out at that scale)."""
    w, h = CARD_SIZE
    _, height = _listWrapOn(content, (w - 2 * CARD_MARGIN) * MOST_SHRINK, None)
    return bool(height <= (h - 2 * CARD_MARGIN) * MOST_SHRINK)


def _fits_whole(content: list[Flowable]) -> bool:
    """Whether ``content`` fits a face unshrunk: the back's safety text keeps its size."""
    w, h = CARD_SIZE
    _, height = _listWrapOn(content, w - 2 * CARD_MARGIN, None)
    return bool(height <= h - 2 * CARD_MARGIN)


@dataclass(frozen=True)
class CardFit:
    """How a card fits: the longest an item may be (None: whole), how many safety points print on
    the back (None: all) and how many more on the front, across the fold, and how many items of
    each list print (None: all)."""

    limit: int | None = None
    points: int | None = None
    spill: int = 0
    rows: int | None = None


def _fit_at(ctx: RenderContext, practice: Practice | None, limit: int | None, rows: int | None
            ) -> CardFit | None:
    every = len(card_points(ctx))
    front, back = card_faces(ctx, practice, limit, rows=rows)
    if not _fits(front):
        return None
    if _fits_whole(back):
        return CardFit(limit, rows=rows)
    # The first point stays (when to call emergency services): lists lose items before it goes.
    points = next((n for n in range(every - 1, min(every, 1) - 1, -1)
                   if _fits_whole(card_faces(ctx, practice, limit, n, rows=rows)[1])), None)
    if points is None:
        return None
    spill = next((k for k in range(every - points, 0, -1)
                  if _fits_whole(card_faces(ctx, practice, limit, points, k, rows=rows)[0])), 0)
    return CardFit(limit, points, spill, rows)


def card_fit(ctx: RenderContext, practice: Practice | None) -> CardFit:
    """The front fits shrunk at most to CARD_MIN_SIZE; the back fits unshrunk, its safety text at
    CARD_SAFETY_SIZE, with as many points as it holds; the rest go on the front while it has room
    for them unshrunk (tests/core/pdf/test_pocket_card_fit.py). Long items are shortened first;
    a plan with more items than a face holds prints the first of each list
    (tests/core/pdf/test_pocket_card_lists.py)."""
    for rows in ROWS:
        for limit in LIMITS:
            fit = _fit_at(ctx, practice, limit, rows)
            if fit is not None:
                return fit
    return CardFit(LIMITS[-1], min(len(card_points(ctx)), 1), 0, ROWS[-1])


def card_sheet(
    form: FormDefinition, values: Mapping[str, Any], options: PrintOptions, practice: Practice | None = None
) -> tuple[bytes, bool]:
    """The plan's pocket card, one per row of a ``options.paper`` sheet, with cut and fold marks;
    and whether anything was left to the plan: long items shortened to keep the type at
    ``CARD_MIN_SIZE`` or larger, lists cut, or safety points the card had no room for."""
    ctx = card_context(form, values, options)
    grid = SheetGrid(PAGE_SIZES[options.paper])
    fit = card_fit(ctx, practice)
    story: list[Flowable] = []
    for _ in range(grid.rows):
        # Built again for every row: a flowable is laid out once.
        front, back = card_faces(ctx, practice, fit.limit, fit.points, fit.spill, fit.rows)
        story += [_face(front), FrameBreak(), _face(back), FrameBreak()]
    pdf = build_pdf(story[:-1], ctx.language, CutMarks(grid), card_metadata(form, options), grid.page,
                    frames=grid.frames())
    # Said to the person printing too: items shortened, lists cut, or safety points left for the plan.
    points_left = fit.points is not None and fit.points + fit.spill < len(card_points(ctx))
    return pdf, fit.limit is not None or fit.rows is not None or points_left


def render_pocket_card_sheet(
    form: FormDefinition, values: Mapping[str, Any], options: PrintOptions, practice: Practice | None = None
) -> bytes:
    """The plan's pocket card, one per row of a ``options.paper`` sheet, with cut and fold marks."""
    return card_sheet(form, values, options, practice)[0]
