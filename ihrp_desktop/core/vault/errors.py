"""Errors a person can meet when using a vault, each with a message in plain words in every language.

Every message says what happened and what to do. None of them ever contains client data (names,
answers, notes): messages end up in dialogs, logs and bug reports. The words live in the one
catalogue (``core/words``, section ``vault``).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any, Literal

from ..words import word


class Said(str):
    """A sentence of the catalogue (``vault.<key>``) with its parameters (file names, page numbers).

    It is the English sentence (what ``verify`` prints and tests pin), and :meth:`text` gives it in
    any language: a problem line of DamagedVault, or the precise reason an error is raised with.
    """

    key: str
    fill: dict[str, object]

    def __new__(cls, key: str, **fill: object) -> Said:
        said = super().__new__(cls, _w(key, "en", **fill))
        said.key, said.fill = key, fill
        return said

    def __reduce__(self) -> tuple[Any, ...]:  # a copy across processes keeps its key
        return (_said, (self.key, self.fill))

    def text(self, language: str) -> str:
        return _w(self.key, language, **self.fill)


def _said(key: str, fill: dict[str, object]) -> Said:
    return Said(key, **fill)


def in_language(line: str, language: str) -> str:
    """A problem line or reason in ``language``: a :class:`Said` is worded there; plain text stays."""
    return line.text(language) if isinstance(line, Said) else line


class VaultError(Exception):
    """Base class of every vault error; ``message`` is ready to show to the person (in English).

    The words of each error, in every language, come from one table, :data:`ERROR_WORDS`, keyed by
    the error's class: :func:`error_message` gives them in another language. A ``message`` given where
    the error is raised is a more precise sentence: a :class:`Said` is worded in every language.
    """

    def __init__(self, message: str | None = None):
        self.given = message
        self.message = message or error_message(self, "en")
        super().__init__(self.message)


class WrongPassphrase(VaultError):
    """The passphrase (or recovery key) did not unlock the vault's key."""


class DamagedVault(VaultError):
    """The vault's files are damaged; ``problems`` lists what was found, in plain words."""

    def __init__(self, problems: list[str], message: str | None = None):
        self.problems = list(problems)
        super().__init__(message)


class NotAVault(VaultError):
    """The folder holds no vault, or its files are not vault files."""


class PlainSqliteRefused(VaultError):
    """The database driver does not encrypt (plain SQLite): refused, so no client data is written in clear."""

    def __init__(self) -> None:
        super().__init__()


class VaultExists(VaultError):
    """Creating, backing up or restoring would overwrite something that already exists."""


class VaultFromNewerVersion(VaultError):
    """The vault was written by a newer program; opening it here could lose data."""

    def __init__(self) -> None:
        super().__init__()


class RecordNotFound(VaultError, KeyError):
    """A client, session, worksheet or revision id that is not in the vault.

    Also a KeyError (and so a LookupError), as a missing key in a mapping would be.
    """

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__()

    def __str__(self) -> str:
        return self.message  # KeyError would show the message in quotes


class VaultClosed(VaultError):
    """An operation on a vault that was closed (locked)."""

    def __init__(self) -> None:
        super().__init__()


class AlreadyRevised(VaultError):
    """The version to revise already has a newer one: a version has at most one next version, so the
    newest (``newer_id``, ``newer_version``) is the one to revise
    (tests/core/vault/test_one_next_version.py)."""

    def __init__(self, newer_id: int, newer_version: int):
        self.newer_id = newer_id
        self.newer_version = newer_version
        super().__init__()


class VaultInUse(VaultError):
    """Another window or command has the vault open, or is changing its keys: a key change must wait."""


class VaultBeingUpgraded(VaultInUse):
    """Another window or command is upgrading the vault's format (migrate.upgrade_alone): try again soon."""


class KeptCopy(NotAVault):
    """The folder is a copy kept before an upgrade (``<vault>/pre-migration-*``): never opened, so never
    upgraded in place; restoring it into a new folder is how to work with it (migrate.is_kept_copy)."""

    def __init__(self, folder: str):
        self.folder = folder
        super().__init__()


class UpgradeFailed(VaultError):
    """The vault's format could not be upgraded (disk full, ...): the upgrade was rolled back and the
    copy this open made was removed, so the vault is as it was
    (tests/core/vault/test_upgrade_failures.py)."""

    def __init__(self, reason: SaveReason):
        self.reason: SaveReason = reason
        super().__init__()


SaveReason = Literal["disk_full", "read_only", "permission", "io", "busy"]


class SaveFailed(VaultError):
    """A change could not be written (disk full, read-only, permission denied, disk error).

    Nothing was half-written: SQLite rolled the change back. ``reason`` is one of
    ``disk_full``, ``read_only``, ``permission``, ``io``, ``busy``.
    """

    def __init__(self, reason: SaveReason, what: str = "change"):
        self.reason: SaveReason = reason
        self.what = what
        super().__init__()


_PLACE_ERRNO: dict[int, str] = {
    errno.ENOTDIR: "not_a_folder",
    errno.EEXIST: "not_a_folder",  # mkdir(exist_ok=True) on a file
    errno.ENOENT: "no_folder",
}


class CopyNotWritten(SaveFailed):
    """A backup, a restored vault or a new vault could not be written where the person asked: the
    message names that folder, not the vault, which is unchanged (tests/hostile/test_cli_messages.py).
    A SaveFailed (same ``reason``) with words of its own: no text on a screen is waiting for it."""

    def __init__(self, exc: BaseException | None, what: str, folder: str, reason: SaveReason | None = None):
        self.folder = folder
        self.place = _PLACE_ERRNO.get(getattr(exc, "errno", None) or 0, "")
        super().__init__(reason or (save_reason(exc) if exc is not None else None) or "io", what)


class KeyChangeFailed(VaultError):
    """A key change could not be written (disk full, ...): undone, the old secrets still open the vault."""

    def __init__(self, reason: SaveReason):
        self.reason: SaveReason = reason
        super().__init__()


class CannotOpen(VaultError):
    """The vault files exist but the system refused to open them for writing."""

    def __init__(self, reason: SaveReason):
        self.reason: SaveReason = reason
        super().__init__()


def _w(key: str, language: str, **fill: object) -> str:
    return word(f"vault.{key}", language, **fill)


def _say(key: str) -> Callable[[Any, str], str]:
    return lambda exc, language: _w(key, language)


def _because(exc: Any, language: str) -> dict[str, str]:
    """Why a write failed and what to do, and what was being written, in ``language``."""
    todo = _w(f"todo.{exc.reason}", language)
    what = getattr(exc, "what", "change").replace(" ", "_")
    return {"why": _w(f"why.{exc.reason}", language), "todo": todo, "Todo": todo[:1].upper() + todo[1:],
            "what": _w(f"what.{what}", language)}


def _copy_not_written(exc: Any, language: str) -> str:
    fill = _because(exc, language)
    why = _w(f"place.{exc.place or exc.reason}", language)
    return _w("copy_not_written", language, what=fill["what"], folder=exc.folder, why=why)


# Each error's words, by class; every concrete class has its own entry (tests/core/test_words.py).
ERROR_WORDS: dict[type[VaultError], Callable[[Any, str], str]] = {
    WrongPassphrase: _say("wrong_passphrase"),
    DamagedVault: lambda exc, language: " ".join(
        [_w("damaged", language), *(in_language(p, language) for p in exc.problems),
         _w("damaged_then", language)]),
    NotAVault: _say("not_a_vault"),
    PlainSqliteRefused: _say("plain_sqlite"),
    VaultExists: _say("exists"),
    VaultFromNewerVersion: _say("newer"),
    RecordNotFound: lambda exc, language: _w("not_found", language, kind=_w(f"kind.{exc.kind}", language)),
    VaultClosed: _say("closed"),
    AlreadyRevised: lambda exc, language: _w("already_revised", language, id=exc.newer_id,
                                              version=exc.newer_version),
    VaultInUse: _say("in_use"),
    VaultBeingUpgraded: _say("being_upgraded"),
    KeptCopy: lambda exc, language: _w("kept_copy", language, folder=exc.folder),
    UpgradeFailed: lambda exc, language: _w("upgrade_failed", language, **_because(exc, language)),
    SaveFailed: lambda exc, language: _w("save_failed", language, **_because(exc, language)),
    CopyNotWritten: _copy_not_written,
    KeyChangeFailed: lambda exc, language: _w("key_change_failed", language, **_because(exc, language)),
    CannotOpen: lambda exc, language: _w("cannot_open", language, **_because(exc, language)),
}


def error_message(exc: VaultError, language: str, *, screen: bool = True) -> str:
    """``exc``'s message in ``language``. ``screen=False``: for the command line, where no typed
    text waits on a screen (a failed save says to run the command again instead)."""
    if isinstance(exc.given, Said):
        return exc.given.text(language)
    if exc.given and language == "en":
        return exc.given
    if not screen and type(exc) is SaveFailed:
        return _w("save_failed_no_screen", language, **_because(exc, language))
    for cls in type(exc).__mro__:
        words = ERROR_WORDS.get(cls)
        if words is not None:
            return words(exc, language)
    return exc.given or ""


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
