"""Review first, then revise, in the window: the review shows first; version 2 starts empty where
the old answers no longer apply, and shows them beside each field as "Before:"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.revising import resetting_fields
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, unlock

REVIEWED = {
    "substance": "Cerveza",
    "experiment_review": "2026-10-25",
    "experiment_prediction": "Weekdays will be easy",
    "review_learned": "Weekends with Marta were harder",
    "review_parts": {"limits": {"worked": "partly", "learned": "Three held on weeknights"}},
    "clinician_note": "Ambivalent about weekends",
}


def _window_with(
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    qtbot: Any,
    values: dict[str, Any],
) -> tuple[MainWindow, int]:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Ana Gómez")
        sheet_id = vault.new_worksheet(client.id, "optimal_use_plan", 1, values=values).id
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(sheet_id)
    return window, sheet_id


def test_revise_opens_the_review_first(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, sheet_id = _window_with(make_window, fast_vault, qtbot, {"substance": "Cerveza"})
    page = window.page
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    assert window.page is page and page.worksheet_id == sheet_id  # no new version yet
    assert page.banner.isVisibleTo(page) and "review" in page.banner.text()
    review = next(s for s in page.form.sections if s.id == "review")
    focused = window.focusWidget()
    assert focused is not None
    owners = [page.editor.editor_for(f.id) for f in review.fields if f.stores_value]
    assert any(owner is focused or owner.isAncestorOf(focused) for owner in owners)  # in the review
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)  # the second press revises
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id != sheet_id)


def test_version_two_starts_empty_where_old_answers_no_longer_apply_and_shows_them_as_before(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, sheet_id = _window_with(make_window, fast_vault, qtbot, REVIEWED)
    qtbot.mouseClick(window.page.revise_button, Qt.MouseButton.LeftButton)  # reviewed: revises at once
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id != sheet_id)
    page = window.page
    values = page.editor.values()
    assert values["substance"] == "Cerveza"
    stored = window.vault.worksheet(page.worksheet_id).values
    assert not set(resetting_fields(default_library().get("optimal_use_plan"))) & set(stored)
    blocks = page.editor._page.blocks
    for field_id, old in (
        ("review_learned", "Weekends with Marta"),
        ("experiment_prediction", "Weekdays"),
        ("clinician_note", "Ambivalent"),
    ):
        before = blocks[field_id].previous
        assert before.isVisibleTo(page) and old in before.text(), field_id
    assert not blocks["substance"].previous.isVisibleTo(page)  # kept as it was: nothing to show beside it


def test_revise_on_an_older_version_offers_the_newest_and_makes_nothing(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    """A stranger's case (docs/reliability.md): "Revise plan" on version 1, when version 2 exists,
    made a second version 2. A version has at most one next version: the window offers the newest."""
    from PySide6.QtWidgets import QMessageBox

    from tests.app.driving import answer_next_dialog

    window, sheet_id = _window_with(make_window, fast_vault, qtbot, REVIEWED)
    second = window.vault.revise(sheet_id).id  # as another window or command would
    client_id = window.vault.worksheet(sheet_id).client_id
    before = [info.id for info in window.vault.worksheets(client_id)]
    said: list[str] = []

    def answer(box: Any) -> None:
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_next_dialog(answer)
    qtbot.mouseClick(window.page.revise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id == second)
    assert said and f"Version 2 of this plan already exists (worksheet {second})" in said[0]
    assert "Open version 2 now?" in said[0]
    assert [info.id for info in window.vault.worksheets(client_id)] == before  # nothing was made
