"""The whole window when things go wrong or take long: a wrong passphrase, a damaged vault, the daily
backup, a save that fails, a long render or backup, quitting. (The everyday flows: test_flows.py.)"""

from __future__ import annotations

import gc
import resource
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMessageBox,
)

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import Vault, verify
from tests.app.driving import PASSPHRASE, answer_next_dialog, type_text, unlock
from tests.app.test_flows import WORDS, sha256, start_worksheet, unlocked_after_the_daily_backup, wait_saved


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
    window.session.backup_runner.wait()
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
    window.session.backup_runner.wait()
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

    window.session.backup_runner.run(long_backup, None, None)
    # close() holds the event loop while it waits: what the window was like then is seen from the wait.
    seen: dict[str, bool] = {}
    original = window.session.backup_runner.wait

    def wait_and_look(msecs: int = -1) -> bool:
        seen["visible"] = window.isVisible()
        return original(msecs)

    window.session.backup_runner.wait = wait_and_look  # type: ignore[method-assign]
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
