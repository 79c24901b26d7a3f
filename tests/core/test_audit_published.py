"""The AUDIT and AUDIT-C scored as their published sources score them, answer set by answer set.

Sources (cited in forms/90_audit.toml, forms/91_audit_c.toml and docs/forms.md):

- WHO AUDIT manual: T. F. Babor, J. C. Higgins-Biddle, J. B. Saunders, M. G. Monteiro, *AUDIT. The Alcohol
  Use Disorders Identification Test. Guidelines for Use in Primary Care*, 2nd ed., WHO 2001
  (WHO/MSD/MSB/01.6a).
  * Box 4, "The Alcohol Use Disorders Identification Test: Interview Version": the points of every answer
    (questions 1-8: 0 to 4; questions 9 and 10: 0, 2 or 4) and the two skip instructions ("If total score
    for Question 1 = 0, skip to Questions 9 and 10"; "Skip to Questions 9 and 10 if total score for
    Questions 2 and 3 = 0"); a skipped question is recorded as 0.
  * Chapter "Scoring and Interpretation": the total is the sum of the ten answers' points (0 to 40).
  * Table 4 (risk levels and interventions): Zone I 0-7, Zone II 8-15, Zone III 16-19, Zone IV 20-40.
- AUDIT-C: K. Bush, D. R. Kivlahan, M. B. McDonell, S. D. Fihn, K. A. Bradley, "The AUDIT alcohol
  consumption questions (AUDIT-C)", Archives of Internal Medicine 158 (1998) 1789-1795: questions 1-3 of
  the AUDIT, scored as the AUDIT scores them, total 0 to 12; the US Veterans Affairs guidance that uses it
  (and K. A. Bradley et al., 2007) reads 4 or more as positive for men and 3 or more for women.

Each answer set below is built from those rules and carries the total and zone they give, worked out
by hand in its comment (the boundaries of every zone and threshold included). A question left empty is
never scored as 0 unless a skip rule says so: the total is then not printed as if complete.
"""

from __future__ import annotations

import pytest

from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.scoring import score, score_text
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from tests.core.pdf.conftest import pdf_text

# Box 4's answers, in the order of their points.
Q1 = ("never", "monthly_or_less", "two_to_four_month", "two_to_three_week", "four_plus_week")  # 0-4
Q2 = ("one_two", "three_four", "five_six", "seven_nine", "ten_plus")  # 0-4
FREQ = ("never", "less_than_monthly", "monthly", "weekly", "daily")  # questions 3-8: 0-4
YES = {0: "no", 2: "yes_not_last_year", 4: "yes_last_year"}  # questions 9-10: 0, 2, 4


def answers(*points: int | None) -> dict[str, str]:
    """Answers giving ``points`` to questions 1, 2, ... (None: left empty)."""
    out = {}
    for n, p in enumerate(points, start=1):
        if p is not None:
            out[f"audit_{n}"] = (Q1 if n == 1 else Q2 if n == 2 else YES if n >= 9 else FREQ)[p]
    return out


@pytest.fixture(scope="module")
def audit() -> FormDefinition:
    return default_library().get("audit")


@pytest.fixture(scope="module")
def audit_c() -> FormDefinition:
    return default_library().get("audit_c")


# (answers, total, zone): Table 4's zones, the totals by Box 4's points.
AUDIT_CASES = [
    # Never drinks, no harm ever: Q1 = 0 skips Q2-Q8 (Box 4); 0 + 0 + 0 = 0, Zone I.
    (answers(0, *[None] * 7, 0, 0), 0, "Zone I"),
    # Never drinks now; an injury before the last year (2) and concern in the last year (4): 6, Zone I.
    (answers(0, *[None] * 7, 2, 4), 6, "Zone I"),
    # Drinks 2-4 times a month (2), 1-2 drinks (0), never 6+ (0): Q2 + Q3 = 0 skips Q4-Q8; Q9 0, Q10 2:
    # 2 + 0 + 0 + 0 + 2 = 4, Zone I.
    (answers(2, 0, 0, *[None] * 5, 0, 2), 4, "Zone I"),
    # The top of Zone I: 2 + 1 + 1 + 0 + 0 + 0 + 1 + 0 + 2 + 0 = 7.
    (answers(2, 1, 1, 0, 0, 0, 1, 0, 2, 0), 7, "Zone I"),
    # One point more: 3 + 1 + 1 + 0 + 0 + 0 + 1 + 0 + 2 + 0 = 8, Zone II ("8 or more": the manual's cut-off).
    (answers(3, 1, 1, 0, 0, 0, 1, 0, 2, 0), 8, "Zone II"),
    # 4 + 2 + 2 + 1 + 1 + 0 + 1 + 0 + 0 + 4 = 15, the top of Zone II.
    (answers(4, 2, 2, 1, 1, 0, 1, 0, 0, 4), 15, "Zone II"),
    # 4 + 2 + 3 + 1 + 1 + 0 + 1 + 0 + 0 + 4 = 16, Zone III.
    (answers(4, 2, 3, 1, 1, 0, 1, 0, 0, 4), 16, "Zone III"),
    # 4 + 3 + 3 + 2 + 1 + 0 + 2 + 0 + 0 + 4 = 19, the top of Zone III.
    (answers(4, 3, 3, 2, 1, 0, 2, 0, 0, 4), 19, "Zone III"),
    # 4 + 3 + 3 + 2 + 2 + 0 + 2 + 0 + 0 + 4 = 20, Zone IV.
    (answers(4, 3, 3, 2, 2, 0, 2, 0, 0, 4), 20, "Zone IV"),
    # Every answer at its highest: 8 x 4 + 4 + 4 = 40, the manual's maximum, Zone IV.
    (answers(4, 4, 4, 4, 4, 4, 4, 4, 4, 4), 40, "Zone IV"),
]


