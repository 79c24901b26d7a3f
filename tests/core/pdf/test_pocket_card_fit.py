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
from ihrp_desktop.core.pdf.pocket_sheet import card_sheet
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
