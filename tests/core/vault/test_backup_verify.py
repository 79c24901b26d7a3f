"""Backups made while open, restoring them, and verify finding damage and tampering without writing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from ihrp_desktop.core.vault import (
    DamagedVault,
    KdfParams,
    NotAVault,
    Vault,
    VaultError,
    VaultExists,
    WrongPassphrase,
    unlock_key,
    verify,
)
from tests.kdf_floor import LOWER

PASSPHRASE = "correct horse battery staple"


def test_backup_while_open_verifies_and_restores(
    vault: Vault, fill: Callable[[Vault], list[int]], tmp_path: Path
) -> None:
    ids = fill(vault)
    out = vault.backup(tmp_path / "backups" / "Ana's backup 100% [1]")  # odd characters in the path
    vault.save_values(ids[0], {"after": "backup"})  # the vault goes on working
    assert sorted(p.name for p in out.iterdir()) == ["vault.db", "vault.key"]
    assert not list(out.parent.glob("*.incomplete-*"))
    report = verify(out, PASSPHRASE)
    assert report.ok, report.problems
    assert "page tamper check (cipher_integrity_check)" in report.checks
    assert vault.audit_events()[-1].action == "backed_up"

    restored = Vault.restore(out, tmp_path / "restored", PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as r:
        assert r.vault_id == vault.vault_id
        assert r.worksheet(ids[0]).values == {"goal": "revised goal 0 " * 500}  # as at backup time
        assert len(r.clients()) == 3
        r.record("restored")


def test_backup_refuses_to_overwrite(vault: Vault, tmp_path: Path) -> None:
    first = vault.backup(tmp_path / "b")
    before = (first / "vault.db").read_bytes()
    with pytest.raises(VaultExists):
        vault.backup(tmp_path / "b")
    assert (first / "vault.db").read_bytes() == before
    (tmp_path / "empty").mkdir()
    vault.backup(tmp_path / "empty")  # an empty folder is fine


def test_restore_refuses_to_overwrite_and_checks_first(vault: Vault, tmp_path: Path) -> None:
    out = vault.backup(tmp_path / "b")
    with pytest.raises(VaultExists):
        Vault.restore(out, vault.path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.restore(out, tmp_path / "new", "wrong")
    with pytest.raises(NotAVault):
        Vault.restore(tmp_path / "nothing", tmp_path / "new")
    with pytest.raises(VaultError):
        Vault.restore(vault.path, tmp_path / "new")  # an open vault (it has a -wal): not a backup
    data = bytearray((out / "vault.db").read_bytes())
    data[len(data) // 2] ^= 1
    (out / "vault.db").write_bytes(bytes(data))
    with pytest.raises(DamagedVault):
        Vault.restore(out, tmp_path / "new", PASSPHRASE)
    assert not (tmp_path / "new").exists()
    assert [p.name for p in tmp_path.iterdir() if "incomplete" in p.name] == []


def test_backup_opens_with_the_passphrase_it_was_made_with(vault: Vault, tmp_path: Path) -> None:
    out = vault.backup(tmp_path / "b")
    vault.change_keys(PASSPHRASE, "newer", "keep", action="passphrase_changed", kdf=KdfParams.fast())
    unlock_key(out, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        unlock_key(out, "newer")


def test_a_failed_backup_leaves_the_previous_one_and_no_half_copy(
    closed_vault: Path, tmp_path: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    """A real write failure mid-backup: the backup runs in a child process limited to small files."""
    with Vault.open(closed_vault, PASSPHRASE) as v:
        previous = v.backup(tmp_path / "b1")
    kept = snapshot(previous)
    size = (closed_vault / "vault.db").stat().st_size
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from ihrp_desktop.core.vault import Vault, SaveFailed
        v = Vault.open({str(closed_vault)!r}, {PASSPHRASE!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a too-big write fails (EFBIG) instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 2}, resource.RLIM_INFINITY))
        try:
            v.backup({str(tmp_path / "b2")!r})
        except SaveFailed as exc:
            print("SaveFailed", exc.reason)
        """
    )
    result = subprocess.run([sys.executable, "-c", LOWER + script], capture_output=True, text=True,
                            timeout=60)
    assert "SaveFailed" in result.stdout, result.stderr
    assert not (tmp_path / "b2").exists()
    assert [p.name for p in tmp_path.iterdir() if "incomplete" in p.name] == []
    assert snapshot(previous) == kept
    assert verify(previous, PASSPHRASE).ok


