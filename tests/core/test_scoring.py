"""The WHO AUDIT and AUDIT-C, scored: points per answer, the manual's skip rules, its zones (WHO AUDIT
manual, 2001, table 4), the AUDIT-C thresholds, and answers left empty shown as incomplete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.loader import parse_definition
from ihrp_desktop.core.forms.reading import FormDefinitionError
from ihrp_desktop.core.forms.scoring import score, score_text

FREQ = ("never", "less_than_monthly", "monthly", "weekly", "daily")  # questions 3 to 8: 0 to 4 points
Q1 = ("never", "monthly_or_less", "two_to_four_month", "two_to_three_week", "four_plus_week")
Q2 = ("one_two", "three_four", "five_six", "seven_nine", "ten_plus")
YES = {0: "no", 2: "yes_not_last_year", 4: "yes_last_year"}  # questions 9 and 10


@pytest.fixture(scope="module")
def audit() -> FormDefinition:
    return default_library().get("audit")


@pytest.fixture(scope="module")
def audit_c() -> FormDefinition:
    return default_library().get("audit_c")


def answers(points: list[int]) -> dict[str, Any]:
    """AUDIT answers giving these points to questions 1 to 10 (None: left empty)."""
    out: dict[str, Any] = {}
    for n, p in enumerate(points, start=1):
        if p is None:
            continue
        table = Q1 if n == 1 else Q2 if n == 2 else FREQ
        out[f"audit_{n}"] = YES[p] if n >= 9 else table[p]
    return out


def audit_score(form: FormDefinition, values: dict[str, Any], field_id: str = "audit_score"):
    return score(form, form.field(field_id), values)


# The manual's zones: 0-7 I, 8-15 II, 16-19 III, 20-40 IV, checked at both ends of each.
@pytest.mark.parametrize(
    ("points", "total", "zone"),
    [
        ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1, "Zone I"),
        ([2, 1, 1, 1, 0, 0, 0, 0, 2, 0], 7, "Zone I"),
        ([2, 2, 1, 1, 0, 0, 0, 0, 2, 0], 8, "Zone II"),
        ([4, 3, 3, 1, 0, 0, 0, 0, 0, 4], 15, "Zone II"),
        ([4, 3, 3, 1, 1, 0, 0, 0, 0, 4], 16, "Zone III"),
        ([4, 3, 3, 2, 1, 0, 1, 1, 0, 4], 19, "Zone III"),
        ([4, 3, 3, 2, 1, 0, 1, 2, 0, 4], 20, "Zone IV"),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 40, "Zone IV"),
    ],
)
def test_points_add_up_to_the_manual_zones(
    audit: FormDefinition, points: list[int], total: int, zone: str
) -> None:
    result = audit_score(audit, answers(points))
    assert result.complete and result.points == total and result.maximum == 40
    assert result.band is not None and result.band.label.get("en").startswith(zone)
    assert score_text(audit.field("audit_score"), result).startswith(f"{total} of 40 · {zone}")


def test_never_to_question_1_skips_to_questions_9_and_10(audit: FormDefinition) -> None:
    # The manual: "Skip to Questions 9 and 10" when question 1 is "Never"; 2 to 8 count 0.
    result = audit_score(audit, answers([0, None, None, None, None, None, None, None, 2, 0]))
    assert result.complete and result.points == 2 and result.band.label.get("en").startswith("Zone I")
    # Without 9 and 10 it is not finished.
    assert not audit_score(audit, answers([0] + [None] * 9)).complete


def test_no_points_on_questions_2_and_3_skips_to_questions_9_and_10(audit: FormDefinition) -> None:
    result = audit_score(audit, answers([1, 0, 0, None, None, None, None, None, 0, 4]))
    assert result.complete and result.points == 5
    # A point on question 3 means questions 4 to 8 are asked: left empty, the score is incomplete.
    partial = audit_score(audit, answers([1, 0, 1, None, None, None, None, None, 0, 4]))
    assert not partial.complete and partial.band is None and partial.counted == 5


def test_an_empty_answer_is_shown_as_incomplete_never_guessed(audit: FormDefinition) -> None:
    values = answers([4, 3, 3, 2, None, 0, 1, 2, 0, 4])  # question 5 left empty
    result = audit_score(audit, values)
    assert not result.complete and result.band is None and result.points == 19
    text = score_text(audit.field("audit_score"), result)
    assert text.startswith("Incomplete: 9 of 10 questions answered (19 points so far)") and "Zone" not in text
    es = score_text(audit.field("audit_score"), result, "es")
    assert es.startswith("Incompleto: 9 de 10") and "Zona" not in es
    empty = score_text(audit.field("audit_score"), audit_score(audit, {}))
    assert empty == "Not scored yet: no question answered"


@pytest.mark.parametrize(("points", "band"), [([0, None, None], "Below"), ([1, 0, 1], "Below"),
                                               ([2, 0, 1], "At the threshold for women"),
                                               ([2, 1, 1], "At or above"), ([4, 4, 4], "At or above")])
def test_audit_c_thresholds(audit_c: FormDefinition, points: list[int | None], band: str) -> None:
    values = {k: v for k, v in answers(points + [None] * 7).items()}
    result = audit_score(audit_c, values, "audit_c_score")
    assert result.complete and result.maximum == 12 and result.band.label.get("en").startswith(band)


def test_the_audit_shows_its_audit_c_part(audit: FormDefinition) -> None:
    result = audit_score(audit, answers([2, 1, 1, 0, 0, 0, 0, 0, 0, 0]), "audit_c_score")
    assert result.complete and result.points == 4 and result.band.label.get("en").startswith("At or above")


def test_the_scores_and_bands_are_the_clinicians(audit: FormDefinition, audit_c: FormDefinition) -> None:
    for form, fid in ((audit, "audit_score"), (audit, "audit_c_score"), (audit_c, "audit_c_score")):
        assert form.is_clinician_field(fid)
    assert not any(form.is_clinician_field(f"audit_{n}") for n in range(1, 11))


SCORED = """
id = "two_questions"
version = 1
title = "Two questions"
[[section]]
id = "q"
title = "Questions"
  [[section.field]]
  id = "a"
  type = "{a_type}"
  label = "A"
    [[section.field.option]]
    id = "no"
    label = "No"
    {score_line}
  [[section.field]]
  id = "total"
  type = "score"
  label = "Score"
  score_of = ["a", "{item}"]
"""


@pytest.mark.parametrize(
    ("a_type", "score_line", "item", "says"),
    [
        ("choice", "score = 0", "b", "'b', which is not a field of this worksheet"),
        ("choice", "", "a", "'a', which has an option without a 'score'"),
        ("multichoice", "score = 0", "a", "'a', which is a multichoice field, not a choice"),
        ("choice", "score = \"none\"", "a", "'score' must be a whole number"),
    ],
)
def test_a_bad_score_names_the_field(a_type: str, score_line: str, item: str, says: str) -> None:
    text = SCORED.format(a_type=a_type, score_line=score_line, item=item)
    with pytest.raises(FormDefinitionError) as caught:
        parse_definition(text, Path("two_questions.toml"))
    assert says in str(caught.value) and "two_questions.toml" in str(caught.value)
