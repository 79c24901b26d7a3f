"""A ReportLab paragraph that skips work a printed worksheet would otherwise do many times.

- **This package's own markup is not parsed.** ReportLab runs every paragraph through its
  HTML-based markup parser; the few tags the builders write are turned into the same fragments
  directly (:mod:`.fragments`), anything else still goes through the parser.
- **Lines are broken once per width.** ReportLab breaks a paragraph's lines again on every
  ``wrap``, and one page asks the same paragraph at the same width several times: packing
  measures it, a table wraps its cells when sized and again when drawn, a kept-together heading
  is measured before the frame places it. Line breaking depends on the width only.

Every builder in this package makes its paragraphs with this class.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from .fragments import fragments


class Paragraph(_Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """:class:`reportlab.platypus.Paragraph` that parses only markup this package does not write
    and breaks its lines again only at a new width."""

    # The last wrap: its width, its height and the broken lines it left in ``blPara``.
    _wrapped: tuple[float, float, Any] | None = None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: Any = None,  # noqa: N803 - ReportLab's names (split() passes them by keyword)
        frags: list[Any] | None = None,
        caseSensitive: int = 1,  # noqa: N803
        encoding: str = "utf8",
    ) -> None:
        if frags is None and style is not None and isinstance(text, str):
            made = fragments(text, style)
            if made is not None:
                text, frags = made
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

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
