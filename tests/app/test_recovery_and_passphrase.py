"""Keys, driven like a therapist would: the recovery sheet offered on the first run (its key really opens
the vault), File > Make a recovery sheet, and File > Change passphrase. Real vaults, real PDFs."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.i18n import install_translators, remove_translators
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.passphrase import ChangePassphraseDialog
from ihrp_desktop.app.recovery import RecoverySheetDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.paths import user_config_dir
from ihrp_desktop.core.vault import KdfParams, Vault, WrongPassphrase, keyfile
from tests.app.driving import PASSPHRASE, type_text, unlock, visible_texts

NEW_PASSPHRASE = "Szczęście 🌿 quiet harbour at dawn"
CHOSEN = "quiet river behind the clinic"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key_on_sheet(pdf: bytes) -> str:
    """The recovery key as printed (two rows of four groups under its label), read out of the PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    start = next(i for i, line in enumerate(lines) if "RECOVERY KEY" in line or "CLAVE DE" in line)
    groups = [line for line in lines[start + 1 :] if re.fullmatch(r"[A-Z2-7]{4}", line)][:8]
    assert len(groups) == 8, lines
    return "-".join(groups)


def actions(vault: Vault) -> list[str]:
    return [event.action for event in vault.audit_events()]


def open_key_dialog(qtbot: Any, window: MainWindow) -> Any:
    dialogs = window.dialogs
    qtbot.waitUntil(lambda: dialogs.key_dialog is not None and dialogs.key_dialog.isVisible(), timeout=10_000)
    return window.dialogs.key_dialog


def files_hold(folder: Path, secret: str) -> list[Path]:
    needles = {secret.encode(), secret.replace("-", "").encode()}
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_first_run_offers_a_sheet_whose_key_opens_the_vault(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    path = tmp_path / "vault"
    window = make_window(path)
    screen = window.create_screen
    qtbot.keyClicks(screen.first, CHOSEN)
    assert screen.strength.text() != " " and screen.strength_bar.value() >= 2  # the shared strength fields
    qtbot.keyClicks(screen.second, CHOSEN)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=15_000)

    dialog = open_key_dialog(qtbot, window)
    assert isinstance(dialog, RecoverySheetDialog)
    texts = visible_texts(dialog)
    assert "Not now" in texts and "Make a recovery sheet" in texts
    assert any("If you ever forget your passphrase" in t for t in texts)
    assert not dialog.passphrase.isVisible()  # the passphrase just chosen is handed over, not asked again
    assert screen.first.text() == "" and screen.second.text() == ""
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pdf_bytes != b"", timeout=15_000)
    assert dialog._passphrase is None  # dropped as soon as the key was made
    assert dialog.document.pageCount() == 1  # the preview shows it, from memory
    key = key_on_sheet(dialog.pdf_bytes)
    assert key_on_sheet(dialog.pdf_bytes) == key

    vault = window.vault
    assert vault is not None
    qtbot.waitUntil(lambda: "recovery_key_made" in actions(vault), timeout=10_000)
    made = [e for e in vault.audit_events() if e.action == "recovery_key_made"]
    assert len(made) == 1 and made[0].detail == "new data key; new recovery key"  # inside the new database
    assert dialog.save_to(str(tmp_path / "recovery-sheet.pdf"))
    qtbot.waitUntil(lambda: any(e.detail == "recovery sheet saved as PDF" for e in vault.audit_events()))
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)  # kept: no "close anyway?" question
    assert window.dialogs.key_dialog is None
    assert dialog.pdf_bytes == b""
    window.lock()
    window.close()
    # shown once, kept nowhere: not in the vault folder, not in the settings
    assert files_hold(path, key) == [] and files_hold(user_config_dir(), key) == []

    # Forgot the passphrase: the key from the sheet, typed as printed, opens the vault in a fresh window.
    fresh = make_window(path)
    unlock(qtbot, fresh, key)
    assert fresh.vault is not None and fresh.vault.vault_id == vault.vault_id
    fresh.lock()
    # Typed loosely (small letters, spaces for dashes) it works too.
    unlock(qtbot, fresh, key.lower().replace("-", " "))
    assert actions(fresh.vault).count("recovery_key_made") == 1  # written once, not again at unlock
    fresh.lock()


