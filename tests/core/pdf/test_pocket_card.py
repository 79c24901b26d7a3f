"""The wallet card of the Optimal Use Plan."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf import PrintOptions, render_pocket_card


def test_card_holds_limits_never_list_and_safety(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("optimal_use_plan")
    data = render_pocket_card(form, kit.OPTIMAL_USE_PLAN, PrintOptions(discreet=True))
    reader = PdfReader(io.BytesIO(data))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (243, 153)  # 85.6 x 54 mm
    text = kit.squash(kit.pdf_text(data))
    for value in (
        "3 drinks on a night out",
        "before driving or picking up the kids",
        "Marta, +48 600 123 456",
        "112",
        "Kitchen drawer and my handbag",
    ):
        assert kit.squash(value) in text
    assert "Zofia" not in text and "OptimalUsePlan" not in text and "Clinical" not in text
    assert reader.metadata is not None and reader.metadata.title == "My plan"
    assert not reader.metadata.producer and not reader.metadata.creator  # empty or absent (PDF/A)


def test_card_in_spanish_and_for_a_worksheet_without_a_plan(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("optimal_use_plan")
    text = kit.pdf_text(render_pocket_card(form, kit.OPTIMAL_USE_PLAN, PrintOptions(language="es")))
    assert "Contacto" in text and "Mis límites" in text
    with pytest.raises(ValueError, match="pocket card"):
        render_pocket_card(kit.shipped_form("decisional_balance"), {}, PrintOptions())


@pytest.mark.parametrize(
    ("language", "lead", "never"), [("en", "No more than:", "Never"), ("es", "No más de:", "Nunca")]
)
def test_card_sets_a_lead_off_from_an_answer_in_another_language(
    kit: SimpleNamespace, language: str, lead: str, never: str
) -> None:
    """The card joins a list's lead to an answer as the plan does (lists.lead_prefix): "No más de: One pill",
    never "No más de One pill"; no lead before an answer that already starts with it in any language."""
    values = {"limits": [{"limit": "One pill in a day"}], "never": [{"item": "Never after drinking"}]}
    form = kit.shipped_form("optimal_use_plan")
    text = " ".join(kit.pdf_text(render_pocket_card(form, values, PrintOptions(language=language))).split())
    assert f"{lead} One pill in a day" in text, text
    assert f"{lead[:-1]} One pill" not in text
    assert "Never after drinking" in text and f"{never} Never after" not in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_safety_plan_prints_as_a_pocket_card(kit: SimpleNamespace, language: str) -> None:
    """Issue 16: the safety plan's card holds what its [pocket_card] declares (data, not code): the
    warning signs and what helps on the front, the people to ask, the safety points and the lines on
    the back; discreet, it names no worksheet."""
    from ihrp_desktop.core.pdf.pocket_sheet import card_sheet
    from ihrp_desktop.core.practice import Practice

    form = kit.shipped_form("safety_plan")
    assert form.pocket_card is not None and form.pocket_card.back_lists == ("helpers",)
    values = {"warning_signs": [{"sign": "Skipping meals"}], "coping": [{"what": "A walk with the dog"}],
              "helpers": [{"name": "Marta", "phone": "555-0199"}, {"name": "Dr. Reyes", "phone": ""}],
              "professionals": [{"name": "Not on the card", "phone": "555-0000"}]}
    practice = Practice(name="Clinic", phone="555-0100", confirmed=True).with_country("US")
    data, shortened = card_sheet(form, values, PrintOptions(language=language, discreet=True), practice)
    text = " ".join(kit.pdf_text(data).split())
    assert not shortened
    for words in ("Skipping meals", "A walk with the dog", "Marta, 555-0199", "Dr. Reyes", "988", "911"):
        assert words in text, words
    assert "Not on the card" not in text and form.title.get(language) not in text
    # A heading per group, bare bullets under it: no "Sign:" before each sign ([pocket_card] bare_lists).
    for lead in {"en": ("Sign:", "What I can do:"), "es": ("Señal:", "Lo que puedo hacer:")}[language]:
        assert lead not in text, lead
    for heading in (form.field("warning_signs").label, form.field("coping").label):  # type: ignore[union-attr]
        assert heading.get(language) in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_plan_s_emergency_number_prints_at_the_lines_size(kit: SimpleNamespace, language: str) -> None:
    """The card's own "Emergency number" sat at 7 pt beside 9 pt safety points and lines (issue 14):
    it prints at their size (``large`` in the plan's [pocket_card])."""
    from ihrp_desktop.core.pdf.styles import CARD_SAFETY_SIZE
    from tests.core.pdf.test_typography import runs

    form = kit.shipped_form("optimal_use_plan")
    values = {**kit.OPTIMAL_USE_PLAN, "emergency_number": "112"}
    data = render_pocket_card(form, values, PrintOptions(language=language))
    label = form.field("emergency_number").label.get(language)
    found = [(text, size) for page in runs(data) for text, size, _, _ in page if "112" in text]
    assert [text for text, _ in found] == [f"{label}: 112"]  # label and number, one line
    assert all(size >= CARD_SAFETY_SIZE - 0.01 for _, size in found), found
