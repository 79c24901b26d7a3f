"""Worksheets, their revisions and plan chains (the repository part of ``Vault`` that holds the answers).

Every save is a revision; the worksheet row also keeps the latest answers so opening one is a single
read. A revised plan is a new worksheet whose ``previous_id`` points at the version it revises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import fields
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session as OrmSession

from ..vocabulary import AuditAction, FilledBy, Language, Status, checked
from .audit import append_event
from .clients import Clients, get_client, get_or_create_session
from .errors import AlreadyRevised, RecordNotFound
from .records import RevisionInfo, Worksheet, WorksheetInfo
from .schema import Revision, Session, from_utc_text, utc_now, utc_text
from .schema import Worksheet as WorksheetRow
from .store import dumps, loads

_INFO_COLUMNS = (
    WorksheetRow.id,
    WorksheetRow.client_id,
    WorksheetRow.session_id,
    Session.date,
    WorksheetRow.form_id,
    WorksheetRow.form_version,
    WorksheetRow.status,
    WorksheetRow.filled_by,
    WorksheetRow.language,
    WorksheetRow.created_at,
    WorksheetRow.updated_at,
    WorksheetRow.previous_id,
)


def _client_rows(session: OrmSession, client_id: int) -> list[Row[Any]]:
    query = (
        select(*_INFO_COLUMNS)
        .join(Session, Session.id == WorksheetRow.session_id)
        .where(WorksheetRow.client_id == client_id)
        .order_by(WorksheetRow.created_at, WorksheetRow.id)
    )
    return list(session.execute(query))


def _infos(rows: list[Row[Any]]) -> dict[int, WorksheetInfo]:
    """WorksheetInfo by id, oldest first, each with its place in its plan chain."""
    previous = {r.id: r.previous_id for r in rows}
    depth: dict[int, int] = {}

    def version(ws_id: int) -> int:
        # Iterative walk (chains can be long); link_previous keeps chains acyclic and inside one client.
        chain: list[int] = []
        current: int | None = ws_id
        while (
            current is not None
            and current not in depth
            and current in previous
            and len(chain) <= len(previous)
        ):
            chain.append(current)
            current = previous[current]
        base = depth.get(current, 0) if current is not None else 0
        for n, item in enumerate(reversed(chain), start=1):
            depth[item] = base + n
        return depth[ws_id]

    return {
        r.id: WorksheetInfo(
            id=r.id,
            client_id=r.client_id,
            session_id=r.session_id,
            session_date=r.date,
            form_id=r.form_id,
            form_version=r.form_version,
            status=r.status,
            filled_by=r.filled_by,
            language=r.language,
            created_at=r.created_at,
            updated_at=r.updated_at,
            previous_id=r.previous_id,
            version_number=version(r.id),
        )
        for r in rows
    }


def _load_infos(session: OrmSession, worksheet_id: int) -> tuple[WorksheetRow, dict[int, WorksheetInfo]]:
    row = session.get(WorksheetRow, worksheet_id)
    if row is None:
        raise RecordNotFound("worksheet")
    return row, _infos(_client_rows(session, row.client_id))


def _full(session: OrmSession, worksheet_id: int) -> Worksheet:
    row, infos = _load_infos(session, worksheet_id)
    info = infos[worksheet_id]
    return Worksheet(**{f.name: getattr(info, f.name) for f in fields(info)}, values=loads(row.values_json))


def _chain(infos: dict[int, WorksheetInfo], worksheet_id: int) -> list[WorksheetInfo]:
    """The plan chain through ``worksheet_id``, oldest to newest; where an older vault holds a fork
    (one version revised twice), the newer branch is followed."""
    chain = [infos[worksheet_id]]
    while chain[0].previous_id is not None and chain[0].previous_id in infos:
        chain.insert(0, infos[chain[0].previous_id])
    successors: dict[int, int] = {}
    for info in infos.values():  # oldest first, so the newest successor wins
        if info.previous_id is not None:
            successors[info.previous_id] = info.id
    while chain[-1].id in successors and len(chain) <= len(infos):
        chain.append(infos[successors[chain[-1].id]])
    return chain


def _refuse_a_second_next(session: OrmSession, previous_id: int) -> None:
    """AlreadyRevised, naming the plan's newest version, when ``previous_id`` has a next version."""
    taken = session.scalar(select(WorksheetRow.id).where(WorksheetRow.previous_id == previous_id).limit(1))
    if taken is not None:
        newest = _chain(_load_infos(session, previous_id)[1], previous_id)[-1]
        raise AlreadyRevised(newest.id, newest.version_number)


# save_values' statements, written once (see there why not the ORM)
_SQL_CURRENT = "SELECT values_json FROM worksheets WHERE id = ?"
_SQL_LAST_REVISION = (
    "SELECT id, number, saved_at, values_json FROM revisions WHERE worksheet_id = ?"
    " ORDER BY number DESC LIMIT 1"
)
_SQL_REPLACE_REVISION = "UPDATE revisions SET values_json = ?, saved_at = ? WHERE id = ?"
_SQL_ADD_REVISION = "INSERT INTO revisions (worksheet_id, number, saved_at, values_json) VALUES (?, ?, ?, ?)"
_SQL_SET_VALUES = "UPDATE worksheets SET values_json = ?, updated_at = ? WHERE id = ?"


