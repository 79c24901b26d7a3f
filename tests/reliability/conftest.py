"""The reliability suite: fast mode (every run, small counts) and full mode (the large counts).

Full mode: ``IHRP_RELIABILITY=full .venv/bin/pytest tests/reliability -q``. The random seed is printed in
the header and in every failure; set ``IHRP_RELIABILITY_SEED`` to replay a run. With
``IHRP_RELIABILITY_REPORT=path.json`` each test's figures (counts, outcomes, durations) are written there.

Test modules are imported with --import-mode=importlib (not importable by name), so the helpers are
handed out through the ``rel`` fixture.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.small_disk import small_disk  # noqa: F401 - a real full disk, shared fixture

HERE = Path(__file__).resolve().parent
MODE = "full" if os.environ.get("IHRP_RELIABILITY", "").strip().lower() == "full" else "fast"
SEED = int(os.environ.get("IHRP_RELIABILITY_SEED") or random.SystemRandom().randrange(1, 2**31))
PASSPHRASE = "correct horse battery staple"

# name -> (fast count, full count); the full counts are the bars of issue 6.
COUNTS: dict[str, tuple[int, int]] = {
    "crash_saves": (10, 500),
    "crash_passphrase": (8, 200),
    "crash_backup": (8, 200),
    "crash_rotation": (5, 200),
    "wrong_passphrase": (10, 100),
    "damage_offsets": (1, 10),  # random offsets per damaged region (plus the fixed cases)
    "passphrase_fuzz": (12, 300),
    "definition_fuzz": (150, 10_000),
    "value_fuzz": (1, 12),  # every other case: a 100 KB answer and a long list
    "audit_tamper": (6, 200),
}

_FIGURES: dict[str, dict[str, Any]] = {}


def count(name: str) -> int:
    fast, full = COUNTS[name]
    return full if MODE == "full" else fast


def pytest_report_header(config: pytest.Config) -> str:
    return f"reliability suite: mode={MODE} seed={SEED} (replay with IHRP_RELIABILITY_SEED={SEED})"


def snapshot(folder: Path) -> dict[str, str]:
    """Name -> SHA-256 of every file under ``folder`` (to prove nothing was written)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def load_helper(name: str) -> ModuleType:
    """A helper module of this folder (the crash child, the leak session), loaded by path."""
    spec = importlib.util.spec_from_file_location(f"reliability_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Reliability:
    """What a reliability test needs: mode, counts, a seeded random, vault helpers, figures."""

    mode = MODE
    seed = SEED
    passphrase = PASSPHRASE
    here = HERE

    def __init__(self, test_name: str):
        self.test_name = test_name
        self.rng = random.Random(f"{SEED}/{test_name}")
        self.started = time.monotonic()

    count = staticmethod(count)
    snapshot = staticmethod(snapshot)
    load_helper = staticmethod(load_helper)

    @staticmethod
    def make_vault(path: Path, passphrase: str = PASSPHRASE) -> Vault:
        return Vault.create(path, passphrase, kdf=KdfParams.fast())

    def run_and_kill(
        self, args: list[str], *, max_delay: float, early_chance: float = 0.2
    ) -> tuple[list[list[str]], str]:
        """Start crash_child.py, SIGKILL it at a random moment; return its ACK lines and when it died.

        Usually the kill comes 0..max_delay s after READY; with ``early_chance`` it comes 0..0.6 s after
        the start instead, so it can land while the vault is being opened (WAL recovery).
        """
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "crash_child.py"), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        lines: list[list[str]] = []
        ready = threading.Event()

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if not line.endswith("\n"):
                    break  # torn by the kill: an acknowledgement that never fully arrived is not one
                lines.append(line.split())
                if line.startswith("READY"):
                    ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if self.rng.random() < early_chance:
            when = "early"
            time.sleep(self.rng.uniform(0.0, 0.6))
        else:
            when = "working"
            if not ready.wait(60):
                proc.kill()
                proc.wait()
                raise AssertionError(
                    "the child never got ready: " + (proc.stderr.read() if proc.stderr else "")
                )
            time.sleep(self.rng.uniform(0.0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(10)
        stderr = proc.stderr.read() if proc.stderr else ""
        assert proc.returncode == -signal.SIGKILL, f"the child stopped by itself:\n{stderr}" + self.where()
        return [line[1:] for line in lines if line and line[0] == "ACK"], when

    def where(self) -> str:
        """Appended to assertion messages: how to replay this exact run."""
        return f" [mode={MODE} seed={SEED}; replay with IHRP_RELIABILITY_SEED={SEED}]"

    def figures(self, **values: Any) -> None:
        """Record this test's figures (counts, outcomes) for docs/reliability.md."""
        entry = _FIGURES.setdefault(self.test_name, {})
        entry.update(values)
        entry["seconds"] = round(time.monotonic() - self.started, 1)


@pytest.fixture
def rel(request: pytest.FixtureRequest) -> Reliability:
    return Reliability(request.node.name)


@pytest.fixture(scope="session", autouse=True)
def _reliability_report() -> Iterator[None]:
    started = time.time()
    yield
    target = os.environ.get("IHRP_RELIABILITY_REPORT")
    if not target or not _FIGURES:
        return
    report = {
        "mode": MODE,
        "seed": SEED,
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
        "seconds": round(time.time() - started, 1),
        "machine": f"{platform.system()} {platform.release()}, {platform.machine()}, "
        f"{os.cpu_count()} CPU(s), Python {platform.python_version()}",
        "tests": _FIGURES,
    }
    Path(target).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