@pytest.mark.parametrize(("values", "total", "zone"), AUDIT_CASES,
                         ids=[f"{total}-{zone}" for _, total, zone in AUDIT_CASES])
def test_audit_totals_and_zones_are_the_manuals(
    audit: FormDefinition, values: dict[str, str], total: int, zone: str
) -> None:
    result = score(audit, audit.field("audit_score"), values)
    assert result.complete and result.points == total and result.maximum == 40
    assert result.band is not None and result.band.label.get("en").startswith(f"{zone} (")
    assert score_text(audit.field("audit_score"), result) == f"{total} of 40 · {result.band.label.get('en')}"


# Missing answers: what the app does (not in the manual, which assumes every asked question is answered).
MISSING = [
    # Q3 left empty: Q2 + Q3 cannot be known to be 0, so nothing is skipped; 9 of 10 answered.
    (answers(4, 2, None, 1, 1, 0, 1, 0, 0, 4), 13, 9, "3"),
    # Q2 = 0 but Q3 empty: the "Q2 + Q3 = 0" skip needs both answered; Q4-Q8 still to come.
    (answers(2, 0, None, *[None] * 5, 0, 0), 2, 4, "3, 4, 5, 6, 7, 8"),
    # Q1 empty: no skip can apply; only Q9 and Q10 answered.
    (answers(None, *[None] * 7, 2, 4), 6, 2, "1, 2, 3, 4, 5, 6, 7, 8"),
]


@pytest.mark.parametrize(("values", "points", "counted", "missing"), MISSING)
def test_an_audit_with_an_empty_answer_gives_no_total_as_if_complete(
    audit: FormDefinition, values: dict[str, str], points: int, counted: int, missing: str
) -> None:
    fld = audit.field("audit_score")
    result = score(audit, fld, values)
    assert not result.complete and result.band is None
    assert (result.points, result.counted) == (points, counted)
    shown = score_text(fld, result)
    assert shown == (f"Incomplete: {counted} of 10 questions answered ({points} points so far); "
                     f"not answered: {missing}; no band until every question is answered")
    assert "of 40" not in shown and "Zone" not in shown


def test_the_printed_clinician_copy_of_an_incomplete_audit_says_incomplete_and_no_zone(
    audit: FormDefinition,
) -> None:
    values = answers(4, 2, None, 1, 1, 0, 1, 0, 0, 4)
    text = _clinician_copy(audit, values)
    assert "Incomplete: 9 of 10 questions answered (13 points so far)" in text
    assert "of 40" not in text and "Zone II" not in text and "Zone III" not in text
    complete = dict(values, audit_3=FREQ[3])  # weekly: 3 points -> 16, Zone III
    text = _clinician_copy(audit, complete)
    assert "16 of 40" in text and "Zone III (16-19)" in text


def _clinician_copy(form: FormDefinition, values: dict[str, str]) -> str:
    data = render_worksheet(form, values, PrintHeader(), PrintOptions(copy="clinician"))
    return " ".join(pdf_text(data).split())


# AUDIT-C (Bush et al., 1998): questions 1-3, 0 to 12; thresholds 3 (women) and 4 (men).
AUDIT_C_CASES = [
    # Never drinks: Q1 = 0 skips Q2 and Q3 (the AUDIT's Box 4 rule): 0, below both thresholds.
    (answers(0), 0, "Below"),
    # Monthly or less (1), 1-2 drinks (0), less than monthly 6+ (1): 2, below both.
    (answers(1, 0, 1), 2, "Below"),
    # 2-4 times a month (2), 1-2 drinks (0), less than monthly 6+ (1): 3, positive for women only.
    (answers(2, 0, 1), 3, "At the threshold for women"),
    # 2-3 times a week (3), 1-2 drinks (0), less than monthly (1): 4, positive for men and women.
    (answers(3, 0, 1), 4, "At or above"),
    # Every answer at its highest: 4 + 4 + 4 = 12, the maximum.
    (answers(4, 4, 4), 12, "At or above"),
]


