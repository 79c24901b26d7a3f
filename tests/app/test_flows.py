"""The whole window, driven like a therapist would: create, find, fill, reopen, revise, print, fail."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import json
import resource
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.editor.dates import DateEditor
from ihrp_desktop.app.editor.rows import ListEditor
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import Vault, verify
from tests.app.driving import PASSPHRASE, answer_next_dialog, type_text, unlock, visible_texts

SHIPPED = ("decisional_balance", "microanalysis", "alternatives", "optimal_use_plan")
# Several scripts and an emoji in every answer: Polish, Cyrillic, Spanish, Greek.
WORDS = "Zażółć gęślą jaźń · Съешь ещё этих булок · ñandú, ¿sí? · Ελπίδα 🌱"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_inputs(root: QWidget) -> list[QWidget]:
    """The free-text boxes a person can type into (not the text parts of spin boxes or combos)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QPlainTextEdit):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox) or widget.isReadOnly():
            continue
        if any(isinstance(up, DateEditor) for up in ancestors(widget)):
            continue  # dates take digits, not prose
        if widget.isVisibleTo(root) and widget.isEnabled():
            found.append(widget)
    return found


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    while (widget := widget.parentWidget()) is not None:
        found.append(widget)
    return found


def create_vault_in_window(qtbot: Any, window: MainWindow) -> None:
    screen = window.create_screen
    assert window.stack.currentWidget() is screen
    qtbot.keyClicks(screen.first, "quiet river behind the clinic")
    qtbot.keyClicks(screen.second, "quiet river behind the clinic")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=15_000)
    assert window.stack.currentWidget() is window.workspace
    # The recovery sheet is offered once the vault exists (tests/app/test_recovery_and_passphrase.py).
    qtbot.waitUntil(lambda: window.key_dialog is not None and window.key_dialog.isVisible())
    qtbot.mouseClick(window.key_dialog.not_now_button, Qt.MouseButton.LeftButton)
    assert window.key_dialog is None


def add_client(qtbot: Any, window: MainWindow, name: str) -> int:
    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        box = dialog.findChild(QLineEdit)
        type_text(box, name)
        dialog.accept()

    answer_next_dialog(type_name)
    qtbot.mouseClick(window.client_list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_page.client_id is not None)
    assert window.client_page.name.text() == name
    return window.client_page.client_id


def start_worksheet(qtbot: Any, window: MainWindow, form_id: str) -> None:
    action = next(a for a in window.client_page.new_menu.actions()
                  if a.text() == window.library.get(form_id).title.get("en"))
    action.trigger()
    qtbot.waitUntil(lambda: window.page is not None and window.page.form.id == form_id)


def fill_every_text(qtbot: Any, window: MainWindow, tag: str) -> list[str]:
    """Add a row to every list, then type a distinct multi-script answer into every text box."""
    page = window.page
    assert page is not None
    for lst in page.editor.findChildren(ListEditor):
        if lst.isVisibleTo(page.editor) and not lst.rows:
            qtbot.mouseClick(lst.add_button, Qt.MouseButton.LeftButton)
    typed = []
    for n, box in enumerate(text_inputs(page.editor)):
        answer = f"{tag}-{n} {WORDS}"
        box.setFocus()
        type_text(box, answer)
        typed.append(answer)
    return typed


def unlocked_after_the_daily_backup(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> tuple[Path, MainWindow]:
    """A vault of one client, unlocked in a window, once the unlock's automatic daily backup is made."""
    path = fast_vault(clients=("Ana Gómez",))
    window = make_window(path)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: backups.latest_backup(path) is not None, timeout=10_000)
    window.backup_runner.wait()
    return path, window


def wait_saved(qtbot: Any, window: MainWindow) -> None:
    page = window.page
    assert page is not None
    qtbot.waitUntil(lambda: not page.autosaver.has_unsaved_changes and page.save_state.text() == "Saved",
                    timeout=10_000)


