"""At the plan's review in the window, the session check-ins made since the plan began say how it went
(declared ``at = "review"`` in forms/40_optimal_use_plan.toml): shown, nothing copied into the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, unlock


def test_check_ins_show_at_the_plans_review(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Ana Gómez")
        began = vault.add_session(client.id, dt.date(2026, 11, 3))
        plan = vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=began.id,
                                   values={"substance": "Cerveza"})
        later = vault.add_session(client.id, dt.date(2026, 11, 10))
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=later.id,
                            values={"plan_went": "not_this_time", "plan_notes": "Marta's birthday <b>"})
        other = vault.add_client("Bruno Díaz")
        vault.new_worksheet(other.id, "session_check_in", 1, values={"plan_went": "as_planned"})
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(plan.id)
    page = window.page
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    text = page.banner.text()
    assert "Since this version began:" in text
    assert ("• Not this time: something to learn from — Marta's birthday <b> "
            "(from Session check-in, November 10, 2026)") in text
    assert "As I planned" not in text  # another client's check-in
    assert page.banner.textFormat() == Qt.TextFormat.PlainText
    assert "Marta" not in str(page.editor.values())  # shown, not copied
