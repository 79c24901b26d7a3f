"""User text made safe for ReportLab paragraphs, and long answers cut into flowing pieces.

Paragraph text is a small XML markup language; a client typing ``<b>`` or ``&`` must see exactly
that on paper, never bold text or a crash. Every piece of user or definition text goes through
:func:`escape_text` before it reaches a :class:`~reportlab.platypus.Paragraph`.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from .paragraphs import Paragraph

# Control characters would break the paragraph parser (and print nothing useful).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")
# A paragraph longer than this is cut into pieces so that pages fill fast and evenly.
MAX_PIECE = 1800


def clean_text(text: str) -> str:
    """Newlines normalised, control characters and lone surrogates removed."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text)


def escape_text(text: str) -> str:
    """``text`` as literal paragraph markup: ``& < >`` escaped, newlines as ``<br/>``."""
    return escape(clean_text(text)).replace("\n", "<br/>")


def lead_in(label: str) -> str:
    """A label introducing an answer on the same line: "Notes:", but "What else could I do?" as is."""
    label = label.strip()
    return label if label.endswith(("?", ":", "¿", "…")) else f"{label}:"


def lead_markup(label: str, color: str, bold: bool = False) -> str:
    """Markup for a label that introduces an answer on its line ("Notes: ..."), in ``color``."""
    text = escape_text(lead_in(label))
    return f'<font color="{color}">{"<b>" + text + "</b>" if bold else text}</font> '


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of literal (escaped) text."""
    return Paragraph(escape_text(text), style)


def _pieces(block: str, limit: int) -> list[str]:
    """Cut an over-long block at line breaks, then at spaces, into pieces of at most ``limit``."""
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            head, line = line[:cut], line[cut:].lstrip(" ")
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + len(line) + 1 > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        pieces.append(current)
    return pieces


def user_text(text: str, style: ParagraphStyle, *, gap: float = 4, limit: int = MAX_PIECE) -> list[Flowable]:
    """A typed answer as paragraphs that split across pages (blank lines start a new paragraph)."""
    blocks = [b.strip("\n") for b in _BLANK_LINE.split(clean_text(text)) if b.strip()]
    out: list[Flowable] = []
    for index, block in enumerate(blocks):
        if index:
            out.append(Spacer(1, gap))
        for piece in _pieces(block, limit) if len(block) > limit else [block]:
            out.append(Paragraph(escape(piece).replace("\n", "<br/>"), style))
    return out


def shortened(text: str, limit: int | None) -> str:
    """``text`` cut to about ``limit`` characters at a space, ending in "…" (whole when it fits)."""
    if limit is None or len(text) <= limit:
        return text
    cut = text[:limit]
    at_space = cut.rsplit(" ", 1)[0]
    return (at_space if len(at_space) > limit // 2 else cut).rstrip(" ,;:.·-") + "…"
