"""The printed look as data: colours, a small type scale, paragraph styles, page margins.

Calm and clinic-proud: generous margins, one soft accent colour, quiet guidance, no heavy boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import BOLD, ITALIC, REGULAR, register_fonts


@dataclass(frozen=True)
class Palette:
    """The few colours the page uses."""

    ink: Color = HexColor("#1F2A2E")
    muted: Color = HexColor("#56646A")
    quiet: Color = HexColor("#7D888D")
    rule: Color = HexColor("#C9D3D6")
    faint: Color = HexColor("#E4EAEC")
    accent: Color = HexColor("#2E6F73")
    accent_soft: Color = HexColor("#E7F1F0")
    accent_mid: Color = HexColor("#9CC3C1")
    clinician: Color = HexColor("#8E3B46")
    white: Color = HexColor("#FFFFFF")


COLORS = Palette()

PAGE_SIZES = {"letter": LETTER, "a4": A4}
MARGIN_SIDE = 16 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 14 * mm
HEADER_OFFSET = 9 * mm  # header baseline, from the top edge
FOOTER_OFFSET = 8 * mm  # footer baseline, from the bottom edge

ANSWER_SIZE = 11.0  # points: every answer
LABEL_SIZE = 9.5  # points: every field label and column head
SAFETY_SIZE = 11.0  # points: the ``safety`` style
# The foot's contact ("Call: 555-0100", the practice's name and phone) is a label the client acts on.
FOOT_CONTACT_SIZE = LABEL_SIZE
# The running header of later pages (the worksheet's title, the client's name, the date): labels.
RUNNING_HEADER_SIZE = LABEL_SIZE
# The copy's name and "Page 1 of 2" in the foot: page furniture, neither a label the client reads
# for the plan nor a promise.
FURNITURE_SIZE = 8.0
# The "small" style: the safety section's "Not medical advice. Sources: ..." line and the form's
# attribution are citations, not a promise or safety text, so they may stay below the label size.
CITATION_SIZE = 8.0
# The pocket card's smallest type, after any shrinking to fit: a card too full for it is shortened
# instead, each long item ending in "…" (tests/core/pdf/test_pocket_card_fit.py reads the sizes back).
CARD_MIN_SIZE = 6.5  # points
CARD_TEXT_SIZE = 7.0  # points: the card's items and headings before shrinking
# The card's safety points and help lines: where a person in distress reads them, never shrunk, and no
# other text on the card is larger (tests/core/pdf/test_pocket_card_fit.py::test_safety_text_is_the_largest).
CARD_SAFETY_SIZE = 9.0


def hex_color(color: Color) -> str:
    """``#RRGGBB`` for paragraph ``<font color>`` markup."""
    return "#" + str(color.hexval())[2:]


@dataclass(frozen=True)
class Styles:
    """Paragraph styles by role."""

    title: ParagraphStyle
    purpose: ParagraphStyle
    section: ParagraphStyle
    label: ParagraphStyle
    hint: ParagraphStyle
    value: ParagraphStyle
    value_strong: ParagraphStyle
    quiet: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_quiet: ParagraphStyle
    cell_right: ParagraphStyle
    box_title: ParagraphStyle
    meta_label: ParagraphStyle
    meta_value: ParagraphStyle
    marker: ParagraphStyle
    # Derived from the ones above for one kind of flowable (built here once, not on every render).
    bullet: ParagraphStyle
    card: ParagraphStyle
    scale_high: ParagraphStyle
    menu_detail: ParagraphStyle
    menu_head: ParagraphStyle
    # Life-safety text: body size or larger, ink, never grey or italic
    # (tests/core/pdf/test_safety_section.py).
    safety: ParagraphStyle
    safety_head: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles (fonts registered first)."""
    register_fonts()
    c = COLORS

    def style(
        name: str, size: float, leading: float, font: str = REGULAR, color: Color = c.ink, **extra: object
    ) -> ParagraphStyle:
        # Bullets in the text face too: ReportLab's default bullet face (Helvetica) is not embedded.
        settings: dict[str, object] = {
            "alignment": TA_LEFT, "splitLongWords": 1, "bulletFontName": REGULAR, **extra
        }
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, textColor=color, **settings
        )

    # For the person holding the paper: answers at 11 pt or more, labels at 9.5 pt or more, safety
    # text at 11 pt in ink, upright (tests/core/pdf/test_typography.py reads the sizes back).
    value = style("value", ANSWER_SIZE, 13, spaceBefore=0.5)
    cell = style("cell", ANSWER_SIZE, 13.2)
    cell_head = style("cell_head", LABEL_SIZE, 12, BOLD, c.muted)
    cell_quiet = style("cell_quiet", LABEL_SIZE, 12, REGULAR, c.quiet)
    return Styles(
        title=style("title", 19, 23, BOLD, c.accent, spaceAfter=1),
        purpose=style("purpose", 9.5, 13.5, ITALIC, c.muted, spaceAfter=4),
        section=style("section", 12.5, 14.5, BOLD, c.accent, spaceBefore=4, spaceAfter=1.5, keepWithNext=1),
        label=style("label", LABEL_SIZE, 12, BOLD, c.muted, spaceBefore=3, spaceAfter=1, keepWithNext=1),
        hint=style("hint", 9, 11.5, ITALIC, c.quiet, spaceAfter=2, keepWithNext=1),
        value=value,
        value_strong=style("value_strong", ANSWER_SIZE, 13.2, BOLD),
        quiet=style("quiet", 9, 11.5, ITALIC, c.quiet, spaceBefore=1, spaceAfter=1),
        small=style("small", CITATION_SIZE, 10.5, REGULAR, c.quiet),
        cell=cell,
        cell_head=cell_head,
        cell_quiet=cell_quiet,
        cell_right=style("cell_right", 9.5, 12.5, alignment=TA_RIGHT),
        box_title=style("box_title", 9.5, 12.5, BOLD, c.accent),
        # The header facts: "Date", "Next appointment", the client's name
        # (tests/core/pdf/test_header_sizes.py).
        meta_label=style("meta_label", LABEL_SIZE, 12, REGULAR, c.muted),
        meta_value=style("meta_value", ANSWER_SIZE, 13.2, BOLD, c.ink),
        marker=style("marker", 8, 10, BOLD, c.clinician),
        bullet=ParagraphStyle(
            "bullet", parent=value, leftIndent=13, bulletIndent=2, spaceBefore=0.5, bulletColor=c.accent
        ),
        card=ParagraphStyle("card", parent=cell, leftIndent=10, spaceBefore=1.5),
        scale_high=ParagraphStyle("scale_high", parent=cell_quiet, alignment=TA_RIGHT),
        menu_detail=ParagraphStyle("menu_detail", parent=cell, leftIndent=8, spaceBefore=1),
        menu_head=ParagraphStyle(
            "menu_head", parent=cell_head, alignment=1, fontSize=LABEL_SIZE, leading=11, splitLongWords=0
        ),
        safety=style("safety", SAFETY_SIZE, 14, REGULAR, c.ink, leftIndent=11, bulletIndent=1, spaceBefore=1,
                     bulletColor=c.accent),
        safety_head=style("safety_head", SAFETY_SIZE, 14, BOLD, c.accent, spaceBefore=4, keepWithNext=1),
    )
