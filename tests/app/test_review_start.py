"""The 18 Alternatives' review opens with one row per option being tried, in the window: the rows are
the program's words (shown, not saved until the person edits), never duplicated when the review opens
again, and a discreet copy prints their discreet forms."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from ihrp_desktop.app.editor.segmented import SegmentButton
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.safety import listed_words_in
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE, unlock

# A demo-like 18 Alternatives: three options marked (two with the person's words), others not.
MARKED = {
    "alternatives": {
        "drop_one": {"status": "will_try", "my_version": "Wine only, no spirits", "start": "", "notes": ""},
        "lower_risk": {"status": "considering", "my_version": "Alcohol-free beer first", "start": "",
                       "notes": ""},
        "test_supply": {"status": "already_doing", "my_version": "", "start": "", "notes": ""},
        "fewer_days": {"status": "will_try", "my_version": "Three evenings without", "start": "",
                       "notes": ""},
        "longer_break": {"status": "not_now", "my_version": "", "start": "", "notes": ""},
    },
    "chosen": "Fewer evenings first",
}
EXPECTED = [
    "1. Drop one substance, keep the others — Wine only, no spirits",
    "4. Know or test what I use (drug checking, test strips)",
]


def _printed(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join("\n".join(page.extract_text() or "" for page in pages).split())


def _open(make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], qtbot: Any
          ) -> tuple[MainWindow, Path, int]:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Ana Gómez")
        sheet_id = vault.new_worksheet(client.id, "alternatives", 2, values=MARKED).id
    window = make_window(path)
    unlock(qtbot, window)
    window.open_worksheet(sheet_id)
    return window, path, sheet_id


def _rows(window: MainWindow) -> list[str]:
    assert window.page is not None
    return [row["option"] for row in window.page.editor.editor_for("review_options").value()]


def _fewer_days_label(window: MainWindow) -> str:
    assert window.page is not None
    menu = window.page.form.field("alternatives")
    number = next(i for i, row in enumerate(menu.rows, start=1) if row.id == "fewer_days")
    return f"{number}. Fewer days of use, planned days without using — Three evenings without"


def test_the_review_starts_with_the_options_being_tried(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, _, sheet_id = _open(make_window, fast_vault, qtbot)
    page = window.page
    assert page is not None and _rows(window) == []  # before the review opens: nothing added
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    assert window.page is page  # the review, not a new version
    rows = page.editor.editor_for("review_options").value()
    expected = [*EXPECTED[:1], EXPECTED[1], _fewer_days_label(window)]
    expected.sort(key=lambda text: int(text.split(".")[0]))  # the menu's order
    assert [row["option"] for row in rows] == expected
    assert all(not row["worked"] and not row["learned"] for row in rows)  # the rest empty
    assert page.flush()  # as leaving the page does: nothing edited, nothing to save
    stored = window.vault.worksheet(sheet_id).values
    assert "review_options" not in stored or stored["review_options"] == []  # nothing written yet


def test_opening_the_review_again_adds_only_options_not_yet_there(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, path, sheet_id = _open(make_window, fast_vault, qtbot)
    page = window.page
    assert page is not None
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    assert len(_rows(window)) == 3
    # The person marks one more option while the review shows: an edit, so everything is saved.
    status = page.editor.editor_for("alternatives").rows["lower_risk"].cells["status"]
    will_try = next(b for b in status.findChildren(SegmentButton) if b.text() == "Will try")
    qtbot.mouseClick(will_try, Qt.MouseButton.LeftButton)
    assert page.flush()
    qtbot.waitUntil(lambda: len(window.vault.worksheet(sheet_id).values.get("review_options", [])) == 3)

    window.open_worksheet(sheet_id)  # another day: the worksheet opened again
    again = window.page
    assert again is not None and again is not page and len(_rows(window)) == 3  # as saved
    qtbot.mouseClick(again.revise_button, Qt.MouseButton.LeftButton)
    assert window.page is again  # only the program's rows: still the review, shown again
    rows = _rows(window)
    assert len(rows) == 4 and len(set(rows)) == 4  # the new option added, none twice
    saved = [row["option"] for row in window.vault.worksheet(sheet_id).values["review_options"]]
    assert rows[:3] == saved and rows[3].startswith(  # rows already there first, as they were
        "2. Switch to a lower-risk substance or form — Alcohol-free beer first")


def test_a_discreet_copy_prints_the_starting_rows_discreetly(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window, _, sheet_id = _open(make_window, fast_vault, qtbot)
    page = window.page
    assert page is not None
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    learned = page.editor.editor_for("review_options").rows[0].cells["learned"]
    box = learned.focus_input()
    assert box is not None
    qtbot.keyClicks(box, "Easier than I thought")  # the person's edit: the review is saved with it
    assert page.flush()
    qtbot.waitUntil(lambda: bool(window.vault.worksheet(sheet_id).values.get("review_options")))
    values = window.vault.worksheet(sheet_id).values
    form = page.form
    header = PrintHeader(client_name="Ana")
    text = _printed(render_worksheet(form, values, header, PrintOptions(discreet=True)))
    assert "Drop one, keep the others" in text and "Know or check what I take" in text
    typed = ["Wine only, no spirits", "Alcohol-free beer first", "Three evenings without",
             "Easier than I thought"]
    assert set(listed_words_in(text)) - set(listed_words_in(" ".join(typed))) == set()
    home = _printed(render_worksheet(form, values, header, PrintOptions()))
    assert "test strips" in home  # the ordinary copy keeps the labels as they are