class Worksheets(Clients):
    """Worksheet methods of ``Vault``."""

    def new_worksheet(
        self,
        client_id: int,
        form_id: str,
        form_version: int,
        *,
        session_id: int | None = None,
        values: dict[str, Any] | None = None,
        filled_by: str = FilledBy.TOGETHER,
        language: str | None = None,
        previous_id: int | None = None,
    ) -> Worksheet:
        """Start a worksheet (in today's session unless ``session_id`` is given); revision 1 holds ``values``.

        ``previous_id`` makes it a new version of that plan (see ``revise``).
        """
        text = dumps(dict(values or {}))
        filled_by = checked(filled_by, FilledBy, "filled_by").value
        with self._write() as session:
            client = get_client(session, client_id)
            lang = checked(language or client.language, Language, "language").value
            if session_id is None:
                session_id = get_or_create_session(session, client_id, dt.date.today())
            else:
                owner = session.get(Session, session_id)
                if owner is None or owner.client_id != client_id:
                    raise RecordNotFound("session")
            if previous_id is not None:
                prev = session.get(WorksheetRow, previous_id)
                if prev is None or prev.client_id != client_id:
                    raise RecordNotFound("worksheet")
                # A version has at most one next version. Checked inside this write transaction
                # (BEGIN IMMEDIATE: one writer across processes), so of two revisions at once exactly
                # one is made (tests/core/vault/test_one_next_version.py).
                _refuse_a_second_next(session, previous_id)
            now = utc_now()
            row = WorksheetRow(
                client_id=client_id,
                session_id=session_id,
                form_id=form_id,
                form_version=int(form_version),
                status=Status.DRAFT.value,
                filled_by=filled_by,
                language=lang,
                created_at=now,
                updated_at=now,
                previous_id=previous_id,
                values_json=text,
            )
            session.add(row)
            session.flush()
            session.add(Revision(worksheet_id=row.id, number=1, saved_at=now, values_json=text))
            append_event(
                session, AuditAction.CREATED, client_id=client_id, worksheet_id=row.id,
                detail=f"worksheet {form_id}",
            )
            session.flush()
            return _full(session, row.id)

    def worksheet(self, worksheet_id: int) -> Worksheet:
        """One worksheet with its latest answers; raises RecordNotFound."""
        with self._read() as session:
            return _full(session, worksheet_id)

    def worksheets(self, client_id: int) -> list[WorksheetInfo]:
        """The client's worksheets, newest first (without answers)."""
        with self._read() as session:
            get_client(session, client_id)
            return list(_infos(_client_rows(session, client_id)).values())[::-1]

    def latest_values(self, client_id: int, form_ids: Collection[str]) -> dict[int, dict[str, Any]]:
        """The latest answers of the client's worksheets of these kinds, by worksheet id, in one read
        (the progress charts read every charted worksheet of a client at once)."""
        with self._read() as session:
            get_client(session, client_id)
            query = select(WorksheetRow.id, WorksheetRow.values_json).where(
                WorksheetRow.client_id == client_id, WorksheetRow.form_id.in_(list(form_ids))
            )
            return {row.id: loads(row.values_json) for row in session.execute(query)}

    def all_worksheet_ids(self) -> list[int]:
        """Every worksheet id in the vault, ascending."""
        with self._read() as session:
            return list(session.scalars(select(WorksheetRow.id).order_by(WorksheetRow.id)))

    def save_values(self, worksheet_id: int, values: dict[str, Any], *, coalesce_seconds: float = 0.0) -> int:
        """Store the answers as given (every key kept), durable on return; returns the revision number.

        With ``coalesce_seconds`` > 0, a save that comes within that many seconds of the previous one
        replaces it instead of adding a revision (autosave while typing). Revision 1, the worksheet as
        it was created, is never replaced. Saving unchanged answers adds nothing.
        """
        text = dumps(values)
        # Plain SQL, not the ORM: this runs on every pause in typing, and building statements cost
        # more than the durable commit itself.
        with self._write("worksheet") as session:
            run = session.connection().exec_driver_sql
            current = run(_SQL_CURRENT, (worksheet_id,)).first()
            if current is None:
                raise RecordNotFound("worksheet")
            last = run(_SQL_LAST_REVISION, (worksheet_id,)).first()
            if last is not None and last[3] == text and current[0] == text:
                return int(last[1])
            now = utc_now()
            stamp = utc_text(now)
            recent = last is not None and (now - from_utc_text(last[2])).total_seconds() <= coalesce_seconds
            if last is not None and last[1] > 1 and coalesce_seconds > 0 and recent:
                run(_SQL_REPLACE_REVISION, (text, stamp, last[0]))
                number = int(last[1])
            else:
                number = (int(last[1]) if last else 0) + 1
                run(_SQL_ADD_REVISION, (worksheet_id, number, stamp, text))
            run(_SQL_SET_VALUES, (text, stamp, worksheet_id))
            first_edit = worksheet_id in self._editing_sessions
            if first_edit:  # once per opening on screen, not per keystroke (see record_opened)
                client_id = run("SELECT client_id FROM worksheets WHERE id = ?", (worksheet_id,)).scalar()
                append_event(session, AuditAction.EDITED, client_id=client_id, worksheet_id=worksheet_id)
        if first_edit:
            self._editing_sessions.discard(worksheet_id)
        return number

    def _update(self, worksheet_id: int, **changes: object) -> WorksheetInfo:
        with self._write() as session:
            row = session.get(WorksheetRow, worksheet_id)
            if row is None:
                raise RecordNotFound("worksheet")
            for attr, value in changes.items():
                setattr(row, attr, value)
            row.updated_at = utc_now()
            session.flush()
            return _load_infos(session, worksheet_id)[1][worksheet_id]

    def set_status(self, worksheet_id: int, status: str) -> WorksheetInfo:
        """Mark a worksheet 'draft' or 'reviewed'."""
        return self._update(worksheet_id, status=checked(status, Status, "status").value)

    def set_filled_by(self, worksheet_id: int, who: str) -> WorksheetInfo:
        """Record who filled it in: 'together', 'client' or 'therapist'."""
        return self._update(worksheet_id, filled_by=checked(who, FilledBy, "filled_by").value)

    def set_language(self, worksheet_id: int, language: str) -> WorksheetInfo:
        """Change the language a worksheet is shown and printed in."""
        return self._update(worksheet_id, language=checked(language, Language, "language").value)

    def revise(
        self,
        worksheet_id: int,
        *,
        session_id: int | None = None,
        starts_with: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> Worksheet:
        """A new version of a plan (in today's session unless given), ``previous_id`` set.

        It starts with the old answers, or with what ``starts_with`` makes of them (callers pass
        ``core.forms.revising.revised_values`` for the worksheet's definition). Raises AlreadyRevised,
        naming the newest version, when this version was revised already.
        """
        with self._lock:  # read + create as one step for this process's single writer
            old = self.worksheet(worksheet_id)
            # new_worksheet refuses (AlreadyRevised) when ``old`` has a next version already; the
            # check and the insert are one write transaction, so another process cannot slip between.
            return self.new_worksheet(
                old.client_id,
                old.form_id,
                old.form_version,
                session_id=session_id,
                values=starts_with(old.values) if starts_with is not None else old.values,
                filled_by=old.filled_by,
                language=old.language,
                previous_id=old.id,
            )

    def link_previous(self, worksheet_id: int, previous_id: int | None) -> WorksheetInfo:
        """Set which plan version a worksheet revises (used by import); same client only, never a loop."""
        with self._write() as session:
            row = session.get(WorksheetRow, worksheet_id)
            if row is None:
                raise RecordNotFound("worksheet")
            if previous_id is not None:
                prev = session.get(WorksheetRow, previous_id)
                if prev is None or prev.client_id != row.client_id:
                    raise RecordNotFound("worksheet")
                current: int | None = previous_id
                while current is not None:  # walking back from the new previous must not reach this one
                    if current == worksheet_id:
                        raise ValueError("a worksheet cannot revise itself or a later version of itself")
                    current = session.scalar(
                        select(WorksheetRow.previous_id).where(WorksheetRow.id == current)
                    )
            row.previous_id = previous_id
            session.flush()
            return _load_infos(session, worksheet_id)[1][worksheet_id]

    def plan_history(self, worksheet_id: int) -> list[WorksheetInfo]:
        """The plan chain this worksheet belongs to, oldest to newest (later versions included).

        If one version was revised twice, the newer branch is followed.
        """
        with self._read() as session:
            _, infos = _load_infos(session, worksheet_id)
        return _chain(infos, worksheet_id)

    def newest_version(self, worksheet_id: int) -> WorksheetInfo | None:
        """The newest later version of this worksheet's plan, or None when it is the newest
        (a page on an older version offers to open it instead of revising)."""
        newest = self.plan_history(worksheet_id)[-1]
        return None if newest.id == worksheet_id else newest

    def revisions(self, worksheet_id: int) -> list[RevisionInfo]:
        """Saved revisions of a worksheet, oldest first, as ``(number, saved_at)``."""
        with self._read() as session:
            if session.get(WorksheetRow, worksheet_id) is None:
                raise RecordNotFound("worksheet")
            query = (
                select(Revision.number, Revision.saved_at)
                .where(Revision.worksheet_id == worksheet_id)
                .order_by(Revision.number)
            )
            return [RevisionInfo(n, at) for n, at in session.execute(query)]

    def revision_values(self, worksheet_id: int, number: int) -> dict[str, Any]:
        """The answers as they were saved in revision ``number``."""
        with self._read() as session:
            text = session.scalar(
                select(Revision.values_json).where(
                    Revision.worksheet_id == worksheet_id, Revision.number == number
                )
            )
            if text is None:
                raise RecordNotFound("revision")
            return loads(text)
