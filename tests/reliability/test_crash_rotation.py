"""Kills (SIGKILL) at random moments while the vault is re-encrypted under a new data key.

Each time: exactly one of the old and the new passphrase opens the vault, every acknowledged save is
there, verify finds no damage, and after the open only vault.key and vault.db are left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ihrp_desktop.core.vault import DamagedVault, Vault, WrongPassphrase, verify


def _opens(folder: Path, passphrase: str) -> bool:
    try:
        Vault.open(folder, passphrase).close()  # a full open: it settles an interrupted change first
    except (WrongPassphrase, DamagedVault):
        return False
    return True


def test_kill_during_rotation_leaves_exactly_one_working_passphrase(rel: Any, tmp_path: Path) -> None:
    child = rel.load_helper("crash_child")
    folder = tmp_path / "vault"
    step = 0
    with rel.make_vault(folder, child.passphrase_for(0, rel.seed)) as v:
        c = v.add_client("Ana Łucja")
        ws_id = v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "first " * 2000}).id
    saved: tuple[int, int] | None = None  # (step, revision number) of the last acknowledged save
    stats = {"kills": 0, "early_kills": 0, "keys_acknowledged": 0, "new_key_unacknowledged": 0,
             "lost_saves": 0, "both_or_neither": 0, "files_left": 0}
    for n in range(rel.count("crash_rotation")):
        acks, when = rel.run_and_kill(["rotate", str(folder), str(ws_id), str(step), str(rel.seed)],
                                      max_delay=0.4)
        stats["kills"] += 1
        stats["early_kills"] += when == "early"
        for ack in acks:
            if ack[0] == "save":
                saved = (int(ack[1]), int(ack[2]))
            else:
                step = int(ack[1])
                stats["keys_acknowledged"] += 1
        old, new = child.passphrase_for(step, rel.seed), child.passphrase_for(step + 1, rel.seed)
        works = (_opens(folder, old), _opens(folder, new))
        context = f"kill {n} ({when}), step {step}: old/new open = {works}" + rel.where()
        stats["both_or_neither"] += works.count(True) != 1
        assert works.count(True) == 1, context
        if works[1]:
            step += 1  # the change was committed just before the kill, unacknowledged
            stats["new_key_unacknowledged"] += 1
        current = child.passphrase_for(step, rel.seed)
        stats["files_left"] += sorted(p.name for p in folder.iterdir()) != ["vault.db", "vault.key"]
        assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.key"], context
        report = verify(folder, current)
        assert report.ok and report.older is None, f"{context}: {report.problems} {report.older}"
        if saved is not None:
            with Vault.open(folder, current) as v:
                sheet = v.worksheet(ws_id)
                latest = v.revisions(ws_id)[-1].number
            ok = sheet.values in (child.values_for(saved[0], rel.seed),
                                  child.values_for(saved[0] + 1, rel.seed))
            stats["lost_saves"] += not ok
            assert ok and latest >= saved[1], context
    rel.figures(**stats)
