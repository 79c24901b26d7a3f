"""3. Crash during a backup: the previous backup is intact; the new one is complete and verifies,
or absent, or left in a folder plainly named ``.incomplete-``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from ihrp_desktop.core.vault import Vault, verify

_DONE = re.compile(r"^b(\d{5})$")
_PARTIAL = re.compile(r"^b(\d{5})\.incomplete-[0-9a-f]{8}$")


def test_kill_during_backup_keeps_the_previous_backup(rel: Any, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    with rel.make_vault(folder) as v:
        for i in range(4):
            c = v.add_client(f"Client {i}")
            v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": f"plan {i} " * 3000})
    out = tmp_path / "backups"
    out.mkdir()
    step = 0
    previous: tuple[Path, dict[str, str]] | None = None  # the newest finished backup, and its bytes
    kills = rel.count("crash_backup")
    stats = {
        "kills": 0,
        "early_kills": 0,
        "backups_acknowledged": 0,
        "previous_intact": 0,
        "in_flight_absent": 0,
        "in_flight_marked_incomplete": 0,
        "in_flight_complete": 0,
        "verify_failures": 0,
    }
    for n in range(kills):
        acks, when = rel.run_and_kill(
            ["backup", str(folder), rel.passphrase, str(out), str(step)], max_delay=0.3
        )
        stats["kills"] += 1
        stats["early_kills"] += when == "early"
        stats["backups_acknowledged"] += len(acks)
        last = int(acks[-1][0]) if acks else step - 1
        context = f"kill {n} ({when}), last acknowledged backup {last}" + rel.where()
        if previous is not None:
            assert rel.snapshot(previous[0]) == previous[1], f"{context}: an earlier backup changed"
            assert verify(previous[0], rel.passphrase).ok, context
            stats["previous_intact"] += 1
        finished = []
        for entry in sorted(out.iterdir()):
            done, partial = _DONE.match(entry.name), _PARTIAL.match(entry.name)
            assert done or partial, f"{context}: unexpected {entry.name}"
            number = int((done or partial).group(1))  # type: ignore[union-attr]
            if partial:
                assert number == last + 1, f"{context}: stale partial copy {entry.name}"
                stats["in_flight_marked_incomplete"] += 1
                shutil.rmtree(entry)  # what a person (or a clean-up) would do with it
                continue
            assert number <= last + 1, f"{context}: {entry.name} from nowhere"
            assert sorted(p.name for p in entry.iterdir()) == ["vault.db", "vault.key"], context
            report = verify(entry, rel.passphrase)
            if not report.ok:
                stats["verify_failures"] += 1
            assert report.ok, f"{context}: {entry.name}: {report.problems}"
            finished.append((number, entry))
        numbers = [number for number, _ in finished]
        assert set(range(step, last + 1)) <= set(numbers), f"{context}: an acknowledged backup is missing"
        if last + 1 in numbers:
            stats["in_flight_complete"] += 1
        elif not any(_PARTIAL.match(p.name) for p in out.iterdir()):
            stats["in_flight_absent"] += 1
        assert verify(folder, rel.passphrase).ok, context
        if finished:
            newest = finished[-1][1]
            previous = (newest, rel.snapshot(newest))
            for _, entry in finished[:-1]:
                shutil.rmtree(entry)  # keep the folder small; the newest stays as "the previous backup"
        step = max([last, *numbers]) + 1
    rel.figures(**stats)
    with Vault.open(folder, rel.passphrase) as v:
        assert len(v.clients()) == 4
