"""A killed import leaves the vault as it was.

SIGKILL, sent to a real child process while it is inside its write transaction.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import Vault, verify
from ihrp_desktop.core.vault.importing import BATCH
from tests.hostile.import_helpers import PASSPHRASE, content, hostile, hostile_template  # noqa: F401

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def big_export(worksheets: int) -> dict:
    plans = [
        {
            "uid": str(uuid.uuid4()),
            "form": "optimal_use_plan",
            "form_version": 1,
            "values": {"substance": f"plan {i}"},
        }
        for i in range(worksheets)
    ]
    return {
        "format": "ihrp-desktop-export",
        "version": 2,
        "clients": [
            {
                "uid": str(uuid.uuid4()),
                "name": f"Person {c}",
                "sessions": [{"uid": str(uuid.uuid4()), "date": "2026-11-20", "worksheets": plans[c::10]}],
            }
            for c in range(10)
        ],
    }


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_during_a_large_import_leaves_the_vault_as_before(hostile) -> None:  # noqa: F811 - the fixture
    export = hostile.work / "big.json"
    export.write_text(json.dumps(big_export(BATCH * 4)), encoding="utf-8")
    before = content(hostile.vault)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(HERE / "import_child.py"), str(hostile.vault), PASSPHRASE, str(export)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("WRITING"), (line, child.stderr.read() if child.stderr else "")
        assert 0 < int(line.split()[1]) < BATCH * 4  # rows were written inside the open transaction
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert content(hostile.vault) == before
    assert verify(hostile.vault, PASSPHRASE).ok
    with Vault.open(hostile.vault, PASSPHRASE) as vault:  # and the vault takes the same import afterwards
        from ihrp_desktop.core.exchange import import_file
        from ihrp_desktop.core.forms import default_library

        summary = import_file(vault, export, default_library())
    assert summary.worksheets.new == BATCH * 4
