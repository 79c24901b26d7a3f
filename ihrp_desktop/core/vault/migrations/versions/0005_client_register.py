"""The Spanish register per client: ``clients.register``, 'informal' (tú) or 'formal' (usted).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

Every client keeps its row, id and uid and starts 'informal': the shipped Spanish was written in tú,
so a vault from before this revision prints exactly what it printed. No CHECK: the code checks the
value against ``core.vocabulary.Register``, as it does languages (0004).
Written out by hand (not from the ORM) so it stays what it was when later revisions change the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("register", sa.String(16), nullable=False, server_default="informal"))


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("register")
