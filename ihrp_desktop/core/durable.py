"""Writing a file so that after a crash it holds either the old content or the new, never half.

Imports nothing but ``os``: the vault's key file and every file the command line writes (the quick
path of ``blank`` included) go through here.
"""

from __future__ import annotations

import os


def unique_suffix() -> str:
    # os.urandom, not the secrets module: the same bytes, without hashlib and hmac on the launch path.
    return os.urandom(4).hex()


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Flush a directory entry (a rename or a new file) to the disk; a no-op where unsupported (Windows)."""
    if os.name == "nt":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename itself.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, visible_partial: bool = False,
                       flush_folder: bool = True) -> None:
    """Replace ``path`` with ``data`` so that after a crash it holds either the old or the new content.

    The content goes first to a file beside it that an error never leaves behind: a hidden, unique
    ``.NAME.tmp-XXXXXXXX`` (the vault's own files; it sweeps up what a crash left), or, with
    ``visible_partial``, ``NAME.partial`` (a file a person asked for: what a crash leaves is in plain
    sight, and the next try replaces it instead of adding one more). ``flush_folder`` also flushes the
    rename to the disk; a folder that refuses it (write-only, some network disks) then fails the write.
    """
    folder, name = os.path.split(os.fspath(path))
    tmp = os.path.join(folder, f"{name}.partial" if visible_partial else f".{name}.tmp-{unique_suffix()}")
    try:
        with open(tmp, "wb" if visible_partial else "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        from contextlib import suppress  # here: a write that works never loads it

        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if flush_folder:
        fsync_dir(folder or os.curdir)
