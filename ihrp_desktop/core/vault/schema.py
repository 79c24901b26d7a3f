"""The vault's tables as a typed SQLAlchemy 2 ORM.

Values are JSON text (never pickles). Timestamps are UTC, stored as ISO 8601 text so they sort as
text and read the same in any tool. Changing anything here needs a new Alembic revision in
``migrations/versions`` and a new ``SCHEMA_HEAD``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..vocabulary import DEFAULT_LANGUAGE, DEFAULT_REGISTER, FilledBy, Status

# The newest Alembic revision this program knows. Compared with the database at every open so that
# Alembic is imported only when a migration is actually needed (a test checks it equals the script head).
SCHEMA_HEAD = "0005"


def utc_now() -> dt.datetime:
    """The current time in UTC (aware)."""
    return dt.datetime.now(dt.UTC)


def utc_text(value: dt.datetime) -> str:
    """How a moment is stored: UTC ISO 8601 text (sorts as time does)."""
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_utc_text(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


class UtcTimestamp(TypeDecorator[dt.datetime]):
    """An aware datetime stored as UTC ISO 8601 text, e.g. ``2025-01-31T09:00:00.000000+00:00``."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else utc_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else from_utc_text(value)


def new_uid() -> str:
    """A record's stable id: a random UUID that stays with it through export and import."""
    return str(uuid.uuid4())


def _in(column: str, allowed: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(str(a)) for a in allowed)})"


class Base(DeclarativeBase):
    pass


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_name_key", "name_key"),
        Index("ux_clients_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable across export and import (see exchange): the same record is recognised, not duplicated.
    uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    name: Mapped[str] = mapped_column(Text)
    # clients.search_key(name), case and accents folded in Python: SQLite's lower()/LIKE fold ASCII only.
    name_key: Mapped[str] = mapped_column(Text)
    # No CHECK on languages (since 0003): the code checks them against vocabulary.Language, so a
    # new language needs no table rebuild.
    language: Mapped[str] = mapped_column(String(8), default=DEFAULT_LANGUAGE.value)
    # vocabulary.Register (since 0005): tú or usted in their Spanish worksheets; checked by the code.
    register: Mapped[str] = mapped_column(String(16), default=DEFAULT_REGISTER.value,
                                          server_default=DEFAULT_REGISTER.value)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())


class Session(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_client_date", "client_id", "date"),
        Index("ux_sessions_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable across export and import (see exchange): the same record is recognised, not duplicated.
    uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())


class Worksheet(Base):
    __tablename__ = "worksheets"
    __table_args__ = (
        CheckConstraint(_in("status", tuple(Status)), name="ck_worksheets_status"),
        CheckConstraint(_in("filled_by", tuple(FilledBy)), name="ck_worksheets_filled_by"),
        Index("ix_worksheets_client", "client_id", "created_at"),
        Index("ix_worksheets_session", "session_id"),
        Index("ix_worksheets_previous", "previous_id"),
        Index("ux_worksheets_uid", "uid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable across export and import (see exchange): the same record is recognised, not duplicated.
    uid: Mapped[str] = mapped_column(String(36), default=new_uid)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"))
    form_id: Mapped[str] = mapped_column(Text)
    form_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=Status.DRAFT.value)
    filled_by: Mapped[str] = mapped_column(String(16), default=FilledBy.TOGETHER.value)
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
    # The plan version this one revises (IHRP plans are tried, tested and revised).
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("worksheets.id"), nullable=True)
    values_json: Mapped[str] = mapped_column(Text, default="{}")


class Revision(Base):
    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("worksheet_id", "number", name="uq_revisions_worksheet_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worksheet_id: Mapped[int] = mapped_column(ForeignKey("worksheets.id"))
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
    values_json: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
    action: Mapped[str] = mapped_column(String(40))
    # Plain integers, not foreign keys: the trail must outlive anything it mentions.
    client_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    worksheet_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    # Who acted: the account and the part of the program ('' before schema 0002).
    actor: Mapped[str] = mapped_column(Text, default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PracticeProfile(Base):
    """The practice's profile: one row (id 1). What the take-home papers print at the foot and in the
    safety section (core.practice.Practice is the printed view)."""

    __tablename__ = "practice_profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="ck_practice_profile_one_row"),
        CheckConstraint("paper IN ('letter', 'a4')", name="ck_practice_profile_paper"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(8), default="")
    crisis_label: Mapped[str] = mapped_column(Text, default="")
    crisis_number: Mapped[str] = mapped_column(Text, default="")
    poison_label: Mapped[str] = mapped_column(Text, default="")
    poison_number: Mapped[str] = mapped_column(Text, default="")
    paper: Mapped[str] = mapped_column(String(8), default="letter")
    # When the person last confirmed the printed lines; cleared whenever a line changes.
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UtcTimestamp(), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcTimestamp())
