"""The Optimal Use Plan take-home copy: the most printed page of the app."""

from __future__ import annotations

import io
import statistics
import time
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(("language", "discreet"), [("en", False), ("es", False), ("en", True), ("es", True)])
def test_a_realistic_plan_fits_two_pages(kit: SimpleNamespace, language: str, discreet: bool) -> None:
    assert page_count(kit.plan_copy("take-home", language, discreet)) <= 2


def test_a4_paper_fits_two_pages_too(kit: SimpleNamespace) -> None:
    data = render_worksheet(
        kit.shipped_form("optimal_use_plan"), kit.OPTIMAL_USE_PLAN, kit.HEADER, PrintOptions(paper="a4")
    )
    assert page_count(data) <= 2
    assert PdfReader(io.BytesIO(data)).pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)


def test_the_plan_keeps_its_safety_steps(kit: SimpleNamespace) -> None:
    """The safety section its substance calls for (forms/safety/safety.toml) prints on the take-home copy."""
    text = kit.squash(kit.pdf_text(kit.plan_copy()))
    assert kit.squash("a seizure: call emergency now") in text
    assert kit.squash(kit.OPTIMAL_USE_PLAN["clinician_note"]) not in text


def test_render_time_of_a_filled_plan(kit: SimpleNamespace) -> None:
    """In-process time of one take-home render (median of 10); generous bound for a busy machine."""
    form = kit.shipped_form("optimal_use_plan")
    render_worksheet(form, kit.OPTIMAL_USE_PLAN, kit.HEADER, PrintOptions())  # fonts registered, caches warm
    times = []
    for _ in range(10):
        start = time.perf_counter()
        render_worksheet(form, kit.OPTIMAL_USE_PLAN, kit.HEADER, PrintOptions())
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"\nOptimal Use Plan take-home render: median {median * 1000:.0f} ms over 10")
    assert median < 2.0
