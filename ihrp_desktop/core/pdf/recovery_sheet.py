"""The recovery sheet: one printed page holding the vault's recovery key and how to use it.

The key is shown once, when it is made, and kept nowhere else: this page is its only copy. The
page says what the key is, how to type it, how to use it, where to keep it and that anyone holding
it can open the records. The PDF is built in memory; its metadata holds only a neutral title.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from ..words import section
from .document import build_pdf
from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .markup import escape_text
from .options import Paper
from .paragraphs import Paragraph
from .styles import COLORS, MARGIN_SIDE, PAGE_SIZES
from .tables import Table
from .words import long_date

_word = section("recovery")


def key_groups(recovery_key: str) -> list[str]:
    """The key's groups of four as printed (``ABCD-EFGH-...`` -> ``["ABCD", "EFGH", ...]``)."""
    cleaned = "".join(c for c in recovery_key.upper() if c.isalnum())
    if not cleaned:
        raise ValueError("the recovery key is empty")
    return [cleaned[i : i + 4] for i in range(0, len(cleaned), 4)]


class KeyBlock(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """The key, large, in groups of four with dashes between, two rows of four groups.

    Each group is one run of text (so it copies and reads back as ``ABCD``), letter-spaced so every
    character stands apart.
    """

    FONT_SIZE = 24.0
    CHAR_SPACE = 4.0
    DASH = 28.0  # room for the dash between groups
    ROW = 40.0
    PAD = 16.0

    def __init__(self, recovery_key: str, label: str):
        super().__init__()
        self.groups = key_groups(recovery_key)
        self.label = label
        self.rows = [self.groups[i : i + 4] for i in range(0, len(self.groups), 4)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = 2 * self.PAD + 18 + len(self.rows) * self.ROW
        return self.width, self.height

    def _group_width(self, group: str, size: float) -> float:
        space = self.CHAR_SPACE * size / self.FONT_SIZE
        return float(self.canv.stringWidth(group, BOLD, size)) + space * (len(group) - 1)

    def draw(self) -> None:
        c: Canvas = self.canv
        c.saveState()
        c.setFillColor(COLORS.accent_soft)
        c.setStrokeColor(COLORS.accent_mid)
        c.setLineWidth(0.8)
        c.roundRect(0, 0, self.width, self.height, 6, stroke=1, fill=1)
        c.setFont(BOLD, 7.5)
        c.setFillColor(COLORS.accent)
        c.drawString(self.PAD, self.height - self.PAD - 6, self.label, charSpace=0.8)
        # Every group gets the width of the widest one, so the rows line up in columns; a key of
        # wide letters (W, M) is set a little smaller so that a row always fits the box.
        per_row = max(len(row) for row in self.rows)
        cell = max(self._group_width(g, self.FONT_SIZE) for g in self.groups)
        widest = per_row * cell + (per_row - 1) * self.DASH
        scale = min(1.0, (self.width - 2 * self.PAD) / widest)
        size, cell, dash = self.FONT_SIZE * scale, cell * scale, self.DASH * scale
        y = self.height - self.PAD - 18 - self.ROW + 11
        for row in self.rows:
            x = (self.width - (len(row) * cell + (len(row) - 1) * dash)) / 2
            previous_end = 0.0
            for index, group in enumerate(row):
                left = x + (cell - self._group_width(group, size)) / 2
                if index:
                    # The dash sits halfway between the groups' own edges, not their columns.
                    c.setFont(REGULAR, size)
                    c.setFillColor(COLORS.quiet)
                    c.drawCentredString((previous_end + left) / 2, y + 1, "-")
                c.setFont(BOLD, size)
                c.setFillColor(COLORS.ink)
                c.drawString(left, y, group, charSpace=self.CHAR_SPACE * scale)
                previous_end = left + self._group_width(group, size)
                x += cell + dash
            y -= self.ROW
        c.restoreState()


class _WriteLine(Flowable):  # type: ignore[misc]
    """A rule to write on by hand."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 22

    def draw(self) -> None:
        self.canv.setStrokeColor(COLORS.rule)
        self.canv.setLineWidth(0.7)
        self.canv.line(0, 2, self.width, 2)


@dataclass(frozen=True)
class _Footer:
    """The footer line, drawn on the page as every PDF's furniture is (:func:`.document.build_pdf`)."""

    left: str
    right: str

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        width, _ = canvas._pagesize  # noqa: SLF001 - ReportLab keeps the page size here
        y = 12 * mm
        canvas.saveState()
        canvas.setStrokeColor(COLORS.faint)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_SIDE, y + 10, width - MARGIN_SIDE, y + 10)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(COLORS.quiet)
        canvas.drawString(MARGIN_SIDE, y, self.left)
        canvas.drawRightString(width - MARGIN_SIDE, y, self.right)
        canvas.restoreState()


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    c = COLORS

    def style(name: str, size: float, leading: float, font: str = REGULAR, **extra: object) -> ParagraphStyle:
        settings: dict[str, object] = {"textColor": c.ink, "bulletFontName": REGULAR, **extra}
        return ParagraphStyle(f"recovery_{name}", fontName=font, fontSize=size, leading=leading, **settings)

    return {
        "eyebrow": style("eyebrow", 8, 10, BOLD, textColor=c.quiet),
        "title": style("title", 24, 29, BOLD, textColor=c.accent, spaceBefore=2, spaceAfter=4),
        "lead": style("lead", 12.5, 17, textColor=c.ink, spaceAfter=3),
        "made": style("made", 9, 12, ITALIC, textColor=c.muted, spaceAfter=14),
        "note": style("note", 9, 12.5, textColor=c.muted, spaceBefore=7),
        "head": style("head", 12, 15, BOLD, textColor=c.accent, spaceBefore=14, spaceAfter=4),
        "body": style("body", 10, 14),
        "step": style("step", 10, 14, leftIndent=16, bulletIndent=0, spaceAfter=3, bulletFontName=BOLD,
                      bulletColor=c.accent),
        "warn_head": style("warn_head", 10.5, 14, BOLD, textColor=c.clinician),
        "warn": style("warn", 10, 14),
        "small": style("small", 8.5, 11, textColor=c.quiet, spaceBefore=16),
    }


def _callout(head: Paragraph, body: Paragraph, width: float) -> Table:
    """A quiet box with a coloured bar on its left: the one warning on the page."""
    table = Table([[[head, body]]], colWidths=[width])
    table.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), COLORS.white),
            ("LINEBEFORE", (0, 0), (0, -1), 3, COLORS.clinician),
            ("BOX", (0, 0), (-1, -1), 0.6, COLORS.faint),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ]
    )
    return table


