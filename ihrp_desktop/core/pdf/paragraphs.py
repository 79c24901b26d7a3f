"""A ReportLab paragraph that skips work a printed worksheet would otherwise do many times.

- **Plain text is not parsed.** ReportLab runs every paragraph through its HTML-based markup parser;
  most of a worksheet's paragraphs (answers, labels) are one run of text in one style, for which
  the parser always returns one fragment of that style holding the text. That fragment is made
  directly, from a per-style template the parser made once (the template holds no answer text).
- **Lines are broken once per width.** ReportLab breaks a paragraph's lines again on every
  ``wrap``, and one page asks the same paragraph at the same width several times: packing
  measures it, a table wraps its cells when sized and again when drawn, a kept-together heading
  is measured before the frame places it. Line breaking depends on the width only.

Every builder in this package makes its paragraphs with this class.
"""

from __future__ import annotations

import copy
import re
import weakref
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

_MARKUP = re.compile("[<&]")  # a tag or an entity: only ReportLab's parser reads those

# The parser's fragment for a one-run paragraph of each style, text left out (styles live as
# long as the process or the render that made them; a template goes with its style).
_TEMPLATES: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def _template(style: ParagraphStyle) -> Any:
    frag = _TEMPLATES.get(style)
    if frag is None:
        _, frags, _ = ParaParser().parse("x", style)
        frag = frags[0]
        frag.text = ""
        _TEMPLATES[style] = frag
    return frag


def plain_frags(text: str, style: ParagraphStyle) -> list[Any]:
    """What ReportLab's parser returns for ``text`` (already cleaned, free of markup) in ``style``."""
    if not text:
        return []
    frag = copy.copy(_template(style))
    frag.text = text
    return [frag]


class Paragraph(_Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """:class:`reportlab.platypus.Paragraph` that parses only real markup and breaks its lines
    again only at a new width."""

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
        if frags is None and style is not None and isinstance(text, str) and not _MARKUP.search(text):
            # No tag and no entity: one run of text, exactly as the parser would see it.
            text = cleanBlockQuotedText(text)
            frags = plain_frags(text, style)
            textTransformFrags(frags, style)
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
