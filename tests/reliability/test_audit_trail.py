"""12. Audit trail: unlocks, failed unlocks, prints, exports, backups, restores and passphrase changes
are recorded; any change to the audit rows is detected by ``verify`` (SHA-256 hash chain)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.cli import EXIT_DAMAGED, EXIT_OK
from ihrp_desktop.core.vault import Vault, unlock_key, verify
from ihrp_desktop.core.vault.engine import connect_writable
from tests.cli_run import run_cli


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str) -> int:
    return run_cli(capsys, monkeypatch, *args, stdin=stdin)[0]


def test_every_disclosure_and_unlock_is_recorded(
    rel: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ihrp_desktop.app.background import InlineRunner
    from ihrp_desktop.app.unlock import UnlockScreen

    folder = tmp_path / "vault"
    with rel.make_vault(folder) as v:
        ws = v.new_worksheet(v.add_client("Ana").id, "optimal_use_plan", 1, values={"substance": "x"}).id
    p, new = rel.passphrase + "\n", "a new passphrase"
    vault = ["--vault", str(folder), "--passphrase-stdin"]
    assert _cli(monkeypatch, capsys, p, "list", *vault) == EXIT_OK
    # Take-home prints wait for confirmed help lines: the person confirms them first.
    assert _cli(monkeypatch, capsys, p, "practice", "--country", "US", "--confirm", *vault) == EXIT_OK
    assert _cli(monkeypatch, capsys, p, "print", str(ws), "-o", str(tmp_path / "out.pdf"), *vault) == EXIT_OK
    assert _cli(monkeypatch, capsys, p, "export-json", "-o", str(tmp_path / "out.json"), *vault) == EXIT_OK
    assert _cli(monkeypatch, capsys, p, "backup", "-o", str(tmp_path / "backup"), *vault) == EXIT_OK
    assert _cli(monkeypatch, capsys, f"{rel.passphrase}\n{new}\n", "passwd", *vault) == EXIT_OK
    # The app's unlock screen: one wrong try, then the right one (the count is written after it).
    screen = UnlockScreen(folder, InlineRunner())
    qtbot.addWidget(screen)
    opened: list[Vault] = []
    screen.unlocked.connect(opened.append)
    screen.passphrase.setText("not it")
    screen.try_unlock()
    screen.passphrase.setText(new)
    screen.try_unlock()
    assert opened and screen.failed_attempts == 1
    assert opened[0].check_pages() == []  # as MainWindow.vault_opened does: check the pages, then write
    opened[0].record_failed_unlocks(screen.failed_attempts)
    opened[0].record("unlocked")
    actions = [e.action for e in opened[0].audit_events()]
    opened[0].close()
    restored = tmp_path / "restored"
    assert (
        _cli(
            monkeypatch,
            capsys,
            p,
            "restore",
            str(tmp_path / "backup"),
            "--vault",
            str(restored),
            "--passphrase-stdin",
        )
        == EXIT_OK
    )
    with Vault.open(restored, rel.passphrase) as r:
        restored_actions = [e.action for e in r.audit_events()]
    for action in (
        "created",
        "unlocked",
        "printed",
        "exported",
        "backed_up",
        "passphrase_changed",
        "failed_unlock",
        "practice_changed",
    ):
        assert action in actions, (action, actions)
    assert actions.count("passphrase_changed") == 1  # recorded once, at the first unlock after the change
    assert restored_actions[-1] == "restored"
    assert verify(folder, new).ok and verify(restored, rel.passphrase).ok
    rel.figures(recorded=sorted(set(actions) | set(restored_actions)))


def _tamper(rng: Any, conn: Any) -> str:
    ids = [r[0] for r in conn.execute("SELECT id FROM audit_events ORDER BY id")]
    victim = rng.choice(ids[:-1])  # removing only the newest events leaves a valid shorter chain (documented)
    kind = rng.choice(["detail", "action", "at", "client", "delete", "swap", "insert", "rehash"])
    if kind == "detail":
        conn.execute("UPDATE audit_events SET detail = detail || ' ' WHERE id = ?", (victim,))
    elif kind == "action":
        (current,) = conn.execute("SELECT action FROM audit_events WHERE id = ?", (victim,)).fetchone()
        other = "exported" if current != "exported" else "printed"
        conn.execute("UPDATE audit_events SET action = ? WHERE id = ?", (other, victim))
    elif kind == "at":
        conn.execute(
            "UPDATE audit_events SET at = '2001-01-01T00:00:00.000000+00:00' WHERE id = ?", (victim,)
        )
    elif kind == "client":
        conn.execute("UPDATE audit_events SET client_id = coalesce(client_id, 0) + 7 WHERE id = ?", (victim,))
    elif kind == "delete":
        conn.execute("DELETE FROM audit_events WHERE id = ?", (victim,))
    elif kind == "swap":
        other = victim + 1
        conn.execute("UPDATE audit_events SET id = -1 WHERE id = ?", (victim,))
        conn.execute("UPDATE audit_events SET id = ? WHERE id = ?", (victim, other))
        conn.execute("UPDATE audit_events SET id = ? WHERE id = -1", (other,))
    elif kind == "insert":  # a forged event squeezed in, copying a real one's hashes
        conn.execute("UPDATE audit_events SET id = id + 1000 WHERE id > ?", (victim,))
        conn.execute(
            "INSERT INTO audit_events (id, at, action, client_id, worksheet_id, detail, prev_hash, hash) "
            "SELECT id + 1, at, 'printed', client_id, worksheet_id, 'forged', prev_hash, hash "
            "FROM audit_events WHERE id = ?",
            (victim,),
        )
    else:  # change a row and recompute its own hash: the next row's link still breaks
        from ihrp_desktop.core.vault.audit import event_hash

        row = conn.execute(
            "SELECT id, at, action, client_id, worksheet_id, detail, prev_hash FROM audit_events "
            "WHERE id = ?",
            (victim,),
        ).fetchone()
        forged = event_hash(row[6], row[0], row[1], row[2], row[3], row[4], "forged detail")
        conn.execute(
            "UPDATE audit_events SET detail = 'forged detail', hash = ? WHERE id = ?", (forged, victim)
        )
    return kind


def test_any_change_to_the_audit_rows_is_detected(
    rel: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    with rel.make_vault(source) as v:
        c = v.add_client("Ana")
        ws = v.new_worksheet(c.id, "optimal_use_plan", 1).id
        for i in range(12):
            v.record(
                rel.rng.choice(["printed", "exported", "backed_up", "unlocked"]),
                client_id=c.id,
                worksheet_id=ws,
                detail=f"event {i}",
            )
    tampers = rel.count("audit_tamper")
    kinds: dict[str, int] = {}
    for n in range(tampers):
        folder = tmp_path / f"t{n}"
        shutil.copytree(source, folder)
        conn = connect_writable(folder / "vault.db", unlock_key(folder, rel.passphrase))
        try:
            kind = _tamper(rel.rng, conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        report = verify(folder, rel.passphrase)
        assert not report.ok, f"tamper {n} ({kind}) not detected" + rel.where()
        assert any("audit" in problem.lower() for problem in report.problems), report.problems
        if n % 5 == 0:
            code = _cli(
                monkeypatch,
                capsys,
                rel.passphrase + "\n",
                "verify",
                "--vault",
                str(folder),
                "--passphrase-stdin",
            )
            assert code == EXIT_DAMAGED
        kinds[kind] = kinds.get(kind, 0) + 1
        shutil.rmtree(folder)
    rel.figures(tampers=tampers, detected=tampers, by_kind=kinds)
