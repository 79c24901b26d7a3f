"""The first vault schema: clients, sessions, worksheets, revisions, audit events.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written out by hand (not from the ORM) so it stays what it was when later revisions change the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("language IN ('en', 'es')", name="ck_clients_language"),
    )
    op.create_index("ix_clients_name_key", "clients", ["name_key"])

    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client_id", sa.Integer(), sa.ForeignKey("clients.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_sessions_client_date", "sessions", ["client_id", "date"])

    op.create_table(
        "worksheets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client_id", sa.Integer(), sa.ForeignKey("clients.id"), nullable=False),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("sessions.id"), nullable=False),
        sa.Column("form_id", sa.Text(), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("filled_by", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("previous_id", sa.Integer(), sa.ForeignKey("worksheets.id"), nullable=True),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'reviewed')", name="ck_worksheets_status"),
        sa.CheckConstraint(
            "filled_by IN ('together', 'client', 'therapist')", name="ck_worksheets_filled_by"
        ),
        sa.CheckConstraint("language IN ('en', 'es')", name="ck_worksheets_language"),
    )
    op.create_index("ix_worksheets_client", "worksheets", ["client_id", "created_at"])
    op.create_index("ix_worksheets_session", "worksheets", ["session_id"])
    op.create_index("ix_worksheets_previous", "worksheets", ["previous_id"])

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("worksheet_id", sa.Integer(), sa.ForeignKey("worksheets.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.String(32), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("worksheet_id", "number", name="uq_revisions_worksheet_number"),
    )

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("worksheet_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_events", "revisions", "worksheets", "sessions", "clients"):
        op.drop_table(table)
