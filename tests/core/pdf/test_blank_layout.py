"""The Optimal Use Plan's blank as a worksheet to hand over (issue 14): two pages, "How it goes now" beside
"My optimal use" row for row, a list's lead printed once, and room to write by hand."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.document import _context
from ihrp_desktop.core.pdf.drawings import LabelledLines, RuledLines
from ihrp_desktop.core.pdf.keeping import KeepWithFirst
from ihrp_desktop.core.pdf.packing import PairRow
from ihrp_desktop.core.pdf.story import worksheet_story

PAPERS = ("letter", "a4")
LANGUAGES = ("en", "es")
WORDS = {
    "en": ("How it goes now", "My optimal use", "Amount per occasion", "No more than", "Never"),
    "es": ("Cómo es ahora", "Mi uso óptimo", "Cantidad por ocasión", "No más de", "Nunca"),
}


def blank(language: str, paper: str) -> bytes:
    form = default_library().get("optimal_use_plan")
    options = PrintOptions(copy="blank", language=language, paper=paper)  # type: ignore[arg-type]
    return render_worksheet(form, {}, PrintHeader(), options)


def positions(data: bytes) -> list[tuple[int, str, float, float]]:
    """(page, text, x, y) of every text run."""
    found: list[tuple[int, str, float, float]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, number: int = number) -> None:
            if text.strip():
                x, y = (tm[4] + cm[4], tm[5] + cm[5]) if cm else (tm[4], tm[5])
                found.append((number, text.strip(), float(x), float(y)))

        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_how_it_goes_now_sits_beside_my_optimal_use(language: str, paper: str) -> None:
    now, optimal, amount, *_ = WORDS[language]
    found = positions(blank(language, paper))
    heads = [(p, x, y) for p, text, x, y in found if text in (now, optimal)]
    assert len(heads) == 2 and heads[0][0] == heads[1][0] and abs(heads[0][2] - heads[1][2]) < 1
    assert heads[0][1] < heads[1][1]  # "How it goes now" on the left
    amounts = [(x, y) for _, text, x, y in found if text.startswith(amount)]
    assert len(amounts) == 2 and abs(amounts[0][1] - amounts[1][1]) < 1  # the same question, one row


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blank_lists_lead_prints_once(language: str) -> None:
    """The leads "No more than" and "Never" start the first writing line only (not three times each)."""
    *_, limit, never = WORDS[language]
    texts = [text for _, text, _, _ in positions(blank(language, "letter"))]
    assert sum(text.startswith(f"• {limit}") for text in texts) == 1
    assert sum(text.startswith(f"• {never}") for text in texts) == 1


def _walk(flowables: list[Flowable]) -> Iterator[Flowable]:
    for flowable in flowables:
        if isinstance(flowable, KeepWithFirst):
            yield from _walk([*flowable.head, *flowable.rest])
        elif isinstance(flowable, PairRow):
            yield from _walk([f for cell in flowable.cells for f in cell])
        else:
            yield flowable


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_room_to_write_by_hand(language: str, paper: str) -> None:
    """Every writing line of the blank is at least 18 pt from the next (6.35 mm, narrow ruled paper), and
    every field written at length ("multiline") keeps two lines."""
    form = default_library().get("optimal_use_plan")
    ctx = _context(form, {}, PrintOptions(copy="blank", language=language, paper=paper))  # type: ignore[arg-type]
    story = worksheet_story(PrintHeader(), ctx)
    drawn = [f for f in _walk(story) if isinstance(f, LabelledLines | RuledLines)]
    assert drawn and min(f.spacing for f in drawn) >= 18
    multiline = [f for s in form.sections for f in s.fields if f.type == "multiline" and not f.is_clinician]
    two_lines = [f for f in drawn if f.lines >= 2]
    assert len(two_lines) >= len(multiline)
