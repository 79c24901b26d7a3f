"""The printed safety section: chosen by the plan's substances and routes, legible, cited; the take-home
header and foot (next appointment, the practice's contact)."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.styles import COLORS, styles
from ihrp_desktop.core.practice import Practice
from ihrp_desktop.core.safety import safety_content

PRACTICE = Practice(name="Riverside Counseling", phone="555-0100", confirmed=True).with_country("US")

OPIOID_PLAN: dict[str, Any] = {
    "substance": "Heroin, sometimes pressed oxys",
    "current_route": "Injecting",
    "limits": [{"limit": "One bag a day"}],
    "experiment_review": "2025-04-02",
}


def _plan(kit: SimpleNamespace, values: dict[str, Any], **options: Any) -> bytes:
    header = SimpleNamespace(**{**kit.HEADER.__dict__, "practice": PRACTICE})
    return render_worksheet(kit.shipped_form("optimal_use_plan"), values, header, PrintOptions(**options))


def _sized_runs(data: bytes) -> list[tuple[str, float, str]]:
    """(text, font size in points, font name) of every text run of every page."""
    runs: list[tuple[str, float, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if text.strip() and font is not None:
                runs.append((text.strip(), float(size) * abs(float(tm[0]) or 1.0),
                             str(font.get("/BaseFont", ""))))
        page.extract_text(visitor_text=visit)
    return runs


def test_an_alcohol_only_plan_prints_withdrawal_and_mixing_but_no_naloxone_steps(
    kit: SimpleNamespace,
) -> None:
    text = kit.squash(kit.pdf_text(_plan(kit, kit.OPTIMAL_USE_PLAN)))
    assert kit.squash("stopping suddenly can cause seizures") in text
    assert kit.squash("sleeping pills slows breathing far more") in text
    assert kit.squash("After a break, the old amount can be an overdose") in text  # the "any substance" block
    assert kit.squash("give naloxone") not in text and "Opioids:overdose" not in text
    assert kit.squash("If someone can't be woken or isn't breathing well") not in text  # the old run-on


def test_an_opioid_plan_that_injects_prints_overdose_naloxone_and_injecting(kit: SimpleNamespace) -> None:
    text = kit.squash(kit.pdf_text(_plan(kit, OPIOID_PLAN)))
    for words in ("Signs: can't be woken", "give naloxone", "Never use alone", "fentanyl test strips",
                  "New needle, syringe", "Test for HIV and hepatitis C", "After a break"):
        assert kit.squash(words) in text, words
    assert kit.squash("stopping suddenly can cause seizures") not in text  # no alcohol or benzos named
    assert kit.squash("SAMHSA Overdose Prevention and Response Toolkit") in text  # cited on the page


def test_the_lines_print_with_their_labels_and_in_spanish(kit: SimpleNamespace) -> None:
    text = kit.squash(kit.pdf_text(_plan(kit, OPIOID_PLAN, language="es")))
    assert kit.squash("Señales: no despierta") in text and kit.squash("da naloxona") in text
    assert kit.squash("988 Línea de Prevención del Suicidio y Crisis (llamada o texto): 988") in text
    assert kit.squash("1-800-222-1222") in text and kit.squash("Emergencias: 911") in text


def test_safety_text_prints_at_11_pt_or_more_in_ink_never_grey_italic(kit: SimpleNamespace) -> None:
    runs = _sized_runs(_plan(kit, OPIOID_PLAN))
    points = [p.get("en") for b in safety_content().blocks for p in b.points]
    safety_runs = [(t, size, font) for t, size, font in runs if any(t in p for p in points if len(t) > 12)]
    assert len(safety_runs) >= 8
    assert all(size >= 11 for _, size, _ in safety_runs), safety_runs
    assert not any("Italic" in font for _, _, font in safety_runs)
    style = styles().safety
    assert style.fontSize >= 11 and style.textColor == COLORS.ink and "Italic" not in style.fontName


def test_the_take_home_header_shows_the_next_appointment_not_status_or_version(kit: SimpleNamespace) -> None:
    take_home = kit.squash(kit.pdf_text(_plan(kit, OPIOID_PLAN)))
    assert kit.squash("Next appointment April 2, 2025") in take_home
    for admin in ("Status", "Draft", "Filledinby", "Version"):
        assert admin not in take_home, admin
    clinician = kit.squash(kit.pdf_text(_plan(kit, OPIOID_PLAN, copy="clinician")))
    assert "Status" in clinician and "Version" in clinician


def test_the_foot_names_the_practice_and_a_discreet_foot_only_says_call(kit: SimpleNamespace) -> None:
    bands = kit.page_bands(_plan(kit, OPIOID_PLAN))
    assert all(kit.squash("Riverside Counseling · 555-0100") in kit.squash(foot) for _, foot, _ in bands)
    discreet = kit.page_bands(_plan(kit, OPIOID_PLAN, discreet=True))
    for _, foot, _ in discreet:
        assert kit.squash("Call: 555-0100") in kit.squash(foot) and "Riverside" not in foot
    body = kit.squash(kit.pdf_text(_plan(kit, OPIOID_PLAN, discreet=True)))
    assert kit.squash("If someone can't be woken or is breathing slowly: call emergency services") in body
    assert kit.squash("Talk to someone: 988") in body and "Lifeline" not in body


@pytest.mark.parametrize("block", safety_content().blocks, ids=lambda b: b.id)
def test_every_block_cites_its_source_and_has_both_languages_and_a_discreet_form(block: Any) -> None:
    assert block.sources and all("http" in s for s in block.sources)
    assert block.title.get("en") and block.title.get("es")
    for point in block.points:
        for lang in ("en", "es"):
            assert point.get(lang) and point.get(lang, discreet=True)
