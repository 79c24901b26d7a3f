"""1. Crash during saves: a real process saving revisions is SIGKILLed at random moments.

Bar: 0 vaults that fail verify, 0 lost acknowledged saves, and the content is the last acknowledged
revision. A save whose commit reached the disk but whose acknowledgement line was not printed yet
(killed between the two) may also be there: it was never reported as saved, and nothing is lost.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ihrp_desktop.core.vault import Vault, unlock_key, verify
from ihrp_desktop.core.vault.engine import connect_read_only

ALLOWED_FILES = {"vault.db", "vault.key", "vault.db-wal", "vault.db-shm"}
KILLS_PER_VAULT = 25  # then a fresh vault, so the file stays a realistic size (a few hundred MB at most)


def _read_only_state(folder: Path, passphrase: str, ws_id: int) -> tuple[dict[str, Any], dict[int, str]]:
    """Latest answers and every revision, read without opening the vault for writing (the -wal stays)."""
    conn = connect_read_only(folder / "vault.db", unlock_key(folder, passphrase))
    try:
        latest = conn.execute("SELECT values_json FROM worksheets WHERE id = ?", (ws_id,)).fetchone()[0]
        revisions = dict(
            conn.execute("SELECT number, values_json FROM revisions WHERE worksheet_id = ?", (ws_id,))
        )
    finally:
        conn.close()
    return json.loads(latest), revisions


def _opened_state(folder: Path, passphrase: str, ws_id: int) -> tuple[dict[str, Any], dict[int, str]]:
    with Vault.open(folder, passphrase) as v:
        latest = v.worksheet(ws_id).values
        revisions = {n: json.dumps(v.revision_values(ws_id, n)) for n, _ in v.revisions(ws_id)}
    return latest, revisions


def test_kill_during_saves_loses_no_acknowledged_save(rel: Any, tmp_path: Path) -> None:
    child = rel.load_helper("crash_child")
    memo: dict[int, dict[str, Any]] = {}

    def values(step: int) -> dict[str, Any]:
        if step not in memo:
            memo[step] = child.values_for(step, rel.seed)
        return memo[step]

    kills = rel.count("crash_saves")
    stats = {
        "kills": 0,
        "early_kills": 0,
        "vaults": 0,
        "acknowledged_saves": 0,
        "unacknowledged_but_committed": 0,
        "verify_failures": 0,
        "lost_acknowledged_saves": 0,
        "reopened_via_wal": 0,
    }
    for n in range(kills):
        if n % KILLS_PER_VAULT == 0:
            folder = tmp_path / f"vault{n}"
            with rel.make_vault(folder) as v:
                client = v.add_client("Crash Test")
                ws_id = v.new_worksheet(client.id, "optimal_use_plan", 1, values={"step": -1}).id
            step = 0
            acknowledged: dict[int, int] = {}  # step -> revision number, in this vault
            memo.clear()
            stats["vaults"] += 1
            if n:
                shutil.rmtree(tmp_path / f"vault{n - KILLS_PER_VAULT}")
        acks, when = rel.run_and_kill(
            ["save", str(folder), rel.passphrase, str(ws_id), str(step), str(rel.seed)], max_delay=0.4
        )
        stats["kills"] += 1
        stats["early_kills"] += when == "early"
        for got_step, number in acks:
            acknowledged[int(got_step)] = int(number)
        stats["acknowledged_saves"] += len(acks)
        context = f"kill {n} ({when}), acks {len(acks)}" + rel.where()

        report = verify(folder, rel.passphrase)
        if not report.ok:
            stats["verify_failures"] += 1
        assert report.ok, f"{context}: {report.problems}"
        assert {p.name for p in folder.iterdir()} <= ALLOWED_FILES, context

        # Half the time read without opening (the next child then recovers the -wal), half open + lock.
        if rel.rng.random() < 0.5:
            latest, revisions = _read_only_state(folder, rel.passphrase, ws_id)
            stats["reopened_via_wal"] += 1
        else:
            latest, revisions = _opened_state(folder, rel.passphrase, ws_id)
        last = max(acknowledged) if acknowledged else -1
        # Every acknowledged save of every earlier run is still there, byte for byte.
        for got_step, number in acknowledged.items():
            stored = json.loads(revisions.get(number, "null"))
            if stored != values(got_step):
                stats["lost_acknowledged_saves"] += 1
            assert stored == values(got_step), f"{context}: step {got_step} lost"
        expected_last = values(last) if last >= 0 else {"step": -1}
        in_flight = values(last + 1)
        assert latest in (expected_last, in_flight), (
            f"{context}: content is neither step {last} nor {last + 1}"
        )
        if latest == in_flight and latest["step"] >= step:
            stats["unacknowledged_but_committed"] += 1
            acknowledged[last + 1] = max(revisions)  # now durable: later runs must keep it too
        step = latest["step"] + 1
    rel.figures(**stats)
    assert stats["kills"] == kills
