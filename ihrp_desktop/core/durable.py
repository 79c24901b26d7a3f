"""Writing a file so that after a crash it holds either the old content or the new, never half.

Imports nothing but ``os``: the vault's key file and every file the command line writes (the quick
path of ``blank`` included) go through here. Every file is created new, by this program, readable by
its owner only (0600), and every folder it creates is 0700, whatever the umask.

On Windows the flags that do not exist there (``O_NOFOLLOW``, ``O_CLOEXEC``) are left out, and the
modes are what Windows makes of them (read-only or not): access there follows the folder's ACLs.
"""

from __future__ import annotations

import os

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# A new file only (EXCL), never through a symlink at its name (NOFOLLOW), never inherited by a child
# process (CLOEXEC), bytes as they are on Windows (BINARY). Flags a system lacks are simply left out.
_CREATE_NEW = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1 << 20


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


def create_private(path: str | os.PathLike[str]) -> int:
    """Create a new file at ``path``, mode 0600 whatever the umask, and return its descriptor.

    Fails (FileExistsError) when anything is already there, a symlink included: nothing placed in
    advance is ever followed or reused.
    """
    fd = os.open(path, _CREATE_NEW, PRIVATE_FILE)
    if os.name != "nt":
        try:
            os.fchmod(fd, PRIVATE_FILE)  # a umask such as 0277 would have taken the owner's write bit
        except BaseException:
            os.close(fd)
            raise
    return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view[:_CHUNK]):]


def make_private_dirs(path: str | os.PathLike[str]) -> list[str]:
    """Create ``path`` and any missing folder above it, each 0700 whatever the umask.

    Folders that already exist are left as they are (they are the person's own). Returns the folders
    this call made: only those are its to remove again (another process may make one meanwhile).
    """
    path = os.path.abspath(os.fspath(path))
    missing = []
    while not os.path.isdir(path):
        missing.append(path)
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    made = []
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_FOLDER)
        except FileExistsError:
            if not os.path.isdir(folder):
                raise
            continue  # made meanwhile by another process: not ours to change
        made.append(folder)
        if os.name != "nt":
            os.chmod(folder, PRIVATE_FOLDER)
    return made


def make_private_dir(path: str | os.PathLike[str]) -> None:
    """Create one new folder, 0700 whatever the umask (FileExistsError when anything is there)."""
    os.mkdir(path, PRIVATE_FOLDER)
    if os.name != "nt":
        os.chmod(path, PRIVATE_FOLDER)


def copy_private(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Copy ``source`` into a new file ``target`` (0600, never an existing one), flushed to the disk."""
    fd = create_private(target)
    try:
        with open(source, "rb") as src:
            while chunk := src.read(_CHUNK):
                _write_all(fd, chunk)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(target)  # only the file this call created
        raise
    os.close(fd)


def _short(name: str, limit: int = 120) -> str:
    """``name`` cut to ``limit`` bytes, so the temporary name fits wherever ``name`` itself fits (255)."""
    while len(os.fsencode(name)) > limit:
        name = name[:-1]
    return name


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, flush_folder: bool = True,
                       new: bool = False) -> None:
    """Replace ``path`` with ``data`` so that after a crash it holds either the old or the new content.

    The content goes first to a new file beside it under a random hidden name,
    ``.NAME.tmp-XXXXXXXXXXXXXXXX`` (NAME cut to 120 bytes), created 0600 with ``create_private``;
    an error removes it. It is then flushed and renamed over ``path``: the file there ends up new,
    0600 and owned by whoever wrote it (a file that was there before is replaced, never written
    into). ``new``: the file must not exist yet; it is linked into place instead of renamed, so of
    two processes writing the same new name at once exactly one succeeds and the other gets
    FileExistsError, with the first one's file untouched. ``flush_folder`` also flushes the rename
    to the disk; a folder that refuses it (write-only, some network disks) then fails the write.
    """
    folder, name = os.path.split(os.fspath(path))
    tmp = os.path.join(folder, f".{_short(name)}.tmp-{os.urandom(8).hex()}")
    fd = create_private(tmp)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if new:
            os.link(tmp, path)  # atomic, and never over an existing name
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        from contextlib import suppress  # here: a write that works never loads it

        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if flush_folder:
        fsync_dir(folder or os.curdir)
