"""Layout decisions that keep a full plan's take-home on two pages (issue 14), read back from real
PDFs: a review part left unanswered is left off a take-home, and the confidence ruler's ends print
beside its boxes."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet

REVIEWED = {
    "substance": "Tea",
    "confidence": 6,
    "review_parts": {"limits": {"worked": "partly", "learned": "Weeknights fine"}},
}


def _text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages).split())


def _copy(language: str, copy: str = "take-home", discreet: bool = False) -> str:
    plan = default_library().get("optimal_use_plan")
    options = PrintOptions(copy=copy, language=language, discreet=discreet)  # type: ignore[arg-type]
    return _text(render_worksheet(plan, REVIEWED, PrintHeader(), options))


def test_a_review_part_left_unanswered_is_left_off_a_take_home_only() -> None:
    for language, answered, unanswered in (("en", "1. My limits", "3. Staying safe"),
                                           ("es", "1. Mis límites", "3. Cuidar mi seguridad")):
        for discreet in (False, True):
            home = _copy(language, discreet=discreet)
            assert answered in home and "Weeknights fine" in home
            assert unanswered not in home, (language, discreet)
        assert unanswered in _copy(language, copy="clinician")  # the clinician sees what was not reviewed


def test_the_confidence_ruler_s_ends_print_on_one_line_beside_its_boxes() -> None:
    plan = default_library().get("optimal_use_plan")
    ruler = plan.field("confidence")
    for language in ("en", "es"):
        ends = f"0 = {ruler.low.get(language)} · 10 = {ruler.high.get(language)}"  # type: ignore[union-attr]
        assert ends in _copy(language)
