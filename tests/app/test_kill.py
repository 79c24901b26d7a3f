"""Killing the running app mid-typing loses at most the last second and never damages the vault."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from ihrp_desktop.core.vault import KdfParams, Vault, verify
from tests.app.driving import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
KILLS = 3
LOSS_BOUND_S = 1.0  # "at most the last second of typing"


def typing_text() -> str:
    from tests.app.typing_driver import TEXT

    return TEXT


Typed = list[tuple[int, float]]  # (characters typed so far, monotonic time)


def run_until_killed(vault: Path, worksheet_id: int, home: Path, after_s: float) -> tuple[str, Typed, float]:
    env = {**os.environ, "IHRP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.app.typing_driver", str(vault), str(worksheet_id)],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(PASSPHRASE + "\n")
    proc.stdin.close()
    field, typed = "", []  # type: tuple[str, Typed]
    started: float | None = None
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.05)
            if ready:
                line = proc.stdout.readline()
                if not line:
                    break
                kind, *rest = line.split()
                if kind == "field":
                    field = rest[0]
                elif kind == "typed":
                    typed.append((int(rest[0]), float(rest[1])))
                    started = started or time.monotonic()
            if started is not None and time.monotonic() - started >= after_s:
                break
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert field and typed, "the app never started typing"
    return field, typed, killed_at


def test_killing_the_app_while_typing_keeps_all_but_the_last_second(tmp_path: Path) -> None:
    vault_path = tmp_path / "vault"
    vault = Vault.create(vault_path, PASSPHRASE, kdf=KdfParams.fast())
    client = vault.add_client("Ana Gómez")
    sheets = [vault.new_worksheet(client.id, "optimal_use_plan", 1).id for _ in range(KILLS)]
    vault.close()
    text = typing_text()
    chances = random.Random(2026)
    kept: dict[int, dict[str, object]] = {}
    for sheet_id in sheets:
        after = chances.uniform(1.5, 3.0)
        field, typed, killed_at = run_until_killed(vault_path, sheet_id, tmp_path / "home", after)
        report = verify(vault_path, PASSPHRASE)
        assert report.ok, report.problems
        vault = Vault.open(vault_path, PASSPHRASE)
        try:
            for earlier, values in kept.items():
                assert vault.worksheet(earlier).values == values, "an earlier run's saved text changed"
            kept[sheet_id] = vault.worksheet(sheet_id).values
        finally:
            vault.close()
        saved = str(kept[sheet_id].get(field, ""))
        assert text.startswith(saved), "the saved text is not what was typed"
        old_enough = [count for count, at in typed if at <= killed_at - LOSS_BOUND_S]
        assert len(saved) >= max(old_enough, default=0), (len(saved), max(old_enough, default=0), len(typed))
        assert len(saved) <= len(typed)
        print(
            f"kill after {len(typed)} characters: {len(saved)} saved, {max(old_enough, default=0)} required"
        )
