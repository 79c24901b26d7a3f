"""The client page's charts draw a client's separate plans as separate lines, each version marked on the
date axis (two versions of one day both named), from a real vault."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QCategoryAxis, QLineSeries
from PySide6.QtWidgets import QLabel

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.clients import ClientPage
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.core.test_progress_plans import DAYS, two_plans

SHOTS = os.environ.get("IHRP_SCREENSHOTS")


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "vault", "correct horse battery staple", kdf=KdfParams.fast()) as v:
        yield v


def test_two_plans_are_two_lines_with_every_version_marked(qtbot: Any, vault: Vault) -> None:
    client_id = two_plans(vault)
    page = ClientPage(default_library(), InlineRunner())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_client(vault, client_id)
    page.tabs.setCurrentWidget(page.progress)
    qtbot.waitExposed(page)
    qtbot.wait(20)
    chart = page.progress.charts["optimal_use_plan.current_days"]
    lines = {s.objectName(): [(p.x(), p.y()) for p in s.points()]
             for s in chart.series() if isinstance(s, QLineSeries)}
    assert lines["current_days.plan1"] == [(DAYS[0].toordinal(), 5.0), (DAYS[1].toordinal(), 4.0)]
    assert lines["current_days.plan2"] == [(DAYS[1].toordinal(), 2.0), (DAYS[2].toordinal(), 1.0)]
    x_axis = next(a for a in chart.axes() if isinstance(a, QCategoryAxis))
    assert [label.split(" · ", 1)[1] for label in x_axis.categoriesLabels()] == \
        ["Plan 1 v1", "Plan 1 v2 · Plan 2 v1", "Plan 2 v2"]
    key = page.progress.findChild(QLabel, "key:optimal_use_plan.current_days")
    assert key is not None and "Plan 2, from September 21, 2026" in key.text()
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "progress-two-plans.png"))