def test_create_fill_every_worksheet_reopen_and_find_every_value(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault"
    window = make_window(vault_path)
    assert window.windowTitle() == "IHRP Desktop"
    create_vault_in_window(qtbot, window)
    client_id = add_client(qtbot, window, "Małgorzata Юлия Núñez 🌿")
    assert window.windowTitle() == "IHRP Desktop"  # never a client's name

    expected: dict[int, dict[str, Any]] = {}
    typed_by_sheet: dict[int, list[str]] = {}
    for form_id in SHIPPED:
        if window.page is not None:
            qtbot.mouseClick(window.page.back_button, Qt.MouseButton.LeftButton)
        start_worksheet(qtbot, window, form_id)
        page = window.page
        assert page is not None
        sheet = window.vault.worksheet(page.worksheet_id)
        assert sheet.session_date == dt.date.today()  # today's session by default
        typed = fill_every_text(qtbot, window, form_id)
        assert len(typed) >= 3, f"{form_id}: too few text boxes found to fill"
        wait_saved(qtbot, window)
        expected[page.worksheet_id] = page.editor.values()
        typed_by_sheet[page.worksheet_id] = typed
        stored = json.dumps(expected[page.worksheet_id], ensure_ascii=False)
        missing = [answer for answer in typed if answer not in stored]
        assert not missing, (form_id, missing, stored[:3000])

    window.lock()
    assert window.vault is None
    window.close()

    # Straight from the vault file: every value as it was on screen.
    vault = Vault.open(vault_path, "quiet river behind the clinic")
    try:
        sheets = vault.worksheets(client_id)
        assert sorted(s.form_id for s in sheets) == sorted(SHIPPED)
        for sheet_id, values in expected.items():
            assert vault.worksheet(sheet_id).values == values
    finally:
        vault.close()

    # And through a new window, as the next morning: every answer back on screen.
    again = make_window(vault_path)
    unlock(qtbot, again, "quiet river behind the clinic")
    for sheet_id, typed in typed_by_sheet.items():
        again.open_worksheet(sheet_id)
        on_screen = "\n".join(visible_texts(again.page.editor))
        missing = [answer for answer in typed if answer not in on_screen]
        assert not missing, f"worksheet {sheet_id}: {missing[:2]}"


def test_search_archive_and_client_page_order(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault(clients=("Ana Gómez", "Аркадий Вересов", "Zofia Łęcka"))
    vault = Vault.open(path, PASSPHRASE)
    zofia = next(c for c in vault.clients() if c.name == "Zofia Łęcka")
    older = vault.add_session(zofia.id, dt.date(2026, 1, 5))
    vault.new_worksheet(zofia.id, "microanalysis", 1, session_id=older.id)
    vault.new_worksheet(zofia.id, "decisional_balance", 1)
    vault.close()
    window = make_window(path)
    unlock(qtbot, window)
    names = window.client_list.list
    assert names.count() == 3

    type_text(window.client_list.search, "ŁĘ")  # any case, any script
    assert [names.item(i).text() for i in range(names.count())] == ["Zofia Łęcka"]
    qtbot.keyClick(window.client_list.search, Qt.Key.Key_Return)
    assert window.client_page.client_id == zofia.id
    tree = window.client_page.tree
    dates = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "Session 1" in dates[-1] and "2026" in dates[-1] and "Session 2" in dates[0], dates
    first_sheet = tree.topLevelItem(0).child(0)
    assert first_sheet.text(0) == "Decisional balance" and first_sheet.text(1) == "Draft"

    answer_next_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # "Archive?"
    window.client_page.toggle_archive()  # written on the writer; the list follows once it is stored
    window.client_list.search.clear()
    qtbot.waitUntil(lambda: names.count() == 2)
    shown = [names.item(i).text() for i in range(names.count())]
    assert "Zofia Łęcka" not in shown and len(shown) == 2
    window.client_list.show_archived.setChecked(True)
    assert any("Zofia Łęcka" in names.item(i).text() for i in range(names.count()))


def test_revise_plan_starts_a_linked_version_showing_the_old_answers(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    first = window.page
    substance = first.editor.editor_for("substance")
    box = substance.findChild(QLineEdit)
    type_text(box, "Cerveza")
    wait_saved(qtbot, window)
    old_id = first.worksheet_id

    qtbot.mouseClick(first.revise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not None and window.page.worksheet_id != old_id)
    page = window.page
    new = window.vault.worksheet(page.worksheet_id)
    assert new.previous_id == old_id and new.version_number == 2
    assert page.title.text() == "Version 2"
    assert page.editor.values()["substance"] == "Cerveza"  # starts from the previous answers
    box = page.editor.editor_for("substance").findChild(QLineEdit)
    box.selectAll()
    type_text(box, "Vino")
    wait_saved(qtbot, window)
    before = page.editor._page.blocks["substance"].previous  # the old answer, shown beside the new one
    assert before.isVisible() and "Cerveza" in before.text()
    assert window.vault.worksheet(old_id).values["substance"] == "Cerveza"  # the old version is kept


def test_print_preview_renders_from_memory_and_records_the_print(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    type_text(box, "Żubrówka")
    seen: dict[str, Any] = {}

    def look_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, PrintDialog)
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10_000)
        seen["pages"] = dialog.document.pageCount()
        seen["text"] = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes)).pages)
        dialog.discreet.setChecked(True)
        qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")) and dialog.options().discreet)
        seen["saved"] = dialog.save_to(str(tmp_path / "my-plan.pdf"))
        dialog.reject()

    answer_next_dialog(look_and_save)
    qtbot.mouseClick(window.page.print_button, Qt.MouseButton.LeftButton)  # saves first, then previews
    assert seen["pages"] >= 1 and "Żubrówka" in seen["text"] and "Ana Gómez" in seen["text"]
    assert seen["saved"]
    saved = pypdf.PdfReader(tmp_path / "my-plan.pdf")
    discreet_text = "".join(p.extract_text() for p in saved.pages)
    assert "Żubrówka" in discreet_text and "Ana Gómez" not in discreet_text
    events = [e.action for e in window.vault.audit_events()]
    assert "printed" in events


def test_wrong_passphrase_is_told_apart_and_counted(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault()
    before = {p.name: sha256(p) for p in path.iterdir()}
    window = make_window(path)
    screen = window.unlock_screen
    assert window.focusWidget() is screen.passphrase  # typing goes straight into it
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert "did not open" in screen.message.text()
    assert not screen.backup_button.isVisible()  # a wrong passphrase is not damage
    assert {p.name: sha256(p) for p in path.iterdir()} == before
    unlock(qtbot, window)
    window.writer.wait()  # events are written once the background file check passed
    failed = [e for e in window.vault.audit_events() if e.action == "failed_unlock"]
    assert failed and "1 failed" in failed[0].detail


def test_damaged_vault_offers_the_latest_backup_and_never_changes_the_original(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path
) -> None:
    path = fast_vault(clients=("Ana Gómez", "Аркадий Вересов"))
    vault = Vault.open(path, PASSPHRASE)
    backups.make_backup(vault)
    vault.close()
    db = path / "vault.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0xFF for b in data[middle:middle + 64])
    db.write_bytes(bytes(data))
    before = {p.name: sha256(p) for p in path.iterdir()}

    window = make_window(path)
    screen = window.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert "did not open" not in screen.message.text()  # not mistaken for a wrong passphrase
    assert "not changed" in screen.message.text()
    assert screen.backup_button.isVisible()
    assert {p.name: sha256(p) for p in path.iterdir()} == before

    answer_next_dialog(lambda box: box.accept())  # "You are now working in a copy restored from..."
    if not screen.passphrase.text():  # damage found by the background check, after the field was cleared
        qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
        assert "passphrase first" in screen.message.text()
        type_text(screen.passphrase, PASSPHRASE)
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    assert window.vault.path != path and window.vault.path.parent == tmp_path
    assert sorted(c.name for c in window.vault.clients()) == ["Ana Gómez", "Аркадий Вересов"]
    assert "restored" in [e.action for e in window.vault.audit_events()]
    assert {p.name: sha256(p) for p in path.iterdir()} == before  # the damaged original, untouched


def test_a_daily_backup_is_made_after_unlock_and_verifies(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path, window = unlocked_after_the_daily_backup(qtbot, make_window, fast_vault)
    made, folder = backups.latest_backup(path)
    assert verify(folder, PASSPHRASE).ok
    window.lock()
    unlock(qtbot, window)
    window.writer.wait()
    window.backup_runner.wait()
    assert len(backups.backups(path)) == 1  # one a day, not one per unlock


def test_save_failure_keeps_the_text_says_so_and_retries(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ihrp_desktop.app import autosave

    monkeypatch.setattr(autosave, "RETRY_MS", 300)
    _, window = unlocked_after_the_daily_backup(qtbot, make_window, fast_vault)  # before the disk "fills up"
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    page = window.page
    box = page.editor.editor_for("substance").findChild(QLineEdit)
    type_text(box, "Té")
    wait_saved(qtbot, window)

    vault = window.vault
    with disk_full():
        type_text(box, " con limón")
        qtbot.waitUntil(lambda: page.save_state.text() == "Not saved yet", timeout=10_000)
        assert page.banner.isVisible() and page.banner.text()
        assert box.text() == "Té con limón"  # the words stay in the editor
        type_text(box, " 🍋")  # typing on while saving fails loses nothing either
    qtbot.waitUntil(lambda: page.save_state.text() == "Saved", timeout=10_000)  # retried by itself
    assert not page.banner.isVisible()
    assert vault.worksheet(page.worksheet_id).values["substance"] == "Té con limón 🍋"


@contextmanager
def disk_full() -> Iterator[None]:
    """Every write that would grow a file fails in the kernel (EFBIG), as on a full disk.

    RLIMIT_FSIZE of 0 refuses writes at any offset, for SQLite's database and WAL files alike;
    SIGXFSZ is ignored so the write fails with an error instead of ending the process.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


class TickGaps:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is how long the GUI froze."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[int] = []

    def start(self) -> None:
        # A full garbage collection of everything earlier tests left is a pause of its own, not the
        # work measured here: collect first, and hold collection off while measuring.
        gc.collect()
        gc.disable()
        self.gaps.clear()
        self.clock.start()
        self._last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def stop(self) -> tuple[int, int]:
        """(elapsed ms, longest freeze ms)."""
        self.timer.stop()
        gc.enable()
        return self.clock.elapsed(), max(self.gaps, default=self.clock.elapsed())


def test_the_window_never_freezes_while_unlocking_or_rendering_a_pdf(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    """Key derivation and PDF rendering run off the GUI thread: a 10 ms timer keeps ticking through both.

    Each bound is half the duration of the work itself, measured in the same run: had the work run
    on the GUI thread, one gap would be as long as all of it.
    """
    from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet

    path = tmp_path / "vault"
    vault = Vault.create(path, PASSPHRASE)  # the real, deliberately slow key derivation
    client = vault.add_client("Ana Gómez")
    long_answer = (WORDS + " ") * 2000  # ~120 KB: many pages, a long render
    sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1,
                                values={"substance": "Té", "current_context": long_answer,
                                        "ideal_context": long_answer})
    vault.close()
    window = make_window(path)
    ticks = TickGaps()

    ticks.start()
    unlock(qtbot, window)
    unlock_ms, unlock_freeze = ticks.stop()
    assert unlock_ms > 150, "the real key derivation should take a noticeable time"
    assert unlock_freeze < unlock_ms / 2, (unlock_freeze, unlock_ms)

    # The unlock's own background work (file check, then the daily backup) is over: what follows
    # measures the PDF rendering alone.
    qtbot.waitUntil(lambda: backups.latest_backup(path) is not None, timeout=20_000)
    window.backup_runner.wait()
    window.open_worksheet(sheet.id)
    page = window.page
    worksheet = window.vault.worksheet(sheet.id)
    clock = QElapsedTimer()
    clock.start()
    render_worksheet(page.form, worksheet.values, PrintHeader(client_name="Ana Gómez"), PrintOptions())
    render_ms = clock.elapsed()
    ticks.start()
    dialog = PrintDialog(window.vault, page.form, sheet.id, BackgroundRunner(), parent=window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 2, timeout=30_000)
    _, render_freeze = ticks.stop()
    assert render_ms > 100, "the test needs a render long enough to notice a freeze"
    assert render_freeze < render_ms / 2, (render_freeze, render_ms)


def test_open_worksheet_from_the_command_line_after_unlock(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    """`ihrp-desktop --vault PATH --open ID`: that worksheet after unlock, the focus in its first field."""
    path = fast_vault(clients=("Ana Gómez",))
    vault = Vault.open(path, PASSPHRASE)
    sheet = vault.new_worksheet(vault.clients()[0].id, "microanalysis", 1)
    vault.close()
    window = make_window(path)
    window.open_after_unlock = sheet.id  # what launch() sets from --open
    unlock(qtbot, window)
    assert window.page is not None and window.page.worksheet_id == sheet.id
    first = window.page.editor.editor_for("episode_summary")
    assert first.isAncestorOf(window.focusWidget())


def test_open_of_a_worksheet_that_is_not_there_says_so(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    window = make_window(fast_vault(clients=("Ana Gómez",)))
    window.open_after_unlock = 999
    answer_next_dialog(lambda box: box.accept())  # "There is no worksheet 999 in this vault."
    unlock(qtbot, window)
    assert window.page is None and window.stack.currentWidget() is window.workspace


def test_quitting_takes_the_window_away_before_waiting_for_a_long_backup(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    """The daily backup of a large vault runs for seconds after an unlock; quitting in that time waits
    for it (a backup is never cut off), with the window already gone."""
    import time

    path = fast_vault(clients=("Ana Gómez",))
    window = make_window(path)
    unlock(qtbot, window)
    window.writer.wait()
    window.show_client(window.vault.clients()[0].id)
    def long_backup() -> None:  # real work on the real backup worker: it just takes long
        time.sleep(1.0)

    window.backup_runner.run(long_backup, None, None)
    # close() holds the event loop while it waits: what the window was like then is seen from the wait.
    seen: dict[str, bool] = {}
    original = window.backup_runner.wait

    def wait_and_look(msecs: int = -1) -> bool:
        seen["visible"] = window.isVisible()
        return original(msecs)

    window.backup_runner.wait = wait_and_look  # type: ignore[method-assign]
    assert window.close()
    assert seen == {"visible": False}, "the client's page stayed on screen while the backup finished"
    assert window.vault is None


def a_new_plan(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
) -> tuple[MainWindow, QLineEdit]:
    """Unlocked (the daily backup made), a new Optimal Use Plan open; its "substance" box."""
    _, window = unlocked_after_the_daily_backup(qtbot, make_window, fast_vault)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    return window, window.page.editor.editor_for("substance").findChild(QLineEdit)


def test_quitting_with_a_save_that_fails_asks_and_can_stay(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
) -> None:
    window, box = a_new_plan(qtbot, make_window, fast_vault)
    asked: list[str] = []

    def stay(box_: QDialog) -> None:
        asked.append(box_.text())
        box_.button(QMessageBox.StandardButton.No).click()

    with disk_full():
        type_text(box, "Herbata")
        answer_next_dialog(stay)
        assert not window.close()  # "Quit anyway and lose the last changes?" No
    assert asked and "could not be saved" in asked[0]
    assert window.isVisible() and window.vault is not None and box.text() == "Herbata"
    wait_saved(qtbot, window)  # the disk has room again: saved by the retry


def test_a_lock_refused_for_an_unsaved_worksheet_keeps_the_idle_lock_counting(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
) -> None:
    """The save fails, so Ctrl+L keeps the page on screen; the window must still lock itself later."""
    window, box = a_new_plan(qtbot, make_window, fast_vault)
    asked: list[str] = []
    with disk_full():
        type_text(box, "Mate")
        answer_next_dialog(lambda box_: (asked.append(box_.text()), box_.accept()))
        window.lock()
        assert window.vault is not None and "not locked" in asked[0]  # nothing lost
    # 0.3 s from now if the clock still runs (a running QTimer restarts with its new interval);
    # a refused lock used to stop it until the next unlock.
    window.idle.set_minutes(0.005)
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)  # room again: saved, and locked
