"""The chain at a glance in the window: a microanalysis shows one line per link beside the page, the
lines follow edits (and undo), and a click on a line takes the cursor to that link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.app.editor.theme import apply_theme
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, unlock

CHAIN = [
    {"event": "Dad's comment at dinner", "feelings": "Shame", "urge": 3, "options": "Step outside, text Ola",
     "action": "Ordered two beers fast"},
    {"event": "Left early, bus home", "urge": 6, "options": "Call Ola"},
    {"event": "Home, alone, door locked", "urge": 8, "options": "Leave the door open"},
    {"event": "Took the pills on top", "urge": 9, "options": "Half only; naloxone on the table"},
    {"event": "Texted my brother", "urge": 7},
    {"event": "Ola found me", "urge": 2, "options": "Not using alone"},
]


def _open(make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], qtbot: Any,
          language: str = "en", chain: list[dict[str, Any]] | None = None) -> MainWindow:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Kamil Nowak", language=language)
        values = {"chain": CHAIN if chain is None else chain}
        sheet = vault.new_worksheet(client.id, "microanalysis", 1, values=values)
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(sheet.id)
    assert window.page is not None
    return window


def _texts(window: MainWindow) -> list[tuple[str, ...]]:
    overview = window.page.editor.overview
    assert overview is not None
    return [tuple(cell.text for cell in line.cells) for line in overview.lines()]


def test_the_overview_lists_every_link_with_its_urge_and_choice_point(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    apply_theme(QApplication.instance(), "light", 1.0)  # as the app looks (app_look puts it back)
    window = _open(make_window, fast_vault, qtbot)
    overview = window.page.editor.overview
    assert overview is not None and overview.isVisible()
    assert overview.title.text() == "The chain at a glance"
    assert _texts(window)[0] == ("Dad's comment at dinner", "3", "Step outside, text Ola")
    assert [t[1] for t in _texts(window)] == ["3", "6", "8", "9", "7", "2"]  # the rise, at once
    assert overview.list.count() == 6
    spoken = overview.list.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "2. What happened: Left early, bus home; Urge: 6; Choice point: Call Ola"
    # Beside the page, not inside it: it stays in place while the page scrolls.
    assert not window.page.editor.scroll_area.isAncestorOf(overview)
    for size in ((1280, 860), (1366, 768)):
        window.resize(*size)
        qtbot.wait(50)
        bar = window.page.editor.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum() // 3)
        qtbot.wait(50)
        assert overview.isVisible() and overview.geometry().right() <= window.page.width()
        # Looked at by hand, also with large text (docs/make_screenshots.py makes the docs copy).
        window.grab().save(str(tmp_path / f"chain-overview-{size[0]}.png"))


def test_the_overview_follows_edits_and_undo(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window = _open(make_window, fast_vault, qtbot)
    editor = window.page.editor
    chain = editor.editor_for("chain")
    assert isinstance(chain, ListEditor)
    event = chain.rows[1].cells["event"].focus_input()
    assert isinstance(event, QLineEdit | QPlainTextEdit)
    qtbot.keyClick(event, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(event, " at 11")
    assert _texts(window)[1][0] == "Left early, bus home at 11"
    chain.insert_row(2)
    assert [line.number for line in editor.overview.lines()] == [1, 2, 3, 4, 5, 6, 7]
    assert _texts(window)[2] == ("", "", "")  # a link just added can be clicked, empty
    editor.undo()
    assert len(editor.overview.lines()) == 6
    editor.undo()
    assert _texts(window)[1][0] == "Left early, bus home"
    assert editor.overview.current_row() == 1  # the link the cursor is in is marked


def test_a_click_on_a_line_goes_to_that_link(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window = _open(make_window, fast_vault, qtbot)
    window.resize(1366, 768)
    editor = window.page.editor
    chain = editor.editor_for("chain")
    assert isinstance(chain, ListEditor)
    overview = editor.overview
    item = overview.list.item(4)
    qtbot.mouseClick(overview.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=overview.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: chain.rows[4].isAncestorOf(QApplication.focusWidget()))
    qtbot.wait(20)  # the page scrolls once laid out
    row = chain.rows[4]
    top = row.mapTo(editor.scroll_area.viewport(), row.rect().topLeft()).y()
    assert 0 <= top <= 24  # link 5's heading is at the top of the page
    assert overview.current_row() == 4


@pytest.mark.parametrize(("language", "words"), [
    ("en", "Links appear here as you add them."),
    ("es", "Los eslabones aparecen aquí a medida que los agregas."),
])
def test_an_empty_chain_says_where_links_appear(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path,
    language: str, words: str,
) -> None:
    # Stranger's case R10: with no link the panel was an empty box under its title, without a word.
    window = _open(make_window, fast_vault, qtbot, language=language, chain=[])
    window.resize(1366, 768)
    editor = window.page.editor
    overview = editor.overview
    assert overview is not None
    qtbot.waitUntil(overview.isVisible)
    assert overview.empty.isVisible() and overview.empty.text() == words
    assert not overview.list.isVisible()
    window.grab().save(str(tmp_path / f"empty-chain-{language}.png"))
    chain = editor.editor_for("chain")
    assert isinstance(chain, ListEditor)
    chain.insert_row(0)  # the first link: its line takes the words' place
    assert overview.list.isVisible() and overview.list.count() == 1
    assert not overview.empty.isVisible()
