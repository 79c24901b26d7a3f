"""Key changes hold the vault alone: two real processes, the OS file lock between them."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.kdf_floor import CLI_CHILD, LOWER

PASS, NEW = "correct horse battery staple", "a brand new passphrase"
HOLDER = LOWER + """
import sys
from ihrp_desktop.core.vault import Vault
vault = Vault.open(sys.argv[1], sys.argv[2], exclusive=sys.argv[3] == "exclusive")
print("READY", flush=True)
sys.stdin.read()  # hold the vault open until the parent closes our stdin (or kills us)
vault.close()
"""


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file()}


@contextmanager
def _held(folder: Path, mode: str) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), PASS, mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    try:
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(30)


def _cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI_CHILD, *args], input=stdin, capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as v:
        v.add_client("Ana")
    return path


@pytest.mark.parametrize("command", ["passwd", "rekey"])
def test_a_key_change_beside_an_open_vault_is_refused_and_changes_nothing(folder: Path, command: str) -> None:
    with _held(folder, "shared"):
        before = _files(folder)
        result = _cli(command, "--vault", str(folder), "--passphrase-stdin", stdin=f"{PASS}\n{NEW}\n")
        assert result.returncode == 1, result.stderr
        assert "in use" in result.stderr and "Nothing was changed" in result.stderr
        assert "Traceback" not in result.stderr
        assert _files(folder) == before
    Vault.open(folder, PASS).close()


def test_reading_commands_work_beside_the_open_vault(folder: Path, tmp_path: Path) -> None:
    with _held(folder, "shared"):
        for args in (["list"], ["verify"], ["backup", "-o", str(tmp_path / "bk")],
                     ["export-json", "-o", str(tmp_path / "out.json")]):
            result = _cli(*args, "--vault", str(folder), "--passphrase-stdin", stdin=PASS + "\n")
            assert result.returncode == 0, (args, result.stderr)


def test_during_a_key_change_a_second_one_and_readers_are_told_it_is_in_use(folder: Path) -> None:
    with _held(folder, "exclusive"):  # what a running passwd holds
        second = _cli("passwd", "--vault", str(folder), "--passphrase-stdin", stdin=f"{PASS}\n{NEW}\n")
        reader = _cli("list", "--vault", str(folder), "--passphrase-stdin", stdin=PASS + "\n")
    assert second.returncode == 1 and "in use" in second.stderr
    assert reader.returncode == 1 and "in use" in reader.stderr
    Vault.open(folder, PASS).close()  # the first holder's passphrase is the one that works


def test_a_crashed_holder_releases_the_lock(folder: Path) -> None:
    with _held(folder, "exclusive") as proc:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    result = _cli("passwd", "--vault", str(folder), "--passphrase-stdin", stdin=f"{PASS}\n{NEW}\n")
    assert result.returncode == 0, result.stderr
    Vault.open(folder, NEW).close()
    assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.key"]  # no lock file in the folder
