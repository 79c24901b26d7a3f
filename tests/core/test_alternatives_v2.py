"""The 18 Alternatives, version 2: "doesn't apply to me", the health-care options, the cautions on a
longer break and stopping, the outcome of each tried option at review, numbers on paper, and the note
that the menu is this program's adaptation. A worksheet saved under version 1 keeps every answer."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.carrying import SourceSheet, offered_items
from ihrp_desktop.core.forms.revising import revised_values
from ihrp_desktop.core.forms.values import normalize
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.styles import ANSWER_SIZE

# A worksheet as version 1 stored it (18 options, the review as one paragraph).
STORED_V1: dict[str, Any] = {
    "alternatives": {
        "limit_per_occasion": {
            "status": "will_try", "my_version": "Two glasses, measured", "start": "2026-09-28",
            "notes": "weeknights",
        },
        "naloxone": {"status": "not_now", "my_version": "", "start": "", "notes": "Wine only"},
        "stop": {"status": "considering", "my_version": "", "start": "", "notes": "Maybe in spring"},
    },
    "other": [{"alternative": "One bottle at home", "status": "will_try", "my_version": "Buy one at a time"}],
    "chosen": "Two measured glasses on weeknights.",
    "review_tried": "The limit worked on weeknights, not on Fridays.",
    "review_learned": "Fridays need their own plan.",
    "clinician_note": "Engaged; chose her own limits.",
}

FILLED: dict[str, Any] = {
    "alternatives": {
        "fewer_days": {"status": "will_try", "my_version": "Three nights without wine"},
        "own_equipment": {"status": "not_for_me"},
        "naloxone": {"status": "not_for_me"},
        "medication_alcohol": {"status": "considering", "my_version": "Ask my GP"},
        "safer_sex": {"status": "not_for_me", "notes": "ask again later"},  # words written: still printed
    },
    "review_options": [{"option": "7", "worked": "partly", "learned": "Mondays are easy, Fridays are not"}],
}


def form():  # noqa: ANN201
    return default_library().get("alternatives")


def text_of(values: dict[str, Any], **options: Any) -> str:
    data = render_worksheet(form(), values, PrintHeader(client_name="Test Person"), PrintOptions(**options))
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def runs_of(values: dict[str, Any], **options: Any) -> list[tuple[str, str, float]]:
    """Each printed text run with its font and size."""
    data = render_worksheet(form(), values, PrintHeader(), PrintOptions(**options))
    runs: list[tuple[str, str, float]] = []
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if text.strip() and isinstance(font, dict):
                runs.append((text.strip(), str(font.get("/BaseFont", "")), float(size) * float(tm[0])))

        page.extract_text(visitor_text=visit)
    return runs


def test_a_version_1_worksheet_keeps_every_answer_and_prints_them() -> None:
    now = normalize(form(), STORED_V1)
    for key, value in STORED_V1.items():
        if key == "other":  # a list row gains its empty cells, nothing else
            assert now[key][0].items() >= value[0].items()
        else:
            assert now[key] == value, key
    assert now["review_options"] == []  # the new field starts empty
    clinician = text_of(STORED_V1, copy="clinician")
    for words in ("Two glasses, measured", "weeknights", "Wine only", "Maybe in spring", "One bottle at home",
                  "Two measured glasses on weeknights.", "The limit worked on weeknights, not on Fridays.",
                  "Fridays need their own plan.", "Engaged; chose her own limits."):
        assert words in clinician, words
    assert "Fridays need their own plan." in text_of(STORED_V1)  # the take-home copy too


def test_doesnt_apply_is_left_off_the_take_home_and_printed_for_the_clinician() -> None:
    home = text_of(FILLED)
    assert "Carry naloxone" not in home and "My own new equipment" not in home
    # The options left off are named by number under the table; one with words written stays.
    assert "Doesn't apply to me: 10, 15." in home
    assert "21. Safer sex" in home and "ask again later" in home
    clinician = text_of(FILLED, copy="clinician")
    assert "15. Carry naloxone" in clinician and "10. My own new equipment" in clinician
    assert clinician.count("Doesn't apply to me") >= 3


def test_doesnt_apply_is_never_carried_into_a_plan() -> None:
    plan = default_library().get("optimal_use_plan")
    values = {"alternatives": {"naloxone": {"status": "not_for_me", "my_version": "not for me"},
                               "fewer_days": {"status": "will_try", "my_version": "Three nights off"}}}
    items = offered_items(plan, [SourceSheet(1, form(), values, dt.date(2026, 12, 1))], "en")
    assert [i.text for i in items] == ["Fewer days of use, planned days without using — Three nights off"]


def test_options_print_with_their_numbers_on_every_copy() -> None:
    for options in ({}, {"copy": "clinician"}, {"copy": "blank"}):
        text = text_of(FILLED, **options) if options.get("copy") != "blank" else text_of({}, copy="blank")
        assert "1. Drop one substance" in text and "22. Stop, for a while or for good" in text, options
        assert "19. Ask about medication that helps cut down or stop drinking" in text


def test_the_cautions_print_at_body_size_never_grey_italic() -> None:
    for options in ({}, {"copy": "blank"}):
        runs = runs_of(FILLED if not options else {}, **options)
        caution = [r for r in runs if "stopping suddenly can cause seizures" in r[0]]
        assert len(caution) == 2, options  # the longer break and stopping
        for _, font, size in caution:
            assert "Italic" not in font and abs(size - ANSWER_SIZE) < 0.1


def test_the_discreet_copy_names_no_medication_and_prints_the_neutral_caution() -> None:
    values = {"alternatives": {"medication_opioids": {"status": "will_try"},
                               "stop": {"status": "considering"}}}
    text = text_of(values, discreet=True)
    assert "buprenorphine" not in text.lower() and "methadone" not in text.lower() and "overdose" not in text
    assert "Ask a doctor about a medicine that can help" in text
    assert "stopping some things all at once can be dangerous" in text


def test_the_note_on_the_adaptation_shows_on_screen_and_paper() -> None:
    note = "It is not Tatarsky's own list."
    assert note in (form().attribution.get("en") if form().attribution else "")
    assert note in text_of(FILLED) and note in text_of({}, copy="blank")
    assert "No es la lista del propio Tatarsky." in text_of(FILLED, language="es")
    # On screen: tests/app/test_review_loop_flow.py::test_alternatives_show_the_note_statuses_and_cautions


def test_review_records_an_outcome_per_option_and_a_new_version_starts_it_empty() -> None:
    text = text_of(FILLED)
    assert "How each option I tried went" in text and "Mondays are easy, Fridays are not" in text
    assert "Partly" in text
    new = revised_values(form(), {**FILLED, "review_learned": "x"})
    assert not new.get("review_options")
    assert new["alternatives"]["fewer_days"]["my_version"] == "Three nights without wine"
