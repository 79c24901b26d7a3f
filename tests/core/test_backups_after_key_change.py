"""After a key change the automatic backups are kept (old secret), re-encrypted (new secret) or deleted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ihrp_desktop.core import backups
from ihrp_desktop.core.vault import KdfParams, Vault, WrongPassphrase

P0, P1, P2 = "first passphrase", "second passphrase", "third passphrase"
FAST = KdfParams.fast()


def _vault_with_two_backups(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    with Vault.create(folder, P0, kdf=FAST) as v:
        v.add_client("Ana")
        backups.make_backup(v, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        v.add_client("Bea")
        backups.make_backup(v, dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    return folder


def _names(folder: Path, secret: str) -> list[str]:
    with Vault.open(folder, secret) as v:
        return [c.name for c in v.clients()]


def test_kept_backups_still_open_with_the_old_passphrase(tmp_path: Path) -> None:
    folder = _vault_with_two_backups(tmp_path)
    with Vault.open(folder, P0) as v:
        v.change_keys(P0, P1, "keep", action="passphrase_changed", kdf=FAST)
        assert v.backups_left == 2
    for _, backup in backups.backups(folder):
        assert _names(backup, P0)
        with pytest.raises(WrongPassphrase):
            Vault.open(backup, P1)


def test_reencrypted_backups_open_with_the_new_passphrase_only(tmp_path: Path) -> None:
    folder = _vault_with_two_backups(tmp_path)
    with Vault.open(folder, P0) as v:
        v.change_keys(P0, P1, "keep", action="passphrase_changed", kdf=FAST, backups="reencrypt")
        assert v.backups_left == 0
    found = backups.backups(folder)
    assert [_names(b, P1) for _, b in found] == [["Ana", "Bea"], ["Ana"]]  # newest first, content kept
    for _, backup in found:
        with pytest.raises(WrongPassphrase):
            Vault.open(backup, P0)
        assert sorted(p.name for p in backup.iterdir()) == ["vault.db", "vault.key"]
    assert sorted(p.name for p in backups.backups_dir(folder).iterdir()) == [b.name for _, b in found][::-1]


def test_backups_from_an_even_older_key_are_left_as_they_were(tmp_path: Path) -> None:
    folder = _vault_with_two_backups(tmp_path)
    with Vault.open(folder, P0) as v:
        v.change_keys(P0, P1, "keep", action="passphrase_changed", kdf=FAST)  # backups kept under P0
        v.change_keys(P1, P2, "keep", action="passphrase_changed", kdf=FAST, backups="reencrypt")
        assert v.backups_left == 2
    for _, backup in backups.backups(folder):
        assert _names(backup, P0)


def test_deleted_backups_are_gone(tmp_path: Path) -> None:
    folder = _vault_with_two_backups(tmp_path)
    with Vault.open(folder, P0) as v:
        v.change_keys(P0, P1, "keep", action="passphrase_changed", kdf=FAST, backups="delete")
    assert backups.backups(folder) == []
