"""ReportLab tables that size themselves once per width.

A table's wrap recomputes every row height (wrapping every cell again), and the page asks the same
table at the same width several times: packing measures each shared row, a kept-together heading
measures what follows it, then the frame wraps it to place it. With fixed column widths (every
table here has them) a complete sizing depends on the width alone, so it is reused until the
width changes or the table is split.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import Table as _Table

from .fonts import REGULAR


class Table(_Table):  # type: ignore[misc]  # ReportLab has no type hints
    """:class:`reportlab.platypus.Table` that skips sizing again at the width it was last sized for."""

    _sized_for: float | None = None  # width of the last complete sizing (every row measured)

    def __init__(self, data: Any, *args: Any, style: Any = None, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        # A cell's own face is Helvetica (even an empty cell sets it), which is not embedded: the
        # text face first, then the caller's style. The pieces of a split keep their cells' styles.
        if kwargs.get("cellStyles") is None:
            self.setStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)])
        if style is not None:
            self.setStyle(style)

    def _calc(self, avail_width: float, avail_height: float) -> None:
        super()._calc(avail_width, avail_height)
        # A long table stops measuring rows once past the height it was offered: not reusable.
        self._sized_for = avail_width if self._hmax == self._nrows else None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._sized_for is not None and self._sized_for == avail_width:
            self.availWidth = avail_width
            return self._width, self._height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        return size

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        self._sized_for = None  # splitting may leave its own sizing behind
        return parts


class LongTable(Table):
    """:class:`reportlab.platypus.LongTable` (rows measured only as far as the page needs)."""

    _longTableOptimize = 1  # noqa: N815 - ReportLab's name
