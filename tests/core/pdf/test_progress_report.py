"""The clinician progress report, from a real vault: each chart's axis words and values, the table under
it, PDF/A-2b with every font embedded, no client name in the document info, the empty state.

The report's sentence "An unanswered question leaves no point; a measure's score is charted only when
complete" (core/words progress.how) is proved by test_unanswered_and_incomplete_leave_no_point.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf.archival import check
from ihrp_desktop.core.pdf.fonts import REGULAR
from ihrp_desktop.core.pdf.progress_report import render_progress_report
from ihrp_desktop.core.progress import client_progress
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.core.pdf.test_archival import fonts_without_file
from tests.progress_data import (
    AUDIT_C_SCORES,
    AUDIT_SCORES,
    CHECK_IN,
    CLIENT,
    PLAN_DAYS,
    RULERS,
    answers_scoring,
    fill_many_sessions,
    fill_three_sessions,
)

PASS = "correct horse battery staple"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "vault", PASS, kdf=KdfParams.fast()) as v:
        yield v


def _report(vault: Vault, client_id: int, language: str = "en") -> bytes:
    progress = client_progress(vault, default_library(), client_id, language)
    return render_progress_report(progress, vault.client(client_id).name, language=language,
                                  made=dt.date(2026, 10, 6))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


DATE = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December)"
                  r" \d+, \d{4}$")


def _rows(text: str, cells: int) -> list[list[str]]:
    """The table rows of ``text``: each date in words and the ``cells`` cells after it (pypdf reads one
    cell per line)."""
    lines = [line.strip() for line in text.splitlines()]
    return [lines[n + 1:n + 1 + cells] for n, line in enumerate(lines) if DATE.match(line)]


def test_the_report_holds_every_chart_and_its_values_in_date_order(vault: Vault) -> None:
    client_id = fill_three_sessions(vault)
    text = _text(_report(vault, client_id))
    assert CLIENT in text and "Progress report" in text and "Clinician copy - confidential" in text
    assert "3 sessions with charted answers, September 7, 2026 to October 5, 2026." in text
    # axis words (each session's date) and the series' labels
    for tick in ("7 Sep", "21 Sep", "5 Oct"):
        assert tick in text
    for label in ("How important is this change to me?", "Today I felt listened to", "AUDIT score",
                  "AUDIT-C score", "How it goes now: Days per week"):
        assert label in text
    # the tables, chart by chart in the library's order, rows in date order
    starts = {title: text.index(title) for title in ("Where I am right now", "At the end: how we worked",
                                                     "AUDIT score", "AUDIT-C score")}
    rulers = text[starts["Where I am right now"]:]
    assert _rows(rulers, 3)[:3] == \
        [[str(RULERS[k][n]) for k in ("importance", "confidence", "readiness")] for n in range(3)]
    checks = text[starts["At the end: how we worked"]:]
    assert _rows(checks, 3)[:3] == \
        [[str(CHECK_IN[k][n]) for k in ("listened", "what_mattered", "way_fit")] for n in range(3)]
    audit = text[starts["AUDIT score"]:starts["AUDIT-C score"]]
    rows = _rows(audit, 2)
    assert [row[0] for row in rows] == [str(s) for s in AUDIT_SCORES]
    assert rows[0][1].startswith("Zone IV (20-40)") and rows[2][1].startswith("Zone I (0-7)")  # each band
    audit_c = text[starts["AUDIT-C score"]:]
    assert [row[0] for row in _rows(audit_c, 1)] == [str(s) for s in AUDIT_C_SCORES]


def test_plan_versions_are_marked_and_the_days_limit_said(vault: Vault) -> None:
    client_id = fill_three_sessions(vault)
    text = _text(_report(vault, client_id))
    plan = text[text.index("OPTIMAL USE PLAN"):text.index("SESSION CHECK-IN")]
    assert _rows(plan, 3) == \
        [[str(now), str(ideal), f"v{n}"] for n, (now, ideal) in enumerate(PLAN_DAYS, start=1)]
    assert "so days between sessions are not charted" in plan.replace("\n", " ")


def test_unanswered_and_incomplete_leave_no_point(vault: Vault) -> None:
    client = vault.add_client("Tomasz Wiśniewski")
    s1 = vault.add_session(client.id, dt.date(2026, 3, 2)).id
    s2 = vault.add_session(client.id, dt.date(2026, 3, 16)).id
    vault.new_worksheet(client.id, "decisional_balance", 1, session_id=s1, values={"importance": 3})
    vault.new_worksheet(client.id, "decisional_balance", 1, session_id=s2,
                        values={"importance": 5, "readiness": 4})
    vault.new_worksheet(client.id, "audit_c", 1, session_id=s1,
                        values=answers_scoring("audit_c", "audit_c_score", 5))
    partial = answers_scoring("audit_c", "audit_c_score", 4)
    partial.pop("audit_3")
    vault.new_worksheet(client.id, "audit_c", 1, session_id=s2, values=partial)
    progress = client_progress(vault, default_library(), client.id)
    rulers = next(c for c in progress.charts if c.key == "decisional_balance.importance")
    assert {s.field_id: [p.value for p in s.points] for s in rulers.series} == \
        {"importance": [3.0, 5.0], "confidence": [], "readiness": [4.0]}
    audit_c = next(c for c in progress.charts if c.key == "audit_c.audit_c_score")
    assert [p.value for p in audit_c.series[0].points] == [5.0] and audit_c.left_out == 1
    text = _text(_report(vault, client.id))
    assert "Not charted: 1 worksheet(s) with unanswered questions" in text
    assert _rows(text, 3)[:2] == [["3", "\u2014", "\u2014"], ["5", "\u2014", "4"]]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_report_is_archival_with_every_font_embedded_and_no_name_in_its_info(
        vault: Vault, language: str) -> None:
    client_id = fill_three_sessions(vault)
    pdf = _report(vault, client_id, language)
    assert check(pdf).passed
    assert fonts_without_file(pdf) == []
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert all(CLIENT not in str(value) for value in info.values())
    assert ("Informe de progreso" if language == "es" else "Progress report") in _text(pdf)


def test_one_session_prints_the_empty_state(vault: Vault) -> None:
    client = vault.add_client("Ana")
    vault.new_worksheet(client.id, "decisional_balance", 1, values={"importance": 6})
    text = _text(_report(vault, client.id)).replace("\n", " ")
    assert "Not enough to chart yet" in text and "This client has 1." in text


def test_only_this_clients_answers_are_read(vault: Vault) -> None:
    client_id = fill_three_sessions(vault)
    other = vault.add_client("Bruno")
    for day in (dt.date(2026, 9, 7), dt.date(2026, 9, 21)):
        session = vault.add_session(other.id, day).id
        vault.new_worksheet(other.id, "decisional_balance", 1, session_id=session, values={"importance": 1})
    mine = vault.latest_values(client_id, ["decisional_balance"])
    assert len(mine) == 3 and all(v["importance"] != 1 for v in mine.values())
    progress = client_progress(vault, default_library(), other.id)
    assert [p.value for s in progress.charts[0].series for p in s.points] == [1.0, 1.0]


def test_a_measure_with_only_incomplete_scores_is_named_not_drawn(vault: Vault) -> None:
    client = vault.add_client("Ana")
    partial = answers_scoring("audit", "audit_score", 9)
    partial.pop("audit_10")
    for n, day in enumerate((dt.date(2026, 3, 2), dt.date(2026, 3, 16))):
        session = vault.add_session(client.id, day).id
        vault.new_worksheet(client.id, "decisional_balance", 1, session_id=session, values={"importance": n})
        vault.new_worksheet(client.id, "audit", 1, session_id=session, values=partial)
    progress = client_progress(vault, default_library(), client.id)
    audit = next(c for c in progress.charts if c.key == "audit.audit_score")
    assert audit.days == [] and audit.left_out == 2
    text = _text(_report(vault, client.id))
    assert "AUDIT score" in text and "Not charted: 2 worksheet(s) with unanswered questions" in text


def test_a_value_beyond_the_definitions_range_widens_the_axis(vault: Vault) -> None:
    """An answer kept from an older definition (9 days on a 0-7 field) is charted, not cut off."""
    client = vault.add_client("Ana")
    for n, day in enumerate((dt.date(2026, 3, 2), dt.date(2026, 3, 16))):
        session = vault.add_session(client.id, day).id
        vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=session,
                            values={"current_days": 9 if n else 5})
    chart = client_progress(vault, default_library(), client.id).charts[0]
    assert (chart.low, chart.high) == (0.0, 9.0)
    assert "9" in _rows(_text(_report(vault, client.id)), 2)[1]


SHORT_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]{2}$")  # the chart's x axis: "2 Jan"


def _axis_labels(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """The x axis' date labels on ``page``: (x, y, text), left to right."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if SHORT_DATE.match(text.strip()):
            found.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], text.strip()))
    page.extract_text(visitor_text=visit)
    return sorted(found)


@pytest.mark.parametrize("sessions", [60, 200])
def test_many_sessions_keep_the_chart_on_page_one_with_dates_apart(vault: Vault, sessions: int) -> None:
    # Stranger's case R7: at 200 sessions the axis labels blurred into a bar and page 1 held only the heading.
    pdf = _report(vault, fill_many_sessions(vault, sessions))
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    first = pages[0].extract_text()
    assert "At the end: how we worked together today" in first
    assert "January 2, 2023" in first  # the table starts under its chart on the same page
    labels = _axis_labels(pages[0])
    assert 4 <= len(labels) <= 20 and labels[0][2] == "2 Jan"
    for (x1, _, a), (x2, _, _) in zip(labels, labels[1:], strict=False):
        # x is where a label is drawn (centred on its date): the next starts after this one ends.
        assert x2 - x1 >= stringWidth(a, REGULAR, 8) + 4, labels
    assert sum(len(_axis_labels(p)) for p in pages) == len(labels)  # one chart, drawn once
