"""The practice profile: the practice's name and phone, the help lines to print, paper, confirmation.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

One row (id 1), created empty when first saved. Self-contained: it only adds a table, so it can be
renumbered after other revisions without change beyond ``revision``/``down_revision``.
Written out by hand (not from the ORM) so it stays what it was when later revisions change the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_profile",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("crisis_label", sa.Text(), nullable=False),
        sa.Column("crisis_number", sa.Text(), nullable=False),
        sa.Column("poison_label", sa.Text(), nullable=False),
        sa.Column("poison_number", sa.Text(), nullable=False),
        sa.Column("paper", sa.String(8), nullable=False),
        sa.Column("confirmed_at", sa.String(32), nullable=True),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_practice_profile_one_row"),
        sa.CheckConstraint("paper IN ('letter', 'a4')", name="ck_practice_profile_paper"),
    )


def downgrade() -> None:
    op.drop_table("practice_profile")
