"""Alembic environment for the vault: always runs on the connection the vault already opened.

The vault is encrypted, so Alembic must never open the database itself (it does not have the key);
``core.vault.migrate`` passes the keyed connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from ihrp_desktop.core.vault.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "vault migrations run only through ihrp_desktop.core.vault.migrate (they need the key)"
    )

# render_as_batch: SQLite cannot ALTER most things, batch mode rebuilds the table instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
