"""Blanks for paper use: the page counts clinicians' paper worksheets have, on both papers, in both
languages (issue 14)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet

# At most this many pages (issue 14: the paper worksheets clinicians use run 1 to 2).
MOST_PAGES = {"decisional_balance": 2, "microanalysis": 3, "alternatives": 3, "optimal_use_plan": 2}


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", sorted(MOST_PAGES))
def test_blank_page_counts(form_id: str, language: str, paper: str) -> None:
    options = PrintOptions(copy="blank", language=language, paper=paper)  # type: ignore[arg-type]
    data = render_worksheet(default_library().get(form_id), {}, PrintHeader(), options)
    assert len(PdfReader(io.BytesIO(data)).pages) <= MOST_PAGES[form_id]


def _blank_text(form_id: str, language: str = "en") -> str:
    options = PrintOptions(copy="blank", language=language)  # type: ignore[arg-type]
    data = render_worksheet(default_library().get(form_id), {}, PrintHeader(), options)
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_blank_prints_no_app_only_sentence(language: str) -> None:
    """Only the app offers the microanalysis's findings: a blank prints the prompt without that
    sentence (the definition's ``blank`` form of the guidance)."""
    text = " ".join(_blank_text("optimal_use_plan", language).split())
    assert ("Starting a plan" not in text) and ("Al empezar un plan" not in text)
    assert ("pull me past my plan" in text) or ("llevarme más allá de mi plan" in text)


def test_a_blank_plan_asks_what_i_learned_once() -> None:
    """The review asks "What I learned" once; each part's "Why, or why not" stands for "What got in
    the way" on paper."""
    text = _blank_text("optimal_use_plan")
    assert text.count("What I learned") == 1 and "What got in the way" not in text
    assert "Why, or why not" in text and "What I'll change in the next version" in text


def test_a_blank_plan_asks_the_check_in_number_on_the_check_in_line() -> None:
    text = _blank_text("optimal_use_plan")
    assert "who checks in on me (name, number)" in text and "Their number" not in text


def test_a_blank_chain_offers_four_links() -> None:
    """The microanalysis chain prints four empty links side by side."""
    data = render_worksheet(
        default_library().get("microanalysis"), {}, PrintHeader(), PrintOptions(copy="blank")
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert all(f"Link {n}" in text for n in (1, 2, 3, 4))


def test_fields_left_off_the_blank_print_when_filled() -> None:
    """``on_blank = false`` is for paper use only: a filled take-home prints the answer."""
    values = {"review_in_the_way": "Weekend visits", "checkin_number": "555 0100", "checkin_person": "Sam"}
    data = render_worksheet(
        default_library().get("optimal_use_plan"), values, PrintHeader(), PrintOptions(copy="take-home")
    )
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Weekend visits" in text and "555 0100" in text and "What got in the way" in text
    assert "(name, number)" not in text  # the blank form of the label is for blanks only


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", ["optimal_use_plan", "alternatives"])
def test_no_page_of_the_plan_s_blank_ends_with_a_heading(form_id: str, language: str, paper: str) -> None:
    form = default_library().get(form_id)
    options = PrintOptions(copy="blank", language=language, paper=paper)  # type: ignore[arg-type]
    pages = PdfReader(io.BytesIO(render_worksheet(form, {}, PrintHeader(), options))).pages
    titles = {s.title.get(language) for s in form.sections}
    foot = ("Page ", "Página ", "Blank worksheet", "Hoja en blanco")
    for page in pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(foot) and not line.endswith(foot)]
        assert body and not any(body[-1].startswith(title) for title in titles), body[-3:]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_alternatives_blank_asks_what_paper_needs(language: str) -> None:
    """Paper leaves off what only the app needs: the "Notes" line (the margins serve), the "Doesn't
    apply to me" box (a take-home copy leaves such rows off; on paper a person strikes the row out),
    the sentence on carrying options into a plan, and "More about what I tried", which the review's
    table asks option by option; "What I learned" is asked once. The cautions and the numbers stay."""
    text = " ".join(_blank_text("alternatives", language).split())
    words = {
        "en": ("Notes", "Doesn't apply", "can be carried", "More about what I tried", "What I learned",
               "Why, or why not", "Take care: after daily", "22. Stop"),
        "es": ("Notas", "No aplica", "se pueden pasar", "Más sobre lo que probé", "Lo que aprendí",
               "Por qué sí o por qué no", "Cuidado: tras beber", "22. Parar"),
    }[language]
    notes, not_for_me, carried, tried, learned, why, caution, last = words
    assert notes not in text and not_for_me not in text and carried not in text and tried not in text
    assert text.count(learned) == 1 and why in text
    assert text.count(caution) == 2 and last in text


def test_the_alternatives_status_heads_fit_their_boxes() -> None:
    """A status head's longest word ("Considering") fits its column: no head runs into the next."""
    from ihrp_desktop.core.pdf.context import RenderContext
    from ihrp_desktop.core.pdf.fallback import string_width
    from ihrp_desktop.core.pdf.menu import box_width

    form = default_library().get("alternatives")
    for language in ("en", "es"):
        ctx = RenderContext(form, {}, language, "blank")
        status = form.field("alternatives").columns[0]  # type: ignore[union-attr]
        head = ctx.style.menu_head
        widest = max(string_width(w, head.fontName, head.fontSize)
                     for o in status.options for w in ctx.text(o.label).split())
        assert box_width(list(status.options), ctx) >= widest + 2
