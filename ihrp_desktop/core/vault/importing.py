"""Adding checked records from an export in one transaction (the repository part of ``Vault`` for import).

The caller (``core.exchange``) has checked every value already; this part matches records by their
stable ``uid`` against what the vault holds, then writes everything inside one ``_write()`` block: a
refusal, an error or a killed process leaves the vault as it was. Rows are written with plain SQL
in batches (an import may hold tens of thousands of worksheets) under ids chosen here: the write
transaction (``BEGIN IMMEDIATE``) keeps every other writer out meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session as OrmSession

from ..vocabulary import AuditAction
from .audit import append_event
from .clients import search_key
from .schema import new_uid, utc_text
from .store import loads
from .worksheets import Worksheets

Progress = Callable[[str, int, int], None]  # phase ("write"), done, total (worksheets)
BATCH = 500  # rows per statement batch; progress is reported between batches
_IN_CHUNK = 500  # uids per "IN (...)" lookup (SQLite limits the number of parameters)


class ImportConflict(ValueError):
    """The file's records clash with what the vault holds (e.g. a session of another client)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.reason = message
        super().__init__(f"{where}: {message}")


@dataclass
class IncomingWorksheet:
    """A checked worksheet of an import file; ``key`` is its place in the file (links use it)."""

    key: int
    where: str  # its place in the file, for messages (never a value)
    uid: str | None
    form_id: str
    form_version: int
    status: str
    filled_by: str
    language: str
    created_at: dt.datetime
    updated_at: dt.datetime
    values: dict[str, Any]
    values_json: str
    previous_key: int | None = None  # the worksheet it revises, in the same file...
    previous_uid: str | None = None  # ...or already in the vault


@dataclass
class IncomingSession:
    where: str
    uid: str | None
    date: dt.date
    note: str
    created_at: dt.datetime
    worksheets: list[IncomingWorksheet] = field(default_factory=list)


@dataclass
class IncomingClient:
    where: str
    uid: str | None
    name: str  # already cleaned (clients.clean_name)
    language: str
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    sessions: list[IncomingSession] = field(default_factory=list)
    register: str = "informal"  # an export without it (before 0005) addresses the client in tú


