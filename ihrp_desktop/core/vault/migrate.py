"""Bringing a vault's schema to the program's revision with Alembic, on the already-keyed connection.

At an ordinary open the stored revision equals ``SCHEMA_HEAD`` and Alembic is not even imported.
An older vault is first copied (encrypted) into ``<vault>/pre-migration-<rev>-<UTC time>/``, then
upgraded in one SQLite transaction, so a failed migration leaves the vault as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from .backup import export_copy
from .errors import DamagedVault, Said, VaultFromNewerVersion
from .keyfile import DataKey
from .schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS_DIR = Path(__file__).resolve().parent / "migrations"


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
    """Upgrade to the head revision; an existing vault is copied first. Returns the copy's folder, if any."""
    copy = pre_migration_copy(engine, key, vault_dir, current) if current is not None else None
    upgrade(engine, scripts or SCRIPTS_DIR)
    return copy
