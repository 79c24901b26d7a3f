"""Saves survive a crash; storage failures become SaveFailed / CannotOpen with plain words and lose nothing.

Tests run as root here, and root ignores file permissions, so "read-only" is made real with the
immutable attribute (chattr +i) where the file system allows it, and "disk full" with SQLite's
max_page_count (SQLite then fails the write with the same SQLITE_FULL error as a full disk).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from ihrp_desktop.core.vault import CannotOpen, SaveFailed, Vault
from tests.kdf_floor import LOWER

PASSPHRASE = "correct horse battery staple"


def test_a_save_survives_a_crash_right_after_it_returns(closed_vault: Path) -> None:
    values = {"plan": "Zażółć — Дмитрий 🌱", "n": 3}
    script = textwrap.dedent(
        f"""
        import os
        from ihrp_desktop.core.vault import Vault
        v = Vault.open({str(closed_vault)!r}, {PASSPHRASE!r})
        v.save_values(1, {values!r})
        os._exit(0)   # power cut: no close, no checkpoint
        """
    )
    result = subprocess.run([sys.executable, "-c", LOWER + script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert (closed_vault / "vault.db-wal").exists()  # the save lives in the WAL
    with Vault.open(closed_vault, PASSPHRASE) as v:
        assert v.worksheet(1).values == values
    assert sorted(p.name for p in closed_vault.iterdir()) == ["vault.db", "vault.key"]


def _limit_pages(vault: Vault) -> Any:
    """Make every connection stop at the current file size, as a full disk would."""
    engine = vault._engine
    assert engine is not None

    def limit(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", limit)
    engine.dispose()  # pooled connections are re-made with the limit
    return limit


def test_disk_full_is_save_failed_and_loses_nothing(vault: Vault) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "first"})
    limit = _limit_pages(vault)
    with pytest.raises(SaveFailed) as caught:
        vault.save_values(w.id, {"plan": "x" * 200_000})
    assert caught.value.reason == "disk_full"
    assert caught.value.message == (
        "The worksheet could not be saved because the disk is full. Your text is still on screen; "
        "free some space and it will be saved."
    )
    assert vault.worksheet(w.id).values == {"plan": "first"}  # rolled back, readable
    assert len(vault.revisions(w.id)) == 1
    # Space is freed: the same save now works.
    event.remove(vault._engine, "connect", limit)
    vault._engine.dispose()  # type: ignore[union-attr]
    assert vault.save_values(w.id, {"plan": "x" * 200_000}) == 2


def _chattr(flag: str, *paths: Path) -> bool:
    try:
        result = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, timeout=10)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


@pytest.fixture
def immutable() -> Iterator[list[Path]]:
    """Paths to make immutable; always made mutable again (tmp_path must stay removable)."""
    paths: list[Path] = []
    yield paths
    if paths:
        _chattr("-i", *paths)


def test_write_refused_by_the_file_system_is_save_failed(vault: Vault, immutable: list[Path]) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "first"})
    wal = vault.path / "vault.db-wal"
    assert wal.exists()
    # Never the -shm: SQLite maps it into memory and a refused write there is a crash (SIGBUS).
    if not _chattr("+i", wal, vault.path / "vault.db"):
        pytest.skip("chattr +i is not available here (needs root and ext4/xfs/btrfs)")
    immutable.extend([wal, vault.path / "vault.db"])
    with pytest.raises(SaveFailed) as caught:
        vault.save_values(w.id, {"plan": "second"})
    assert caught.value.reason in ("io", "permission", "read_only")
    assert "Your text is still on screen" in caught.value.message
    assert vault.worksheet(w.id).values == {"plan": "first"}
    _chattr("-i", *immutable)
    immutable.clear()
    assert vault.save_values(w.id, {"plan": "second"}) == 2


def test_vault_in_a_read_only_place_cannot_open_and_is_unchanged(
    closed_vault: Path, immutable: list[Path], snapshot: Any
) -> None:
    files = [closed_vault / "vault.db", closed_vault / "vault.key", closed_vault]
    if not _chattr("+i", *files):
        pytest.skip("chattr +i is not available here (needs root and ext4/xfs/btrfs)")
    immutable.extend(files)
    before = snapshot(closed_vault)
    with pytest.raises(CannotOpen) as caught:
        Vault.open(closed_vault, PASSPHRASE)
    assert caught.value.message.startswith("The vault could not be opened because")
    assert snapshot(closed_vault) == before
    assert sorted(os.listdir(closed_vault)) == ["vault.db", "vault.key"]
