"""A client's separate Optimal Use Plans are charted apart: one line per plan (its chain of versions), named
so a clinician tells them apart, version marks per plan, in the core's charts and the printed report."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf.progress_report import render_progress_report
from ihrp_desktop.core.progress import client_progress
from ihrp_desktop.core.vault import KdfParams, Vault

DAYS = (dt.date(2026, 9, 7), dt.date(2026, 9, 21), dt.date(2026, 10, 5))
# Plan 1 (first written on DAYS[0]) and plan 2 (first written on DAYS[1], the day plan 1 got its v2).
ALCOHOL = ((5, 3), (4, 3))
PILLS = ((2, 1), (1, 1))


def two_plans(vault: Any) -> int:
    """A client with two separate plans of two versions each; returns the client's id."""
    client = vault.add_client("Marisol Peña")
    sessions = [vault.add_session(client.id, day).id for day in DAYS]

    def plan(days: tuple[tuple[int, int], ...], first: int, second: int) -> None:
        (now1, ideal1), (now2, ideal2) = days
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=sessions[first],
                                    values={"current_days": now1, "ideal_days": ideal1})
        vault.revise(sheet.id, session_id=sessions[second],
                     starts_with=lambda old: {**old, "current_days": now2, "ideal_days": ideal2})

    plan(ALCOHOL, 0, 1)
    plan(PILLS, 1, 2)
    return int(client.id)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "vault", "correct horse battery staple", kdf=KdfParams.fast()) as v:
        yield v


def test_each_plan_is_its_own_line_named_by_its_first_date(vault: Vault) -> None:
    client_id = two_plans(vault)
    chart = next(c for c in client_progress(vault, default_library(), client_id).charts
                 if c.key == "optimal_use_plan.current_days")
    by_label = {s.label: [(p.day, p.value) for p in s.points] for s in chart.series}
    first = "How it goes now: Days per week \u00b7 Plan 1, from September 7, 2026"
    second = "How it goes now: Days per week \u00b7 Plan 2, from September 21, 2026"
    assert by_label[first] == [(DAYS[0], 5.0), (DAYS[1], 4.0)]
    assert by_label[second] == [(DAYS[1], 2.0), (DAYS[2], 1.0)]
    # a mark per version of each plan, the two of September 21 both kept
    assert [(p.day, p.mark) for p in chart.version_marks()] == [
        (DAYS[0], "Plan 1 v1"), (DAYS[1], "Plan 1 v2"), (DAYS[1], "Plan 2 v1"), (DAYS[2], "Plan 2 v2")]


def test_one_plan_keeps_its_plain_line_and_marks(vault: Vault) -> None:
    client = vault.add_client("Ana")
    sessions = [vault.add_session(client.id, day).id for day in DAYS[:2]]
    sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=sessions[0],
                                values={"current_days": 5})
    vault.revise(sheet.id, session_id=sessions[1], starts_with=lambda old: {**old, "current_days": 4})
    chart = next(c for c in client_progress(vault, default_library(), client.id).charts
                 if c.key == "optimal_use_plan.current_days")
    assert [s.field_id for s in chart.series] == ["current_days", "ideal_days"]
    assert [p.mark for p in chart.version_marks()] == ["v1", "v2"]


def test_the_report_marks_and_tables_each_plan_apart(vault: Vault) -> None:
    client_id = two_plans(vault)
    progress = client_progress(vault, default_library(), client_id, "en")
    pdf = render_progress_report(progress, "Marisol Peña", language="en", made=dt.date(2026, 10, 6))
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    plan = text[text.index("OPTIMAL USE PLAN"):text.index("so days between sessions")]
    flat = plan.replace("\n", " ")
    assert "Plan 1, from September 7, 2026" in flat and "Plan 2, from September 21, 2026" in flat
    assert "Plan 1 v2, Plan 2 v1" in plan  # the two versions of one day, both marked
    for mark in ("Plan 1 v1", "Plan 2 v2"):
        assert mark in plan
