"""Who acted: every new audit event names the account and the program part, and the hash chain covers it."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from ihrp_desktop.core import actor
from ihrp_desktop.core.vault import KdfParams, Vault, unlock_key, verify
from ihrp_desktop.core.vault.audit import GENESIS, event_hash

PASSPHRASE = "correct horse battery staple"


def _sql(folder: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        for sql, args in statements:
            conn.execute(sql, args)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    actor.set_part("command line: test")
    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        vault.add_client("Ana")
        vault.record("printed", detail="take-home to file")
    actor.set_part("program")
    return folder


def test_new_events_name_the_account_and_the_program_part(tmp_path: Path) -> None:
    with Vault.open(_vault(tmp_path), PASSPHRASE) as vault:
        events = vault.audit_events()
    assert events and all(e.actor == f"{actor.account()} (command line: test)" for e in events[:3])
    assert actor.account() and actor.account() != "unknown account"


def test_events_without_an_actor_keep_verifying_beside_new_ones(tmp_path: Path) -> None:
    folder = _vault(tmp_path)
    # Event 1 as the program wrote it before schema 0002: no actor, hashed without one. The rest of
    # the chain is re-linked after it (as it was written then).
    key = unlock_key(folder, PASSPHRASE)
    conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    rows = conn.execute(
        "SELECT id, at, action, client_id, worksheet_id, detail, actor FROM audit_events ORDER BY id"
    ).fetchall()
    prev = GENESIS
    for event_id, at, action, client_id, worksheet_id, detail, who in rows:
        who = "" if event_id == 1 else who
        digest = event_hash(prev, event_id, at, action, client_id, worksheet_id, detail, who)
        conn.execute(
            "UPDATE audit_events SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
            (who, prev, digest, event_id),
        )
        prev = digest
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    report = verify(folder, PASSPHRASE)
    assert report.ok, report.problems
    with Vault.open(folder, PASSPHRASE) as vault:
        events = vault.audit_events()
        assert events[0].actor == "" and all(e.actor for e in events[1:])
        assert vault.audit_chain_problems() == []


def test_changing_or_removing_an_actor_breaks_the_chain(tmp_path: Path) -> None:
    folder = _vault(tmp_path)
    _sql(folder, ("UPDATE audit_events SET actor = 'someone else (app)' WHERE id = 2", ()))
    assert "Audit event 2 was changed after it was written." in verify(folder, PASSPHRASE).problems
    folder2 = tmp_path / "second"
    folder2.mkdir()
    again = _vault(folder2)
    _sql(again, ("UPDATE audit_events SET actor = '' WHERE id = 3", ()))  # passing it off as an old event
    assert "Audit event 3 was changed after it was written." in verify(again, PASSPHRASE).problems
    with Vault.open(again, PASSPHRASE) as vault:
        assert vault.audit_chain_problems() == ["Audit event 3 was changed after it was written."]


def test_opening_records_once_and_an_editing_session_records_one_edit(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Ana")
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1)
        vault.save_values(sheet.id, {"plan": "before it was opened"})  # e.g. an import: no edit event
        for opening in range(2):
            vault.record_opened(sheet.id)
            for keystroke in range(5):
                vault.save_values(
                    sheet.id, {"plan": f"opening {opening} word {keystroke}"}, coalesce_seconds=30
                )
        actions = [
            (e.action, e.worksheet_id, e.client_id)
            for e in vault.audit_events()
            if e.action in ("opened", "edited")
        ]
    assert actions == [("opened", sheet.id, client.id), ("edited", sheet.id, client.id)] * 2