@pytest.mark.parametrize(("values", "total", "band"), AUDIT_C_CASES)
def test_audit_c_totals_and_thresholds_are_the_published_ones(
    audit: FormDefinition, audit_c: FormDefinition, values: dict[str, str], total: int, band: str
) -> None:
    # Alone, and inside the AUDIT.
    for form, field_id in ((audit_c, "audit_c_score"), (audit, "audit_c_score")):
        result = score(form, form.field(field_id), values)
        assert result.complete and result.points == total and result.maximum == 12
        assert result.band is not None and result.band.label.get("en").startswith(band)


def test_an_audit_c_with_an_empty_answer_gives_no_band(audit_c: FormDefinition) -> None:
    fld = audit_c.field("audit_c_score")
    result = score(audit_c, fld, answers(3, None, 2))
    assert not result.complete and result.band is None and (result.points, result.counted) == (5, 2)
    assert score_text(fld, result).startswith("Incomplete: 2 of 3 questions answered (5 points so far); "
                                              "not answered: 2;")
    one = score(audit_c, fld, answers(1, None, None))
    assert score_text(fld, one).startswith("Incomplete: 1 of 3 questions answered (1 point so far); "
                                           "not answered: 2, 3;")
    assert score_text(fld, one, "es").startswith("Incompleto: 1 de 3 preguntas respondidas (1 punto hasta "
                                                 "ahora); sin responder: 2, 3;")
    assert score_text(fld, score(audit_c, fld, {})) == "Not scored yet: no question answered"


def test_the_definitions_give_box_4s_points_to_every_answer(
    audit: FormDefinition, audit_c: FormDefinition
) -> None:
    """The points are the manual's, answer by answer (a changed point would move every total above)."""
    for form, questions in ((audit, range(1, 11)), (audit_c, range(1, 4))):
        for n in questions:
            options = form.field(f"audit_{n}").options
            expected = [0, 2, 4] if n >= 9 else [0, 1, 2, 3, 4]
            assert [o.score for o in options] == expected, f"{form.id} question {n}"


def test_the_definitions_cite_the_sources_and_the_terms_of_use(
    audit: FormDefinition, audit_c: FormDefinition
) -> None:
    for form in (audit, audit_c):
        assert form.attribution is not None
        cited = form.attribution.get("en")
        assert "WHO/MSD/MSB/01.6a" in cited and "2001" in cited
        assert "not for sale" in cited or "not for sale or commercial use" in cited
    assert "Bush" in audit_c.attribution.get("en") and "158:1789-1795" in audit_c.attribution.get("en")


# Answers present where a skip rule applies (imported, or filled in before question 1 was changed):
# Box 4 records a skipped question as 0, so they count 0 (issue 16's stranger, case 3).
SKIPPED_BUT_ANSWERED = [
    # Q1 "never" skips Q2-Q8; Q2-Q8 at full points anyway; Q9, Q10 "no": 0, Zone I (was 28, Zone IV).
    (answers(0, 4, 4, 4, 4, 4, 4, 4, 0, 0), 0, "Zone I"),
    # Q2 + Q3 = 0 skips Q4-Q8; Q1 weekly (3), Q4-Q8 daily (20), Q9 yes last year (4): 7, Zone I.
    (answers(3, 0, 0, 4, 4, 4, 4, 4, 4, 0), 7, "Zone I"),
    # The same with Q10 yes last year too: 3 + 4 + 4 = 11, Zone II.
    (answers(3, 0, 0, 4, 4, 4, 4, 4, 4, 4), 11, "Zone II"),
]


@pytest.mark.parametrize(("values", "total", "zone"), SKIPPED_BUT_ANSWERED)
def test_a_skipped_question_counts_0_even_when_answered(
    audit: FormDefinition, values: dict[str, str], total: int, zone: str
) -> None:
    fld = audit.field("audit_score")
    result = score(audit, fld, values)
    assert result.complete and result.points == total
    assert result.band is not None and result.band.label.get("en").startswith(zone)
    text = _clinician_copy(audit, values)
    assert f"{total} of 40" in text and zone in text


def test_the_chart_scores_a_skipped_question_as_0(audit: FormDefinition) -> None:
    from ihrp_desktop.core.progress import _value  # the value a progress chart draws

    assert _value(audit, audit.field("audit_score"), answers(0, 4, 4, 4, 4, 4, 4, 4, 0, 0)) == 0.0