@dataclass
class Tally:
    """How many records of one kind were new, updated, or already there."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportCounts:
    clients: Tally = field(default_factory=Tally)
    sessions: Tally = field(default_factory=Tally)
    worksheets: Tally = field(default_factory=Tally)

    def audit_detail(self) -> str:
        """Counts only: the audit trail never holds a name."""
        return "; ".join(
            f"{kind}: {t.new} new, {t.updated} updated, {t.unchanged} already there"
            for kind, t in (
                ("clients", self.clients),
                ("sessions", self.sessions),
                ("worksheets", self.worksheets),
            )
        )


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lookup(session: OrmSession, sql: str, uids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """Rows whose uid is among ``uids``, by uid (``sql`` selects uid first and ends in ``IN ({})``)."""
    run = session.connection().exec_driver_sql
    found: dict[str, tuple[Any, ...]] = {}
    for chunk in _chunks(sorted(set(uids)), _IN_CHUNK):
        for row in run(sql.format(", ".join("?" * len(chunk))), tuple(chunk)):
            found[row[0]] = tuple(row)
    return found


def _next_id(session: OrmSession, table: str) -> int:
    return (
        int(session.connection().exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0)
        + 1
    )


_SQL_REVISED = "SELECT DISTINCT previous_id FROM worksheets WHERE previous_id IN ({})"
_FORK = "the worksheet it revises already has a next version; a plan has one line of versions"
_FORK_IN_FILE = "another worksheet of this file revises the same worksheet; a plan has one line of versions"
_SQL_CLIENTS = "SELECT uid, id, updated_at, name, language, archived, register FROM clients WHERE uid IN ({})"
_SQL_SESSIONS = "SELECT uid, id, client_id FROM sessions WHERE uid IN ({})"
_SQL_WORKSHEETS = (
    "SELECT uid, id, client_id, updated_at, values_json, status, filled_by, language, form_version"
    " FROM worksheets WHERE uid IN ({})"
)
_INSERT_CLIENT = (
    "INSERT INTO clients (id, uid, name, name_key, language, archived, created_at, updated_at, register)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_CLIENT = (
    "UPDATE clients SET name = ?, name_key = ?, language = ?, archived = ?, updated_at = ?, register = ?"
    " WHERE id = ?"
)
_INSERT_SESSION = (
    "INSERT INTO sessions (id, uid, client_id, date, note, created_at) VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_WORKSHEET = (
    "INSERT INTO worksheets (id, uid, client_id, session_id, form_id, form_version, status, filled_by,"
    " language, created_at, updated_at, previous_id, values_json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_WORKSHEET = (
    "UPDATE worksheets SET values_json = ?, status = ?, filled_by = ?, language = ?, form_version = ?,"
    " updated_at = ? WHERE id = ?"
)
_SET_PREVIOUS = "UPDATE worksheets SET previous_id = ? WHERE id = ?"
_INSERT_REVISION = "INSERT INTO revisions (worksheet_id, number, saved_at, values_json) VALUES (?, ?, ?, ?)"
_LAST_REVISIONS = (
    "SELECT worksheet_id, max(number) FROM revisions WHERE worksheet_id IN ({}) GROUP BY worksheet_id"
)


class _Plan:
    """The rows one import writes, worked out inside the write transaction before any is written."""

    def __init__(self, session: OrmSession, clients: list[IncomingClient]):
        self.counts = ImportCounts()
        self.client_rows: list[tuple[Any, ...]] = []
        self.client_updates: list[tuple[Any, ...]] = []
        self.session_rows: list[tuple[Any, ...]] = []
        self.worksheet_rows: list[tuple[Any, ...]] = []
        self.worksheet_updates: list[tuple[Any, ...]] = []
        self.revision_rows: list[tuple[Any, ...]] = []
        self.link_rows: list[tuple[int, int]] = []  # (previous_id, id), set once every row exists
        sheets = [w for c in clients for s in c.sessions for w in s.worksheets]
        self._known_clients = _lookup(session, _SQL_CLIENTS, (c.uid for c in clients if c.uid))
        self._known_sessions = _lookup(
            session, _SQL_SESSIONS, (s.uid for c in clients for s in c.sessions if s.uid)
        )
        self._known_sheets = _lookup(
            session,
            _SQL_WORKSHEETS,
            [*(w.uid for w in sheets if w.uid), *(w.previous_uid for w in sheets if w.previous_uid)],
        )
        self._next = {t: _next_id(session, t) for t in ("clients", "sessions", "worksheets")}
        self._sheet_ids: dict[int, int] = {}  # file key -> vault id
        self._last_revision: dict[int, int] = {}
        in_file = {w.uid for w in sheets if w.uid}
        updated = [r[1] for uid, r in self._known_sheets.items() if uid in in_file]
        run = session.connection().exec_driver_sql
        for chunk in _chunks(updated, _IN_CHUNK):
            for ws_id, number in run(_LAST_REVISIONS.format(", ".join("?" * len(chunk))), tuple(chunk)):
                self._last_revision[int(ws_id)] = int(number)
        self._links: list[tuple[IncomingWorksheet, int]] = []
        self._new: set[int] = set()  # file keys of the worksheets this import adds
        for client in clients:
            client_id = self._client(client)
            for sess in client.sessions:
                session_id = self._session(sess, client_id)
                for sheet in sess.worksheets:
                    self._worksheet(sheet, client_id, session_id)
        self._resolve_links(session)

    def _take(self, table: str) -> int:
        new_id = self._next[table]
        self._next[table] += 1
        return new_id

    def _client(self, c: IncomingClient) -> int:
        known = self._known_clients.get(c.uid) if c.uid else None
        if known is None:
            client_id = self._take("clients")
            self.client_rows.append(
                (
                    client_id,
                    c.uid or new_uid(),
                    c.name,
                    search_key(c.name),
                    c.language,
                    int(c.archived),
                    utc_text(c.created_at),
                    utc_text(c.updated_at),
                    c.register,
                )
            )
            self.counts.clients.new += 1
            return client_id
        _, client_id, stored_at, name, language, archived, register = known
        newer = c.updated_at > dt.datetime.fromisoformat(stored_at)
        stored = (name, language, bool(archived), register)
        if newer and stored != (c.name, c.language, c.archived, c.register):
            self.client_updates.append(
                (c.name, search_key(c.name), c.language, int(c.archived), utc_text(c.updated_at), c.register,
                 client_id)
            )
            self.counts.clients.updated += 1
        else:
            self.counts.clients.unchanged += 1
        return int(client_id)

    def _session(self, s: IncomingSession, client_id: int) -> int:
        known = self._known_sessions.get(s.uid) if s.uid else None
        if known is None:
            session_id = self._take("sessions")
            self.session_rows.append(
                (
                    session_id,
                    s.uid or new_uid(),
                    client_id,
                    s.date.isoformat(),
                    s.note,
                    utc_text(s.created_at),
                )
            )
            self.counts.sessions.new += 1
            return session_id
        if known[2] != client_id:
            raise ImportConflict(s.where, "this session belongs to another client in this vault")
        self.counts.sessions.unchanged += 1
        return int(known[1])

    def _worksheet(self, w: IncomingWorksheet, client_id: int, session_id: int) -> None:
        known = self._known_sheets.get(w.uid) if w.uid else None
        self._links.append((w, client_id))  # every link must hold, also of records already there
        if known is None:
            ws_id = self._take("worksheets")
            self._sheet_ids[w.key] = ws_id
            stamp = utc_text(w.updated_at)
            self.worksheet_rows.append(
                (
                    ws_id,
                    w.uid or new_uid(),
                    client_id,
                    session_id,
                    w.form_id,
                    w.form_version,
                    w.status,
                    w.filled_by,
                    w.language,
                    utc_text(w.created_at),
                    stamp,
                    None,
                    w.values_json,
                )
            )
            self.revision_rows.append((ws_id, 1, stamp, w.values_json))
            self._new.add(w.key)
            self.counts.worksheets.new += 1
            return
        _, ws_id, owner, stored_at, values_json, status, filled_by, language, form_version = known
        if owner != client_id:
            raise ImportConflict(w.where, "this worksheet belongs to another client in this vault")
        self._sheet_ids[w.key] = int(ws_id)
        newer = w.updated_at > dt.datetime.fromisoformat(stored_at)
        # Answers are compared as data, not text (key order may differ); only when the copy is newer.
        if not newer or (loads(values_json), status, filled_by, language, form_version) == (
            w.values,
            w.status,
            w.filled_by,
            w.language,
            w.form_version,
        ):
            self.counts.worksheets.unchanged += 1
            return
        # A newer version of a worksheet the vault holds: its answers become current, the older
        # ones stay in its revisions.
        stamp = utc_text(w.updated_at)
        number = self._last_revision.get(int(ws_id), 0) + 1
        self._last_revision[int(ws_id)] = number
        self.revision_rows.append((ws_id, number, stamp, w.values_json))
        self.worksheet_updates.append(
            (w.values_json, w.status, w.filled_by, w.language, w.form_version, stamp, ws_id)
        )
        self.counts.worksheets.updated += 1

    def _resolve_links(self, session: OrmSession) -> None:
        revised_by: dict[int, IncomingWorksheet] = {}  # vault id -> the new worksheet revising it
        for sheet, client_id in self._links:
            if sheet.previous_key is not None:
                previous = self._sheet_ids[sheet.previous_key]  # the checker proved it is in the file
            elif sheet.previous_uid is not None:
                known = self._known_sheets.get(sheet.previous_uid)
                if known is None:
                    raise ImportConflict(
                        f"{sheet.where}.previous_uid",
                        "the worksheet it revises is neither in this file nor in this vault",
                    )
                if known[2] != client_id:
                    raise ImportConflict(
                        f"{sheet.where}.previous_uid", "the worksheet it revises belongs to another client"
                    )
                previous = int(known[1])
            else:
                continue
            if sheet.key in self._new:  # a worksheet already there keeps its own link
                if previous in revised_by:
                    raise ImportConflict(sheet.where, _FORK_IN_FILE)
                revised_by[previous] = sheet
                self.link_rows.append((previous, self._sheet_ids[sheet.key]))
        # No second next version of a version the vault revised, as new_worksheet: test_import_forks.py
        for chunk in _chunks(sorted(revised_by), _IN_CHUNK):
            sql = _SQL_REVISED.format(", ".join("?" * len(chunk)))
            for (previous,) in session.connection().exec_driver_sql(sql, tuple(chunk)):
                raise ImportConflict(revised_by[int(previous)].where, _FORK)


class Importing(Worksheets):
    """The bulk import method of ``Vault``."""

    def add_imported(self, clients: list[IncomingClient], progress: Progress | None = None) -> ImportCounts:
        """Write checked records in one transaction: all of them, or (on any error) none.

        A record whose ``uid`` the vault holds adds nothing, unless it is newer and different: then a
        client takes the imported name, language and archived state, and a worksheet gets the imported
        answers as a new revision. Records an 'imported' audit event (counts only) in the same transaction.
        """
        total = sum(len(s.worksheets) for c in clients for s in c.sessions)
        with self._write("import") as session:
            plan = _Plan(session, clients)
            run = session.connection().exec_driver_sql
            for statement, rows in (
                (_INSERT_CLIENT, plan.client_rows),
                (_UPDATE_CLIENT, plan.client_updates),
                (_INSERT_SESSION, plan.session_rows),
            ):
                for chunk in _chunks(rows, BATCH):
                    run(statement, chunk)
            done = 0
            for chunk in _chunks(plan.worksheet_rows, BATCH):
                run(_INSERT_WORKSHEET, chunk)
                done += len(chunk)
                if progress is not None:
                    progress("write", done, total)
            # Links are set once every worksheet exists (a file may list a revision before what it revises).
            for statement, rows in (
                (_SET_PREVIOUS, plan.link_rows),
                (_UPDATE_WORKSHEET, plan.worksheet_updates),
                (_INSERT_REVISION, plan.revision_rows),
            ):
                for chunk in _chunks(rows, BATCH):
                    run(statement, chunk)
            append_event(session, AuditAction.IMPORTED, detail=plan.counts.audit_detail())
            if progress is not None:
                progress("write", total, total)
        return plan.counts

    def record_uids(self) -> dict[str, dict[int, str]]:
        """The stable uid of every client, session and worksheet, by table name and id (for export)."""
        with self._read() as session:
            run = session.connection().exec_driver_sql
            return {
                table: {int(i): str(u) for i, u in run(f"SELECT id, uid FROM {table}")}
                for table in ("clients", "sessions", "worksheets")
            }
