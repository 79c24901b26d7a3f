"""A client's copy (take-home, discreet, pocket card) of a worksheet written with the installed
definition version prints only the fields and list columns the definition declares; the clinician
copy prints every answer (issue 16's stranger, case 5: "evil: <b>x</b>" on a take-home copy).
Answers of another version's retired columns still print (tests/core/pdf/test_retired_columns.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.pocket_sheet import card_sheet

STRAY = "STRAY WORDS NOT DECLARED"
URGE = {"when": "2026-11-01T10:00", "where": "kitchen", "start": 7, "peak": 2, "did": "tea",
        "secret_col": STRAY}


@pytest.mark.parametrize(("copy", "discreet", "printed"), [
    ("take-home", False, False), ("take-home", True, False), ("clinician", False, True)])
def test_an_undeclared_column_prints_on_the_clinician_copy_only(
    kit: SimpleNamespace, copy: str, discreet: bool, printed: bool
) -> None:
    form = kit.shipped_form("urge_log")
    values = {"urges": [URGE], "secret_field": STRAY + " TOO"}
    options = PrintOptions(copy=copy, discreet=discreet, written_with=form.version)  # type: ignore[arg-type]
    text = kit.squash(kit.pdf_text(render_worksheet(form, values, kit.HEADER, options)))
    assert kit.squash("kitchen") in text
    assert (kit.squash(STRAY) in text) == printed
    assert "secret_col" not in text or printed


def test_the_pocket_card_prints_declared_columns_only(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("safety_plan")
    values = {"helpers": [{"name": "Marta", "phone": "555-0199", "secret_col": STRAY}],
              "warning_signs": [{"sign": "Skipping meals", "secret_col": STRAY}]}
    data, _ = card_sheet(form, values, PrintOptions(written_with=form.version))
    text = kit.squash(kit.pdf_text(data))
    assert kit.squash("Marta, 555-0199") in text and kit.squash("Skipping meals") in text
    assert kit.squash(STRAY) not in text


@pytest.mark.parametrize(("written_with", "discreet", "printed"), [
    (2, False, False), (99, False, False), (99, True, False), (None, True, False)])
def test_a_newer_versions_extra_answers_and_any_discreet_copy_print_declared_columns_only(
    kit: SimpleNamespace, written_with: int | None, discreet: bool, printed: bool
) -> None:
    # A stranger's case: an import naming form_version 2 or 99 (versions this build does not have)
    # printed "secret_col: fentanyl overdose" on a discreet copy. The clinician copy keeps them.
    form = kit.shipped_form("urge_log")
    values = {"urges": [dict(URGE, secret_col="fentanyl overdose")]}
    options = PrintOptions(discreet=discreet, written_with=written_with)
    text = kit.squash(kit.pdf_text(render_worksheet(form, values, kit.HEADER, options)))
    assert kit.squash("kitchen") in text
    assert ("secret_col" in text or kit.squash("fentanyl overdose") in text) == printed
    clinician = PrintOptions(copy="clinician", written_with=written_with)
    assert kit.squash("fentanyl overdose") in kit.squash(
        kit.pdf_text(render_worksheet(form, values, kit.HEADER, clinician)))