def test_not_now_changes_nothing(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    path = tmp_path / "vault"
    window = make_window(path)
    window.create_screen.first.setText(CHOSEN)
    window.create_screen.second.setText(CHOSEN)
    window.create_screen.try_create()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=15_000)
    dialog = open_key_dialog(qtbot, window)
    before = sha256(path / "vault.key")
    qtbot.mouseClick(dialog.not_now_button, Qt.MouseButton.LeftButton)
    assert window.dialogs.key_dialog is None and dialog._passphrase is None
    assert sha256(path / "vault.key") == before
    assert keyfile.read(path).wrap("recovery") is None
    assert window.recovery_action.isEnabled()  # it can be made later from the File menu
    window.lock()


def test_file_menu_sheet_asks_for_the_passphrase_and_replaces_the_old_key(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast(), with_recovery_key=True) as vault:
        old_key = vault.recovery_key
    assert old_key is not None
    window = make_window(path)
    unlock(qtbot, window)
    window.recovery_action.trigger()
    dialog = open_key_dialog(qtbot, window)
    assert dialog.passphrase.isVisible()
    assert any("You already have a recovery sheet" in t for t in visible_texts(dialog))

    before = sha256(path / "vault.key")
    type_text(dialog.passphrase, "not my passphrase")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "did not open the vault, so no sheet was made" in dialog.message.text()
    assert sha256(path / "vault.key") == before and dialog.pdf_bytes == b""

    dialog.passphrase.clear()
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pdf_bytes != b"", timeout=10_000)
    new_key = key_on_sheet(dialog.pdf_bytes)
    assert new_key != old_key and dialog.passphrase.text() == ""

    # The sheet in Spanish: same key.
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    qtbot.waitUntil(lambda: "Hoja de recuperación" in PdfReader(io.BytesIO(dialog.pdf_bytes)).pages[0]
                    .extract_text(), timeout=10_000)
    assert key_on_sheet(dialog.pdf_bytes) == new_key

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert printer.docName() == "Recovery sheet"  # the print queue shows no key and no name
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1
    qtbot.waitUntil(lambda: any(e.detail == "recovery sheet sent to printer"
                                for e in window.vault.audit_events()), timeout=10_000)

    with pytest.raises(WrongPassphrase):
        keyfile.unlock_key(path, old_key)  # the old sheet stopped working
    assert keyfile.unlock_key(path, new_key).vault_id == window.vault.vault_id

    # Locking takes the key off the screen at once, without asking.
    window.lock()
    assert window.dialogs.key_dialog is None and dialog._key is None and dialog.pdf_bytes == b""


def change_in_dialog(qtbot: Any, dialog: ChangePassphraseDialog, current: str, new: str) -> None:
    type_text(dialog.current, current)
    type_text(dialog.fields.first, new)
    type_text(dialog.fields.second, new)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)


