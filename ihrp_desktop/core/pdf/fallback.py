"""Characters the text face lacks, printed from the symbols face instead of as blanks.

A client may put an emoji, an arrow or a heart into a plan; Noto Sans has none of them, and
ReportLab prints a character its font lacks as an empty box or nothing. Here a run of text is cut
where the face changes, so each character prints from a face that has it (:func:`pieces`), and a
paragraph's fragments are cut the same way (:func:`with_fallback`). Text made of characters the
face has, which is almost all text, is returned untouched after one look.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics

from .fonts import SYMBOLS, symbols
from .fragments import copy_fragment

# Variation selectors only choose between text and emoji looks; neither face draws them.
_INVISIBLE = frozenset((0xFE0E, 0xFE0F))


@cache
def _characters(font_name: str) -> dict[int, int] | None:
    """The characters of a registered TrueType face (code point -> glyph); None for ReportLab's
    built-in faces, which have no such table (they are left as they print)."""
    return getattr(pdfmetrics.getFont(font_name).face, "charToGlyph", None)


def pieces(text: str, font_name: str) -> list[tuple[str, str]] | None:
    """``text`` as (run, face) pieces when ``font_name`` lacks some of its characters; else None.

    A character neither face has stays in ``font_name`` (printed as that face's "missing" sign).
    """
    if text.isascii():
        return None
    have = _characters(font_name)
    if have is None or all(ord(c) in have or c <= "\x7f" for c in text):
        return None
    extra = symbols()
    out: list[tuple[str, str]] = []
    for c in text:
        code = ord(c)
        if code in have or c <= "\x7f":
            face = font_name
        elif code in _INVISIBLE:
            continue
        elif code in extra:
            face = SYMBOLS
        else:
            face = font_name
        if out and out[-1][1] == face:
            out[-1] = (out[-1][0] + c, face)
        else:
            out.append((c, face))
    return out


def with_fallback(frags: list[Any]) -> list[Any]:
    """A paragraph's fragments, each cut where its face lacks characters (the same list when none is)."""
    cut: list[Any] | None = None
    for index, frag in enumerate(frags):
        text = getattr(frag, "text", None)
        found = pieces(text, frag.fontName) if isinstance(text, str) and text else None
        if found is None:
            if cut is not None:
                cut.append(frag)
            continue
        if cut is None:
            cut = list(frags[:index])
        for run, face in found:
            piece = copy_fragment(frag)
            piece.text, piece.fontName = run, face
            cut.append(piece)
    return frags if cut is None else cut


def string_width(text: str, font_name: str, size: float) -> float:
    """The printed width of ``text``, each character measured in the face it prints from."""
    return float(sum(pdfmetrics.stringWidth(run, face, size) for run, face in pieces(text, font_name)
                     or [(text, font_name)]))


def draw_string(canvas: Any, x: float, y: float, text: str, font_name: str, size: float,
                anchor: str = "start") -> None:
    """``canvas.drawString`` (``anchor`` "start"), ``drawCentredString`` ("middle") or
    ``drawRightString`` ("end"), with each character in a face that has it."""
    found = pieces(text, font_name) or [(text, font_name)]
    if anchor != "start":
        total = string_width(text, font_name, size)
        x -= total if anchor == "end" else total / 2
    for run, face in found:
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, face, size)
