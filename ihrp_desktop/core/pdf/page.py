"""Page furniture: running header, footer with "Page x of y", and the numbered canvas.

The total page count is only known at the end, so the canvas keeps every page's state and draws
the header and footer on all of them when the document is saved (the pretix / ReportLab
"numbered canvas" recipe). Nothing here knows about worksheets: it prints the strings it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from reportlab.pdfgen.canvas import Canvas

from .fallback import draw_string, string_width
from .fonts import BOLD, REGULAR
from .styles import (
    COLORS,
    FOOT_CONTACT_SIZE,
    FOOTER_OFFSET,
    FURNITURE_SIZE,
    HEADER_OFFSET,
    MARGIN_SIDE,
    RUNNING_HEADER_SIZE,
)
from .words import word


class PageFurniture(Protocol):
    """Anything that draws a page's header and footer once the page count is known."""

    def draw(self, canvas: Canvas, page: int, total: int) -> None: ...


@dataclass(frozen=True)
class Furniture:
    """The words around the page body. Empty strings print nothing."""

    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    footer_center: str = ""
    # Printed whole after the centre (the practice's phone): a long centre is shortened first.
    footer_center_end: str = ""
    language: str = "en"
    alert: bool = False  # clinician copy: the copy name in the clinician colour, a top rule
    header_on_first_page: bool = False

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw the header and footer of page ``page`` of ``total``."""
        width, height = canvas._pagesize  # noqa: SLF001 - ReportLab keeps the page size here
        left, right = MARGIN_SIDE, width - MARGIN_SIDE
        canvas.saveState()
        if self.alert:
            canvas.setFillColor(COLORS.clinician)
            canvas.rect(0, height - 4, width, 4, stroke=0, fill=1)
        if page > 1 or self.header_on_first_page:
            y = height - HEADER_OFFSET
            # The title gets what it needs up to half the width; the client line gets the rest.
            size = RUNNING_HEADER_SIZE
            title = _fit(self.header_left, BOLD, size, (right - left) * 0.5)
            canvas.setFillColor(COLORS.accent)
            draw_string(canvas, left, y, title, BOLD, size)
            canvas.setFillColor(COLORS.muted)
            room = right - left - string_width(title, BOLD, size) - 16
            draw_string(canvas, right, y, _fit(self.header_right, REGULAR, size, room), REGULAR, size, "end")
            canvas.setStrokeColor(COLORS.faint)
            canvas.setLineWidth(0.6)
            canvas.line(left, y - 5, right, y - 5)
        y = FOOTER_OFFSET
        canvas.setStrokeColor(COLORS.faint)
        canvas.setLineWidth(0.6)
        canvas.line(left, y + 10, right, y + 10)
        small = FURNITURE_SIZE
        canvas.setFillColor(COLORS.clinician if self.alert else COLORS.quiet)
        left_font = BOLD if self.alert else REGULAR
        draw_string(canvas, left, y, self.footer_left, left_font, small)
        page_of = word("page_of", self.language, page=page, total=total)
        draw_string(canvas, right, y, page_of, REGULAR, small, "end")
        # The contact in the middle, at label size, shortened only if it would run into the sides.
        sides = 2 * max(string_width(self.footer_left, left_font, small),
                        string_width(page_of, REGULAR, small))
        canvas.setFillColor(COLORS.muted)
        room = right - left - sides - 24
        end = self.footer_center_end
        if end and self.footer_center:
            end = f" · {end}"
        center = _fit(self.footer_center, REGULAR, FOOT_CONTACT_SIZE,
                      room - string_width(end, REGULAR, FOOT_CONTACT_SIZE)) if self.footer_center else ""
        center += end
        draw_string(canvas, width / 2, y, center, REGULAR, FOOT_CONTACT_SIZE, "middle")
        canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` (a header is one line)."""
    if string_width(text, font, size) <= width:
        return text
    # The longest start that fits, found by halving: a name of 100,000 characters is measured about
    # 17 times, not 100,000 (tests/core/test_practice_values.py).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if string_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def numbered_canvas(furniture: PageFurniture) -> type[Canvas]:
    """A canvas class that draws ``furniture`` with "Page x of y" on every page when saved."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                furniture.draw(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas
