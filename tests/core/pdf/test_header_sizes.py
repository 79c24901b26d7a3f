"""The take-home's header facts and the foot's contact at label size or larger; the sources line a
citation at 8 pt (issue 14's stranger, case 10: "Date", "Next appointment" and "Call: phone" at
7.5 pt). Sizes read back from real PDFs."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.styles import CITATION_SIZE, LABEL_SIZE
from ihrp_desktop.core.practice import Practice
from tests.core.pdf.full_plan import FULL_PLAN
from tests.core.pdf.test_typography import runs

PRACTICE = Practice(name="Riverside Counseling", phone="555-0100", confirmed=True).with_country("US")
HEADER = PrintHeader(client_name="Ana Wiśniewska", session_date=dt.date(2026, 12, 1), practice=PRACTICE)
WORDS = {
    "en": ("Client", "Date", "Next appointment", "Call: 555-0100", "Not medical advice"),
    "es": ("Cliente", "Fecha", "Próxima cita", "Llamar: 555-0100", "No es un consejo médico"),
}


def _sizes(language: str, discreet: bool) -> list[tuple[str, float]]:
    values = dict(FULL_PLAN[language], experiment_review="2026-12-15")
    data = render_worksheet(default_library().get("optimal_use_plan"), values, HEADER,
                            PrintOptions(language=language, discreet=discreet))
    return [(text, size) for page in runs(data) for text, size, _, _ in page]


def _size_of(found: list[tuple[str, float]], start: str) -> float:
    sizes = [size for text, size in found if text.startswith(start)]
    assert sizes, (start, [t for t, _ in found][:40])
    return min(sizes)


@pytest.mark.parametrize("language", ["en", "es"])
def test_header_labels_and_the_foot_at_label_size(language: str) -> None:
    client, date, nxt, call, sources = WORDS[language]
    plain = _sizes(language, discreet=False)
    for start in (client, "Ana Wi", date, nxt, "Riverside Counseling"):
        assert _size_of(plain, start) >= LABEL_SIZE - 0.01, start
    assert _size_of(plain, sources) >= CITATION_SIZE - 0.01
    discreet = _sizes(language, discreet=True)
    for start in (date, nxt, call.split(":")[0]):
        assert _size_of(discreet, start) >= LABEL_SIZE - 0.01, start
    assert not any("Ana" in text for text, _ in discreet)


def test_reading_the_header_sizes_back_works() -> None:
    """The reader itself: the 19 pt title reads as 19 pt."""
    found = _sizes("en", discreet=False)
    assert any(abs(size - 19) < 0.05 for _, size in found)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_full_plan_with_its_header_facts_still_fits_two_pages(language: str, paper: str) -> None:
    values = dict(FULL_PLAN[language], experiment_review="2026-12-15")
    for discreet in (False, True):
        data = render_worksheet(default_library().get("optimal_use_plan"), values, HEADER,
                                PrintOptions(language=language, discreet=discreet, paper=paper))  # type: ignore[arg-type]
        assert len(PdfReader(io.BytesIO(data)).pages) <= 2
