"""Checking a parsed export file, whole, before anything is written (docs/export-format.md).

Every value is checked for type and range; every answer against its installed definition; every
``previous`` link for its target, its client and loops. The result is the vault's ``Incoming*``
records, ready for one transaction. A problem is an ``ExportFormatError`` naming its place in the
file (``clients[0].sessions[2].worksheets[1].language``), never the value itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Any

from .exchange_file import ExportFormatError, Progress
from .forms import FormLibrary
from .forms.loader import ID_PATTERN
from .forms.strict import strict_problems
from .forms.values import FieldValueError, normalize
from .vault.clients import clean_name
from .vault.importing import IncomingClient, IncomingSession, IncomingWorksheet
from .vault.schema import utc_now
from .vocabulary import DEFAULT_LANGUAGE, DEFAULT_REGISTER, FilledBy, Language, Register, Status

FORMAT = "ihrp-desktop-export"
VERSION = 2
READS = (1, 2)  # version 1 files (no uids) still import, as new records

# Limits (docs/export-format.md, "Limits"; tests/hostile/test_import_hostile.py proves each one).
MAX_NAME_CHARS = 1_000
MAX_NOTE_CHARS = 100_000
MAX_ANSWERS_BYTES = (
    2_000_000  # a worksheet's answers as stored JSON (20 times the vault's 100 KB fuzz answers)
)
MAX_FORM_VERSION = 1_000_000
MAX_ID = 2**63 - 1  # SQLite's largest integer
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
CLOCK_SKEW = dt.timedelta(days=1)  # a timestamp later than now + this is refused

_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PROGRESS_EVERY = 500
# A list cell's place in a field's reason: the row number and the column id come from the definition.
_CELL = re.compile(r"row \d+, column '[a-z][a-z0-9_]*': ")


def _plain_reason(reason: str) -> str:
    """A field's reason without the answer it may quote ("'3 drinks' is not a number"): messages
    never hold client text."""
    if "'" not in reason:
        return reason
    cell = _CELL.match(reason)
    _, quoted, kind = reason.rpartition("' is not ")  # the last one: the answer itself may hold the words
    words = f"the answer is not {kind}" if quoted else "the answer does not fit"
    return (cell.group(0) if cell else "") + words


def _fail(where: str, message: str) -> ExportFormatError:
    return ExportFormatError(where, message)


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, "expected a list")
    return value


def _choice(value: Any, vocabulary: type[StrEnum], where: str) -> str:
    if not isinstance(value, str) or value not in set(vocabulary):
        raise _fail(where, "expected " + " or ".join(f"'{a}'" for a in vocabulary))
    return str(vocabulary(value))


def _whole(value: Any, low: int, high: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(where, f"expected a whole number from {low:,} to {high:,}")
    return value


def _text(value: Any, limit: int, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, "expected text")
    if len(value) > limit:
        raise _fail(where, f"longer than {limit:,} characters")
    return value


def _uid(value: Any, where: str, seen: set[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _UID.fullmatch(value.lower()):
        raise _fail(where, "expected a record id such as 3f2b8c1e-0d4a-4c1b-9a7e-5b6c7d8e9f01")
    uid = value.lower()
    if uid in seen:
        raise _fail(where, "two records of this kind share this id")
    seen.add(uid)
    return uid


def _moment(value: Any, where: str, now: dt.datetime) -> dt.datetime:
    if value is None:
        return now
    if not isinstance(value, str) or len(value) > 40:
        raise _fail(where, "expected a date and time such as 2026-11-20T15:02:11+00:00")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _fail(where, "expected a date and time such as 2026-11-20T15:02:11+00:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # written without a zone: taken as UTC
    if not EARLIEST <= moment <= now + CLOCK_SKEW:
        raise _fail(where, "the date is before 1900 or in the future")
    return moment.astimezone(dt.UTC)


def _date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _fail(where, "expected a date as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(where, "expected a date as YYYY-MM-DD") from None
    if day.year < 1900:
        raise _fail(where, "the date is before 1900")
    return day


class _Checker:
    def __init__(self, library: FormLibrary, version: int, total: int, progress: Progress | None):
        self.library = library
        self.with_uids = version >= 2
        self.now = utc_now()
        self.uids: dict[str, set[str]] = {"client": set(), "session": set(), "worksheet": set()}
        self.by_id: dict[int, IncomingWorksheet] = {}
        self.by_uid: dict[str, IncomingWorksheet] = {}
        self.owner: dict[int, int] = {}  # worksheet key -> client index
        self.links: list[tuple[IncomingWorksheet, str, Any, Any]] = []  # sheet, where, previous id, uid
        self.unknown_forms: set[str] = set()
        self.sheets = 0
        self.total = total
        self.progress = progress

    def uid(self, raw: dict[str, Any], kind: str, where: str) -> str | None:
        return _uid(raw.get("uid"), f"{where}.uid", self.uids[kind]) if self.with_uids else None

    def client(self, raw: Any, ci: int) -> IncomingClient:
        where = f"clients[{ci}]"
        c = _obj(raw, where)
        if "id" in c:
            _whole(c["id"], 1, MAX_ID, f"{where}.id")
        try:
            name = clean_name(_text(c.get("name"), MAX_NAME_CHARS, f"{where}.name"))
        except ValueError as exc:
            if isinstance(exc, ExportFormatError):
                raise
            raise _fail(f"{where}.name", "every client needs a name") from None
        archived = c.get("archived", False)
        if not isinstance(archived, bool):
            raise _fail(f"{where}.archived", "expected true or false")
        client = IncomingClient(
            where=where,
            uid=self.uid(c, "client", where),
            name=name,
            language=_choice(c.get("language", DEFAULT_LANGUAGE), Language, f"{where}.language"),
            # An export written before registers existed addresses the client in tú, as it did.
            register=_choice(c.get("register", DEFAULT_REGISTER), Register, f"{where}.register"),
            archived=archived,
            created_at=_moment(c.get("created_at"), f"{where}.created_at", self.now),
            updated_at=_moment(c.get("updated_at"), f"{where}.updated_at", self.now),
        )
        for si, raw_session in enumerate(_list(c.get("sessions", []), f"{where}.sessions")):
            client.sessions.append(self.session(raw_session, f"{where}.sessions[{si}]", ci, client.language))
        return client

    def session(self, raw: Any, where: str, ci: int, language: str) -> IncomingSession:
        s = _obj(raw, where)
        if "id" in s:
            _whole(s["id"], 1, MAX_ID, f"{where}.id")
        note = s.get("note")
        session = IncomingSession(
            where=where,
            uid=self.uid(s, "session", where),
            date=_date(s.get("date"), f"{where}.date"),
            note="" if note is None else _text(note, MAX_NOTE_CHARS, f"{where}.note"),
            created_at=_moment(s.get("created_at"), f"{where}.created_at", self.now),
        )
        for wi, raw_sheet in enumerate(_list(s.get("worksheets", []), f"{where}.worksheets")):
            session.worksheets.append(self.worksheet(raw_sheet, f"{where}.worksheets[{wi}]", ci, language))
        return session

    def worksheet(self, raw: Any, where: str, ci: int, client_language: str) -> IncomingWorksheet:
        w = _obj(raw, where)
        form_id = w.get("form")
        if not isinstance(form_id, str) or not ID_PATTERN.fullmatch(form_id):
            raise _fail(f"{where}.form", "expected a worksheet definition id such as optimal_use_plan")
        values = _obj(w.get("values"), f"{where}.values")
        form = self.library.forms.get(form_id)
        if form is None:
            self.unknown_forms.add(form_id)  # kept as it is
        given = values
        if form is not None:
            try:
                values = normalize(form, values)
            except FieldValueError as exc:
                raise _fail(f"{where}.values.{exc.field_id}", _plain_reason(exc.reason)) from None
            except (TypeError, ValueError, AttributeError):
                raise _fail(f"{where}.values", "the answers do not fit this worksheet") from None
        try:
            text = json.dumps(values, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            raise _fail(f"{where}.values", "the answers are not plain JSON data") from None
        if len(text.encode("utf-8")) > MAX_ANSWERS_BYTES:
            raise _fail(f"{where}.values", f"the answers are larger than {MAX_ANSWERS_BYTES:,} bytes")
        if form is not None and w.get("form_version") == form.version:
            # Answers written for this very version fit it exactly (docs/export-format.md).
            for path, why in strict_problems(form, given)[:1]:
                raise _fail(f"{where}.values.{path}", why)
        language = w.get("language")
        sheet = IncomingWorksheet(
            key=self.sheets,
            where=where,
            uid=self.uid(w, "worksheet", where),
            form_id=form_id,
            form_version=_whole(w.get("form_version"), 1, MAX_FORM_VERSION, f"{where}.form_version"),
            status=_choice(w.get("status", Status.DRAFT), Status, f"{where}.status"),
            filled_by=_choice(w.get("filled_by", FilledBy.TOGETHER), FilledBy, f"{where}.filled_by"),
            language=client_language
            if language is None
            else _choice(language, Language, f"{where}.language"),
            created_at=_moment(w.get("created_at"), f"{where}.created_at", self.now),
            updated_at=_moment(w.get("updated_at"), f"{where}.updated_at", self.now),
            values=values,
            values_json=text,
        )
        if "id" in w:
            ws_id = _whole(w["id"], 1, MAX_ID, f"{where}.id")
            if ws_id in self.by_id:
                raise _fail(f"{where}.id", "two worksheets share this id")
            self.by_id[ws_id] = sheet
        if sheet.uid is not None:
            self.by_uid[sheet.uid] = sheet
        self.owner[sheet.key] = ci
        previous_uid = w.get("previous_uid") if self.with_uids else None
        if w.get("previous_id") is not None or previous_uid is not None:
            self.links.append((sheet, where, w.get("previous_id"), previous_uid))
        self.sheets += 1
        if self.progress is not None and self.sheets % _PROGRESS_EVERY == 0:
            self.progress("check", self.sheets, self.total)
        return sheet

    def link(self) -> None:
        """Resolve every ``previous`` link: in the file (same client) or, by uid, in the vault."""
        revised: dict[int, str] = {}  # file key of a revised worksheet -> where its next version is
        for sheet, where, previous_id, previous_uid in self.links:
            target: IncomingWorksheet | None = None
            if previous_uid is not None:
                if not isinstance(previous_uid, str) or not _UID.fullmatch(previous_uid.lower()):
                    raise _fail(f"{where}.previous_uid", "expected a record id or null")
                target = self.by_uid.get(previous_uid.lower())
                if target is None:
                    sheet.previous_uid = previous_uid.lower()  # looked for in the vault when writing
                    continue
            else:
                _whole(previous_id, 1, MAX_ID, f"{where}.previous_id")
                target = self.by_id.get(previous_id)
                if target is None:
                    raise _fail(f"{where}.previous_id", "no worksheet in this file has this id")
            if target is sheet:
                raise _fail(where, "a worksheet cannot revise itself")
            if self.owner[target.key] != self.owner[sheet.key]:
                raise _fail(where, "a worksheet can only revise a worksheet of the same client")
            if target.key in revised:  # one line of versions per plan, as new_worksheet keeps it
                raise _fail(where, f"this worksheet and {revised[target.key]} both revise the same "
                            "worksheet; a plan has one line of versions")
            revised[target.key] = where
            sheet.previous_key = target.key
        by_key = {s.key: s for s, *_ in self.links}
        acyclic: set[int] = set()  # keys known to lead back to a first version
        for sheet in by_key.values():  # walk back from each: a loop comes back to where it started
            path: list[int] = []
            on_path: set[int] = set()
            current: int | None = sheet.key
            while current is not None and current not in acyclic:
                if current in on_path:
                    raise _fail(sheet.where, "these worksheets revise each other in a loop")
                path.append(current)
                on_path.add(current)
                current = by_key[current].previous_key if current in by_key else None
            acyclic.update(path)


def _count_sheets(clients: list[Any]) -> int:
    total = 0
    for c in clients:
        sessions = c.get("sessions") if isinstance(c, dict) else None
        for s in sessions if isinstance(sessions, list) else ():
            sheets = s.get("worksheets") if isinstance(s, dict) else None
            total += len(sheets) if isinstance(sheets, list) else 0
    return total


class CheckedImport:
    """A whole file, checked: the records to write, and the definitions it uses that are not installed."""

    def __init__(self, clients: list[IncomingClient], unknown_forms: set[str], worksheets: int):
        self.clients = clients
        self.unknown_forms = unknown_forms
        self.worksheets = worksheets


def check_export(data: Any, library: FormLibrary, progress: Progress | None = None) -> CheckedImport:
    """Check a parsed export whole; raise ExportFormatError at the first problem."""
    if not isinstance(data, dict):
        raise _fail("", "the file is not an IHRP Desktop export (expected a JSON object)")
    doc = data
    if doc.get("format") != FORMAT:
        raise _fail("format", "the file is not an IHRP Desktop export")
    version = doc.get("version")
    whole = isinstance(version, int) and not isinstance(version, bool)  # 2.0 and true are not versions
    if not whole or version not in READS:
        shown = version if whole else "unknown"
        raise _fail("version", f"this export has version {shown}; this program reads versions 1 and 2")
    raw_clients = _list(doc.get("clients"), "clients")
    total = _count_sheets(raw_clients)
    checker = _Checker(library, version, total, progress)
    clients = [checker.client(raw, ci) for ci, raw in enumerate(raw_clients)]
    checker.link()
    if progress is not None:
        progress("check", total, total)
    return CheckedImport(clients, checker.unknown_forms, total)
