"""Opening a vault of an earlier schema when things go wrong (what a stranger found after issue 17).

Every vault here is real: made at the head, then taken back to 0003 by the shipped scripts' own
downgrade (tests/old_vault.py). A full disk is a real small tmpfs (tests/small_disk.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from ihrp_desktop.core.failure import describe_failure
from ihrp_desktop.core.vault import (
    KeptCopy,
    UpgradeFailed,
    Vault,
    VaultBeingUpgraded,
    migrate,
    unlock_key,
    verify,
)
from ihrp_desktop.core.vault.engine import make_engine
from ihrp_desktop.core.vault.lock import VaultLock
from ihrp_desktop.core.vault.schema import SCHEMA_HEAD
from tests.cli_run import passphrase_runner
from tests.kdf_floor import LOWER
from tests.old_vault import downgrade_to
from tests.small_disk import SmallDisk

PASSPHRASE = "correct horse battery staple"
OLD = "0003"
CLIENTS = 8  # enough pages that a copy does not fit where the vault still opens
DISK_FULL = ("The vault's format could not be upgraded because the disk is full; nothing in it was "
             "changed. Free some space and open it again.")
cli = passphrase_runner(PASSPHRASE)


def _revision(folder: Path) -> str:
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(f"{(folder / 'vault.db').as_uri()}?immutable=1", uri=True)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _old_vault(folder: Path, make_vault: Callable[..., Vault], fill: Callable[..., Any]) -> Path:
    with make_vault(folder) as v:
        fill(v, CLIENTS)
    downgrade_to(folder, OLD, PASSPHRASE)
    assert _revision(folder) == OLD
    return folder


def _copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("pre-migration-"))


ROOM_TO_OPEN = 96 * 1024  # the write-ahead log's index and a few pages


def _fill_leaving(disk: SmallDisk, room: int) -> None:
    """Fill the disk to the last byte, then free ``room`` bytes."""
    spare = disk.path / "spare"
    spare.write_bytes(b"\0" * room)
    disk.fill()
    spare.unlink()


def _crash_reports(home: Path) -> list[Path]:
    return list((home / "log").glob("crash-*")) if (home / "log").is_dir() else []


# --- 7 and 4: a full disk while copying, or while upgrading ---------------------------------------

def test_disk_too_full_for_the_copy_says_so_and_leaves_nothing(
    small_disk: SmallDisk, make_vault: Any, fill: Any, snapshot: Any, capsys: Any, monkeypatch: Any,
    ihrp_home: Path,
) -> None:
    folder = _old_vault(small_disk.path / "v", make_vault, fill)
    before = snapshot(folder)
    _fill_leaving(small_disk, ROOM_TO_OPEN)  # the vault opens (its side files fit), a copy does not
    assert (folder / "vault.db").stat().st_size > 2 * ROOM_TO_OPEN
    with pytest.raises(UpgradeFailed) as caught:
        Vault.open(folder, PASSPHRASE)
    assert caught.value.reason == "disk_full"
    assert describe_failure(caught.value) == DISK_FULL
    assert "choose another folder" not in describe_failure(caught.value, screen=False)
    # The command line: the same sentence, exit 1, no crash report.
    code, out, err = cli(capsys, monkeypatch, "list", "--vault", str(folder))
    assert (code, out) == (1, "")
    assert DISK_FULL in err and "did not expect" not in err
    assert _crash_reports(ihrp_home) == []
    assert snapshot(folder) == before and _copies(folder) == []
    assert _revision(folder) == OLD
    small_disk.free()
    with Vault.open(folder, PASSPHRASE) as v:
        assert v.pre_migration_copy is not None and len(v.clients()) == CLIENTS
    assert _revision(folder) == SCHEMA_HEAD and len(_copies(folder)) == 1


def test_disk_full_during_the_upgrade_removes_the_copy_it_made(
    small_disk: SmallDisk, make_vault: Any, fill: Any, ihrp_home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = _old_vault(small_disk.path / "v", make_vault, fill)
    # Room for the copy (the size of vault.db and vault.key) and not much more: the upgrade, which
    # rewrites tables into the write-ahead log, meets the full disk after the copy was made.
    _fill_leaving(small_disk, (folder / "vault.db").stat().st_size + ROOM_TO_OPEN)
    made: list[Path] = []
    real_copy = migrate.pre_migration_copy

    def copy_and_note(*args: Any) -> Path:  # the real copy, noted
        made.append(real_copy(*args))
        return made[-1]

    monkeypatch.setattr(migrate, "pre_migration_copy", copy_and_note)
    for _ in range(3):  # each try: the same sentence, no copy left behind
        with pytest.raises(UpgradeFailed) as caught:
            Vault.open(folder, PASSPHRASE)
        assert describe_failure(caught.value) == DISK_FULL
        assert _copies(folder) == []
    monkeypatch.setattr(migrate, "pre_migration_copy", real_copy)
    assert len(made) == 3  # the copy was complete: the failure was the upgrade's
    assert _revision(folder) == OLD
    assert _crash_reports(ihrp_home) == []
    small_disk.free()
    with Vault.open(folder, PASSPHRASE) as v:
        assert len(v.clients()) == CLIENTS
    assert _revision(folder) == SCHEMA_HEAD and len(_copies(folder)) == 1


# --- 5: two openers at once --------------------------------------------------------------------

def test_an_opener_waits_for_another_upgrade_and_makes_no_copy_of_its_own(
    make_vault: Any, fill: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _old_vault(tmp_path / "v", make_vault, fill)
    other = VaultLock(folder)  # "another window or command", upgrading: holds the vault alone
    other.exclusive()
    waiting = threading.Event()
    real_sleep = migrate.time.sleep

    def sleep(seconds: float) -> None:
        waiting.set()
        real_sleep(seconds)

    monkeypatch.setattr(migrate.time, "sleep", sleep)
    opened: list[Any] = []
    thread = threading.Thread(target=lambda: opened.append(_open_or_error(folder)))
    thread.start()
    assert waiting.wait(30), "the second opener did not wait"
    # The other finishes its upgrade (with its own copy), as Vault.open does under that lock, then lets go.
    key = unlock_key(folder, PASSPHRASE)
    engine = make_engine(folder / "vault.db", key, sqlcipher3)
    try:
        assert migrate.upgrade_with_copy(engine, key, folder, OLD) is not None
    finally:
        engine.dispose()
    other.release()
    thread.join(60)
    [vault] = opened
    assert isinstance(vault, Vault), vault
    assert vault.pre_migration_copy is None and len(vault.clients()) == CLIENTS
    vault.close()
    assert len(_copies(folder)) == 1


def _open_or_error(folder: Path) -> object:
    try:
        return Vault.open(folder, PASSPHRASE)
    except Exception as exc:
        return exc


def test_an_upgrade_that_takes_too_long_is_named(
    make_vault: Any, fill: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _old_vault(tmp_path / "v", make_vault, fill)
    monkeypatch.setattr(migrate, "UPGRADE_TRIES", 2)
    other = VaultLock(folder)
    other.exclusive()
    try:
        with pytest.raises(VaultBeingUpgraded) as caught:
            Vault.open(folder, PASSPHRASE)
    finally:
        other.release()
    assert describe_failure(caught.value) == ("The vault is being upgraded by another window or command; "
                                              "nothing was changed. Try again in a moment.")
    assert _revision(folder) == OLD and _copies(folder) == []


def test_two_processes_open_an_old_vault_at_once(make_vault: Any, fill: Any, tmp_path: Path) -> None:
    """Whatever the interleaving: both open it, one copy, the vault upgraded once."""
    script = LOWER + textwrap.dedent(f"""
        import sys
        from ihrp_desktop.core.vault import Vault
        with Vault.open(sys.argv[1], {PASSPHRASE!r}) as v:
            print(len(v.clients()))
    """)
    template = _old_vault(tmp_path / "template", make_vault, fill)
    for n in range(3):
        folder = tmp_path / f"v{n}"
        subprocess.run(["cp", "-a", str(template), str(folder)], check=True)
        children = [subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(c.wait(120), *c.communicate()) for c in children]
        assert [(code, out.strip()) for code, out, _ in results] == [(0, str(CLIENTS))] * 2, results
        assert _revision(folder) == SCHEMA_HEAD and len(_copies(folder)) == 1


# --- 9: a killed upgrade's leftovers, and a kept copy ----------------------------------------------

def test_a_killed_copy_is_swept_at_the_next_open_and_a_complete_copy_kept(
    make_vault: Any, fill: Any, tmp_path: Path
) -> None:
    folder = _old_vault(tmp_path / "v", make_vault, fill)
    with Vault.open(folder, PASSPHRASE) as v:  # a complete kept copy
        assert v.pre_migration_copy is not None
    [kept] = _copies(folder)
    # What a run killed while copying leaves: the work folder export_copy writes into.
    killed = folder / f"pre-migration-{OLD}-20261207T031500000000Z.incomplete-a1B2c3"
    killed.mkdir()
    (killed / "vault.db").write_bytes(b"\0" * 4096)
    past = killed.stat().st_mtime - 3600
    os.utime(killed, (past, past))
    other = tmp_path / "v" / "notes.incomplete-x1"  # not the program's pre-migration work: left
    other.mkdir()
    with Vault.open(folder, PASSPHRASE):
        pass
    assert _copies(folder) == [kept]
    assert other.is_dir()


def test_a_kept_copy_is_refused_with_how_to_restore_it(
    make_vault: Any, fill: Any, tmp_path: Path, snapshot: Any, capsys: Any, monkeypatch: Any
) -> None:
    folder = _old_vault(tmp_path / "v", make_vault, fill)
    with Vault.open(folder, PASSPHRASE) as v:
        copy = v.pre_migration_copy
    assert copy is not None
    before = snapshot(copy)
    code, out, err = cli(capsys, monkeypatch, "list", "--vault", str(copy))
    assert code == 4 and out == ""
    assert "kept before upgrading" in err and f'ihrp-desktop restore "{copy}" --vault NEW-FOLDER' in err
    with pytest.raises(KeptCopy):
        Vault.open_with_key(copy, unlock_key(copy, PASSPHRASE))
    assert snapshot(copy) == before and _revision(copy) == OLD  # not upgraded in place
    es = describe_failure(KeptCopy(str(copy)), "es")
    assert "restáurala en una carpeta nueva" in es
    # Restored as the message says, it opens (and is upgraded there, not in the vault folder).
    code, _, err = cli(capsys, monkeypatch, "restore", str(copy), "--vault", str(tmp_path / "restored"))
    assert code == 0, err
    with Vault.open(tmp_path / "restored", PASSPHRASE) as restored:
        assert len(restored.clients()) == CLIENTS
    assert snapshot(copy) == before


# --- 6: verify on an intact vault of an earlier schema -----------------------------------------------

def test_verify_calls_an_older_format_intact(
    make_vault: Any, fill: Any, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    folder = _old_vault(tmp_path / "v", make_vault, fill)
    report = verify(folder, PASSPHRASE)
    assert report.ok and report.problems == [] and report.older_format
    code, out, err = cli(capsys, monkeypatch, "verify", "--vault", str(folder))
    assert code == 0
    assert "PROBLEM" not in out and "Damage found" not in err and "Restore" not in err
    assert "intact and in an older format, which opening it upgrades" in err
    assert _revision(folder) == OLD  # verify writes nothing
    with Vault.open(folder, PASSPHRASE):
        pass
    assert not verify(folder, PASSPHRASE).older_format
