"""File > Activity: who did what and when, the chain's state, no names in client view, no answer text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from ihrp_desktop.app.activity import WORDS, ActivityDialog
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core import backups
from ihrp_desktop.core.activity import ACTION_WORDS, CREATED_WORDS
from ihrp_desktop.core.vault import unlock_key
from tests.app.driving import PASSPHRASE, type_text, unlock

MARKER = "Qmarker9 answer"
ANA, BEN = "Ana Żółć-Marker", "Ben Other"


def _session(qtbot: Any, make_window: Callable[[Path], MainWindow], path: Path) -> MainWindow:
    """Unlock, add two clients, open Ana's plan and type into it, lock, unlock."""
    window = make_window(path)
    window.resize(1366, 768)
    unlock(qtbot, window)
    # The day's automatic backup first: the worksheet opens from the event loop (it is made on the
    # writer), and the backup's own event would otherwise fall anywhere among the ones checked below.
    qtbot.waitUntil(lambda: backups.latest_backup(path) is not None, timeout=10_000)
    window.session.backup_runner.wait()
    vault = window.vault
    assert vault is not None
    ana = vault.add_client(ANA)
    vault.add_client(BEN)
    window.client_list.refresh()
    window.new_worksheet(ana.id, "optimal_use_plan")  # made on the writer, then opened
    qtbot.waitUntil(lambda: window.page is not None)
    page = window.page
    assert page is not None
    fields = [*page.findChildren(QPlainTextEdit), *page.findChildren(QLineEdit)]
    for field in [w for w in fields if w.isVisible() and w.isEnabled() and not w.isReadOnly()][:3]:
        field.setFocus()
        type_text(field, MARKER)
    assert page.flush()
    window.lock()
    unlock(qtbot, window)
    window.writer.wait()
    return window


def _open_activity(qtbot: Any, window: MainWindow) -> ActivityDialog:
    window.activity_action.trigger()
    dialog = next(d for d in window.findChildren(ActivityDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0 and "intact" in dialog.chain.text(), timeout=10_000)
    return dialog


def _table(dialog: ActivityDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_activity_window_shows_who_did_what_and_fits_a_small_screen(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
    tmp_path: Path,
) -> None:
    window = _session(qtbot, make_window, fast_vault())
    dialog = _open_activity(qtbot, window)
    rows = _table(dialog)
    what = [row[1] for row in rows][::-1]  # oldest first
    session = what[what.index("Unlocked the vault") :]
    # Opened, typed into three fields (many saves: one edit event), locked; the unlock reopens the page.
    assert session[session.index("Opened a worksheet") :] == [
        "Opened a worksheet",
        "Edited a worksheet",
        "Locked the vault",
        "Unlocked the vault",
        "Opened a worksheet",
    ]
    edited = next(row for row in rows if row[1] == "Edited a worksheet")
    assert edited[2] == ANA and edited[3].endswith("(app)")
    assert "The audit trail is intact" in dialog.chain.text()
    # Fits a 1366x768 screen, task bar included.
    assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 720
    shot = tmp_path / "activity.png"
    assert dialog.grab().save(str(shot)) and shot.stat().st_size > 10_000


def test_client_view_shows_no_client_name_in_the_activity_window(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    window = _session(qtbot, make_window, fast_vault())
    dialog = _open_activity(qtbot, window)
    assert any(ANA in cell for row in _table(dialog) for cell in row)  # the therapist's own view names them
    window.toggle_client_view()
    try:
        cells = [cell for row in _table(dialog) for cell in row]
        choices = [dialog.client_filter.itemText(i) for i in range(dialog.client_filter.count())]
        shown = " ".join(cells + choices + [dialog.windowTitle(), dialog.chain.text()])
        assert ANA not in shown and BEN not in shown and "Marker" not in shown
        assert dialog.table.isColumnHidden(2) and not dialog.client_filter.isVisible()
        # Opened in client view (F11 hides the menu, but the window may be asked for): no names either.
        other = ActivityDialog(window.vault, window.runner, client_view=True, parent=window)
        qtbot.waitUntil(lambda: other.table.rowCount() > 0, timeout=10_000)
        assert other.client_filter.count() == 1
        assert not any(ANA in cell or BEN in cell for row in _table(other) for cell in row)
        other.close()
    finally:
        window.toggle_client_view()
    assert dialog.client_filter.count() == 3  # back in the therapist's view: everything, Ana, Ben


def test_the_activity_window_names_a_broken_chain(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    path = fast_vault(clients=(ANA,))
    window = make_window(path)
    unlock(qtbot, window)
    window.writer.wait()
    key = unlock_key(path, PASSPHRASE)
    conn = sqlcipher3.connect(str(path / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    conn.execute("UPDATE audit_events SET action = 'printed' WHERE id = 2")
    conn.close()
    window.activity_action.trigger()
    dialog = next(d for d in window.findChildren(ActivityDialog) if d.isVisible())
    qtbot.waitUntil(lambda: "broken" in dialog.chain.text(), timeout=10_000)
    assert "Audit event 2 was changed after it was written." in dialog.chain.text()


def test_no_answer_text_in_the_trail_after_the_apps_actions(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    path = fast_vault()
    window = _session(qtbot, make_window, path)
    vault = window.vault
    assert vault is not None
    sheet = vault.worksheets(vault.clients()[0].id)[0]
    assert MARKER in json.dumps(vault.worksheet(sheet.id).values, ensure_ascii=False)  # it was typed
    window.open_worksheet(sheet.id)
    window.writer.wait()
    window.lock()
    key = unlock_key(path, PASSPHRASE)
    conn = sqlcipher3.connect(f"{(path / 'vault.db').as_uri()}?mode=ro", uri=True)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    rows = conn.execute("SELECT * FROM audit_events").fetchall()
    conn.close()
    text = json.dumps(rows, ensure_ascii=False)
    assert {"opened", "edited", "locked", "unlocked"} <= {row[2] for row in rows}
    assert "Qmarker9" not in text and "Marker" not in " ".join(str(row[5]) for row in rows)


def test_every_action_word_is_marked_for_translation() -> None:
    assert set(WORDS) == set(ACTION_WORDS.values()) | set(CREATED_WORDS.values())
    assert QApplication.translate("Activity", "Printed")  # the app shows them through translate
