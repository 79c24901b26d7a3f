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
    multiline = [f for s in form.sections for f in s.fields
                 if f.type == "multiline" and not f.is_clinician and f.on_blank]
    two_lines = [f for f in drawn if f.lines >= 2]
    assert len(two_lines) >= len(multiline)


PARTS = {
    "en": ("My limits and days without using", "My “never” list", "Staying safe", "High-risk situations"),
    "es": (
        "Mis límites y días sin consumir",
        "Mi lista de “nunca”",
        "Cuidar mi seguridad",
        "Situaciones de alto riesgo",
    ),
}
LEARNED = {
    "en": ("Why, or why not", "Each part of the experiment"),
    "es": ("Por qué sí o por qué no", "Cada parte del experimento"),
}


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_menu_prints_each_part_on_one_row(language: str, paper: str) -> None:
    """Each part of the experiment: its label, its tick boxes and its "Why, or why not" line on one row,
    18 pt or more apart (room to write), the column heads printed once instead of a lead per part."""
    found = positions(blank(language, paper))
    learned, menu_label = LEARNED[language]
    page, top = next((p, y) for p, text, _, y in found if text == menu_label)
    below = sorted(
        {
            y
            for p, text, _, y in found
            if p == page
            and top - 160 < y < top
            and len(text) > 3
            and any(f"{n}. {part}".startswith(text) for n, part in enumerate(PARTS[language], start=1))
        },
        reverse=True,
    )
    assert len(below) == 4  # a part that wraps prints its first line at its row's top
    gaps = [a - b for a, b in zip(below, below[1:], strict=False)]
    assert all(18 <= gap <= 40 for gap in gaps)
    texts = [text for _, text, _, _ in found]
    assert not any(text.startswith(f"{learned}:") for text in texts)  # no lead under each part
    assert sum(text == menu_label for text in texts) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_menu_with_long_options_keeps_its_write_in_under_each_option(language: str) -> None:
    """The 18 Alternatives' options are too long to share a row with a line: each keeps its own lead."""
    form = default_library().get("alternatives")
    options = PrintOptions(copy="blank", language=language)
    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(render_worksheet(form, {}, PrintHeader(), options))).pages
    )
    menu = next(f for s in form.sections for f in s.fields if f.type == "menu")
    lead = {"en": "How it would look for me:", "es": "Cómo sería para mí:"}[language]
    assert text.count(lead) == len(menu.rows)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_short_section_prompt_sits_on_its_headings_line(language: str, paper: str) -> None:
    """ "Review   Filled in together at the review session...": one line saved under the heading."""
    form = default_library().get("optimal_use_plan")
    review = next(s for s in form.sections if s.id == "review")
    title, hint = review.title.get(language), review.guidance.get(language)  # type: ignore[union-attr]
    found = positions(blank(language, paper))
    head = next((p, y) for p, text, _, y in found if text == title)
    prompt = next((p, y) for p, text, _, y in found if hint.startswith(text) and len(text) > 10)
    assert head[0] == prompt[0] and abs(head[1] - prompt[1]) < 3


def test_blank_columns_split_between_fields_in_order() -> None:
    """A block of blank fields in two columns that does not fit breaks between fields, in reading order:
    the fields that fit above the break, the rest below."""
    from ihrp_desktop.core.pdf.packing import ColumnsRow, field_cell

    form = default_library().get("optimal_use_plan")
    ctx = _context(form, {}, PrintOptions(copy="blank"))
    fields = [f for s in form.sections if s.id == "safety" for f in s.fields][:5]
    cells = [field_cell(f, ctx) for f in fields]
    block = ColumnsRow(cells, ctx.width)
    _, height = block.wrap(ctx.width, 10_000)
    above, below = block.split(ctx.width, height - 20)
    assert isinstance(above, ColumnsRow) and isinstance(below, ColumnsRow)
    assert above.fields + below.fields == cells
    assert above.wrap(ctx.width, 10_000)[1] <= height - 20
    assert block.split(ctx.width, 5) == []  # nothing fits: the whole block goes to the next page


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_ruler_keeps_its_questions_under_it(language: str, paper: str) -> None:
    """Blank rulers sit two to a row, each with the questions written after it in its own column:
    "Why this number and not a lower one?" prints under its ruler, never beside another ruler."""
    form = default_library().get("decisional_balance")
    options = PrintOptions(copy="blank", language=language, paper=paper)  # type: ignore[arg-type]
    found = positions(render_worksheet(form, {}, PrintHeader(), options))
    rulers = [f for _, f in form.all_fields() if f.type == "scale"]
    why = {"en": "Why this number", "es": "¿Por qué este número"}[language]
    for ruler in rulers:
        label = ruler.label.get(language)
        page, x, y = next((p, x, y) for p, text, x, y in found if label.startswith(text) and len(text) > 10)
        below = [yy for p, text, xx, yy in found if text.startswith(why) and p == page and abs(xx - x) < 2]
        assert any(0 < y - yy < 90 for yy in below), label


def test_the_plan_s_ruler_sits_beside_its_substance_and_goal() -> None:
    """The plan's confidence ruler and "My reasons" take one column beside the substance and the goal
    (the plan's blank: 2 pages)."""
    found = positions(blank("en", "letter"))
    place = {text: (x, y) for p, text, x, y in found if p == 0}
    ruler = place["How sure am I that I can try this plan?"]
    assert place["Substance, and what I use together with it"][0] < ruler[0]
    assert abs(place["Substance, and what I use together with it"][1] - ruler[1]) < 3
