"""Spanish in usted: a blank and a take-home read in the formal register print every formal variant the
definition has, and none of the tú texts they replace; the same copies read in tú print the tú texts.

Copies are rendered here, not through conftest's cached helpers: those cache by language, and a formal
reader is equal to plain ``es`` (core.vocabulary.in_register).
"""

from __future__ import annotations

import dataclasses

import pytest

from ihrp_desktop.core.forms import FormDefinition, Text
from ihrp_desktop.core.pdf import PrintOptions, render_blank, render_worksheet
from ihrp_desktop.core.practice import Practice
from ihrp_desktop.core.safety import safety_content
from ihrp_desktop.core.vocabulary import Register, in_register
from tests.core.test_register import TU_ONLY, _texts, tu_words

from .conftest import HEADER, SHIPPED, every_value, pdf_text, shipped_form, squash

USTED = in_register("es", Register.FORMAL)


def _pairs(form: FormDefinition) -> list[tuple[str, str]]:
    """(tú, usted) for every client-facing text of ``form`` with a formal variant, and each safety
    point's."""
    pairs = [(t.by_language["es"], t.by_language["es_formal"]) for _, t in _texts(form, form.id)
             if "es_formal" in t.by_language]
    for block in safety_content().blocks:
        pairs += [(p.text["es"], p.text["es_formal"]) for p in block.points if "es_formal" in p.text]
    return pairs


def _check(form: FormDefinition, tu: str, usted: str) -> int:
    """How many formal variants this copy prints; fails on any tú text left where usted was asked."""
    assert tu_words(usted, TU_ONLY) == [], f"{form.id}: the usted copy says tú"
    tu, usted = squash(tu), squash(usted)
    printed = 0
    for plain, formal in _pairs(form):
        if squash(plain) in tu:
            assert squash(formal) in usted, f"{form.id}: the usted copy lacks {formal!r}"
            assert squash(plain) not in usted, f"{form.id}: the usted copy still says {plain!r}"
            printed += 1
    return printed


def _has_formal(form: FormDefinition) -> bool:
    return any("es_formal" in t.by_language for _, t in _texts(form, form.id))


@pytest.mark.parametrize("form_id", SHIPPED)
def test_a_usted_blank_prints_the_formal_text_and_no_tu_text_it_replaces(form_id: str) -> None:
    form = shipped_form(form_id)
    tu, usted = pdf_text(render_blank(form, "es")), pdf_text(render_blank(form, USTED))
    printed = _check(form, tu, usted)
    if _has_formal(form):
        assert printed >= 1  # the check above looked at something
    else:  # the AUDIT's published Spanish already says usted: both copies are the same
        assert squash(tu) == squash(usted)


@pytest.mark.parametrize("form_id", SHIPPED)
def test_a_usted_take_home_prints_the_formal_text_and_no_tu_text_it_replaces(form_id: str) -> None:
    form = shipped_form(form_id)
    values, _ = every_value(form)
    # A practice with its lines, and answers naming a substance: the safety section prints too.
    practice = Practice(name="Consulta", phone="555 0100", country="US", confirmed=True)
    header = dataclasses.replace(HEADER, practice=practice)
    if form.safety is not None:
        for fid in form.safety.substances:
            if isinstance(values.get(fid), str):
                values[fid] = "heroína y alcohol"
    copies = [pdf_text(render_worksheet(form, values, header, PrintOptions(language=lang)))
              for lang in ("es", USTED)]
    printed = _check(form, *copies)
    # A filled copy prints guidance only where the definition puts it beside answers: the plan's
    # purpose, the 18 Alternatives' menu, the safety plan's steps.
    if form_id in ("alternatives", "optimal_use_plan", "safety_plan"):
        assert printed >= 1
    if form.safety is not None and form.safety.substances:  # the safety points said usted too
        assert squash("Nunca consuma a solas") in squash(copies[1])


def test_the_word_catalogue_speaks_usted_on_a_formal_card_word() -> None:
    """The printed page's own words follow the register too (the pocket card's 'more in your plan')."""
    assert Text.of(en="x").get(USTED) == "x"
    from ihrp_desktop.core.pdf.words import word

    assert word("card.more", USTED) == "Más en su plan" and word("card.more", "es") == "Más en tu plan"
