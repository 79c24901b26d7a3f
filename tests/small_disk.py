"""A real full disk: a small tmpfs (root only) filled to the last byte, the kernel's own ENOSPC.

Used by tests/reliability/test_storage_failures.py and tests/core/vault/test_upgrade_safety.py;
without root the fixture skips with the reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.full_disk import fill


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class SmallDisk:
    def __init__(self, mount: Path):
        self.path = mount
        self.filler = mount / "filler.bin"

    def fill(self) -> None:
        """Write until the kernel says the disk is full (tests/full_disk.py's one filler)."""
        fill(self.path)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)):
        pytest.skip("needs root to mount a small tmpfs (a real full disk)")
    try:
        yield SmallDisk(mount)
    finally:
        _run("umount", "-l", str(mount))


