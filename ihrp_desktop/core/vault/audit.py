"""The audit trail inside the vault, as a SHA-256 hash chain.

Each event's hash covers its own fields and the previous event's hash, so changing, removing or
reordering an event breaks the chain and ``verify`` reports it. (Removing the newest events
leaves a valid, shorter chain; the chain proves the order and content of what is there.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from ..actor import current as current_actor
from ..vocabulary import AuditAction
from .errors import RecordNotFound, Said, SaveFailed
from .keyfile import DataKey
from .records import AuditEventInfo
from .schema import AuditEvent, utc_now
from .schema import Worksheet as WorksheetRow
from .store import Store

GENESIS = "0" * 64
_ACTION_RE = re.compile(r"^[a-z][a-z_]{0,39}$")
# The program's own actions are vocabulary.AuditAction; callers may add others of the same shape.
# Key-file wrap kind -> the event its change is recorded as (at the next unlock: see record_key_changes).
_KEY_CHANGE_ACTIONS = {"passphrase": AuditAction.PASSPHRASE_CHANGED,
                       "recovery": AuditAction.RECOVERY_KEY_REPLACED}


def iso(at: dt.datetime) -> str:
    """The exact text a timestamp is stored as (see schema.UtcTimestamp)."""
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def event_hash(
    prev_hash: str,
    event_id: int,
    at: str,
    action: str,
    client_id: int | None,
    worksheet_id: int | None,
    detail: str,
    actor: str = "",
) -> str:
    """SHA-256 over the previous hash and one event's fields (a JSON list: no field bleeds into another).

    ``actor`` is covered when it is not empty; events written before it existed (schema 0001) hold ''
    and keep the hash they were written with.
    """
    fields: list[Any] = [prev_hash, event_id, at, action, client_id, worksheet_id, detail]
    if actor:
        fields.append(actor)
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def stored_rows(execute: Any) -> list[Sequence[Any]]:
    """Every audit row as stored (text exactly as written), oldest first, for ``chain_problems``.

    ``execute`` runs SQL and returns rows (a DBAPI connection's ``execute`` or SQLAlchemy's
    ``exec_driver_sql``). A vault of schema 0001 has no actor column: its events read as ''.
    """
    columns = {str(row[1]) for row in execute("PRAGMA table_info(audit_events)").fetchall()}
    actor = "actor" if "actor" in columns else "''"
    return list(
        execute(
            f"SELECT id, at, action, client_id, worksheet_id, detail, {actor}, prev_hash, hash "
            "FROM audit_events ORDER BY id"
        ).fetchall()
    )


def chain_problems(rows: Iterable[Sequence[Any]]) -> list[str]:
    """Plain-words problems of stored audit rows (from ``stored_rows``).

    Rows are ``(id, at, action, client_id, worksheet_id, detail, actor, prev_hash, hash)``.

    ``at`` must be the stored text, exactly as written.
    """
    problems: list[str] = []
    prev = GENESIS
    for row in rows:
        event_id, at, action, client_id, worksheet_id, detail, actor, prev_hash, stored = row
        if prev_hash != prev:
            problems.append(Said("problem.audit_broken", id=event_id))
        expected = event_hash(
            prev_hash, event_id, str(at), action, client_id, worksheet_id, detail or "", actor or ""
        )
        if stored != expected:
            problems.append(Said("problem.audit_changed", id=event_id))
        prev = stored
    return problems


def append_event(
    session: OrmSession,
    action: str,
    *,
    client_id: int | None = None,
    worksheet_id: int | None = None,
    detail: str = "",
    actor: str | None = None,
) -> int:
    """Add one event inside the caller's write transaction (so it commits with the change it records).

    ``actor`` defaults to this process's (``core.actor.current``: account and program part).
    """
    if not _ACTION_RE.match(action):
        raise ValueError("an audit action is a short lower-case word such as 'printed'")
    action = str(action)  # an AuditAction is stored and hashed as its plain text
    who = current_actor() if actor is None else actor
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    # The id is chosen here (not by SQLite) because the hash covers it; the write lock makes it safe.
    event_id = (last[0] + 1) if last else 1
    prev = last[1] if last else GENESIS
    at = utc_now()
    session.add(
        AuditEvent(
            id=event_id,
            at=at,
            action=action,
            client_id=client_id,
            worksheet_id=worksheet_id,
            detail=detail,
            actor=who,
            prev_hash=prev,
            hash=event_hash(prev, event_id, iso(at), action, client_id, worksheet_id, detail, who),
        )
    )
    session.flush()
    return event_id


class AuditTrail(Store):
    """Audit methods of ``Vault``."""

    def __init__(self, path: Path, engine: Engine, key: DataKey):
        super().__init__(path, engine, key)
        # Worksheets opened on screen whose first change is not yet recorded ('edited', once per opening).
        self._editing_sessions: set[int] = set()

    def record(
        self, action: str, *, client_id: int | None = None, worksheet_id: int | None = None, detail: str = ""
    ) -> int:
        """Add an audit event (printed, exported, backed_up, restored, unlocked, ...); returns its id."""
        with self._write() as session:
            return append_event(
                session, action, client_id=client_id, worksheet_id=worksheet_id, detail=detail
            )

    def record_failed_unlocks(self, count: int) -> None:
        """Write down failed unlock attempts, after the next successful unlock (a failed one cannot write)."""
        if count > 0:
            detail = f"{count} failed unlock attempt(s) before this unlock"
            self.record(AuditAction.FAILED_UNLOCK, detail=detail)

    def record_key_changes(self, wraps: Iterable[dict[str, Any]]) -> None:
        """Record passphrase / recovery-key changes that key files of earlier versions mark, once each.

        Earlier versions changed only vault.key and marked the new wrap there; the first unlock after it
        writes the event here (a failed write is retried at the next unlock). Key changes now write their
        event inside the re-encrypted database (rotation.py); this only reads marks older files carry.
        """
        for wrap in wraps:
            change_id, action = wrap.get("change_id"), _KEY_CHANGE_ACTIONS.get(str(wrap.get("kind")))
            if not isinstance(change_id, str) or action is None:
                continue
            detail = f"changed {wrap.get('changed_at')} (change {change_id})"
            try:
                with self._write() as session:
                    seen = session.scalar(
                        select(AuditEvent.id)
                        .where(AuditEvent.action == action, AuditEvent.detail == detail)
                        .limit(1)
                    )
                    if seen is None:
                        append_event(session, action, detail=detail)
            except SaveFailed:
                pass  # the key change itself is done; it is written down at the next unlock

    def audit_events(
        self,
        *,
        client_id: int | None = None,
        worksheet_id: int | None = None,
        limit: int | None = None,
        since: dt.datetime | None = None,
    ) -> list[AuditEventInfo]:
        """Audit events, oldest first; optionally about one client or worksheet, from ``since`` on
        (an aware datetime), or the newest ``limit``."""
        query = select(AuditEvent)
        if client_id is not None:
            query = query.where(AuditEvent.client_id == client_id)
        if worksheet_id is not None:
            query = query.where(AuditEvent.worksheet_id == worksheet_id)
        if since is not None:
            query = query.where(AuditEvent.at >= since)  # stored as UTC text, which sorts as time does
        query = query.order_by(AuditEvent.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self._read() as session:
            events = [
                AuditEventInfo(e.id, e.at, e.action, e.client_id, e.worksheet_id, e.detail, e.actor or "")
                for e in session.scalars(query)
            ]
        return events[::-1]

    def audit_chain_problems(self) -> list[str]:
        """The hash chain's problems in plain words ([] when intact), as ``verify`` checks it."""
        with self._read() as session:
            rows = stored_rows(session.connection().exec_driver_sql)
        return chain_problems(rows)

    def record_opened(self, worksheet_id: int) -> int:
        """A worksheet was opened on screen: one 'opened' event, and a new editing session begins
        (its first saved change is recorded once as 'edited', see ``save_values``)."""
        with self._write() as session:
            row = session.get(WorksheetRow, worksheet_id)
            if row is None:
                raise RecordNotFound("worksheet")
            event = append_event(
                session, AuditAction.OPENED, client_id=row.client_id, worksheet_id=worksheet_id
            )
        self._editing_sessions.add(worksheet_id)
        return event
