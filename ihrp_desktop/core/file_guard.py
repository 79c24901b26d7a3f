"""The one check before the program writes a file or folder a person named (``-o``, Save PDF...).

A person's typing must never destroy a vault: a target is refused, with a message in plain words,
when it is a vault folder or lies inside one (a folder holding ``vault.key`` or ``vault.db``: the
vault itself, every automatic backup, pre-migration copy and manual backup), lies inside a vault's
``<name>-backups`` folder, carries the name of a vault's own file, is a folder, or is anything but
an ordinary file (a device such as ``/dev/null``, a pipe, a socket). The name itself must not be a
symlink (another account's link must not choose what is replaced) and a file name must not end in a
path separator (that names a folder); links in the folders above are resolved, with ``..``, before
anything is decided (a linked Documents folder works). Files are then written through
``durable.atomic_write_bytes`` (new file, 0600, renamed over the target).

Limit: the check and the write are two steps; a folder swapped for a symlink in between is not
caught here. The write itself never follows a symlink at the temporary name and replaces the
target's directory entry instead of writing into an existing file (so a hard link to a vault file
is replaced, the vault file keeps its bytes).

Imports nothing but ``os`` and ``stat``.
"""

from __future__ import annotations

import os
import stat

from .durable import atomic_write_bytes

KEY_FILE = "vault.key"
DB_FILE = "vault.db"
# SQLite side files; any of them left beside vault.db means a connection is (or was) open.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_VAULT_NAMES = frozenset(n.lower() for n in (KEY_FILE, DB_FILE, *(DB_FILE + s for s in SIDE_SUFFIXES)))
BACKUPS_SUFFIX = "-backups"  # <vault>-backups: the automatic backups (core/backups.py)

_OUTSIDE = " Nothing was written; choose a place outside the vault and its backups."
EMPTY_FILE = "No file name was given. Nothing was written."
EMPTY_FOLDER = "No folder was given. Nothing was written."
IS_VAULT = "That is a vault folder: writing there could destroy its records." + _OUTSIDE
IN_VAULT = ("That place is inside a vault folder (one that holds vault.key or vault.db): writing there "
            "could destroy its records." + _OUTSIDE)
IN_BACKUPS = "That place is inside a vault's backups folder." + _OUTSIDE
VAULT_NAME = ("vault.key, vault.db and their side files are the names of a vault's own files. "
              "Nothing was written; choose another name.")
A_FOLDER = "That is a folder, not a file. Nothing was written; give a file name inside it instead."
NOT_ORDINARY = ("That is not an ordinary file (it is a device, a pipe or a socket). Nothing was written; "
                "choose a file in a folder.")
NOT_A_FOLDER = "That is a file, not a folder. Nothing was written; choose a new folder."
NOT_A_FOLDER_OTHER = ("That is a device, a pipe or a socket, not a folder. Nothing was written; "
                      "choose a new folder.")
IS_LINK = "That name is a link to another place; nothing was written. Give the file's own name."
IS_LINK_FOLDER = "That name is a link to another place; nothing was written. Give the folder's own name."
ENDS_WITH_SEP = ("That name ends with a slash, which means a folder, not a file. Nothing was written; "
                 "give a file name (without the slash at the end).")


class RefusedTarget(Exception):
    """A place the program will not write to; ``message`` is ready to show to the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def holds_vault(folder: str | os.PathLike[str]) -> bool:
    """True when ``folder`` holds a vault (or what is left of one): never write over or into it."""
    return any(os.path.lexists(os.path.join(folder, name)) for name in (KEY_FILE, DB_FILE))


def _vault_problem(resolved: str) -> str | None:
    """Why ``resolved`` (an absolute path, links resolved) lies in a vault's place, or None."""
    if holds_vault(resolved):
        return IS_VAULT
    folder = resolved
    while True:
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
        if holds_vault(folder):
            return IN_VAULT
        name = os.path.basename(folder)
        if name.lower().endswith(BACKUPS_SUFFIX) and holds_vault(
                os.path.join(os.path.dirname(folder), name[: -len(BACKUPS_SUFFIX)])):
            return IN_BACKUPS


_SEPARATORS = tuple(s for s in (os.sep, os.altsep) if s)


def _resolved(path: str | os.PathLike[str], empty: str, link: str) -> str:
    text = str(os.fspath(path))
    if not text or not text.strip():
        raise RefusedTarget(empty)
    # The last part itself must not be a link: whoever made it would choose what gets replaced.
    # (A trailing separator would make lstat follow it; files refuse one before this.)
    last = text.rstrip("".join(_SEPARATORS)) or text
    if os.path.islink(last):
        raise RefusedTarget(link)
    return os.path.realpath(text)  # links in the folders above and ".." resolved before anything is decided


def checked_file(path: str | os.PathLike[str]) -> str:
    """The resolved path of a file the person named, or RefusedTarget saying why not.

    A missing file is fine (it will be created); an existing ordinary file is replaced.
    """
    text = str(os.fspath(path))
    if text.strip() and text.endswith(_SEPARATORS):
        raise RefusedTarget(ENDS_WITH_SEP)
    # "x.pdf/." or "dir/..": a name that ends in a folder step names a folder, never a file to write
    # (resolved, it would point at x.pdf itself). tests/hostile/test_output_targets.py
    if text.strip() and os.path.basename(text) in (os.curdir, os.pardir):
        raise RefusedTarget(A_FOLDER)
    resolved = _resolved(text, EMPTY_FILE, IS_LINK)
    problem = _vault_problem(resolved)
    if problem is not None:
        raise RefusedTarget(problem)
    if os.path.basename(resolved).lower() in _VAULT_NAMES:
        raise RefusedTarget(VAULT_NAME)
    try:
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        return resolved
    if stat.S_ISDIR(mode):
        raise RefusedTarget(A_FOLDER)
    if not stat.S_ISREG(mode):
        raise RefusedTarget(NOT_ORDINARY)
    return resolved


def checked_folder(path: str | os.PathLike[str], *, in_backups: bool = True) -> str:
    """The resolved path of a new folder the person named (a backup, a restored or new vault), or
    RefusedTarget. ``in_backups=False`` also refuses a place inside a vault's ``-backups`` folder
    (a new vault there would be taken for one of its backups).

    Whether an existing folder is empty enough to use is the caller's decision (it never overwrites).
    """
    resolved = _resolved(path, EMPTY_FOLDER, IS_LINK_FOLDER)
    if os.path.lexists(resolved) and not os.path.isdir(resolved):
        raise RefusedTarget(NOT_A_FOLDER if os.path.isfile(resolved) else NOT_A_FOLDER_OTHER)
    problem = _vault_problem(resolved)
    # A backup beside the automatic ones is fine; a new vault there is not.
    if problem is not None and (problem != IN_BACKUPS or not in_backups):
        raise RefusedTarget(problem)
    return resolved


def write_file(path: str | os.PathLike[str], data: bytes) -> str:
    """Check ``path`` and replace it with ``data`` (0600, whole or not at all); returns where it went.

    The folder is not flushed: the file is in place once written, and a folder that refuses a flush
    (write-only, some network disks) must not turn that into a failure.
    """
    target = checked_file(path)
    atomic_write_bytes(target, data, flush_folder=False)
    return target
