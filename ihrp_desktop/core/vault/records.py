"""What the vault hands out: frozen snapshots, never live ORM objects.

A snapshot stays valid after its database session is gone, can cross threads, and cannot write
to the vault by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True)
class ClientInfo:
    """A client of the practice."""

    id: int
    name: str
    language: str
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    register: str = "informal"  # vocabulary.Register: how their Spanish worksheets address them


@dataclass(frozen=True)
class SessionInfo:
    """A therapy session (a calendar date) of one client; ``number`` is its 1-based order for that client."""

    id: int
    client_id: int
    date: dt.date
    note: str
    number: int


@dataclass(frozen=True)
class WorksheetInfo:
    """A worksheet without its answers (cheap to list).

    ``previous_id`` is the plan version this one revises; ``version_number`` is its 1-based place in
    that chain of plan versions.
    """

    id: int
    client_id: int
    session_id: int
    session_date: dt.date
    form_id: str
    form_version: int
    status: str
    filled_by: str
    language: str
    created_at: dt.datetime
    updated_at: dt.datetime
    previous_id: int | None
    version_number: int


@dataclass(frozen=True)
class Worksheet(WorksheetInfo):
    """A worksheet with its latest answers (a fresh dict for every call; every key kept as stored)."""

    values: dict[str, Any] = field(default_factory=dict)


class RevisionInfo(NamedTuple):
    """One saved revision of a worksheet's answers; unpacks as ``(number, saved_at)``."""

    number: int
    saved_at: dt.datetime


@dataclass(frozen=True)
class AuditEventInfo:
    """One entry of the vault's audit trail; ``actor``: account and program part ('' before schema 0002)."""

    id: int
    at: dt.datetime
    action: str
    client_id: int | None
    worksheet_id: int | None
    detail: str
    actor: str = ""
