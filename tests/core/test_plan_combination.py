"""The plan, version 2: a confidence ruler beside the goal, and one plan for substances used together
whose printed safety section covers every family named and their mixing. A one-substance plan saved
under version 1 keeps every answer and prints as before."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import normalize
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet

# A one-substance plan as version 1 stored it (no goal, no confidence, no substances used together).
STORED_V1: dict[str, Any] = {
    "substance": "Wine",
    "current_amount": "Most of a bottle",
    "current_days": 6,
    "ideal_amount": "Two glasses",
    "limits": [{"limit": "Two glasses on a weeknight"}],
    "never": [{"item": "Never with the sleeping pill"}],
    "experiment_prediction": "Weeknights will be easy",
    "clinician_note": "Motivated.",
}

MIXING = "Mixing alcohol, benzos, GHB, opioids or sleeping pills slows breathing far more."


def plan():  # noqa: ANN201
    return default_library().get("optimal_use_plan")


def text_of(values: dict[str, Any], **options: Any) -> str:
    data = render_worksheet(plan(), values, PrintHeader(client_name="Test Person"), PrintOptions(**options))
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_a_version_1_plan_keeps_every_answer_and_prints_as_before() -> None:
    now = normalize(plan(), STORED_V1)
    for key, value in STORED_V1.items():
        if isinstance(value, list):
            assert [now[key][0][k] for k in value[0]] == list(value[0].values()), key
        else:
            assert now[key] == value, key
    assert now["used_with"] == [] and now["confidence"] is None
    text = text_of(STORED_V1, copy="clinician")
    for words in ("Wine", "Most of a bottle", "Two glasses on a weeknight", "Never with the sleeping pill",
                  "Weeknights will be easy", "Motivated."):
        assert words in text, words
    # Nothing of the new fields prints on it; its safety section is the one wine alone calls for.
    assert "Used together with it" not in text and "How sure am I" not in text
    assert "Alcohol, benzodiazepines and other depressants" in text
    assert "Opioids: overdose" not in text and "Stimulants" not in text


def test_the_confidence_ruler_prints_beside_the_goal() -> None:
    text = text_of({"substance": "Wine", "goal": "use_less", "confidence": 7})
    assert "How sure am I that I can try this plan?" in text and "7" in text
    assert text.index("Use less") < text.index("How sure am I")


def test_beer_and_pills_print_both_families_and_the_mixing_text() -> None:
    values = {"substance": "Pills sold as oxycodone", "used_with": [{"substance": "Beer"}]}
    text = text_of(values)
    assert "Used together with it" in text and "Beer" in text
    assert "Opioids: overdose" in text and "Alcohol, benzodiazepines and other depressants" in text
    assert MIXING in text


def test_cocaine_with_alcohol_prints_stimulants_depressants_and_cocaethylene() -> None:
    values = {"substance": "Cocaína", "used_with": [{"substance": "alcohol"}]}
    text = text_of(values, language="es")
    assert "Estimulantes: sobreestimulación" in text and "Alcohol, benzodiacepinas y otros depresores" in text
    assert "cocaetileno" in text
    alone = text_of({"substance": "Cocaína"}, language="es")
    assert "cocaetileno" not in alone and "Alcohol, benzodiacepinas" not in alone  # only for the mix


def test_a_discreet_combination_plan_names_no_substance() -> None:
    values = {"substance": "Cocaine", "used_with": [{"substance": "Beer"}]}
    text = text_of(values, discreet=True)
    assert "cocaethylene" not in text.lower() and "Used together with it" not in text
    assert "Mixing the two raises the risk for the heart" in text  # the combination's point, in neutral words
    assert "Together with it" in text  # the client's own words print as typed: only fixed text is neutral
