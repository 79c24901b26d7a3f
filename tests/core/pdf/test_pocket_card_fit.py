"""The pocket card never prints below CARD_MIN_SIZE (6.5 pt): a plan too full for it is shortened
with "…" and says "More in your plan" (issue 14's stranger, case 7: 3,000- and 5,000-character
items printed at 1.7-1.8 pt). Sizes are read back from the PDF's text and page matrices."""

from __future__ import annotations

import io
import math
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf import PrintOptions
from ihrp_desktop.core.pdf.pocket_card import card_points
from ihrp_desktop.core.pdf.pocket_sheet import card_context, card_fit, card_sheet
from ihrp_desktop.core.pdf.styles import CARD_MIN_SIZE

SENTENCE = "Only two drinks, then water and food, and home by eleven with a friend. "


def _sizes(data: bytes) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
            if text.strip():
                scale = math.hypot(tm[2], tm[3]) * (math.hypot(cm[2], cm[3]) if cm else 1)
                out.append((size * scale, text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def _long(n: int) -> str:
    return (SENTENCE * (n // len(SENTENCE) + 1))[:n]


@pytest.mark.parametrize("language,more", [("en", "More in your plan"), ("es", "Más en tu plan")])
@pytest.mark.parametrize("discreet", [True, False])
def test_long_items_are_shortened_not_shrunk(kit: SimpleNamespace, language, more, discreet) -> None:
    values = dict(kit.OPTIMAL_USE_PLAN, limits=[{"limit": _long(3000)}], never=[{"item": _long(5000)}])
    data, shortened = card_sheet(kit.shipped_form("optimal_use_plan"), values,
                                 PrintOptions(language=language, discreet=discreet))
    assert shortened
    sizes = _sizes(data)
    assert min(size for size, _ in sizes) >= CARD_MIN_SIZE - 0.05, sorted(sizes)[:3]
    text = kit.squash(kit.pdf_text(data))
    assert kit.squash(more) in text and "…" in text
    assert kit.squash("Only two drinks, then water") in text  # each item's start is kept


def test_a_plan_that_fits_is_printed_whole(kit: SimpleNamespace) -> None:
    data, shortened = card_sheet(kit.shipped_form("optimal_use_plan"), kit.OPTIMAL_USE_PLAN, PrintOptions())
    assert not shortened
    text = kit.pdf_text(data)
    assert "More in your plan" not in text and "…" not in text
    assert min(size for size, _ in _sizes(data)) >= CARD_MIN_SIZE - 0.05


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("discreet", [True, False])
@pytest.mark.parametrize("substance", ["Heroin, sometimes fentanyl", "Wine", "Xanax and beer"])
def test_safety_text_is_the_largest(
    kit: SimpleNamespace, language: str, discreet: bool, substance: str
) -> None:
    """The card's safety points and help lines print at CARD_SAFETY_SIZE (9 pt) or larger, ink, upright,
    and no other text on the card is larger; the points are the plan's own (chosen by its substance),
    as many as fit, and the card says "More in your plan" when one is left off."""
    from ihrp_desktop.core.pdf.pocket_card import card_context, card_points
    from ihrp_desktop.core.pdf.styles import CARD_SAFETY_SIZE
    from ihrp_desktop.core.practice import Practice

    practice = Practice(name="Clinic", phone="555-0100", confirmed=True).with_country("US")
    form = kit.shipped_form("optimal_use_plan")
    values = dict(kit.OPTIMAL_USE_PLAN, substance=substance)
    options = PrintOptions(language=language, discreet=discreet)
    data, _ = card_sheet(form, values, options, practice)
    sizes = _sizes(data)
    points = [pt.get(language, discreet=discreet) for pt in card_points(card_context(form, values, options))]
    assert points
    text = kit.squash(kit.pdf_text(data))
    printed = [p for p in points if kit.squash(p) in text]
    assert printed, "at least one safety point on the card"
    safety_runs = [size for size, run in sizes if any(run in p for p in printed) or run in ("988", "911")]
    assert safety_runs and min(safety_runs) >= CARD_SAFETY_SIZE - 0.05, sorted(safety_runs)[:3]
    assert max(size for size, _ in sizes) <= CARD_SAFETY_SIZE + 0.05
    more = "More in your plan" if language == "en" else "Más en tu plan"
    assert (kit.squash(more) in text) == (len(printed) < len(points))


def test_safety_points_left_off_the_card_are_said_to_the_person_printing(kit: SimpleNamespace) -> None:
    # Every family named: more safety points than one back holds at 9 pt (a code review's case).
    values = dict(kit.OPTIMAL_USE_PLAN, substance="Heroin, fentanyl, alcohol, Xanax and meth",
                  current_route="Injecting")
    form = kit.shipped_form("optimal_use_plan")
    data, said = card_sheet(form, values, PrintOptions())
    ctx = card_context(form, values, PrintOptions())
    fit = card_fit(ctx, None)
    assert fit.points is not None and fit.points + fit.spill < len(card_points(ctx))  # some were left
    assert said
    assert kit.squash("More in your plan") in kit.squash(kit.pdf_text(data))
