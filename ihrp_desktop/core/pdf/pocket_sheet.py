"""The pocket card, several to a Letter or A4 sheet: cut along the marks, fold in the middle.

Each row of the sheet is one card opened flat: the front on the left, the back on the right, a dashed
fold line between them. A face that holds more than a card has room for shrinks to fit (a very full
plan prints smaller type rather than losing a line). The same card repeats on every row: one for the
wallet, others for the people who check in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak, KeepInFrame

from ..forms.model import FormDefinition
from ..practice import Practice
from .document import build_pdf
from .options import PrintOptions
from .pocket_card import CARD_MARGIN, CARD_SIZE, card_context, card_faces, card_metadata
from .styles import COLORS, PAGE_SIZES

SHEET_MARGIN = 15 * mm
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


def _face(content: list[Flowable]) -> KeepInFrame:
    w, h = CARD_SIZE
    return KeepInFrame(w - 2 * CARD_MARGIN, h - 2 * CARD_MARGIN, content, mode="shrink")


def render_pocket_card_sheet(
    form: FormDefinition, values: Mapping[str, Any], options: PrintOptions, practice: Practice | None = None
) -> bytes:
    """The plan's pocket card, one per row of a ``options.paper`` sheet, with cut and fold marks."""
    ctx = card_context(form, values, options)
    grid = SheetGrid(PAGE_SIZES[options.paper])
    story: list[Flowable] = []
    for _ in range(grid.rows):
        # Built again for every row: a flowable is laid out once.
        front, back = card_faces(ctx, practice)
        story += [_face(front), FrameBreak(), _face(back), FrameBreak()]
    return build_pdf(story[:-1], ctx.language, CutMarks(grid), card_metadata(form, options), grid.page,
                     frames=grid.frames())
