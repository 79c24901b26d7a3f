"""Errors a person can meet when using a vault, each with a message in plain words.

Every message says what happened and what to do. None of them ever contains client data (names,
answers, notes): messages end up in dialogs, logs and bug reports.
"""

from __future__ import annotations

import errno
from typing import Literal


class VaultError(Exception):
    """Base class of every vault error; ``message`` is ready to show to the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WrongPassphrase(VaultError):
    """The passphrase (or recovery key) did not unlock the vault's key."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "The passphrase is not correct. Check Caps Lock and the keyboard language, then try again."
        )


class DamagedVault(VaultError):
    """The vault's files are damaged; ``problems`` lists what was found, in plain words."""

    def __init__(self, problems: list[str], message: str | None = None):
        self.problems = list(problems)
        parts = [
            "The vault is damaged and was not opened, so nothing in it was changed.",
            *self.problems,
            "Keep these files as they are and restore your most recent backup.",
        ]
        super().__init__(message or " ".join(parts))


class NotAVault(VaultError):
    """The folder holds no vault, or its files are not vault files."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "No vault was found in this folder. Choose the folder that holds vault.key and vault.db."
        )


class PlainSqliteRefused(VaultError):
    """The database driver does not encrypt (plain SQLite): refused, so no client data is written in clear."""

    def __init__(self) -> None:
        super().__init__(
            "This installation's database library cannot encrypt, so the vault was not opened "
            "and nothing was written. Reinstall IHRP Desktop."
        )


class VaultExists(VaultError):
    """Creating, backing up or restoring would overwrite something that already exists."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "A vault or backup already exists in this place. Nothing was overwritten; choose a new folder."
        )


class VaultFromNewerVersion(VaultError):
    """The vault was written by a newer program; opening it here could lose data."""

    def __init__(self) -> None:
        super().__init__(
            "This vault was last used by a newer version of IHRP Desktop. Update the program to open it; "
            "the vault was not changed."
        )


class RecordNotFound(VaultError, KeyError):
    """A client, session, worksheet or revision id that is not in the vault.

    Also a KeyError (and so a LookupError), as a missing key in a mapping would be.
    """

    def __init__(self, kind: str):
        super().__init__(f"The {kind} was not found in the vault. It may belong to another vault.")

    def __str__(self) -> str:
        return self.message  # KeyError would show the message in quotes


class VaultClosed(VaultError):
    """An operation on a vault that was closed (locked)."""

    def __init__(self) -> None:
        super().__init__("The vault is locked. Unlock it with your passphrase to continue.")


class VaultInUse(VaultError):
    """Another window or command has the vault open, or is changing its keys: a key change must wait."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "The vault is in use by another IHRP Desktop window or command (or its keys are being "
            "changed). Nothing was changed. Close the other window or wait for the command to finish, "
            "then try again."
        )


SaveReason = Literal["disk_full", "read_only", "permission", "io", "busy"]

_REASON_WORDS: dict[str, tuple[str, str]] = {
    # reason -> (why, what to do)
    "disk_full": ("the disk is full", "free some space"),
    "read_only": ("the vault is in a place that cannot be written to", "move the vault to a writable folder"),
    "permission": ("permission to write the vault file was denied", "check the folder's permissions"),
    "io": ("the disk refused or failed the write", "check that the disk is connected and working"),
    "busy": ("another program is using the vault", "close the other program"),
}


class SaveFailed(VaultError):
    """A change could not be written (disk full, read-only, permission denied, disk error).

    Nothing was half-written: SQLite rolled the change back. ``reason`` is one of
    ``disk_full``, ``read_only``, ``permission``, ``io``, ``busy``.
    """

    def __init__(self, reason: SaveReason, what: str = "change"):
        self.reason: SaveReason = reason
        why, todo = _REASON_WORDS[reason]
        super().__init__(
            f"The {what} could not be saved because {why}. Your text is still on screen; {todo} "
            "and it will be saved."
        )
        # Where no text waits on a screen (the command line), the same facts without that promise.
        self.without_screen = (f"The {what} could not be saved because {why}. Nothing was half-written; "
                               f"{todo} and run the command again.")


_PLACE_WORDS: dict[str, str] = {
    # reason -> why a folder the person chose for a copy cannot take it
    "disk_full": "the disk there is full",
    "read_only": "that place cannot be written to",
    "permission": "permission to write there was denied",
    "io": "the disk refused or failed the write",
    "busy": "another program is using that place",
}
_PLACE_ERRNO_WORDS: dict[int, str] = {
    errno.ENOTDIR: "a part of that path is a file, not a folder",
    errno.EEXIST: "a part of that path is a file, not a folder",  # mkdir(exist_ok=True) on a file
    errno.ENOENT: "that folder does not exist",
}


class CopyNotWritten(SaveFailed):
    """A backup, a restored vault or a new vault could not be written where the person asked: the
    message names that folder, not the vault, which is unchanged (tests/hostile/test_cli_messages.py).
    A SaveFailed (same ``reason``) with words of its own: no text on a screen is waiting for it."""

    def __init__(self, exc: BaseException, what: str, folder: str):
        reason = save_reason(exc) or "io"
        self.reason: SaveReason = reason
        self.folder = folder
        why = _PLACE_ERRNO_WORDS.get(getattr(exc, "errno", None) or 0, _PLACE_WORDS[reason])
        VaultError.__init__(
            self,
            f"The {what} could not be written to {folder} because {why}. "
            "Nothing else was changed; choose another folder and try again."
        )
        self.without_screen = self.message


class KeyChangeFailed(VaultError):
    """A key change could not be written (disk full, ...): undone, the old secrets still open the vault."""

    def __init__(self, reason: SaveReason):
        self.reason: SaveReason = reason
        why, todo = _REASON_WORDS[reason]
        super().__init__(
            f"The passphrase and keys were not changed because {why}. Nothing was changed: the passphrase "
            f"you use now still works. {todo[0].upper() + todo[1:]} and try again."
        )


class CannotOpen(VaultError):
    """The vault files exist but the system refused to open them for writing."""

    def __init__(self, reason: SaveReason):
        self.reason: SaveReason = reason
        why, todo = _REASON_WORDS[reason]
        super().__init__(
            f"The vault could not be opened because {why}. Nothing was changed; {todo} and try again."
        )


# SQLite primary result codes (sqlite3.h) and errno values mapped to a reason in plain words.
_SQLITE_REASONS: dict[int, SaveReason] = {
    3: "permission",  # SQLITE_PERM
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    13: "disk_full",  # SQLITE_FULL
    14: "permission",  # SQLITE_CANTOPEN
}
_ERRNO_REASONS: dict[int, SaveReason] = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
}
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a driver exception, if it has one."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF != 1:
        return code & 0xFF
    text = str(exc).lower()
    # Older drivers carry only the message, and errors raised inside an SQL function (such as
    # sqlcipher_export) arrive as the generic SQLITE_ERROR (1) with the real cause in the message.
    for needle, value in (
        ("disk is full", 13),
        ("readonly database", 8),
        ("disk i/o error", 10),
        ("unable to open", 14),
        ("database is locked", 5),
        ("not a database", SQLITE_NOTADB),
        ("malformed", SQLITE_CORRUPT),
    ):
        if needle in text:
            return value
    return None


def save_reason(exc: BaseException) -> SaveReason | None:
    """Why a write failed, from an SQLite or OS error; None when it is not a storage problem."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return _ERRNO_REASONS.get(exc.errno, "io")
    code = sqlite_code(exc)
    return _SQLITE_REASONS.get(code) if code is not None else None


def is_damage(exc: BaseException) -> bool:
    """True when an SQLite error means the file content is damaged (bad page, failed HMAC)."""
    return sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)
