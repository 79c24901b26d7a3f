"""The vault's OS file lock: shared while a process has the vault open, exclusive while its keys change.

POSIX: ``flock`` on the vault folder itself. A folder lock creates no file, so nothing new appears in
the vault folder (backups copy it file by file, an empty folder stays empty), and the folder's
inode does not change when a key change renames vault.key and vault.db inside it. Windows cannot
lock a folder: there a ``vault.lock`` file beside the vault is locked with ``LockFileEx`` (written
to the documented API, not run by this project's tests). The operating system drops every lock of
a process that dies, so a crash never leaves the vault locked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import CannotOpen, VaultInUse

LOCK_FILE = "vault.lock"  # Windows only


class VaultLock:
    """One lock handle on one vault folder: ``shared()``, ``exclusive()``, ``release()``.

    Every call is non-blocking: when another process holds a conflicting lock it raises VaultInUse.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None
        self.mode: str | None = None  # "shared", "exclusive" or None

    def _open(self) -> int:
        if self._fd is None:
            try:
                if os.name == "nt":
                    self._fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
                else:
                    self._fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except OSError:
                raise CannotOpen("permission") from None
        return self._fd

    def shared(self) -> None:
        """Hold the vault open beside other readers; VaultInUse while a key change runs."""
        self._take(exclusive=False)

    def exclusive(self) -> None:
        """Hold the vault alone (a key change); VaultInUse while any other process has it open.

        From ``shared``, a refused upgrade takes the shared lock back (waiting, if a key change of
        another process slipped in between, until it ends) and raises VaultInUse.
        """
        was_shared = self.mode == "shared"
        try:
            self._take(exclusive=True)
        except VaultInUse:
            if was_shared:
                self.mode = None
                _lock(self._open(), exclusive=False, wait=True)
                self.mode = "shared"
            raise

    def attempt(self, *, exclusive: bool) -> bool:
        """One non-blocking try; a refused one leaves this handle holding nothing (``mode`` None)."""
        try:
            self._take(exclusive=exclusive)
        except VaultInUse:
            return False
        return True

    def _take(self, *, exclusive: bool) -> None:
        fd = self._open()
        if not _lock(fd, exclusive=exclusive, wait=False):
            # A refused upgrade has dropped the shared lock (flock converts by unlocking first).
            self.mode = None
            raise VaultInUse()
        self.mode = "exclusive" if exclusive else "shared"

    def downgrade(self) -> None:
        """Back from exclusive to shared (nothing can conflict: this process held the vault alone)."""
        _lock(self._open(), exclusive=False, wait=True)
        self.mode = "shared"

    def release(self) -> None:
        """Let go (closing the handle drops the lock)."""
        fd, self._fd, self.mode = self._fd, None, None
        if fd is not None:
            os.close(fd)


if sys.platform == "win32":  # pragma: no cover - Windows
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY, _LOCKFILE_EXCLUSIVE_LOCK = 0x1, 0x2

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    def _lock(fd: int, *, exclusive: bool, wait: bool) -> bool:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = msvcrt.get_osfhandle(fd)
        kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_Overlapped()))  # convert = unlock, then lock
        flags = (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0) | (0 if wait else _LOCKFILE_FAIL_IMMEDIATELY)
        return bool(kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_Overlapped())))

else:
    import fcntl

    def _lock(fd: int, *, exclusive: bool, wait: bool) -> bool:
        flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            return False
        return True
