"""The JSON export / import format (documented in docs/export-format.md).

An export is one UTF-8 JSON object, clients > sessions > worksheets. It is NOT encrypted: the
caller warns the person before writing it. Import reads the same format back, checks the whole
file first and only then writes, so a bad file changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from .forms import FormLibrary
from .forms.values import FieldValueError, normalize

if TYPE_CHECKING:
    from .vault import Vault

FORMAT = "ihrp-desktop-export"
VERSION = 1
STATUSES = ("draft", "reviewed")
FILLED_BY = ("together", "client", "therapist")


class ExportFormatError(ValueError):
    """An import file that cannot be read, with where (a JSON path) and why in plain words."""

    def __init__(self, where: str, message: str):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


def export_records(vault: Vault, client_name: str | None = None) -> dict[str, Any]:
    """Everything in the vault (or one client's records, matched by exact name) as a JSON-ready dict."""
    clients = vault.clients(include_archived=True)
    if client_name is not None:
        clients = [c for c in clients if c.name == client_name]
    out_clients = []
    for client in clients:
        by_session: dict[int, list[dict[str, Any]]] = {}
        for info in vault.worksheets(client.id):
            sheet = vault.worksheet(info.id)
            by_session.setdefault(info.session_id, []).append({
                "id": sheet.id,
                "form": sheet.form_id,
                "form_version": sheet.form_version,
                "status": sheet.status,
                "filled_by": sheet.filled_by,
                "language": sheet.language,
                "previous_id": sheet.previous_id,
                "created_at": _iso(sheet.created_at),
                "updated_at": _iso(sheet.updated_at),
                "values": sheet.values,
            })
        sessions = [{
            "id": s.id,
            "date": s.date.isoformat(),
            "note": s.note,
            "worksheets": sorted(by_session.get(s.id, []), key=lambda w: w["id"]),
        } for s in sorted(vault.sessions(client.id), key=lambda s: (s.date, s.id))]
        out_clients.append({
            "id": client.id,
            "name": client.name,
            "language": client.language,
            "archived": client.archived,
            "sessions": sessions,
        })
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "clients": out_clients,
    }


def _iso(value: dt.datetime | str | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else value


@dataclass
class ImportSummary:
    clients: int = 0
    sessions: int = 0
    worksheets: int = 0
    unknown_forms: set[str] = field(default_factory=set)


def _expect(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise ExportFormatError(where, message)


def _check(data: Any, library: FormLibrary) -> list[dict[str, Any]]:
    """Validate the whole document; return the clients with every worksheet's values normalised."""
    _expect(isinstance(data, dict), "", "the file is not an IHRP Desktop export (expected a JSON object)")
    _expect(data.get("format") == FORMAT, "format", "the file is not an IHRP Desktop export")
    _expect(data.get("version") == VERSION, "version",
            f"this export has version {data.get('version')!r}; this program reads version {VERSION}")
    clients = data.get("clients")
    _expect(isinstance(clients, list), "clients", "expected a list of clients")
    worksheet_ids: set[Any] = set()
    for ci, client in enumerate(clients):
        where = f"clients[{ci}]"
        _expect(isinstance(client, dict), where, "expected an object")
        _expect(isinstance(client.get("name"), str) and client["name"].strip() != "", f"{where}.name",
                "every client needs a name")
        _expect(client.get("language", "en") in ("en", "es"), f"{where}.language", "expected 'en' or 'es'")
        sessions = client.get("sessions", [])
        _expect(isinstance(sessions, list), f"{where}.sessions", "expected a list")
        for si, session in enumerate(sessions):
            swhere = f"{where}.sessions[{si}]"
            _expect(isinstance(session, dict), swhere, "expected an object")
            try:
                dt.date.fromisoformat(str(session.get("date")))
            except ValueError:
                raise ExportFormatError(f"{swhere}.date", "expected a date as YYYY-MM-DD") from None
            sheets = session.get("worksheets", [])
            _expect(isinstance(sheets, list), f"{swhere}.worksheets", "expected a list")
            for wi, sheet in enumerate(sheets):
                wwhere = f"{swhere}.worksheets[{wi}]"
                _check_worksheet(sheet, wwhere, library)
                _expect(sheet.get("id") not in worksheet_ids, f"{wwhere}.id", "two worksheets share this id")
                worksheet_ids.add(sheet.get("id"))
    return cast(list[dict[str, Any]], clients)


def _check_worksheet(sheet: Any, where: str, library: FormLibrary) -> None:
    _expect(isinstance(sheet, dict), where, "expected an object")
    _expect(isinstance(sheet.get("form"), str), f"{where}.form", "expected a worksheet definition id")
    _expect(isinstance(sheet.get("form_version"), int), f"{where}.form_version", "expected a whole number")
    _expect(isinstance(sheet.get("values"), dict), f"{where}.values", "expected an object of answers")
    _expect(sheet.get("status", "draft") in STATUSES, f"{where}.status", "expected 'draft' or 'reviewed'")
    _expect(sheet.get("filled_by", "together") in FILLED_BY, f"{where}.filled_by",
            "expected 'together', 'client' or 'therapist'")
    form = library.forms.get(sheet["form"])
    if form is not None:
        try:
            sheet["values"] = normalize(form, sheet["values"])
        except FieldValueError as exc:
            raise ExportFormatError(f"{where}.values.{exc.field_id}", str(exc).split(": ", 1)[-1]) from None


def import_records(vault: Vault, data: Mapping[str, Any], library: FormLibrary) -> ImportSummary:
    """Add every client of an export to ``vault`` as new records (ids are given anew).

    Worksheets of a definition this installation does not have are kept as they are.
    """
    clients = _check(data, library)
    summary = ImportSummary()
    new_ids: dict[Any, int] = {}
    pending_links: list[tuple[int, Any]] = []
    for client in clients:
        info = vault.add_client(client["name"], language=client.get("language", "en"))
        if client.get("archived"):
            vault.archive_client(info.id, True)
        summary.clients += 1
        for session in client.get("sessions", []):
            sess = vault.add_session(info.id, dt.date.fromisoformat(session["date"]),
                                     note=str(session.get("note") or ""))
            summary.sessions += 1
            for sheet in session.get("worksheets", []):
                created = vault.new_worksheet(
                    info.id, sheet["form"], sheet["form_version"], session_id=sess.id,
                    values=sheet["values"], filled_by=sheet.get("filled_by", "together"),
                    language=sheet.get("language") or client.get("language", "en"),
                )
                if sheet.get("status", "draft") != "draft":
                    vault.set_status(created.id, sheet["status"])
                new_ids[sheet.get("id")] = created.id
                if sheet.get("previous_id") is not None:
                    pending_links.append((created.id, sheet["previous_id"]))
                if sheet["form"] not in library.forms:
                    summary.unknown_forms.add(sheet["form"])
                summary.worksheets += 1
    for worksheet_id, old_previous in pending_links:
        if old_previous in new_ids:
            vault.link_previous(worksheet_id, new_ids[old_previous])
    return summary
