"""Opening without the page-by-page check (fast for a large vault), then checking the pages after.

The full check reads the whole file; the app opens with ``full_check=False`` and runs ``check_pages``
on a worker, so unlocking does not grow with the vault (docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.vault import DamagedVault, Vault, VaultClosed, unlock_key

from .conftest import PASSPHRASE


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def test_quick_open_of_an_intact_vault_then_its_pages_check_clean(closed_vault: Path) -> None:
    key = unlock_key(closed_vault, PASSPHRASE)
    with Vault.open_with_key(closed_vault, key, full_check=False) as vault:
        assert [c.name for c in vault.clients()] == ["Client 0", "Client 1", "Client 2"]
        assert vault.check_pages() == []


def test_damage_deep_in_the_file_is_found_by_check_pages(closed_vault: Path) -> None:
    db = closed_vault / "vault.db"
    pages = db.stat().st_size // 4096
    _flip(db, (pages - 2) * 4096 + 2000)  # inside a page near the end, not page 1
    key = unlock_key(closed_vault, PASSPHRASE)
    with pytest.raises(DamagedVault):  # the full check at open still refuses it
        Vault.open_with_key(closed_vault, key)
    try:
        vault = Vault.open_with_key(closed_vault, key, full_check=False)
    except DamagedVault:
        return  # the open itself needed that page: refused all the same
    with vault:
        problems = vault.check_pages()
    assert problems  # in plain words, for the damaged-vault message


def test_quick_open_still_refuses_a_damaged_first_page(closed_vault: Path) -> None:
    _flip(closed_vault / "vault.db", 100)
    key = unlock_key(closed_vault, PASSPHRASE)
    with pytest.raises(DamagedVault):
        Vault.open_with_key(closed_vault, key, full_check=False)


def test_check_pages_on_a_locked_vault_is_refused(closed_vault: Path) -> None:
    vault = Vault.open_with_key(closed_vault, unlock_key(closed_vault, PASSPHRASE), full_check=False)
    vault.close()
    with pytest.raises(VaultClosed):
        vault.check_pages()
    assert not (closed_vault / "vault.db-wal").exists()
