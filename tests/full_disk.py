"""A real full disk for tests: a small tmpfs (root only), filled until the kernel says it is full."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def fill(folder: Path, leave: int = 0) -> Path:
    """Write ``folder/filler.bin`` until the disk is full; ``leave`` bytes (about) stay free."""
    spare = folder / "spare.bin"
    if leave:
        spare.write_bytes(b"x" * leave)
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    spare.unlink(missing_ok=True)
    return filler


@contextmanager
def small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """``folder`` (made here) as a tmpfs of ``size`` ("4m"), unmounted afterwards."""
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, timeout=30
    ).returncode == 0
    if not mounted:
        pytest.skip("needs root to mount a small tmpfs (a real full disk)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)
