"""Opening: the round trip, and every way it can fail, each with its own error, writing nothing."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import (
    DamagedVault,
    NotAVault,
    PlainSqliteRefused,
    Vault,
    VaultError,
    VaultExists,
    WrongPassphrase,
    unlock_key,
)
from tests.vault_files import plain_sqlite

PASSPHRASE = "correct horse battery staple"


def test_create_open_close_round_trip(vault_dir: Path, make_vault: Callable[..., Vault]) -> None:
    with make_vault(vault_dir) as v:
        client = v.add_client("Ana")
        assert v.is_open
    assert not v.is_open
    assert sorted(os.listdir(vault_dir)) == ["vault.db", "vault.key"]  # closed cleanly: no -wal / -shm
    with Vault.open(vault_dir, PASSPHRASE) as v2:
        assert v2.client(client.id).name == "Ana"
        assert v2.vault_id == v.vault_id
    assert Vault.exists(vault_dir)
    assert not Vault.exists(vault_dir.parent / "elsewhere")


def test_open_vault_runs_with_the_safe_settings(vault: Vault) -> None:
    engine = vault._engine
    assert engine is not None
    with engine.connect() as conn:
        settings = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "temp_store", "foreign_keys")
        }
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    # synchronous 2 = FULL, temp_store 2 = MEMORY
    assert settings == {"journal_mode": "wal", "synchronous": 2, "temp_store": 2, "foreign_keys": 1}


def test_create_refuses_existing_vault_and_non_empty_folder(
    vault_dir: Path, make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    make_vault(vault_dir).close()
    with pytest.raises(VaultExists):
        make_vault(vault_dir)
    other = tmp_path / "papers"
    other.mkdir()
    (other / "notes.txt").write_text("x")
    with pytest.raises(VaultExists):
        make_vault(other)
    empty = tmp_path / "empty"
    empty.mkdir()
    make_vault(empty).close()  # an empty folder the person chose is fine


def test_unlock_key_then_open_with_key(closed_vault: Path) -> None:
    key = unlock_key(closed_vault, PASSPHRASE)
    assert "raw=<hidden>" in repr(key) and key.sql_literal()[2:-1] not in repr(key)
    with Vault.open_with_key(closed_vault, key) as v:
        assert len(v.clients()) == 3


def test_key_of_another_vault_is_refused(
    closed_vault: Path, tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    make_vault(tmp_path / "other").close()
    key = unlock_key(tmp_path / "other", PASSPHRASE)
    with pytest.raises(VaultError, match="another vault"):
        Vault.open_with_key(closed_vault, key)


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])  # mid-page


def _truncate_pages(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: (len(data) // 4096 // 2) * 4096])  # on a page boundary


DAMAGES: dict[str, tuple[Callable[[Path], None], type[VaultError]]] = {
    "byte flipped in the middle of vault.db": (
        lambda d: _flip(d / "vault.db", (d / "vault.db").stat().st_size // 2),
        DamagedVault,
    ),
    "byte flipped in page 1 of vault.db": (lambda d: _flip(d / "vault.db", 100), DamagedVault),
    "vault.db cut off mid-page": (lambda d: _truncate_half(d / "vault.db"), DamagedVault),
    "vault.db cut off at a page boundary": (lambda d: _truncate_pages(d / "vault.db"), DamagedVault),
    "vault.db empty": (lambda d: (d / "vault.db").write_bytes(b""), DamagedVault),
    "vault.db random bytes": (
        lambda d: (d / "vault.db").write_bytes(os.urandom((d / "vault.db").stat().st_size)),
        DamagedVault,
    ),
    "vault.db a plain SQLite file": (lambda d: plain_sqlite(d / "vault.db"), NotAVault),
    "vault.db missing": (lambda d: (d / "vault.db").unlink(), DamagedVault),
    "byte flipped in vault.key": (
        lambda d: _flip(d / "vault.key", (d / "vault.key").stat().st_size // 2),
        DamagedVault,
    ),
    "vault.key missing": (lambda d: (d / "vault.key").unlink(), DamagedVault),
    "vault.key not JSON": (lambda d: (d / "vault.key").write_bytes(os.urandom(300)), DamagedVault),
    "both files missing": (lambda d: [(d / n).unlink() for n in ("vault.db", "vault.key")], NotAVault),
}


@pytest.mark.parametrize("damage", list(DAMAGES), ids=list(DAMAGES))
def test_damage_is_reported_as_its_own_error_and_nothing_is_written(
    damage: str, closed_vault: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    apply, expected = DAMAGES[damage]
    apply(closed_vault)
    before = snapshot(closed_vault)
    with pytest.raises(VaultError) as caught:
        Vault.open(closed_vault, PASSPHRASE)
    assert type(caught.value) is expected, caught.value.message
    assert not isinstance(caught.value, WrongPassphrase)
    assert caught.value.message  # plain words for the person
    if isinstance(caught.value, DamagedVault):
        assert caught.value.problems
    assert snapshot(closed_vault) == before  # same files, same bytes: no -wal, -shm, -journal, no repair


def test_wrong_passphrase_is_not_damage_and_writes_nothing(
    closed_vault: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    before = snapshot(closed_vault)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(closed_vault, PASSPHRASE + "!")
    assert "passphrase" in caught.value.message
    assert snapshot(closed_vault) == before


def test_every_single_flipped_byte_of_the_key_file_reads_as_damage(closed_vault: Path) -> None:
    original = (closed_vault / "vault.key").read_bytes()
    for offset in range(len(original)):
        _flip(closed_vault / "vault.key", offset)
        with pytest.raises(DamagedVault):
            unlock_key(closed_vault, PASSPHRASE)
        (closed_vault / "vault.key").write_bytes(original)
    unlock_key(closed_vault, PASSPHRASE)


def test_folder_that_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVault):
        Vault.open(tmp_path / "nowhere", PASSPHRASE)
    with pytest.raises(NotAVault):
        Vault.open(tmp_path, PASSPHRASE)  # exists, but empty
    (tmp_path / "vault.key").write_text('{"hello": "world"}')
    with pytest.raises(NotAVault):
        Vault.open(tmp_path, PASSPHRASE)


def test_plain_sqlite_driver_is_refused_on_open(
    closed_vault: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    before = snapshot(closed_vault)
    with pytest.raises(PlainSqliteRefused):
        Vault.open(closed_vault, PASSPHRASE, driver=sqlite3)
    assert snapshot(closed_vault) == before


def test_plain_sqlite_driver_is_refused_on_create_and_leaves_nothing(
    vault_dir: Path, make_vault: Callable[..., Vault]
) -> None:
    with pytest.raises(PlainSqliteRefused):
        make_vault(vault_dir, driver=sqlite3)
    assert not vault_dir.exists()


def test_closed_vault_refuses_work(vault: Vault) -> None:
    vault.close()
    vault.close()  # twice is fine
    from ihrp_desktop.core.vault import VaultClosed

    with pytest.raises(VaultClosed):
        vault.clients()
