"""Small file-system helpers with the durability the vault needs (fsync, atomic replace)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..durable import fsync_dir, make_private_dir, unique_suffix

# What a vault folder looks like is decided once, in file_guard (the check before any write).
from ..file_guard import DB_FILE as DB_FILE
from ..file_guard import KEY_FILE as KEY_FILE
from ..file_guard import SIDE_SUFFIXES as SIDE_SUFFIXES
from ..file_guard import holds_vault as holds_vault


def discard_empty_side_files(folder: Path) -> None:
    """Remove a -wal holding no changes (and its -shm index) that an open left beside vault.db.

    Only after every connection is closed. A WAL of 32 bytes or less has a header and no frames:
    deleting it loses nothing, and leaves the folder as it was before the vault was opened.
    """
    wal, shm = folder / f"{DB_FILE}-wal", folder / f"{DB_FILE}-shm"
    if wal.exists() and wal.stat().st_size > 32:
        return  # it holds changes: SQLite folds them back at the next open
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    """Flush a file's content to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_key_temps(vault_dir: Path) -> int:
    """Remove temp key files a crash left before their rename (they hold a wrap that never came into force).

    Called once the vault is open for writing. Returns how many were removed.
    """
    removed = 0
    for stale in vault_dir.glob(f".{KEY_FILE}.tmp-*"):
        try:
            stale.unlink()
            removed += 1
        except OSError:
            pass  # read-only place or already gone: harmless, the file is never read
    return removed


def incomplete_sibling(target: Path) -> Path:
    """A fresh, clearly named work folder (0700) beside ``target`` for a copy that is not finished yet."""
    work = target.with_name(f"{target.name}.incomplete-{unique_suffix()}")
    make_private_dir(work)
    return work


def publish_dir(work: Path, target: Path) -> None:
    """Make a finished work folder visible under its final name, durably."""
    for child in work.iterdir():
        fsync_file(child)
    fsync_dir(work)
    # os.rename onto an existing non-empty folder fails, so a concurrent writer cannot be overwritten.
    os.rename(work, target)
    fsync_dir(target.parent)


def remove_tree(path: Path) -> None:
    """Remove a work folder this program created (never called on a vault that holds data)."""
    shutil.rmtree(path, ignore_errors=True)


def side_files(db_path: Path) -> list[Path]:
    """The SQLite side files that exist beside a database file."""
    return [p for s in SIDE_SUFFIXES if (p := db_path.with_name(db_path.name + s)).exists()]
