"""The bundled Unicode fonts, registered with ReportLab once per process.

ReportLab's built-in Helvetica only knows Latin-1: Polish, Cyrillic and many names would print as
boxes and could not be copied out of the PDF. Noto Sans is embedded (subset) in every PDF. What it
lacks (emoji, arrows, dingbats) comes from a subset of Symbola, loaded only for a page that has
such a character (:mod:`.fallback`).
"""

from __future__ import annotations

import re
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import font_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"

SYMBOLS = "Symbola-Symbols"

_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf", ITALIC: "NotoSans-Italic.ttf"}
_SYMBOLS_FILE = "Symbola-Symbols.ttf"
_lock = threading.Lock()
_registered = False
_symbols: dict[int, int] | None = None


# ReportLab writes a subset's characters beyond U+FFFF (emoji) into its ToUnicode map as five hex
# digits (<1F331>), which PDF readers reject: the emoji printed but could not be copied or searched.
# Readers expect the UTF-16 pair (<D83CDF31>). Every other line stays ReportLab's own.
_BEYOND_BMP = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)
_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    def utf16(match: re.Match[str]) -> str:
        pair = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
        return f"{match.group(1)}<{pair}>"

    return _BEYOND_BMP.sub(utf16, _reportlab_to_unicode_cmap(fontname, subset))


def _use_utf16_to_unicode() -> None:
    """Put :func:`_to_unicode_cmap` in ReportLab's place (it looks the function up by name when a
    document is saved). Called with the lock held, by whatever registers one of our fonts first."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def register_fonts() -> str:
    """Register Noto Sans (regular, bold, italic) if not done yet; return the family name.

    Safe to call from several threads (preview rendering runs on a worker).
    """
    global _registered
    with _lock:
        if not _registered:
            _use_utf16_to_unicode()
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
            # <b> and <i> inside paragraphs pick these faces; there is no bold italic file.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, ITALIC)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR


def symbols() -> dict[int, int]:
    """Register the symbols face if not done yet; return its characters (code point -> glyph).

    Done the first time a page needs it, so only such a page pays (docs/performance.md).
    """
    global _symbols
    with _lock:
        if _symbols is None:
            _use_utf16_to_unicode()
            face = TTFont(SYMBOLS, str(font_path(_SYMBOLS_FILE)))
            pdfmetrics.registerFont(face)
            _symbols = face.face.charToGlyph
    return _symbols
