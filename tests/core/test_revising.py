"""Review first, then revise: which answers a new version keeps is declared in the definitions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import FormDefinitionError, default_library, parse_definition
from ihrp_desktop.core.forms.revising import (
    resetting_columns,
    resetting_fields,
    review_is_blank,
    revised_values,
)
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.vault import KdfParams, Vault

OLD_REVIEW = {
    "review_results": "partly",
    "review_learned": "Weekends with Marta were harder than weekdays",
    "review_in_the_way": "The wedding in October",
    "review_parts": {"limits": {"worked": "partly", "learned": "Three beers held on weeknights"}},
}
OLD_PLAN = {
    "substance": "Cerveza",
    "ideal_amount": "Three beers",
    "limits": [{"limit": "3 beers a night"}],
    "experiment_start": "2026-10-01",
    "experiment_review": "2026-10-25",
    "experiment_prediction": "It will be easy on weekdays",
    "clinician_note": "Ambivalent about weekends",
    "kept_from_an_older_definition": "still here",
    **OLD_REVIEW,
}


def plan():  # noqa: ANN201 - a FormDefinition
    return default_library().get("optimal_use_plan")


def test_the_plan_declares_what_a_new_version_starts_empty() -> None:
    reset = set(resetting_fields(plan()))
    assert {"experiment_start", "experiment_review", "experiment_prediction", "clinician_note"} <= reset
    assert {f.id for f in next(s for s in plan().sections if s.id == "review").fields} <= reset
    assert "substance" not in reset and "limits" not in reset
    assert plan().review_section == "review"


def test_revised_values_keep_what_stands_and_drop_what_no_longer_applies() -> None:
    new = revised_values(plan(), OLD_PLAN)
    assert new["substance"] == "Cerveza" and new["limits"] == [{"limit": "3 beers a night"}]
    assert new["kept_from_an_older_definition"] == "still here"  # unknown keys are never dropped
    for gone in (
        "experiment_start",
        "experiment_review",
        "experiment_prediction",
        "clinician_note",
        *OLD_REVIEW,
    ):
        assert gone not in new
    new["limits"][0]["limit"] = "changed"
    assert OLD_PLAN["limits"][0]["limit"] == "3 beers a night"  # a copy, not the old version's lists


def test_the_alternatives_reset_their_start_dates_in_every_row_and_keep_the_rest() -> None:
    form = default_library().get("alternatives")
    assert form.revisable and form.review_section == "review"
    assert resetting_columns(form) == {"alternatives": ("start",), "other": ("start",)}
    old = {
        "alternatives": {
            "pace": {"status": "will_try", "my_version": "water between", "start": "2026-10-02"}
        },
        "other": [{"alternative": "Walk the dog first", "status": "will_try", "start": "2026-10-03"}],
        "review_tried": "Pacing worked on Fridays",
    }
    new = revised_values(form, old)
    assert new["alternatives"] == {"pace": {"status": "will_try", "my_version": "water between"}}
    assert new["other"] == [{"alternative": "Walk the dog first", "status": "will_try"}]
    assert "review_tried" not in new


def test_review_is_blank_until_one_answer_is_given() -> None:
    assert review_is_blank(plan(), {"substance": "Cerveza"})
    assert not review_is_blank(plan(), {"review_learned": "Something"})
    assert not review_is_blank(default_library().get("decisional_balance"), {})  # nothing to review


def test_a_revised_plan_in_the_vault_holds_no_old_review_and_prints_none(tmp_path: Path) -> None:
    form = plan()
    vault = Vault.create(tmp_path / "v", "correct horse battery staple", kdf=KdfParams.fast())
    try:
        client = vault.add_client("Ana Gómez")
        v1 = vault.new_worksheet(client.id, form.id, form.version, values=OLD_PLAN)
        v2 = vault.revise(v1.id, starts_with=lambda values: revised_values(form, values))
        assert v2.previous_id == v1.id and v2.version_number == 2
        assert v2.values["substance"] == "Cerveza"
        assert not set(resetting_fields(form)) & set(v2.values)
        assert vault.worksheet(v1.id).values == OLD_PLAN  # the old version keeps its review
        pdf = render_worksheet(form, v2.values, PrintHeader(), PrintOptions(copy="clinician"))
        old_pdf = render_worksheet(form, v1.values, PrintHeader(), PrintOptions(copy="clinician"))
    finally:
        vault.close()
    old_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(old_pdf)).pages)
    assert "Weekends with Marta" in old_text  # version 1 prints its review: the check below can fail
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Cerveza" in text
    for old in (
        "Weekends with Marta",
        "The wedding in October",
        "Three beers held",
        "easy on weekdays",
        "Ambivalent about weekends",
    ):
        assert old not in text


HEAD = 'id = "mine"\nversion = 1\ntitle = { en = "Mine", es = "Mío" }\n'
BODY = '[[section]]\nid = "a"\ntitle = { en = "A", es = "A" }\n[[section.field]]\nid = "x"\ntype = "text"\n'


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (HEAD + 'review_section = "nowhere"\n' + BODY + 'label = { en = "X", es = "X" }\n', "not a section"),
        (HEAD + BODY + 'label = { en = "X", es = "X" }\nresets_on_revise = "yes"\n', "true or false"),
    ],
)
def test_a_bad_review_declaration_is_named(text: str, says: str) -> None:
    with pytest.raises(FormDefinitionError, match=says):
        parse_definition(text, Path("mine.toml"))