def test_verify_passes_a_healthy_vault_and_writes_nothing(
    closed_vault: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    before = snapshot(closed_vault)
    report = verify(closed_vault, PASSPHRASE)
    assert report.ok and report.problems == []
    assert any("audit trail" in c for c in report.checks)
    assert snapshot(closed_vault) == before
    with pytest.raises(WrongPassphrase):
        verify(closed_vault, "wrong")


def test_verify_names_the_damaged_page(
    closed_vault: Path, snapshot: Callable[[Path], dict[str, str]]
) -> None:
    db = closed_vault / "vault.db"
    data = bytearray(db.read_bytes())
    page = len(data) // 4096 // 2  # 0-based, somewhere in the middle
    data[page * 4096 + 2000] ^= 0x40
    db.write_bytes(bytes(data))
    before = snapshot(closed_vault)
    report = verify(closed_vault, PASSPHRASE)
    assert not report.ok
    assert any(f"page {page + 1}" in p for p in report.problems), report.problems
    assert snapshot(closed_vault) == before


def test_verify_reports_a_damaged_key_file(closed_vault: Path) -> None:
    data = bytearray((closed_vault / "vault.key").read_bytes())
    data[200] ^= 1
    (closed_vault / "vault.key").write_bytes(bytes(data))
    report = verify(closed_vault, PASSPHRASE)
    assert not report.ok and "vault.key is damaged" in report.problems[0]


def _tamper(folder: Path, sql: str) -> None:
    """What someone holding the key could do with the sqlcipher tool: change rows behind the app's back."""
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(str(folder / "vault.db"))
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("UPDATE audit_events SET detail = 'nothing printed' WHERE id = 3", "event 3 was changed"),
        ("DELETE FROM audit_events WHERE id = 2", "broken before event 3"),
        (
            "UPDATE audit_events SET at = '2020-01-01T00:00:00.000000+00:00' WHERE id = 1",
            "event 1 was changed",
        ),
    ],
)
def test_verify_detects_a_tampered_audit_trail(closed_vault: Path, sql: str, words: str) -> None:
    assert verify(closed_vault, PASSPHRASE).ok
    _tamper(closed_vault, sql)
    report = verify(closed_vault, PASSPHRASE)
    assert not report.ok
    assert any(words in p for p in report.problems), report.problems


def test_verify_detects_unreadable_answers(closed_vault: Path) -> None:
    _tamper(closed_vault, "UPDATE worksheets SET values_json = '{broken' WHERE id = 1")
    problems = verify(closed_vault, PASSPHRASE).problems
    assert any("cannot be read as JSON" in p for p in problems)
    assert any("Worksheet 1" in p for p in problems)


def test_verify_reads_a_vault_that_is_open(vault: Vault, fill: Callable[[Vault], list[int]]) -> None:
    fill(vault)
    assert (vault.path / "vault.db-wal").exists()
    assert verify(vault.path, PASSPHRASE).ok


def test_audit_trail_records_creation_and_caller_events(vault: Vault) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "optimal_use_plan", 1)
    vault.record("printed", client_id=c.id, worksheet_id=w.id, detail="take-home copy")
    vault.record_failed_unlocks(2)
    vault.record_failed_unlocks(0)
    events = vault.audit_events()
    assert [(e.action, e.client_id, e.worksheet_id) for e in events] == [
        ("created", None, None),
        ("created", c.id, None),
        ("created", c.id, w.id),
        ("printed", c.id, w.id),
        ("failed_unlock", None, None),
    ]
    assert "2" in events[-1].detail
    assert [e.action for e in vault.audit_events(worksheet_id=w.id)] == ["created", "printed"]
    assert [e.action for e in vault.audit_events(limit=1)] == ["failed_unlock"]
    with pytest.raises(ValueError):
        vault.record("Printed!")
    assert os.path.exists(vault.path / "vault.key")
