"""A ReportLab paragraph that breaks its lines once per width.

ReportLab breaks a paragraph's lines again on every ``wrap``, and one printed page asks the same
paragraph at the same width several times: packing measures it, a table wraps its cells when sized
and again when drawn, a kept-together heading is measured before the frame places it. Line
breaking depends on the width only, so a repeated wrap at the last width returns the last result.
Every builder in this package makes its paragraphs with this class.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _Paragraph


class Paragraph(_Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """:class:`reportlab.platypus.Paragraph` that skips re-breaking its lines at an unchanged width."""

    # The last wrap: its width, its height and the broken lines it left in ``blPara``.
    _wrapped: tuple[float, float, Any] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        last = self._wrapped
        # Reuse only while those lines are still in place: ReportLab's split deletes ``blPara``
        # when nothing fits, and other flowables may break the lines themselves.
        if last is not None and last[0] == avail_width and self.__dict__.get("blPara") is last[2]:
            self.width, self.height = last[0], last[1]
            return last[0], last[1]
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        if size[0] == avail_width:  # not ReportLab's "no room at all" answer
            self._wrapped = (size[0], size[1], self.blPara)
        return size
