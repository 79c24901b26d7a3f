"""The client page's progress charts, drawn with QtCharts from a real vault: the series read back from
each QChart hold the recorded values in date order, in light and dark themes and with large text."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChartView, QLineSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QGraphicsItem, QGraphicsTextItem, QLabel

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.clients import ClientPage
from ihrp_desktop.app.editor.theme import apply_theme
from ihrp_desktop.app.progress_view import CHART_HEIGHT_LINES
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import answer_next_dialog
from tests.progress_data import (
    AUDIT_SCORES,
    CHECK_IN,
    DAYS,
    PLAN_DAYS,
    RULERS,
    answers_scoring,
    fill_many_sessions,
    fill_three_sessions,
)

PASS = "correct horse battery staple"
# Screenshots for docs/screenshots/progress-*.png are written here when set (looked at by a person).
SHOTS = os.environ.get("IHRP_SCREENSHOTS")


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "vault", PASS, kdf=KdfParams.fast()) as v:
        yield v


def _page(qtbot: Any, vault: Vault, client_id: int, size: tuple[int, int] = (1366, 768)) -> ClientPage:
    page = ClientPage(default_library(), InlineRunner())
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.show_client(vault, client_id)
    page.tabs.setCurrentWidget(page.progress)
    qtbot.waitExposed(page)
    qtbot.wait(20)  # the cards added to the shown page are shown by a queued call
    return page


def _lines(page: ClientPage, key: str) -> dict[str, list[tuple[float, float]]]:
    chart = page.progress.charts[key]
    return {s.objectName(): [(p.x(), p.y()) for p in s.points()]
            for s in chart.series() if isinstance(s, QLineSeries)}


def _ordinals() -> list[float]:
    return [float(d.toordinal()) for d in DAYS]


def test_three_sessions_of_rulers_are_charted_in_date_order(qtbot: Any, vault: Vault, app_look: Any) -> None:
    apply_theme(app_look, "light")
    client_id = fill_three_sessions(vault)  # written out of date order
    page = _page(qtbot, vault, client_id)
    lines = _lines(page, "decisional_balance.importance")
    for field_id, values in RULERS.items():
        assert lines[field_id] == list(zip(_ordinals(), map(float, values), strict=True))
    checks = _lines(page, "session_check_in.listened")
    for field_id, values in CHECK_IN.items():
        assert [y for _, y in checks[field_id]] == list(map(float, values))
    audit = page.progress.charts["audit.audit_score"]
    assert [p.y() for s in audit.series() if isinstance(s, QLineSeries) for p in s.points()] == \
        list(map(float, AUDIT_SCORES))
    bands = [s.name() for s in audit.series() if isinstance(s, QAreaSeries)]
    assert bands[0].startswith("Zone I (0-7)") and len(bands) == 4  # the bands drawn behind the score
    ranges = next(a for a in audit.axes(Qt.Orientation.Vertical) if isinstance(a, QCategoryAxis))
    assert ranges.categoriesLabels() == ["0\u20137", "8\u201315", "16\u201319", "20\u201340"]
    key = page.progress.findChild(QLabel, "key:audit.audit_score")
    assert key is not None and "Zone IV (20-40): referral to a specialist" in key.text()
    plan = _lines(page, "optimal_use_plan.current_days")
    assert [y for _, y in plan["current_days"]] == [float(PLAN_DAYS[0][0]), float(PLAN_DAYS[1][0])]
    x_axis = next(a for a in page.progress.charts["optimal_use_plan.current_days"].axes()
                  if isinstance(a, QCategoryAxis))
    # a mark per plan version
    assert [label.split(" · ")[-1] for label in x_axis.categoriesLabels()] == ["v1", "v2"]
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "progress.png"))
        bar = page.progress.verticalScrollBar()
        bar.setValue(bar.maximum())  # the check-in and the two AUDIT scores with their bands
        qtbot.wait(20)
        page.grab().save(str(Path(SHOTS) / "progress-scores.png"))


def test_an_unanswered_ruler_leaves_no_point(qtbot: Any, vault: Vault, app_look: Any) -> None:
    client = vault.add_client("Tomasz Wiśniewski")
    for n, day in enumerate((dt.date(2026, 3, 2), dt.date(2026, 3, 16))):
        session = vault.add_session(client.id, day).id
        values = {"importance": 4 + n} if n else {"importance": 3, "confidence": 2}
        vault.new_worksheet(client.id, "decisional_balance", 1, session_id=session, values=values)
    lines = _lines(_page(qtbot, vault, client.id), "decisional_balance.importance")
    assert [y for _, y in lines["importance"]] == [3.0, 5.0]
    assert [y for _, y in lines["confidence"]] == [2.0]
    assert lines["readiness"] == []


def test_one_session_shows_the_empty_state(qtbot: Any, vault: Vault, app_look: Any) -> None:
    apply_theme(app_look, "light")
    client = vault.add_client("Ana")
    vault.new_worksheet(client.id, "decisional_balance", 1, values={"importance": 6})
    page = _page(qtbot, vault, client.id)
    assert page.progress.charts == {}
    assert page.progress.empty.isVisible()
    assert "two sessions or more" in page.progress.empty.text() and "so far: 1" in page.progress.empty.text()
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "progress-empty.png"))


def test_another_client_leaves_no_values_behind(qtbot: Any, vault: Vault, app_look: Any) -> None:
    client_id = fill_three_sessions(vault)
    other = vault.add_client("Bruno")
    page = _page(qtbot, vault, client_id)
    assert page.progress.charts
    page.tabs.setCurrentIndex(0)
    page.show_client(vault, other.id)
    assert page.progress.charts == {} and page.progress.progress is None
    page.clear()
    assert page.progress.progress is None


@pytest.mark.parametrize(("theme", "scale"), [("dark", 1.0), ("light", 1.5)])
def test_charts_follow_the_theme_and_the_text_size(qtbot: Any, vault: Vault, app_look: QApplication,
                                                   theme: str, scale: float) -> None:
    apply_theme(app_look, theme, font_scale=scale)
    client_id = fill_three_sessions(vault)
    page = _page(qtbot, vault, client_id)
    chart = page.progress.charts["decisional_balance.importance"]
    text = page.palette().color(page.palette().ColorRole.WindowText)
    assert all(axis.labelsColor() == text for axis in chart.axes())
    key = page.progress.findChild(QLabel, "key:decisional_balance.importance")
    assert key is not None and key.wordWrap() and "How ready am I to try it?" in key.text()
    # The axis words grow with the text size (85% of the page's text).
    assert all(axis.labelsFont().pixelSize() == max(11, round(page.progress.fontInfo().pixelSize() * 0.85))
               for axis in chart.axes())
    first_view = page.progress.widget().findChildren(QChartView)[0]
    # The chart grows with the text: so many lines of the page's own text.
    assert first_view.minimumHeight() == page.progress.fontMetrics().height() * CHART_HEIGHT_LINES
    if SHOTS:
        name = "progress-large-text.png" if scale > 1 else f"progress-{theme}.png"
        page.grab().save(str(Path(SHOTS) / name))


def test_the_report_button_saves_the_report_where_chosen_and_records_it(
        qtbot: Any, vault: Vault, app_look: Any, tmp_path: Path) -> None:
    client_id = fill_three_sessions(vault)
    page = _page(qtbot, vault, client_id)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        assert "Peña" not in dialog.selectedFiles()[0]  # the suggested name holds no client name
        dialog.selectFile(str(target))
        dialog.accept()

    answer_next_dialog(choose)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Progress report" in text and "Where I am right now" in text
    assert any(e.detail == "progress report saved as PDF" and e.client_id == client_id
               for e in vault.audit_events())


def test_only_incomplete_scores_show_a_note_and_no_chart(qtbot: Any, vault: Vault, app_look: Any) -> None:
    client = vault.add_client("Ana")
    partial = answers_scoring("audit", "audit_score", 9)
    partial.pop("audit_10")
    for n, day in enumerate((dt.date(2026, 3, 2), dt.date(2026, 3, 16))):
        session = vault.add_session(client.id, day).id
        vault.new_worksheet(client.id, "decisional_balance", 1, session_id=session, values={"importance": n})
        vault.new_worksheet(client.id, "audit", 1, session_id=session, values=partial)
    page = _page(qtbot, vault, client.id)
    charts = page.progress.charts
    assert "audit.audit_score" not in charts and "decisional_balance.importance" in charts
    notes = [label.text() for label in page.progress.findChildren(QLabel)
             if label.text().startswith("Not charted")]
    assert notes == ["Not charted: 2 with unanswered questions (an incomplete score has no value)."]


def _date_labels(chart: Any) -> list[QGraphicsTextItem]:
    """The x axis' labels as drawn: the chart's text items under its plot area."""
    bottom = chart.mapToScene(chart.plotArea()).boundingRect().bottom()
    found: list[QGraphicsTextItem] = []

    def walk(item: QGraphicsItem) -> None:
        for child in item.childItems():
            text = child.toGraphicsObject()  # QtCharts' label class is private: seen as its base class
            if isinstance(text, QGraphicsTextItem) and text.isVisible() and text.toPlainText() \
                    and text.sceneBoundingRect().top() >= bottom - 1:
                found.append(text)
            walk(child)
    walk(chart)
    return sorted(found, key=lambda t: t.sceneBoundingRect().left())


@pytest.mark.parametrize("sessions", [60, 200])
def test_sixty_sessions_show_whole_dates_apart(qtbot: Any, vault: Vault, app_look: Any, tmp_path: Path,
                                               sessions: int) -> None:
    # Stranger's case R7: at 60 sessions every date on the x axis was "…" and the points overlapped.
    apply_theme(app_look, "light")
    page = _page(qtbot, vault, fill_many_sessions(vault, sessions))
    chart = page.progress.charts["session_check_in.listened"]
    qtbot.wait(50)
    labels = _date_labels(chart)
    texts = [t.toPlainText() for t in labels]
    assert len(texts) >= 4  # the span is still dated along the axis
    assert not any("…" in t or "..." in t for t in texts), texts  # none elided
    axis = next(a for a in chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QCategoryAxis))
    assert sorted(texts) == sorted(axis.categoriesLabels())  # every label the axis holds, drawn whole
    rects = [t.sceneBoundingRect() for t in labels]
    for a, b in zip(rects, rects[1:], strict=False):
        assert a.right() <= b.left(), (texts, a, b)  # apart, none over another
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    days = [p.x() for p in lines[0].points()]
    step = min(b - a for a, b in zip(days, days[1:], strict=False))
    at = chart.mapToPosition
    spacing = at(QPointF(days[0] + step, 0)).x() - at(QPointF(days[0], 0)).x()
    for line in lines:  # a point's mark fits between two sessions', or the line shows alone
        assert not line.pointsVisible() or line.markerSize() <= spacing
    page.grab().save(str(tmp_path / f"progress-{sessions}.png"))
