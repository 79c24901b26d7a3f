"""A character no bundled face has is never dropped in silence: it prints as □ where it was, and
:func:`unprintable` counts it for the warning (issue 14's stranger, case 2: Chinese and Arabic
answers and 🧪 vanished from take-home and discreet copies). Real PDFs read back with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.fallback import PLACEHOLDER, texts_of, unprintable, unprintable_note

ANSWER = "Con 朋友 y مع أصدقائي 🧪 – Łódź ❤ ok"  # 2 Chinese, 9 Arabic letters, 1 test tube


def test_counts_only_what_no_face_has() -> None:
    assert unprintable([ANSWER]) == 12
    assert unprintable(["Łódź ❤ ✓ → ½ Ж"]) == 0  # Noto Sans and Symbola have these
    assert unprintable(texts_of({"a": [{"b": "朋"}], "c": ["友", 3], "d": None})) == 2


def test_the_note_in_plain_words() -> None:
    assert unprintable_note(1).startswith("1 character in this worksheet cannot be printed")
    assert unprintable_note(13) == (
        "13 characters in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or Arabic "
        "script); they show as □ on the page.")


@pytest.mark.parametrize("discreet", [False, True])
def test_the_pdf_holds_a_placeholder_where_each_character_was(discreet: bool) -> None:
    form = default_library().get("optimal_use_plan")
    data = render_worksheet(form, {"current_context": ANSWER}, PrintHeader(),
                            PrintOptions(discreet=discreet))
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split())
    assert f"Con {PLACEHOLDER * 2} y" in text
    assert f"{PLACEHOLDER * 2} {PLACEHOLDER * 7} {PLACEHOLDER} – Łódź ❤ ok" in text
