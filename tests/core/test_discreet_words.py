"""Discreet copies discreet throughout: the shared word list, the loader's check, and every shipped
definition's discreet copy (both languages, every field filled, and the demo's own plans)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.demo import demo_document
from ihrp_desktop.core.forms import FormDefinitionError, default_library, parse_definition
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_pocket_card_sheet, render_worksheet
from ihrp_desktop.core.practice import Practice
from ihrp_desktop.core.safety import listed_words_in
from tests.core.pdf.conftest import every_value

PRACTICE = Practice(name="Harm Reduction Psychotherapy Clinic", phone="555-0100",
                    confirmed=True).with_country("US")
HEADER = PrintHeader(client_name="Zofia", practice=PRACTICE)
SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)

DEFINITION = """
id = "mine"
version = 1
title = { en = "Mine" }

[[section]]
id = "one"
title = { en = "One" }

  [[section.field]]
  id = "kit"
  type = "checkbox"
  label = { en = "I carry NALOXONA and go to the clinic", es = "Llevo naloxona" }
"""


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _untyped(pdf_text: str, values: object) -> set[str]:
    """Listed words on the page that the client did not type."""
    return set(listed_words_in(pdf_text)) - set(listed_words_in(json.dumps(values, ensure_ascii=False)))


def test_matching_is_by_whole_word_ignoring_case_accents_and_plurals() -> None:
    assert listed_words_in("Cárcel; CLÍNICAS, Drugs") == ["carcel", "clinica", "drug"]
    assert listed_words_in("the lawn, a druggist, wineglass") == []
    assert listed_words_in("fentanyl test strips") == ["fentanyl", "fentanyl test strips", "test strips"]


def test_the_loader_refuses_a_definition_whose_discreet_text_names_a_drug_or_a_clinic() -> None:
    with pytest.raises(FormDefinitionError) as refused:
        parse_definition(DEFINITION, Path("mine.toml"))
    message = str(refused.value)
    assert "mine.toml" in message and "field 'kit'" in message and "clinic, naloxona" in message
    neutral = 'discreet = { en = "I carry the kit", es = "Llevo el kit" }'
    fixed = DEFINITION.replace('es = "Llevo naloxona" }', f'es = "Llevo naloxona", {neutral} }}')
    assert parse_definition(fixed, Path("mine.toml")).field("kit").label.get_discreet("es") == "Llevo el kit"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("form_id", SHIPPED)
def test_a_discreet_copy_with_every_field_filled_prints_no_listed_word_the_client_did_not_type(
    form_id: str, language: str
) -> None:
    form = default_library().get(form_id)
    values, _ = every_value(form)
    data = render_worksheet(form, values, HEADER, PrintOptions(language=language, discreet=True))
    assert _untyped(_text(data), values) == set()
    # The same page, not discreet, does name them: the check above is not empty by construction.
    if form_id in ("alternatives", "optimal_use_plan"):
        plain = render_worksheet(form, values, HEADER, PrintOptions(language=language))
        assert _untyped(_text(plain), values)


def _demo_worksheets() -> list[tuple[str, str, dict[str, object]]]:
    return [(w["form"], w["language"], w["values"]) for c in demo_document()["clients"]
            for s in c["sessions"] for w in s["worksheets"]]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_demo_worksheet_s_discreet_copy_and_card_hold_no_listed_word_it_did_not_type(
    language: str,
) -> None:
    library = default_library()
    seen = set()
    for form_id, _, values in _demo_worksheets():
        form = library.get(form_id)
        seen.add((form_id, str(values.get("substance", ""))))
        data = render_worksheet(form, values, HEADER, PrintOptions(language=language, discreet=True))
        assert _untyped(_text(data), values) == set(), form_id
        if form.pocket_card is not None:
            card = render_pocket_card_sheet(form, values, PrintOptions(language=language, discreet=True),
                                            PRACTICE)
            assert _untyped(_text(card), values) == set(), form_id
    assert ("optimal_use_plan", "Wine") in seen  # the wine-only plan of the issue is among them
    assert any(form_id == "alternatives" for form_id, _ in seen)


STRANGER_PHRASES = {  # fixed text the stranger found on discreet copies (issue 14, case 9)
    "en": ["A small test dose first", "space doses", "Don't use alone", "What using did for me",
           "My days without using"],
    "es": ["Primero una dosis pequeña de prueba", "Una vía de consumo de menor riesgo",
           "Ya había consumido algo"],
}


@pytest.mark.parametrize("text", [p for phrases in STRANGER_PHRASES.values() for p in phrases]
                         + ["ketamina", "perico", "pastillas", "consumo", "poison", "veneno", "doses"])
def test_the_list_holds_the_words_a_reader_takes_as_drug_talk(text: str) -> None:
    assert listed_words_in(text)


@pytest.mark.parametrize("language", ["en", "es"])
def test_discreet_copies_and_the_card_print_none_of_the_stranger_s_phrases(language: str) -> None:
    for form_id in ("microanalysis", "alternatives", "optimal_use_plan"):
        form = default_library().get(form_id)
        values, _ = every_value(form)
        if form_id == "microanalysis":
            values["vulnerabilities"] = {"selected": ["already_intoxicated"]}  # a chosen option prints
        printed = [render_worksheet(form, values, HEADER, PrintOptions(language=language, discreet=True))]
        if form.pocket_card is not None:
            options = PrintOptions(language=language, discreet=True)
            printed.append(render_pocket_card_sheet(form, values, options, PRACTICE))
        text = " ".join(" ".join(_text(data).split()) for data in printed)
        assert not [p for p in STRANGER_PHRASES[language] if p in text], form_id


# -- carried items: their source notes are the program's words -----------------------------------

@pytest.mark.parametrize("language", ["en", "es"])
def test_a_carried_items_source_note_stays_off_a_discreet_copy(language: str) -> None:
    """"(from Microanalysis, December 1, 2026)" names a worksheet, which the client did not type: the
    take-home keeps it beside the item, a discreet copy prints the item alone; a note the person
    changed is their words and prints."""
    import datetime as dt

    from ihrp_desktop.core.forms.carrying import SourceSheet, carry_into, offered_items

    library = default_library()
    plan = library.get("optimal_use_plan")
    day = dt.date(2026, 12, 1)
    sources = [
        SourceSheet(1, library.get("decisional_balance"), {"change_benefits": [{"item": "More money"}]}, day),
        SourceSheet(2, library.get("alternatives"), {"other": [{"alternative": "Walk the dog first",
                                                               "status": "will_try"}]}, day),
        SourceSheet(3, library.get("microanalysis"), {
            "risk_moments": [{"moment": "Drove home", "safer": "Take the bus"}]}, day),
    ]
    items = offered_items(plan, sources, language)
    assert {item.into for item in items} == {"my_reasons", "support_changes", "high_risk"}
    values = carry_into(plan, {"substance": "Wine"}, items)
    values["my_reasons"] += "\nMy sister said so (from a talk, not a worksheet)"
    discreet = _text(render_worksheet(plan, values, HEADER, PrintOptions(language=language, discreet=True)))
    home = _text(render_worksheet(plan, values, HEADER, PrintOptions(language=language)))
    titles = [library.get(f).title.get(language)
              for f in ("decisional_balance", "alternatives", "microanalysis")]
    for words in ("More money", "Walk the dog first", "Drove home", "Take the bus", "(from a talk"):
        assert words in " ".join(discreet.split()) and words in " ".join(home.split())
    for title in titles:
        assert title not in discreet, title
        assert title in " ".join(home.split()), title


# -- carried options: their labels are the program's words too (issue 14, a stranger's case) ---------

@pytest.mark.parametrize("language", ["en", "es", "es formal"])
def test_a_plan_carrying_every_18_alternatives_option_prints_their_discreet_forms(language: str) -> None:
    """Every option marked "will try" lands as "its label — my words (from 18 Alternatives, ...)": a
    discreet copy prints each label's discreet form (no drug, naloxone or medicine names), the
    take-home its label; a label the person changed prints as typed."""
    import datetime as dt

    from ihrp_desktop.core.forms.carrying import SourceSheet, carry_into, offered_items
    from ihrp_desktop.core.vocabulary import Register, in_register

    lang = in_register("es", Register.FORMAL) if language == "es formal" else language
    library = default_library()
    plan, alternatives = library.get("optimal_use_plan"), library.get("alternatives")
    rows = alternatives.field("alternatives").rows
    chosen = {row.id: {"status": "will_try", "my_version": "ok"} for row in rows}
    source = SourceSheet(1, alternatives, {"alternatives": chosen}, dt.date(2026, 11, 1))
    items = offered_items(plan, [source], lang)
    assert len(items) == len(rows)
    values = carry_into(plan, {}, items)
    changed = rows[0].label.get(lang).replace(rows[0].label.get(lang)[:4], "Mine")  # the person's edit
    values["support_changes"] += f"\nMy note: {rows[-1].label.get(lang)}\n{changed} — my way"
    discreet = " ".join(_text(render_worksheet(plan, values, HEADER,
                                               PrintOptions(language=lang, discreet=True))).split())
    home = " ".join(_text(render_worksheet(plan, values, HEADER, PrintOptions(language=lang))).split())
    typed = set(listed_words_in(f"{rows[-1].label.get(lang)} {changed}"))
    assert set(listed_words_in(discreet)) - typed == set()
    assert set(listed_words_in(home)) - typed  # the labels themselves do name them
    for row in rows:
        assert row.label.get_discreet(lang) in discreet, row.id
    assert f"My note: {rows[-1].label.get(lang)}" in discreet and f"{changed} — my way" in discreet


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_demo_s_plans_carried_options_print_discreetly(language: str) -> None:
    """The demo's wine plan carries "Pace it: space doses, ..." and prints it discreetly."""
    library = default_library()
    for form_id, _, values in _demo_worksheets():
        if form_id != "optimal_use_plan":
            continue
        data = render_worksheet(library.get(form_id), values, HEADER,
                                PrintOptions(language=language, discreet=True))
        text = " ".join(_text(data).split())
        assert "space doses" not in text and "espaciar las dosis" not in text


@pytest.mark.parametrize("edit", [
    lambda line: "  " + line,  # two spaces typed before it
    lambda line: line.replace(" — ", " - ", 1),  # a plain hyphen for the dash
    lambda line: line.replace(" — ", " – ", 1),
    lambda line: "14 " + line,  # a number without its dot, as a review row edited by one character
])
def test_a_carried_label_retyped_around_still_prints_discreetly(edit: Any) -> None:
    """A stranger's case: a carried line edited by one character around its label (not the label
    itself) printed the label's drug words on a discreet copy."""
    library = default_library()
    plan, alternatives = library.get("optimal_use_plan"), library.get("alternatives")
    row = next(r for r in alternatives.field("alternatives").rows if r.id == "naloxone")
    values = {"support_changes": edit(f"{row.label.get('en')} — ok")}
    discreet = " ".join(_text(render_worksheet(plan, values, HEADER, PrintOptions(discreet=True))).split())
    assert row.label.get_discreet("en") in discreet
    assert "naloxone" not in discreet.lower()
