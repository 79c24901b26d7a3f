"""A vault at an earlier schema, made the way the program's own migrations would read it: a vault at the
head taken back by the shipped scripts' own downgrade (tests/core/vault/test_migrations.py and others)."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from ihrp_desktop.core.vault import unlock_key
from ihrp_desktop.core.vault.migrate import SCRIPTS_DIR


def downgrade_to(folder: Path, revision: str, passphrase: str) -> None:
    """Take a closed vault back to schema ``revision`` with the shipped scripts' own downgrade."""
    from alembic import command

    from ihrp_desktop.core.vault.engine import make_engine
    from ihrp_desktop.core.vault.migrate import _config

    engine = make_engine(folder / "vault.db", unlock_key(folder, passphrase), sqlcipher3)
    config = _config(SCRIPTS_DIR)
    try:
        with engine.connect() as conn:
            # Batch rebuilds drop tables: foreign keys off, outside the transaction (as migrate does).
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            with conn.begin():
                config.attributes["connection"] = conn
                command.downgrade(config, revision)
    finally:
        engine.dispose()
    Path(folder / "vault.db-wal").unlink(missing_ok=True)
    Path(folder / "vault.db-shm").unlink(missing_ok=True)
