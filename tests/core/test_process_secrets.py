"""Secrets stay in the process: no core dumps, not dumpable, SQLCipher wipes its memory, keys wiped at lock.

The processes checked are real: the command line and the app, each started as a child process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.kdf_floor import LOWER

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")

# How the child reports its own PR_GET_DUMPABLE (this kernel's /proc/PID/status has no Dumpable line,
# and to root, which runs these tests, /proc looks the same either way).
DUMPABLE = "__import__('ctypes').CDLL(None).prctl(3, 0, 0, 0, 0)"
# As after `ulimit -c unlimited` (the core dump): the program itself must bring it to 0.
UNLIMITED = (
    "import resource\n"
    "try:\n"
    "    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))\n"
    "except (OSError, ValueError):\n"
    "    pass\n"
)

# The command line, with standard input that says when the program starts reading the passphrase.
CLI_WAITING = (
    LOWER
    + UNLIMITED
    + f"""
import sys
class Stdin:
    def isatty(self): return False
    def read(self):
        print("READING", {DUMPABLE}, flush=True)
        return sys.__stdin__.read()
sys.stdin = Stdin()
from ihrp_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""
)

# The app (as `ihrp-desktop --demo` starts it), saying when its window shows; it then runs on.
APP_SHOWN = (
    LOWER
    + UNLIMITED
    + f"""
import sys
from PySide6.QtWidgets import QMainWindow
show = QMainWindow.show
def report(window):
    show(window)
    print("SHOWN", {DUMPABLE}, flush=True)
QMainWindow.show = report
from ihrp_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""
)


def _proc_facts(pid: int) -> tuple[str, str]:
    limits = Path(f"/proc/{pid}/limits").read_text()
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    status = Path(f"/proc/{pid}/status").read_text()
    return core, status


def _wait_for_line(proc: subprocess.Popen[str], word: str) -> str:
    """The rest of the child's line that starts with ``word`` (its dumpable flag)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(word + " "):
            return line.split()[1]
    raise AssertionError(f"the child ended before saying {word}: {proc.stderr.read() if proc.stderr else ''}")


@linux_only
def test_a_command_line_process_has_no_core_dumps_and_is_not_dumpable(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI_WAITING, "list", "--vault", str(tmp_path / "v"), "--passphrase-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        dumpable = _wait_for_line(proc, "READING")  # hardened before any passphrase is read
        core, status = _proc_facts(proc.pid)
        out, err = proc.communicate(PASSPHRASE + "\n", timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert core.split()[4:6] == ["0", "0"], core  # soft and hard limits: 0, and cannot be raised
    assert dumpable == "0"
    assert "CoreDumping:\t0" in status
    assert proc.returncode == 0, err


@linux_only
def test_a_running_app_has_no_core_dumps_and_is_not_dumpable(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IHRP_HOME=str(tmp_path / "home"))
    proc = subprocess.Popen(
        [sys.executable, "-c", APP_SHOWN, "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        dumpable = _wait_for_line(proc, "SHOWN")
        core, status = _proc_facts(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert core.split()[4:6] == ["0", "0"], core
    assert dumpable == "0" and "CoreDumping:\t0" in status


def test_every_connection_has_cipher_memory_security_on(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()) as vault:
        engine = vault._live_engine()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() in ("1", 1)


def test_the_data_key_is_overwritten_when_the_vault_locks(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()).close()
    vault = Vault.open(tmp_path / "v", PASSPHRASE)
    held = vault._key._raw  # the very buffer the vault keys its connections with
    assert any(held)
    vault.close()
    assert held == bytearray(32) and vault._key.wiped  # zeros, in place
    with pytest.raises(ValueError):
        vault._key.sql_literal()


def test_files_made_after_the_start_are_the_accounts_alone_whatever_the_umask(tmp_path: Path) -> None:
    """Qt's settings file was 0644 under umask 022 (a stranger found it): the process makes 0600 files
    and 0700 folders from the start on, whatever creates them."""
    script = (
        "import os, sys\n"
        "os.umask(0o022)\n"
        "from ihrp_desktop.core.hardening import harden_process\n"
        "harden_process()\n"
        "open(sys.argv[1], 'w').close(); os.mkdir(sys.argv[2])\n"
    )
    made, folder = tmp_path / "settings.ini", tmp_path / "state"
    subprocess.run([sys.executable, "-c", script, str(made), str(folder)], check=True, cwd=ROOT, timeout=60)
    assert made.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
