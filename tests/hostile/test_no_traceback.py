"""No traceback ever reaches a person: every entry point turns the unexpected into plain words and a
crash report that holds the error's type and frames, never its message or any value."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ihrp_desktop.app import crash
from ihrp_desktop.app.background import BackgroundRunner, InlineRunner
from ihrp_desktop.cli import commands, main
from ihrp_desktop.core import crash_report
from ihrp_desktop.core.vault import KdfParams, Vault

SECRET = "Ana Ñandú told me about the 3 g"  # client words an error's message could carry


def reports(home: Path) -> list[Path]:
    folder = home / "log"
    return sorted(folder.glob("crash-*.txt")) if folder.is_dir() else []


def boom(*_args: Any) -> int:
    secret_local = SECRET  # noqa: F841 - a local value the report must not show
    raise RuntimeError(f"while saving {SECRET}")


def assert_clean_report(path: Path, kind: str = "RuntimeError") -> str:
    body = path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert f"Error type: {kind}" in body
    assert "in boom" in body and "test_no_traceback.py:" in body  # the frames: file, line, function
    assert "Ñandú" not in body and "3 g" not in body and "while saving" not in body
    return body


# -- the command line -----------------------------------------------------------------------------

def test_an_unexpected_error_in_a_command_is_a_message_exit_1_and_a_report(monkeypatch, capsys, ihrp_home):
    monkeypatch.setitem(commands.COMMANDS, "forms", boom)
    code = main(["forms"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err and "Ñandú" not in err
    assert "did not expect (RuntimeError)" in err
    [report] = reports(ihrp_home)
    assert str(report) in err
    assert_clean_report(report)


def test_when_no_report_can_be_written_the_message_says_so(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("IHRP_HOME", str(blocker / "home"))  # every per-user folder fails (ENOTDIR)
    monkeypatch.setitem(commands.COMMANDS, "forms", boom)
    code = main(["forms"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "A crash report could not be saved" in err and "Traceback" not in err


def test_ctrl_c_during_a_command_stops_in_plain_words(monkeypatch, capsys, ihrp_home):
    def interrupted(_args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(commands.COMMANDS, "forms", interrupted)
    assert main(["forms"]) == 1
    assert "Stopped." in capsys.readouterr().err
    assert reports(ihrp_home) == []  # a person's Ctrl+C is not a crash


def test_a_report_follows_the_cause_and_never_the_messages(tmp_path):
    try:
        try:
            boom()
        except RuntimeError as first:
            raise ValueError(f"second, with {SECRET}") from first
    except ValueError as exc:
        path = crash_report.write_report(exc, tmp_path / "log")
    assert path is not None
    body = assert_clean_report(path, "ValueError")
    assert "Error type: RuntimeError" in body  # the cause, by type
    [made] = list((tmp_path / "log").iterdir())
    assert made == path


def test_two_reports_in_the_same_second_are_two_files(tmp_path):
    for _ in range(2):
        try:
            boom()
        except RuntimeError as exc:
            crash_report.write_report(exc, tmp_path)
    assert len(list(tmp_path.glob("crash-*.txt"))) == 2


def test_a_failed_database_write_carries_no_value_in_its_message(tmp_path):
    """hide_parameters: SQLAlchemy would otherwise print the statement's values in the error."""
    vault = Vault.create(tmp_path / "v", "pass", kdf=KdfParams.fast())
    try:
        ana = vault.add_client("Ana")
        with pytest.raises(DBAPIError) as caught, vault._live_engine().begin() as conn:
            conn.execute(text("INSERT INTO clients (id, name, name_key, language, archived, created_at, "
                              "updated_at) VALUES (:id, :name, :key, 'en', 0, 'x', 'x')"),
                         {"id": ana.id, "name": SECRET, "key": SECRET})  # the id is taken: refused
        message = str(caught.value)
        assert "UNIQUE" in message or "constraint" in message.lower()
        assert SECRET not in message and "Ñandú" not in message
    finally:
        vault.close()


def test_reports_go_to_the_per_user_log_folder(monkeypatch, tmp_path, ihrp_home):
    """README: $IHRP_HOME/log when set, else platformdirs' log folder (Linux and macOS spellings)."""
    from platformdirs.macos import MacOS

    from ihrp_desktop.core import paths

    assert paths.user_log_dir() == ihrp_home / "log"
    monkeypatch.delenv("IHRP_HOME")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    if sys.platform.startswith("linux"):
        assert paths.user_log_dir() == tmp_path / "state" / "IHRP Desktop" / "log"
    assert MacOS(paths.APP_DIR_NAME, paths.APP_AUTHOR).user_log_dir.endswith("Library/Logs/IHRP Desktop")


# -- the app ----------------------------------------------------------------------------------------

@pytest.fixture
def hooks(qapp: QApplication, ihrp_home: Path):
    crash.install()
    yield ihrp_home
    crash.uninstall()
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "crashMessage":
            widget.close()


def crash_box(qtbot: Any) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> None:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "crashMessage" and w.isVisible()]
        assert found

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_qt_slot_shows_a_dialog_and_the_app_keeps_running(qtbot, hooks):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    QTimer.singleShot(0, boom)
    box = crash_box(qtbot)
    [report] = reports(hooks)
    assert str(report) in box.text() and "Ñandú" not in box.text()
    assert_clean_report(report)
    assert window.isVisible()
    box.accept()
    QTimer.singleShot(0, boom)  # the next one gets its own dialog
    crash_box(qtbot)
    assert len(reports(hooks)) == 2


def test_an_error_in_a_python_thread_reaches_the_gui_as_a_dialog(qtbot, hooks):
    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    box = crash_box(qtbot)
    [report] = reports(hooks)
    assert str(report) in box.text()
    assert_clean_report(report)


@pytest.mark.parametrize("runner", [BackgroundRunner, InlineRunner])
def test_a_background_failure_nobody_handles_is_not_silent(qtbot, hooks, runner):
    runner().run(boom, lambda _result: None)  # a success callback, no failure callback
    box = crash_box(qtbot)
    [report] = reports(hooks)
    assert str(report) in box.text()
    assert_clean_report(report)


def test_the_app_that_cannot_start_says_why_and_exits_1(qtbot, monkeypatch, tmp_path, ihrp_home):
    """launch()'s own handler: the demo's temporary folder cannot be made (TMPDIR under a file)."""
    from ihrp_desktop.app.launch import launch

    blocker = tmp_path / "tmp-is-a-file"
    blocker.write_text("x")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    assert launch(demo=True) == 1
    assert seen and "did not expect" in seen[0]
    [report] = reports(ihrp_home)
    assert str(report) in seen[0]
    assert sys.excepthook is not crash._excepthook  # the hooks are put back
    assert os.path.basename(str(report)).startswith("crash-")
