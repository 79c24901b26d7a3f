"""A ReportLab paragraph that skips work a printed worksheet would otherwise do many times.

- **This package's own markup is not parsed.** ReportLab runs every paragraph through its
  HTML-based markup parser; the few tags the builders write are turned into the same fragments
  directly (:mod:`.fragments`), anything else still goes through the parser.
- **Lines are broken once per width.** ReportLab breaks a paragraph's lines again on every
  ``wrap``, and one page asks the same paragraph at the same width several times: packing
  measures it, a table wraps its cells when sized and again when drawn, a kept-together heading
  is measured before the frame places it. Line breaking depends on the width only.
- **A short answer that surely fits on one line is not broken into lines until it is drawn.**
  Packing measures every short answer twice (alone and beside its neighbour) and prints one of
  the two; its height is one line whenever the whole text is narrower than the line.

- **Every character prints.** What the text face lacks (an emoji in an answer) is printed from the
  symbols face (:mod:`.fallback`).

Every builder in this package makes its paragraphs with this class.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.rl_config import _FUZZ

from .fallback import with_fallback
from .fragments import fragments

_LATER = object()  # stands for lines not broken yet (see Paragraph.blPara)
_ONE_LINE_CHARS = 160  # longer texts never fit on one line of this page: do not even try
_FIT_MARGIN = 0.01  # points: "surely fits", far beyond ReportLab's rounding of its running sums


class Paragraph(_Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """:class:`reportlab.platypus.Paragraph` that parses only markup this package does not write
    and breaks its lines only when they are needed, once per width."""

    # The last wrap: its width, its height and the broken lines it left (or _LATER).
    _wrapped: tuple[float, float, Any] | None = None
    _run_width: float | None = None  # width of the whole text when it is one plain run

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: Any = None,  # noqa: N803 - ReportLab's names (split() passes them by keyword)
        frags: list[Any] | None = None,
        caseSensitive: int = 1,  # noqa: N803
        encoding: str = "utf8",
    ) -> None:
        given = frags
        if frags is None and style is not None and isinstance(text, str):
            made = fragments(text, style)
            if made is not None:
                text, frags = made
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        if given is None:  # the pieces of a split paragraph were cut already
            self.frags: list[Any] = with_fallback(self.frags)

    # ReportLab reads, sets and deletes ``blPara`` (the broken lines); lines left for later are
    # broken on first read, at the widths of the wrap that left them.
    @property
    def blPara(self) -> Any:  # noqa: N802 - ReportLab's name
        lines = self.__dict__.get("_lines")
        if lines is _LATER:
            height: float = self.__dict__["height"]
            lines = self.breakLines(self.__dict__["_wrapWidths"])
            self.height = height  # breakLines starts by zeroing it
            self.__dict__["_lines"] = lines
            if self._wrapped is not None and self._wrapped[2] is _LATER:
                self._wrapped = (self._wrapped[0], self._wrapped[1], lines)
        if lines is None:
            raise AttributeError("blPara")
        return lines

    @blPara.setter
    def blPara(self, lines: Any) -> None:  # noqa: N802
        self.__dict__["_lines"] = lines

    @blPara.deleter
    def blPara(self) -> None:  # noqa: N802
        if self.__dict__.pop("_lines", None) is None:
            raise AttributeError("blPara")

    def _one_line_height(self, first_line_width: float) -> float | None:
        """The height when the text is one plain run that surely fits on its first line, else None."""
        width = self._run_width
        if width is None:
            frags, style = self.frags, self.style
            if not (
                len(frags) == 1
                and isinstance(getattr(frags[0], "text", None), str)
                and 0 < len(frags[0].text) <= _ONE_LINE_CHARS
                and "\xad" not in frags[0].text  # a soft hyphen is measured differently
                and not self.bulletText
                and not style.endDots
                and not style.shaping
                and style.wordWrap is None
                and getattr(style, "autoLeading", "") in ("", "off")
                and not hasattr(frags[0], "cbDefn")
                and not hasattr(frags[0], "backColor")
            ):
                self._run_width = -1.0
                return None
            frag = frags[0]
            width = self._run_width = stringWidth(frag.text, frag.fontName, frag.fontSize, self.encoding)
        if width < 0 or width > first_line_width - _FIT_MARGIN:
            return None
        return float(self.style.leading)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        last = self._wrapped
        # Reuse only while those lines are still in place: ReportLab's split deletes them when
        # nothing fits, and other flowables may break the lines themselves.
        if last is not None and last[0] == avail_width and self.__dict__.get("_lines") is last[2]:
            self.width, self.height = last[0], last[1]
            return last[0], last[1]
        style = self.style
        first = avail_width - (style.leftIndent + style.firstLineIndent) - style.rightIndent
        height = self._one_line_height(first) if avail_width >= _FUZZ else None
        if height is not None:
            # What ReportLab's wrap leaves, but for the lines themselves (broken when read).
            self.width = avail_width
            self._wrapWidths = [first, avail_width - style.leftIndent - style.rightIndent]
            self.height = height
            self.__dict__["_lines"] = _LATER
            self._wrapped = (avail_width, height, _LATER)
            return avail_width, height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        if size[0] == avail_width:  # not ReportLab's "no room at all" answer
            self._wrapped = (size[0], size[1], self.__dict__.get("_lines"))
        return size
