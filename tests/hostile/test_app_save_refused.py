"""The app's Save PDF... goes through the same guard as the command line; prints are recorded only once
the printer took them; the recovery sheet warns before it is saved, and is saved 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.app.recovery import RecoverySheetDialog, render_sheet
from ihrp_desktop.app.widgets.pdf_preview import REFUSALS
from ihrp_desktop.core import file_guard
from ihrp_desktop.core.backups import latest_backup
from ihrp_desktop.core.demo import load_demo
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault, verify
from tests.app.driving import PASSPHRASE, answer_next_dialog, unlock
from tests.hostile.conftest import fingerprint


def answer_message(seen: list[str], button: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
                   ) -> None:
    """Read the next message box a person would see, then press ``button``."""

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.button(button).click()

    answer_next_dialog(act)


def printed(vault: Vault) -> list[str]:
    return [e.detail for e in vault.audit_events() if e.action == "printed"]


@pytest.fixture
def demo(tmp_path: Path) -> Vault:
    vault = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=KdfParams.fast())
    load_demo(vault, default_library())
    yield vault
    vault.close()


def print_dialog(qtbot: Any, vault: Vault) -> PrintDialog:
    sheet = next(s for c in vault.clients() for s in vault.worksheets(c.id))
    dialog = PrintDialog(vault, default_library().get(sheet.form_id), sheet.id, InlineRunner())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pdf_bytes != b"", timeout=10_000)
    return dialog


def test_save_pdf_onto_the_open_vault_is_refused_in_the_real_window(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    path = fast_vault(clients=("Ana Gómez",))
    window = make_window(path)
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    action = next(a for a in window.client_page.new_menu.actions() if a.text() == "Optimal Use Plan")
    action.trigger()
    qtbot.waitUntil(lambda: window.page is not None, timeout=10_000)
    # Let what unlocking starts finish (the page check, the daily backup and their audit events):
    # from here on only a save could write to the vault's files.
    qtbot.waitUntil(lambda: latest_backup(path) is not None, timeout=15_000)
    for runner in (window.runner, window.writer, window.session.backup_runner):
        runner.wait()
    qtbot.waitUntil(lambda: window.page.save_state.text() in ("", "Saved"), timeout=10_000)
    targets = {"vault.db": path / "vault.db", "vault.key": path / "vault.key", "the vault": path,
               "a file in the vault": path / "plan.pdf", "/dev/null": Path("/dev/null")}
    seen: dict[str, Any] = {}

    def try_every_target(dialog: QDialog) -> None:
        assert isinstance(dialog, PrintDialog)
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
        for name, target in targets.items():
            before, events = fingerprint(path), printed(window.vault)
            messages: list[str] = []
            answer_message(messages)
            seen[name] = (dialog.save_to(str(target)), messages,
                          fingerprint(path) == before, printed(window.vault) == events)
        dialog.reject()

    answer_next_dialog(try_every_target)
    qtbot.mouseClick(window.page.print_button, Qt.MouseButton.LeftButton)
    expected = {"vault.db": file_guard.IN_VAULT, "vault.key": file_guard.IN_VAULT,
                "the vault": file_guard.IS_VAULT, "a file in the vault": file_guard.IN_VAULT,
                "/dev/null": file_guard.NOT_ORDINARY}
    for name, message in expected.items():
        saved, messages, unchanged, not_recorded = seen[name]
        assert (saved, messages, unchanged, not_recorded) == (False, [message], True, True), name
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    window.lock()
    window.close()
    assert verify(path, PASSPHRASE).ok  # the vault still opens, every page and the audit chain intact


def test_the_guard_messages_shown_in_the_app_are_the_core_words() -> None:
    assert all(key == words for key, words in REFUSALS.items())  # the translation marks never drift
    # Folder refusals never reach Save PDF.
    not_in_the_app = {file_guard.EMPTY_FOLDER, file_guard.NOT_A_FOLDER, file_guard.NOT_A_FOLDER_OTHER,
                      file_guard.IS_LINK_FOLDER}
    kept_in_core = {v for k, v in vars(file_guard).items() if k.isupper() and not k.startswith("_")
                    and isinstance(v, str) and v.endswith(".") and v not in not_in_the_app}
    assert set(REFUSALS) == kept_in_core


def test_a_save_is_recorded_before_the_file_and_a_private_file_is_made(qtbot, demo, tmp_path, free_widgets):
    dialog = print_dialog(qtbot, demo)
    out = tmp_path / "plan.pdf"
    assert dialog.save_to(str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_bytes() == dialog.pdf_bytes
    assert printed(demo)[-1].endswith("saved as PDF")


def test_a_save_the_vault_cannot_record_writes_nothing(qtbot, demo, tmp_path, free_widgets):
    dialog = print_dialog(qtbot, demo)
    demo.close()  # locked meanwhile: the audit trail cannot take the event
    messages: list[str] = []
    answer_message(messages)
    assert not dialog.save_to(str(tmp_path / "plan.pdf"))
    assert messages and "not saved" in messages[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]


def test_a_print_is_recorded_only_once_the_printer_took_it(qtbot, demo, tmp_path, free_widgets):
    dialog = print_dialog(qtbot, demo)
    refusing = QPrinter(QPrinter.PrinterMode.HighResolution)
    refusing.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    refusing.setOutputFileName(str(tmp_path / "no such folder" / "x.pdf"))  # cannot start
    messages: list[str] = []
    answer_message(messages)
    assert not dialog.print_to(refusing)
    assert messages == ["The printer could not be started."]
    assert not any(d.endswith("sent to printer") for d in printed(demo))
    working = QPrinter(QPrinter.PrinterMode.HighResolution)
    working.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    working.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(working)
    assert printed(demo)[-1].endswith("sent to printer")


def recovery_dialog(qtbot: Any, vault: Vault) -> RecoverySheetDialog:
    dialog = RecoverySheetDialog(vault, InlineRunner(), InlineRunner())
    qtbot.addWidget(dialog)
    dialog.pdf_bytes = render_sheet("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789", "en", "a4")
    return dialog


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
def test_recovery_sheet_warns_before_saving(answer, qtbot, demo, free_widgets):
    dialog = recovery_dialog(qtbot, demo)
    messages: list[str] = []
    answer_message(messages, answer)
    assert dialog.keep_on_computer_anyway() == (answer == QMessageBox.StandardButton.Save)
    assert len(messages) == 1
    assert "copy of the recovery key on this computer" in messages[0]
    assert "never to keep" in messages[0]


def test_recovery_sheet_is_saved_0600_through_the_guard(qtbot, demo, tmp_path, free_widgets):
    dialog = recovery_dialog(qtbot, demo)
    old = os.umask(0o022)
    try:
        out = tmp_path / "recovery-sheet.pdf"
        assert dialog.save_to(str(out))
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    finally:
        os.umask(old)
    key = demo.path / "vault.key"
    before = key.read_bytes()
    messages: list[str] = []
    answer_message(messages)
    assert not dialog.save_to(str(key))
    assert messages == [file_guard.IN_VAULT] and key.read_bytes() == before


def test_a_recovery_sheet_print_is_recorded_only_once_the_printer_took_it(
        qtbot, demo, tmp_path, free_widgets):
    dialog = recovery_dialog(qtbot, demo)
    dialog.preview.show(dialog.pdf_bytes)
    refusing = QPrinter(QPrinter.PrinterMode.HighResolution)
    refusing.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    refusing.setOutputFileName(str(tmp_path / "no such folder" / "x.pdf"))
    messages: list[str] = []
    answer_message(messages)
    assert not dialog.print_to(refusing)
    assert messages == ["The printer could not be started."] and not dialog.kept
    assert "recovery sheet sent to printer" not in printed(demo)
