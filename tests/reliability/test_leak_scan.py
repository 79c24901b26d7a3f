"""11. Leak scan: after a scripted full session (create, fill, preview, print, export, backup, lock,
quit), canary strings appear in no file the program could write, in UTF-8, UTF-16-LE or UTF-16-BE,
except the PDF and the export the person explicitly saved.

The session runs in child processes whose HOME, TMPDIR, IHRP_HOME and XDG_* folders all point into
one sandbox, so every file any of them (Qt, fontconfig, Python, the program) writes lands there.
The real temp folder is scanned too, for files changed during the session.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.kdf_floor import LOWER

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
CLI = LOWER + "import sys; from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _hits(path: Path, needles: list[bytes]) -> list[bytes]:
    try:
        data = path.read_bytes()
    except OSError:
        return []
    return [n for n in needles if n in data]


def test_no_canary_outside_the_vault_and_the_chosen_files(rel: Any, tmp_path: Path) -> None:
    token = secrets.token_hex(4)
    canaries = [f"Łucja{token}Canary", f"Zażółć{token}gęślą", f"Канарейка{token}", f"plainascii{token}"]
    needles = [c.encode(e) for c in canaries for e in ENCODINGS]
    sandbox = tmp_path / "sandbox"
    dirs = {
        name: sandbox / name
        for name in ("home", "tmp", "ihrp", "config", "data", "cache", "state", "runtime", "documents")
    }
    for d in dirs.values():
        d.mkdir(parents=True)
    dirs["runtime"].chmod(0o700)
    env = {
        **os.environ,
        "HOME": str(dirs["home"]),
        "TMPDIR": str(dirs["tmp"]),
        "TEMP": str(dirs["tmp"]),
        "TMP": str(dirs["tmp"]),
        "IHRP_HOME": str(dirs["ihrp"]),
        "XDG_CONFIG_HOME": str(dirs["config"]),
        "XDG_DATA_HOME": str(dirs["data"]),
        "XDG_CACHE_HOME": str(dirs["cache"]),
        "XDG_STATE_HOME": str(dirs["state"]),
        "XDG_RUNTIME_DIR": str(dirs["runtime"]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    vault = dirs["ihrp"] / "data" / "vault"
    saved = [
        dirs["documents"] / "session.pdf",
        dirs["documents"] / "export.json",
        dirs["documents"] / "cli.pdf",
    ]
    started = time.time()

    session = subprocess.run(
        [
            sys.executable,
            str(rel.here / "leak_session.py"),
            str(vault),
            rel.passphrase,
            json.dumps(canaries),
            str(saved[0]),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "DONE" in session.stdout, session.stderr[-3000:]
    audit = json.loads(next(line for line in session.stdout.splitlines() if line.startswith("AUDIT"))[6:])
    for action in ("unlocked", "failed_unlock", "printed", "created"):
        assert action in audit, (action, audit)
    titles = json.loads(next(line for line in session.stdout.splitlines() if line.startswith("TITLES"))[7:])
    assert "IHRP Desktop" in titles
    for canary in canaries:
        assert not any(canary in title for title in titles), (canary, titles)

    def cli(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-c", CLI, *args, "--vault", str(vault), "--passphrase-stdin"],
            input=rel.passphrase + "\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, (args, done.stderr)

    cli("export-json", "-o", str(saved[1]))
    cli("backup", "-o", str(dirs["documents"] / "backup"))
    cli("print", "1", "-o", str(saved[2]))
    cli("list")
    cli("verify")

    for path in saved:  # the canaries really were written, so the scan can find them
        assert path.is_file() and path.stat().st_size > 0
    assert _hits(saved[1], needles)

    leaks, scanned = [], 0
    for path in sandbox.rglob("*"):
        if path.is_file() and not path.is_symlink() and path not in saved:
            scanned += 1
            leaks += [(str(path.relative_to(sandbox)), hit) for hit in _hits(path, needles)]
    outside = 0
    real_tmp = Path(tempfile.gettempdir())
    for root, _, files in os.walk(real_tmp):
        if Path(root).is_relative_to(tmp_path.parent) or Path(root).is_relative_to(sandbox):
            continue
        for name in files:
            path = Path(root) / name
            try:
                info = path.lstat()  # never follow a link; a FIFO or socket (another run's) would block
                if not stat.S_ISREG(info.st_mode) or info.st_mtime < started or info.st_size > 50_000_000:
                    continue
            except OSError:
                continue
            outside += 1
            leaks += [(str(path), hit) for hit in _hits(path, needles)]
    assert not leaks, f"canaries found: {leaks}" + rel.where()
    rel.figures(
        files_scanned=scanned,
        temp_files_scanned=outside,
        canaries=len(canaries),
        encodings=list(ENCODINGS),
        leaks=0,
        audit_in_session=sorted(set(audit)),
    )
