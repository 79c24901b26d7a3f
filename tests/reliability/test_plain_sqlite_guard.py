"""10. With the SQLCipher driver replaced by plain sqlite3, the program refuses to open or create a vault.

The replacement happens in a fresh process before the program is imported, as a broken install would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.kdf_floor import LOWER

SHIM = LOWER + (
    "import sqlite3, sys; sys.modules['sqlcipher3'] = sqlite3; "
    "from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SHIM, *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_plain_sqlite_driver_is_refused_everywhere(rel: Any, tmp_path: Path) -> None:
    words = "cannot encrypt"
    new = tmp_path / "new-vault"
    done = _cli("init", "--vault", str(new), "--passphrase-stdin", stdin="secret phrase\n")
    assert done.returncode == 1 and words in done.stderr, done.stderr
    assert not new.exists()  # nothing was written, not even the folder

    existing = tmp_path / "vault"
    with rel.make_vault(existing) as v:
        v.add_client("Ana")
    before = rel.snapshot(existing)
    for command in (["list"], ["verify"], ["backup", "-o", str(tmp_path / "b")]):
        done = _cli(
            *command[:1],
            "--vault",
            str(existing),
            *command[1:],
            "--passphrase-stdin",
            stdin=rel.passphrase + "\n",
        )
        assert done.returncode != 0, command
        assert words in done.stderr, (command, done.stderr)
        assert "Traceback" not in done.stderr
        assert rel.snapshot(existing) == before, command
    assert not (tmp_path / "b").exists()
    rel.figures(commands_refused=4, files_changed=0)
