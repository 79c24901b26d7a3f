"""Undoing a vault's creation: only what this program made, never what another process made; and the
free space that tells a full disk from another failed write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .files import DB_FILE, KEY_FILE, SIDE_SUFFIXES


def discard_new(folder: Path, *, made_folder: bool) -> None:
    """Remove a vault this program has just created (closed), after what followed failed.

    Only the vault's own files, and its folder when it was new and is empty then: nothing else can
    be lost. (No folder: its making failed, e.g. under a file; the caller's error names the place.)
    """
    if folder.is_dir():
        discard_made(folder, [str(folder)] if made_folder else [], key=True, db=True)


def discard_made(folder: Path, made_folders: list[str], *, key: bool, db: bool) -> None:
    """Undo a failed create: the files and folders this call made, nothing another process made."""
    names = ([KEY_FILE] if key else []) + ([DB_FILE, *(DB_FILE + s for s in SIDE_SUFFIXES)] if db else [])
    for name in names:
        (folder / name).unlink(missing_ok=True)
    for made in reversed(made_folders):
        try:
            os.rmdir(made)  # only when empty: what another process put there meanwhile stays
        except OSError:
            break


def free_bytes(path: Path) -> int:
    """Free space on the disk of ``path`` or of its nearest folder that exists."""
    for place in (path, *path.parents):
        try:
            return shutil.disk_usage(place).free
        except OSError:
            continue
    return 0
