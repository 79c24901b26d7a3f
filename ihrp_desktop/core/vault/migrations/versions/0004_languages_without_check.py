"""Languages out of the schema: the CHECK constraints on ``clients.language`` and ``worksheets.language`` go.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

The program checks a language against ``core.vocabulary.Language`` before it writes one, so adding a
language needs no table rebuild. SQLite cannot drop a constraint: each table is rebuilt (batch mode)
with the same columns, rows, ids, uids, indexes and the other CHECK constraints (status, filled_by).
Written out by hand (not from the ORM) so it stays what it was when later revisions change the models.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The constraints as 0001 named them. Batch mode reflects the table (its other CHECK constraints
# included) and rebuilds it without the one dropped.
_CHECKS = {"clients": "ck_clients_language", "worksheets": "ck_worksheets_language"}


def upgrade() -> None:
    for table, name in _CHECKS.items():
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(name, type_="check")


def downgrade() -> None:
    for table, name in _CHECKS.items():
        with op.batch_alter_table(table) as batch:
            batch.create_check_constraint(name, "language IN ('en', 'es')")