def test_change_passphrase_in_the_app(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    path = fast_vault()
    window = make_window(path)
    unlock(qtbot, window)
    window.passphrase_action.trigger()
    dialog = open_key_dialog(qtbot, window)
    assert isinstance(dialog, ChangePassphraseDialog)

    # The same strength advice and checks as on the first-run screen.
    type_text(dialog.current, PASSPHRASE)
    type_text(dialog.fields.first, "short")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("This passphrase is too easy to guess")
    dialog.fields.first.clear()
    type_text(dialog.fields.first, NEW_PASSPHRASE)
    type_text(dialog.fields.second, NEW_PASSPHRASE + "x")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "The two passphrases are different" in dialog.message.text()
    dialog.current.clear()
    dialog.fields.clear()

    change_in_dialog(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.changed, timeout=10_000)
    assert any("Your passphrase was changed" in t for t in visible_texts(dialog))
    vault = window.vault
    assert vault is not None
    qtbot.waitUntil(lambda: "passphrase_changed" in actions(vault), timeout=10_000)
    assert dialog.change_button.text() == "Done"
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert window.dialogs.key_dialog is None
    assert window.vault is vault  # the vault stayed open throughout
    vault.add_client("Ana")  # and still saves
    window.lock()

    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.try_unlock()
    qtbot.waitUntil(lambda: window.unlock_screen.message.isVisible(), timeout=10_000)
    assert "That passphrase did not open the vault" in window.unlock_screen.message.text()
    assert window.vault is None
    unlock(qtbot, window, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: "unlocked" in actions(window.vault)[-1:], timeout=10_000)
    assert actions(window.vault).count("passphrase_changed") == 1  # not written again at the unlock
    window.lock()


def test_wrong_current_passphrase_changes_nothing(
    qtbot: Any,
    make_window: Callable[[Path], MainWindow],
    fast_vault: Callable[..., Path],
    free_widgets: None,
) -> None:
    path = fast_vault()
    before = sha256(path / "vault.key")
    window = make_window(path)
    unlock(qtbot, window)
    window.passphrase_action.trigger()
    dialog = open_key_dialog(qtbot, window)
    change_in_dialog(qtbot, dialog, "Łódź в полночь", NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert dialog.message.text().startswith("That is not the passphrase you use now, nor your recovery key. "
                                            "Nothing was changed.")
    assert dialog.isVisible() and not dialog.changed and dialog.current.hasSelectedText()
    assert sha256(path / "vault.key") == before
    assert "passphrase_changed" not in actions(window.vault)
    dialog.close_now()
    window.lock()
    unlock(qtbot, window)  # the old passphrase still works


def test_the_recovery_key_can_be_the_current_passphrase(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    """What the sheet says: forgot it -> type the key -> File > Change passphrase with the key."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast(), with_recovery_key=True) as vault:
        key = vault.recovery_key
    assert key is not None
    window = make_window(path)
    unlock(qtbot, window, key)
    window.passphrase_action.trigger()
    dialog = open_key_dialog(qtbot, window)
    change_in_dialog(qtbot, dialog, key, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: dialog.changed, timeout=10_000)
    dialog.accept()
    window.lock()
    unlock(qtbot, window, NEW_PASSPHRASE)
    window.lock()
    unlock(qtbot, window, key)  # the sheet keeps working
    window.lock()


def test_key_dialogs_speak_spanish(qapp: QApplication, qtbot: Any, fast_vault: Callable[..., Path],
                                   free_widgets: None) -> None:
    from tests.app.test_spanish import shown_texts, untranslated

    path = fast_vault()
    assert install_translators(qapp, "es") == "es"
    try:
        window = MainWindow(path, default_library(), AppSettings(), InlineRunner(), InlineRunner())
        qtbot.addWidget(window)
        window.show()
        unlock(qtbot, window)
        texts = shown_texts(window)
        assert any("recuperación" in t for t in texts)
        assert untranslated(texts) == []
        for make in (
            lambda: RecoverySheetDialog(window.vault, InlineRunner(), InlineRunner(), parent=window),
            lambda: ChangePassphraseDialog(window.vault, InlineRunner(), InlineRunner(), window),
        ):
            dialog = make()
            dialog.show()
            assert untranslated(shown_texts(dialog)) == [], type(dialog).__name__
            dialog.close()
        sheet = RecoverySheetDialog(window.vault, InlineRunner(), InlineRunner(), parent=window)
        sheet.show()
        type_text(sheet.passphrase, PASSPHRASE)
        sheet.make()
        assert sheet.language.currentData() == "es"  # the sheet starts in the interface language
        assert "Hoja de recuperación" in PdfReader(io.BytesIO(sheet.pdf_bytes)).pages[0].extract_text()
        assert untranslated(shown_texts(sheet)) == []
        sheet.close_now()
        window.lock()
    finally:
        remove_translators(qapp)


class HeldRunner:
    """A runner whose jobs wait until the test lets them finish (a worker still busy during a lock)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, work: Callable[[], Any], on_success: Any = None, on_failure: Any = None) -> None:
        self.jobs.append((work, on_success, on_failure))

    def wait(self, msecs: int = -1) -> bool:
        return True

    def finish(self) -> None:
        for work, on_success, _on_failure in self.jobs:
            result = work()
            if on_success is not None:
                on_success(result)
        self.jobs.clear()


def test_a_key_made_after_the_lock_closed_the_dialog_never_comes_back(
    qtbot: Any, fast_vault: Callable[..., Path], free_widgets: None,
) -> None:
    window = MainWindow(fast_vault(), default_library(), AppSettings(), InlineRunner(), InlineRunner())
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    worker = HeldRunner()
    sheet = RecoverySheetDialog(window.vault, worker, InlineRunner(), parent=window)
    sheet.show()
    type_text(sheet.passphrase, PASSPHRASE)
    sheet.make()
    assert worker.jobs  # the key is being made
    sheet.close_now()  # what a lock does to the dialog; the dialog object still exists
    worker.finish()
    assert sheet._key is None and sheet.pdf_bytes == b""  # noqa: SLF001 - the key is what must not return
    assert not sheet.isVisible()

    change = ChangePassphraseDialog(window.vault, worker, InlineRunner(), window)
    change.show()
    change_in_dialog(qtbot, change, PASSPHRASE, NEW_PASSPHRASE)
    assert worker.jobs
    change.close_now()
    worker.finish()  # the change itself is done by then; the closed dialog shows nothing of it
    assert not change.changed and not change.isVisible()
    window.lock()
