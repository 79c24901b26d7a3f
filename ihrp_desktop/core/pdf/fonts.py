"""The bundled Unicode font (Noto Sans), registered with ReportLab once per process.

ReportLab's built-in Helvetica only knows Latin-1: Polish, Cyrillic and many names would print as
boxes and could not be copied out of the PDF. Noto Sans is embedded (subset) in every PDF.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import font_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"

_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf", ITALIC: "NotoSans-Italic.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register Noto Sans (regular, bold, italic) if not done yet; return the family name.

    Safe to call from several threads (preview rendering runs on a worker).
    """
    global _registered
    with _lock:
        if not _registered:
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
            # <b> and <i> inside paragraphs pick these faces; there is no bold italic file.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, ITALIC)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR
