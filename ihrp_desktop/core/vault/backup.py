"""Encrypted backups made while the vault is open, and restoring one into a new folder.

A backup is itself a vault folder (vault.key + vault.db): it opens with the passphrase that was
valid when it was made. It is built in ``<out>.incomplete-<random>`` and renamed only when complete
and fsynced, so a crash leaves any earlier backup intact and the partial one plainly marked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine

from .. import file_guard
from ..durable import copy_private, create_private, make_private_dirs
from ..file_guard import NOT_A_FOLDER, NOT_A_FOLDER_OTHER, RefusedTarget, checked_folder, holds_vault
from .errors import CopyNotWritten, DamagedVault, NotAVault, Said, VaultError, VaultExists, save_reason
from .files import DB_FILE, KEY_FILE, incomplete_sibling, publish_dir, remove_tree, side_files
from .keyfile import DataKey

HOLDS_FILES = "That folder holds other files. Nothing was overwritten; choose a new or empty folder."
# The guard's refusals of a folder, by the catalogue key that words them in every language
# (``vault.refused.*``; the English is the guard's own sentence: tests/core/test_words.py).
REFUSED_KEYS: dict[str, str] = {
    file_guard.IS_VAULT: "",  # VaultExists's own words
    NOT_A_FOLDER: "refused.not_a_folder",
    NOT_A_FOLDER_OTHER: "refused.not_a_folder_other",
    file_guard.IN_VAULT: "refused.in_vault",
    file_guard.IN_BACKUPS: "refused.in_backups",
    file_guard.EMPTY_FOLDER: "refused.empty_folder",
    file_guard.IS_LINK_FOLDER: "refused.is_link_folder",
    HOLDS_FILES: "refused.holds_files",
}


def _refused(message: str) -> Said | None:
    key = REFUSED_KEYS.get(message)
    return Said(key) if key else None


def _refuse_existing(target: Path) -> None:
    """Something is there already: never overwritten, and the message says what it is."""
    if not target.exists():
        return
    if not target.is_dir():
        raise VaultExists(_refused(NOT_A_FOLDER if target.is_file() else NOT_A_FOLDER_OTHER))
    if holds_vault(target):
        raise VaultExists()
    if any(target.iterdir()):
        raise VaultExists(_refused(HOLDS_FILES))


def refuse_vault_places(target: str | os.PathLike[str], *, new_vault: bool = False) -> None:
    """A folder a person named for a backup, a restored or a new vault (``new_vault``: not even in a
    vault's backups folder): never in or over a vault, never over anything (file_guard)."""
    try:
        checked_folder(target, in_backups=not new_vault)
    except RefusedTarget as exc:
        if exc.message in (file_guard.IS_VAULT, NOT_A_FOLDER, NOT_A_FOLDER_OTHER):
            # Something is there already: never overwritten.
            raise VaultExists(_refused(exc.message)) from None
        raise VaultError(_refused(exc.message) or exc.message) from None
    _refuse_existing(Path(target).absolute())


def _publish(work: Path, target: Path) -> None:
    _refuse_existing(target)  # again: something may have appeared while we worked; never overwrite it
    if target.exists():
        target.rmdir()  # an empty folder the person chose: replaced by the finished copy
    publish_dir(work, target)


def _work_folder(target: Path, what: str) -> Path:
    """The private folders above ``target`` and the work folder a copy is written into before it is
    renamed to ``target``; a folder that cannot be made is CopyNotWritten naming ``what``."""
    try:
        make_private_dirs(target.parent)
        return incomplete_sibling(target)
    except OSError as exc:
        raise CopyNotWritten(exc, what, str(target.parent)) from None


def export_copy(engine: Engine, key: DataKey, vault_dir: Path, out_dir: str | os.PathLike[str]) -> Path:
    """Write a consistent encrypted copy of the open vault to ``out_dir`` (which must not exist yet)."""
    out = Path(out_dir).absolute()
    _refuse_existing(out)
    work = _work_folder(out, "backup")
    try:
        # Made here, 0600, so SQLite writes into it instead of creating it with its own mode (0644).
        os.close(create_private(work / DB_FILE))
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            # sqlcipher_export copies schema, rows and user_version in one statement, i.e. one
            # consistent snapshot, even while others write. Path and key are bound parameters, so any
            # character in a folder name is safe; the key is the same raw key (hex literal).
            raw.execute("ATTACH DATABASE ? AS backup KEY ?", (str(work / DB_FILE), key.sql_literal()))
            try:
                raw.execute("SELECT sqlcipher_export('backup')").fetchall()
            finally:
                try:
                    raw.execute("DETACH DATABASE backup")
                except Exception:
                    conn.invalidate()  # never hand a connection with a stray attachment back to the pool
        copy_private(vault_dir / KEY_FILE, work / KEY_FILE)
        _publish(work, out)
    except BaseException as exc:
        _failed(work, exc, "backup", out.parent, any_os_error=False)
    return out


def _failed(work: Path, exc: BaseException, what: str, folder: Path, *, any_os_error: bool) -> NoReturn:
    """After a failed copy: its work folder removed; a write the system refused (any OSError with
    ``any_os_error``) becomes CopyNotWritten naming ``what`` and ``folder``, anything else goes on."""
    remove_tree(work)
    orig = getattr(exc, "orig", exc)
    if isinstance(exc, VaultError) or not isinstance(exc, Exception):
        raise exc
    if save_reason(orig) is None and not (any_os_error and isinstance(exc, OSError)):
        raise exc
    raise CopyNotWritten(orig, what, str(folder)) from None


def check_copyable(vault_dir: Path) -> None:
    """Checks a vault folder can be copied file by file: both files there, no open connection's side files."""
    key_path, db_path = vault_dir / KEY_FILE, vault_dir / DB_FILE
    if vault_dir.exists() and not vault_dir.is_dir():
        raise NotAVault(Said("reason.backup_is_file", path=vault_dir))
    if not key_path.is_file() and not db_path.is_file():
        raise NotAVault()
    missing = [name for name, p in ((KEY_FILE, key_path), (DB_FILE, db_path)) if not p.is_file()]
    if missing:
        raise DamagedVault([Said("problem.backup_missing", name=name) for name in missing])
    if side_files(db_path):
        raise VaultError(Said("reason.open_copy"))


def copy_vault_files(source_dir: Path, target_dir: str | os.PathLike[str]) -> Path:
    """Copy vault.key and vault.db into a new folder, atomically (work folder, fsync, rename)."""
    target = Path(target_dir).absolute()
    refuse_vault_places(target)
    work = _work_folder(target, "restored vault")
    try:
        for name in (KEY_FILE, DB_FILE):
            copy_private(source_dir / name, work / name)
        _publish(work, target)
    except BaseException as exc:
        _failed(work, exc, "restored vault", target.parent, any_os_error=True)
    return target