def render_recovery_sheet(
    recovery_key: str, *, created: dt.date, language: str = "en", paper: Paper = "letter"
) -> bytes:
    """The recovery sheet for ``recovery_key`` as one page of PDF bytes (English or Spanish).

    Noto Sans is embedded; the document info holds only the title ("Recovery sheet"), never the key.
    """
    def w(key: str) -> str:
        return _word(key, language)

    st = _styles()
    page_size = PAGE_SIZES[paper]
    width = page_size[0] - 2 * MARGIN_SIDE
    made = w("made").format(date=long_date(created, language))
    story: list[Flowable] = [
        Paragraph("IHRP DESKTOP", st["eyebrow"]),
        Paragraph(escape_text(w("title")), st["title"]),
        Paragraph(escape_text(w("lead")), st["lead"]),
        Paragraph(escape_text(made), st["made"]),
        KeyBlock(recovery_key, w("key_label")),
        Paragraph(escape_text(w("alphabet")), st["note"]),
        Paragraph(escape_text(w("use_head")), st["head"]),
    ]
    for number, step in enumerate(("use_1", "use_2", "use_3"), start=1):
        # The step texts hold only <b> markup of our own (menu paths), no typed text.
        story.append(Paragraph(w(step), st["step"], bulletText=f"{number}."))
    story += [
        Paragraph(escape_text(w("keep_head")), st["head"]),
        Paragraph(escape_text(w("keep")), st["body"]),
        Spacer(1, 14),
        _callout(Paragraph(escape_text(w("warn_head")), st["warn_head"]),
                 Paragraph(escape_text(w("warn")), st["warn"]), width),
        Paragraph(escape_text(w("new_head")), st["head"]),
        Paragraph(w("new"), st["body"]),
        Paragraph(escape_text(w("for_whom")), st["small"]),
        _WriteLine(),
    ]
    info = {"title": w("title"), "author": "", "subject": "", "creator": "", "producer": "", "keywords": ""}
    return build_pdf(story, language, _Footer(w("footer"), made), info, page_size,
                     margins=(MARGIN_SIDE, 18 * mm, 20 * mm))
