"""Stable record ids and who acted: a ``uid`` on clients, sessions and worksheets; ``actor`` on audit events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

``uid`` is a random UUID (text) that stays with a record through export and import, so importing
a record the vault already holds can be recognised instead of duplicated. Existing rows get one
here. ``actor`` says who acted (account and program part); events written before it hold ''.
Written out by hand (not from the ORM) so it stays what it was when later revisions change the models.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_UID_TABLES = ("clients", "sessions", "worksheets")


def upgrade() -> None:
    conn = op.get_bind()
    for table in _UID_TABLES:
        # Added without NOT NULL (SQLite's ALTER cannot add one without a constant default), filled,
        # then the batch rebuild makes it NOT NULL.
        op.add_column(table, sa.Column("uid", sa.String(36), nullable=True))
        ids = [row[0] for row in conn.exec_driver_sql(f"SELECT id FROM {table}")]
        if ids:
            conn.exec_driver_sql(
                f"UPDATE {table} SET uid = ? WHERE id = ?", [(str(uuid.uuid4()), i) for i in ids]
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        op.create_index(f"ux_{table}_uid", table, ["uid"], unique=True)
    op.add_column("audit_events", sa.Column("actor", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("actor")
    for table in reversed(_UID_TABLES):
        op.drop_index(f"ux_{table}_uid", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("uid")
