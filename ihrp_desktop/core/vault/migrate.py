"""Bringing a vault's schema to the program's revision with Alembic, on the already-keyed connection.

At an ordinary open the stored revision equals ``SCHEMA_HEAD`` and Alembic is not even imported.
An older vault is first copied (encrypted) into ``<vault>/pre-migration-<rev>-<UTC time>/``, then
upgraded in one SQLite transaction, so a failed migration leaves the vault as it was. The upgrade runs
under the folder's exclusive lock (``upgrade_alone``), so two openers never upgrade at once; a failed
upgrade removes the copy it made and says why (UpgradeFailed). A copy's work folder left by a killed
run is swept at the next open (``sweep_killed_copies``); a kept copy is never opened (``is_kept_copy``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from ..file_guard import holds_vault
from .backup import export_copy
from .errors import (
    DamagedVault,
    Said,
    SaveFailed,
    UpgradeFailed,
    VaultBeingUpgraded,
    VaultFromNewerVersion,
    VaultInUse,
    save_reason,
)
from .files import remove_tree
from .keyfile import DataKey
from .lock import VaultLock
from .schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS_DIR = Path(__file__).resolve().parent / "migrations"
COPY_PREFIX = "pre-migration-"
# export_copy's work folder for a pre-migration copy (files.incomplete_sibling names it).
_KILLED_COPY = re.compile(re.escape(COPY_PREFIX) + r"[^/\\]+\.incomplete-[A-Za-z0-9_-]+")
_STARTED = time.time()  # work folders older than this run are no one's work now
# Another opener waits this long (tries x pause) for an upgrade to end before VaultBeingUpgraded.
UPGRADE_TRIES, UPGRADE_PAUSE = 40, 0.25


def _config(scripts: Path) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    return config


def script_head(scripts: Path = SCRIPTS_DIR) -> str:
    """The newest revision among the Alembic scripts (a test checks it equals SCHEMA_HEAD)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config(scripts)).get_current_head()
    if head is None:
        raise RuntimeError("the vault migration scripts have no head")
    return head


