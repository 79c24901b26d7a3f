"""Characters the text face lacks, printed from the symbols face instead of as blanks.

A client may put an emoji, an arrow or a heart into a plan; Noto Sans has none of them, and
ReportLab prints a character its font lacks as an empty box or nothing. Here a run of text is cut
where the face changes, so each character prints from a face that has it (:func:`pieces`), and a
paragraph's fragments are cut the same way (:func:`with_fallback`). Text made of characters the
face has, which is almost all text, is returned untouched after one look.

A character neither face has (Chinese, Japanese, Korean or Arabic script, some emoji) is never
dropped in silence: it prints as :data:`PLACEHOLDER`, and :func:`unprintable` counts such characters
so the command line and the print dialog can say so. The decision is :func:`_face`'s alone.
No bundled face is added for those scripts: Arabic needs shaping and right-to-left layout, which
ReportLab does not do, and a CJK face is tens of megabytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics

from .fonts import REGULAR, SYMBOLS, register_fonts, symbols
from .fragments import copy_fragment

# Variation selectors only choose between text and emoji looks; neither face draws them.
# The zero-width joiner only glues emoji into one picture; printed apart, each shows by itself.
_INVISIBLE = frozenset((0xFE0E, 0xFE0F, 0x200D))

#: Printed in place of each character no bundled face has (from the symbols face, which has it).
PLACEHOLDER = "\u25a1"


@cache
def _characters(font_name: str) -> dict[int, int] | None:
    """The characters of a registered TrueType face (code point -> glyph); None for ReportLab's
    built-in faces, which have no such table (they are left as they print)."""
    return getattr(pdfmetrics.getFont(font_name).face, "charToGlyph", None)


def _face(c: str, font_name: str, have: dict[int, int]) -> str | None:
    """The face ``c`` prints from: ``font_name``, the symbols face, "" (none: the placeholder is
    printed instead), or None (not printed at all: a variation selector)."""
    code = ord(c)
    if code in have or c <= "\x7f":
        return font_name
    if code in _INVISIBLE:
        return None
    if code in symbols():
        return SYMBOLS
    return ""


def pieces(text: str, font_name: str) -> list[tuple[str, str]] | None:
    """``text`` as (run, face) pieces when ``font_name`` lacks some of its characters; else None.

    A character neither face has prints as :data:`PLACEHOLDER` (tests/core/pdf/test_unprintable.py).
    """
    if text.isascii():
        return None
    have = _characters(font_name)
    if have is None or all(ord(c) in have or c <= "\x7f" for c in text):
        return None
    out: list[tuple[str, str]] = []
    for c in text:
        face = _face(c, font_name, have)
        if face is None:
            continue
        if face == "":
            c, face = PLACEHOLDER, SYMBOLS
        if out and out[-1][1] == face:
            out[-1] = (out[-1][0] + c, face)
        else:
            out.append((c, face))
    return out


def unprintable(texts: Iterable[str]) -> int:
    """How many characters of ``texts`` no bundled face has (each prints as :data:`PLACEHOLDER`)."""
    have = _characters(register_fonts())
    assert have is not None  # Noto Sans is a TrueType face
    return sum(1 for text in texts if not text.isascii() for c in text if _face(c, REGULAR, have) == "")


def texts_of(value: Any) -> Iterable[str]:
    """Every string inside a worksheet value (answers, list rows, menu entries), at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_of(item)


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


def unprintable_note(count: int) -> str:
    """The one plain warning the command line prints and the print dialog shows above its preview
    when ``count`` characters print as :data:`PLACEHOLDER` (tests/core/pdf/test_unprintable.py)."""
    if count == 1:
        return ("1 character in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or "
                f"Arabic script); it shows as {PLACEHOLDER} on the page.")
    return (f"{count} characters in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or "
            f"Arabic script); they show as {PLACEHOLDER} on the page.")
