"""Key changes from the app, driven as a person would: "may have been seen" replaces the keys, the sheet and
re-encrypts the automatic backups; typing during a change is kept; an older vault is reported and the person
decides. Real vaults, real background runners."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.passphrase import ChangePassphraseDialog
from ihrp_desktop.app.recovery import RecoverySheetDialog
from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import DamagedVault, KdfParams, Vault, WrongPassphrase, verify
from tests.app.driving import PASSPHRASE, type_text, unlock, visible_texts

NEW = "Szczęście 🌿 quiet harbour at dawn"
SHOTS = Path("/tmp/ihrp-rotation-shots")


def _key_on_sheet(pdf: bytes) -> str:
    from tests.app.test_recovery_and_passphrase import key_on_sheet

    return key_on_sheet(pdf)


def _dialog(qtbot: Any, window: MainWindow) -> Any:
    dialogs = window.dialogs
    qtbot.waitUntil(lambda: dialogs.key_dialog is not None and dialogs.key_dialog.isVisible(), timeout=10_000)
    return window.dialogs.key_dialog


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_may_have_been_seen_replaces_keys_sheet_and_backups(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast(), with_recovery_key=True) as v:
        old_sheet = v.recovery_key
        v.add_client("Ana")
        backups.make_backup(v, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert old_sheet is not None
    old_key_file = (path / "vault.key").read_bytes()
    window = make_window(path)
    unlock(qtbot, window)
    vault = window.vault
    window.seen_action.trigger()
    dialog = _dialog(qtbot, window)
    assert isinstance(dialog, ChangePassphraseDialog) and dialog.mode == "seen"
    assert dialog.backup_buttons["reencrypt"].isChecked()  # the safer choice when secrets may be out
    assert any("they keep opening with the passphrase (and recovery sheet) they were made with" in t
               for t in visible_texts(dialog))
    _shot(dialog, "seen-dialog")
    type_text(dialog.current, PASSPHRASE)
    type_text(dialog.fields.first, NEW)
    type_text(dialog.fields.second, NEW)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.changed, timeout=20_000)
    texts = "\n".join(visible_texts(dialog))
    assert "Your old recovery sheet no longer works: shred it." in texts
    assert "The automatic backups were re-encrypted: they open with the new passphrase." in texts
    assert dialog.progress.value() == 100
    _shot(dialog, "seen-done")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)  # "Print the new recovery sheet..."
    qtbot.waitUntil(lambda: isinstance(window.dialogs.key_dialog, RecoverySheetDialog), timeout=10_000)
    sheet = window.dialogs.key_dialog
    qtbot.waitUntil(lambda: sheet.pdf_bytes != b"", timeout=20_000)
    new_sheet = _key_on_sheet(sheet.pdf_bytes)
    sheet.close_now()
    assert window.vault is vault  # the same open vault, now under the new key
    vault.add_client("Bea")
    window.lock()
    window.close()

    for secret in (NEW, new_sheet):
        with Vault.open(path, secret) as v:
            assert sorted(c.name for c in v.clients()) == ["Ana", "Bea"]
    for secret in (PASSPHRASE, old_sheet):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, secret)
    trial = tmp_path / "trial"
    trial.mkdir()
    shutil.copyfile(path / "vault.db", trial / "vault.db")
    (trial / "vault.key").write_bytes(old_key_file)
    for secret in (PASSPHRASE, old_sheet):
        with pytest.raises(DamagedVault):
            Vault.open(trial, secret)
    found = backups.backups(path)  # the one made before, and the daily one the unlock may have added
    assert found
    for _, backup in found:
        Vault.open(backup, NEW).close()
        with pytest.raises(WrongPassphrase):
            Vault.open(backup, PASSPHRASE)


def test_typing_during_a_key_change_is_kept(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], free_widgets: None
) -> None:
    from tests.app.test_flows import start_worksheet

    path = fast_vault(clients=("Ana",))
    window = make_window(path)
    unlock(qtbot, window)
    window.show_client(window.vault.clients()[0].id)
    start_worksheet(qtbot, window, "optimal_use_plan")
    sheet_id = window.page.worksheet_id
    box = window.page.editor.editor_for("substance").findChild(QLineEdit)
    window.passphrase_action.trigger()
    dialog = _dialog(qtbot, window)
    type_text(dialog.current, PASSPHRASE)
    type_text(dialog.fields.first, NEW)
    type_text(dialog.fields.second, NEW)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    type_text(box, "typed while the keys change")  # the autosave of this waits for the change, then saves
    qtbot.waitUntil(lambda: dialog.changed, timeout=20_000)
    type_text(box, ", and after")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    window.lock()
    window.close()
    with Vault.open(path, NEW) as v:
        assert v.worksheet(sheet_id).values["substance"] == "typed while the keys change, and after"


def test_an_older_vault_is_reported_and_the_person_decides(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path,
    free_widgets: None,
) -> None:
    path = fast_vault(clients=("Ana",))
    shutil.copytree(path, tmp_path / "old")
    with Vault.open(path, PASSPHRASE) as v:
        v.add_client("Bea")
    for name in ("vault.db", "vault.key"):  # older files put back
        shutil.copyfile(tmp_path / "old" / name, path / name)
    window = make_window(path)
    unlock(qtbot, window)
    session = window.session
    qtbot.waitUntil(lambda: session.older_question is not None and session.older_question.isVisible(),
                    timeout=10_000)
    box = window.session.older_question
    assert "This vault is older than one this computer has opened" in box.text() and "UTC" in box.text()
    assert "entries in its activity record (this copy has" in box.text()
    _shot(box, "older-warning")
    _shot(window, "older-warning-behind")
    # Asked before any client is shown: the window behind the question holds no name.
    assert window.stack.currentWidget() is not window.workspace
    assert not any("Ana" in t for t in visible_texts(window)) and window.client_list.list.count() == 0
    keep = next(b for b in box.buttons() if b.text() == "Keep working with this copy")
    keep.click()
    window.writer.wait()
    assert window.vault is not None and window.vault.older_than_seen is None
    assert window.stack.currentWidget() is window.workspace and window.client_list.list.count() == 1
    window.lock()
    window.close()
    report = verify(path, PASSPHRASE)
    assert report.ok and report.older is None  # the person chose it: not flagged again


def test_lock_at_the_older_vault_question_shows_no_client(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path], tmp_path: Path,
    free_widgets: None,
) -> None:
    path = fast_vault(clients=("Ana",))
    shutil.copytree(path, tmp_path / "old")
    with Vault.open(path, PASSPHRASE) as v:
        v.add_client("Bea")
    for name in ("vault.db", "vault.key"):
        shutil.copyfile(tmp_path / "old" / name, path / name)
    window = make_window(path)
    unlock(qtbot, window)
    session = window.session
    qtbot.waitUntil(lambda: session.older_question is not None and session.older_question.isVisible(),
                    timeout=10_000)
    box = window.session.older_question
    assert window.client_list.list.count() == 0 and window.stack.currentWidget() is not window.workspace
    lock = next(b for b in box.buttons() if b.text() == "Lock")
    lock.click()
    window.writer.wait()
    assert window.vault is None and window.stack.currentWidget() is window.unlock_screen
    assert window.client_list.list.count() == 0 and not any("Ana" in t for t in visible_texts(window))
    window.close()
