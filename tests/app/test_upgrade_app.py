"""The window on an old vault's kept pre-migration copy: refused with how to restore it, nothing changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import Vault
from tests.app.driving import PASSPHRASE
from tests.old_vault import downgrade_to


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_the_window_refuses_a_kept_copy_and_says_how_to_restore_it(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault()
    downgrade_to(path, "0003", PASSPHRASE)
    with Vault.open(path, PASSPHRASE) as v:  # upgraded, with a kept copy
        copy = v.pre_migration_copy
    assert copy is not None
    before = _files(copy)
    window = make_window(copy)
    screen = window.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    text = screen.message.text()
    assert "kept before upgrading" in text and "ihrp-desktop restore" in text
    assert "No automatic backup" not in text and not screen.backup_button.isVisible()
    assert window.vault is None
    assert _files(copy) == before