def _known(scripts: Path, revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(_config(scripts)).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def pre_migration_copy(engine: Engine, key: DataKey, vault_dir: Path, revision: str) -> Path:
    """The automatic encrypted copy taken before upgrading a vault from ``revision``."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return export_copy(engine, key, vault_dir, vault_dir / f"pre-migration-{revision}-{stamp}")


def upgrade(engine: Engine, scripts: Path = SCRIPTS_DIR) -> None:
    """Run every pending migration in one transaction on a keyed engine."""
    from alembic import command

    config = _config(scripts)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        # Batch migrations rebuild tables; with foreign keys on, dropping the old table would fail or
        # cascade. They are switched off outside the transaction and checked before commit.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError("a migration left rows pointing at nothing; it was rolled back")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def needs_upgrade(current: str | None, *, new_vault: bool = False, scripts: Path | None = None) -> bool:
    """Decide, before anything is written, whether the schema must be upgraded.

    Raises VaultFromNewerVersion for a revision this program does not know, and DamagedVault for
    an existing vault without schema. ``scripts`` (another Alembic folder) exists for tests that
    add a revision; normally it is None.
    """
    if scripts is None and current == SCHEMA_HEAD:
        return False  # the everyday case: no Alembic import, no work
    scripts = scripts or SCRIPTS_DIR
    if current is None:
        if not new_vault:
            raise DamagedVault([Said("problem.db_no_tables")])
        return True
    if not _known(scripts, current):
        raise VaultFromNewerVersion()
    return current != script_head(scripts)


def upgrade_with_copy(
    engine: Engine, key: DataKey, vault_dir: Path, current: str | None, *, scripts: Path | None = None
) -> Path | None:
    """Upgrade to the head revision; an existing vault is copied first. Returns the copy's folder, if any.

    For an existing vault a write that fails (disk full, ...) is UpgradeFailed, and the copy this
    call made is removed: the vault was rolled back, so each try does not leave another full copy.
    """
    if current is None:  # a new vault: Vault.create says what failed
        upgrade(engine, scripts or SCRIPTS_DIR)
        return None
    copy: Path | None = None
    try:
        copy = pre_migration_copy(engine, key, vault_dir, current)  # removes its own work folder
        upgrade(engine, scripts or SCRIPTS_DIR)
    except BaseException as exc:
        if copy is not None:
            remove_tree(copy)
        if isinstance(exc, SaveFailed):  # the copy could not be written (CopyNotWritten)
            raise UpgradeFailed(exc.reason) from None
        reason = save_reason(getattr(exc, "orig", exc)) if isinstance(exc, Exception) else None
        if reason is None:
            raise
        raise UpgradeFailed(reason) from None
    return copy


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def upgrade_alone(
    engine: Engine, key: DataKey, vault_dir: Path, lock: VaultLock, *, scripts: Path | None = None
) -> tuple[str | None, Path | None]:
    """Upgrade an existing vault under the folder's exclusive lock; the lock is left as it was.

    The revision is read again once the lock is held: another window or command may have upgraded
    the vault meanwhile (then nothing is done). Returns (the revision upgraded from, the copy), or
    (None, None). VaultBeingUpgraded when the lock cannot be had for a while.
    """
    held = lock.mode
    for _ in range(UPGRADE_TRIES):
        if held == "exclusive" or lock.attempt(exclusive=True):
            try:
                current = _revision(engine)
                if not needs_upgrade(current, scripts=scripts):
                    return None, None
                return current, upgrade_with_copy(engine, key, vault_dir, current, scripts=scripts)
            finally:
                if held == "shared":
                    lock.downgrade()
        # Refused: another opener holds the vault (maybe trying the same). Back at shared, it may be
        # done; else let go for a random moment, so that one of two openers gets it alone.
        if lock.attempt(exclusive=False):
            if not needs_upgrade(_revision(engine), scripts=scripts):
                return None, None
            lock.release()
        time.sleep(UPGRADE_PAUSE * random.uniform(0.2, 1.0))
    raise VaultBeingUpgraded()  # the caller lets go of the vault


def being_upgraded(db_path: Path, key: DataKey, driver: ModuleType, scripts: Path | None) -> bool:
    """Whether a vault whose lock another process holds alone is old, i.e. is being upgraded (read-only)."""
    from .engine import check_database

    try:
        return needs_upgrade(check_database(db_path, key, driver, full=False), scripts=scripts)
    except Exception:  # unreadable mid-write: say "in use", as for a key change
        return False


def wait_for_upgrade(lock: VaultLock) -> None:
    """Take the shared lock once another process's upgrade has ended; VaultBeingUpgraded after a while."""
    for _ in range(UPGRADE_TRIES):
        time.sleep(UPGRADE_PAUSE)
        try:
            lock.shared()
            return
        except VaultInUse:
            continue
    raise VaultBeingUpgraded()


def is_kept_copy(folder: Path) -> bool:
    """A pre-migration copy where the program keeps it: ``<vault>/pre-migration-*`` (or its work folder)."""
    return folder.name.startswith(COPY_PREFIX) and holds_vault(folder.parent)


def sweep_killed_copies(vault_dir: Path) -> list[str]:
    """Remove pre-migration work folders a killed run left (never a finished copy); their names.

    Called with the folder lock held: upgrades take it exclusively, so no live run is writing one;
    a folder changed during this run is left alone all the same.
    """
    removed: list[str] = []
    try:
        found = [p for p in vault_dir.iterdir() if _KILLED_COPY.fullmatch(p.name) and p.is_dir()]
        for work in found:
            if work.stat().st_mtime < _STARTED and not work.is_symlink():
                remove_tree(work)
                removed.append(work.name)
    except OSError:
        pass  # a read-only place: the open goes on, the leftovers stay as they were
    return removed
