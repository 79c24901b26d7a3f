"""The worksheet's toolbar in the shipped look: one line where there is room, and where there is
not, tools wrap onto lines that end at the right edge, Print in the corner, the back button level
with the first line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ihrp_desktop.app.editor.theme import apply_theme
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE, unlock

pytestmark = pytest.mark.usefixtures("free_widgets")


def plan_page(qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, width: int) -> Any:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Łucja Żółć 🌱")
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1)
    window = make_window(path)
    window.resize(width, 820)
    unlock(qtbot, window)
    window.open_worksheet(sheet.id)
    qtbot.waitUntil(lambda: window.page is not None and window.page.isVisible())
    QApplication.processEvents()
    return window.page


def tools(page: Any) -> list[QWidget]:
    box = page.print_button.parentWidget()
    return [w for w in box.findChildren(QWidget) if w.parentWidget() is box and w.isVisible()]


def lines(page: Any) -> list[list[QWidget]]:
    by_top: dict[int, list[QWidget]] = {}
    for widget in tools(page):
        by_top.setdefault(widget.geometry().center().y(), []).append(widget)
    return [sorted(row, key=lambda w: w.x()) for _, row in sorted(by_top.items())]


def test_the_tools_fit_on_one_line_at_1280_px(qtbot, make_window, tmp_path, app_look) -> None:
    apply_theme(app_look, "light", 1.0, "light")
    page = plan_page(qtbot, make_window, tmp_path, 1280)
    assert len(lines(page)) == 1
    assert tools(page)[-1] is page.print_button


@pytest.mark.parametrize("width", [900, 1100])
def test_wrapped_tools_end_at_the_right_edge(qtbot, make_window, tmp_path, app_look, width) -> None:
    apply_theme(app_look, "light", 1.3, "light")
    page = plan_page(qtbot, make_window, tmp_path, width)
    rows = lines(page)
    assert len(rows) >= 2
    box = page.print_button.parentWidget()
    for row in rows:
        assert row[-1].geometry().right() == box.rect().right()  # every line ends at the edge
    assert rows[-1][-1] is page.print_button
    # The back button is level with the first line, not between the lines.
    first = rows[0][0].mapTo(page, rows[0][0].rect().center()).y()
    assert abs(page.back_button.mapTo(page, page.back_button.rect().center()).y() - first) <= 2
