"""The JSON export / import format (documented in docs/export-format.md).

An export is one UTF-8 JSON object, clients > sessions > worksheets. It is NOT encrypted: the
caller warns the person before writing it. Import reads the same format back, checks the whole
file first and only then writes, in one transaction, so a bad file changes nothing: reading is
``exchange_file``, checking ``exchange_check``, writing ``vault.importing`` (records matched by uid).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .exchange_check import FORMAT, VERSION
from .exchange_file import ExportFormatError, Progress, read_export

if TYPE_CHECKING:
    from .exchange_check import CheckedImport
    from .forms import FormLibrary
    from .vault import Vault
    from .vault.importing import Tally

__all__ = ["ExportFormatError", "ImportSummary", "export_records", "import_file", "import_records"]



def export_records(vault: Vault, client_name: str | None = None) -> dict[str, Any]:
    """Everything in the vault (or one client's records, matched by exact name) as a JSON-ready dict."""
    clients = vault.clients(include_archived=True)
    if client_name is not None:
        clients = [c for c in clients if c.name == client_name]
    uids = vault.record_uids()
    ws_uids = uids["worksheets"]
    out_clients = []
    for client in clients:
        by_session: dict[int, list[dict[str, Any]]] = {}
        for info in vault.worksheets(client.id):
            sheet = vault.worksheet(info.id)
            by_session.setdefault(info.session_id, []).append({
                "id": sheet.id,
                "uid": ws_uids[sheet.id],
                "form": sheet.form_id,
                "form_version": sheet.form_version,
                "status": sheet.status,
                "filled_by": sheet.filled_by,
                "language": sheet.language,
                "previous_id": sheet.previous_id,
                "previous_uid": None if sheet.previous_id is None else ws_uids[sheet.previous_id],
                "created_at": _iso(sheet.created_at),
                "updated_at": _iso(sheet.updated_at),
                "values": sheet.values,
            })
        sessions = [{
            "id": s.id,
            "uid": uids["sessions"][s.id],
            "date": s.date.isoformat(),
            "note": s.note,
            "worksheets": sorted(by_session.get(s.id, []), key=lambda w: w["id"]),
        } for s in sorted(vault.sessions(client.id), key=lambda s: (s.date, s.id))]
        out_clients.append({
            "id": client.id,
            "uid": uids["clients"][client.id],
            "name": client.name,
            "language": client.language,
            "register": client.register,
            "archived": client.archived,
            "created_at": _iso(client.created_at),
            "updated_at": _iso(client.updated_at),
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
    """What an import did: per kind, how many records were new, updated, or already there."""

    clients: Tally
    sessions: Tally
    worksheets: Tally
    unknown_forms: set[str] = field(default_factory=set)

    def lines(self) -> list[str]:
        """The summary in plain words, one line per kind (no names)."""
        return [
            f"{kind}: {t.new:,} new, {t.updated:,} updated, {t.unchanged:,} already there"
            for kind, t in (("Clients", self.clients), ("Sessions", self.sessions),
                            ("Worksheets", self.worksheets))
        ]


def check_records(data: Any, library: FormLibrary, progress: Progress | None = None) -> CheckedImport:
    """The whole document checked (ExportFormatError at the first problem); nothing is written."""
    from .exchange_check import check_export

    return check_export(data, library, progress)


def write_records(vault: Vault, checked: CheckedImport, progress: Progress | None = None) -> ImportSummary:
    """Write a checked document in one transaction (ExportFormatError when it clashes with the vault)."""
    from .vault.importing import ImportConflict

    try:
        counts = vault.add_imported(checked.clients, progress)
    except ImportConflict as exc:
        raise ExportFormatError(exc.where, exc.reason) from None
    return ImportSummary(counts.clients, counts.sessions, counts.worksheets, set(checked.unknown_forms))


def import_records(
    vault: Vault, data: Mapping[str, Any], library: FormLibrary, progress: Progress | None = None
) -> ImportSummary:
    """Add an export's records to ``vault``: all of them in one transaction, or none.

    Records the vault already holds (same uid) add nothing unless the file's copy is newer and
    different (docs/export-format.md, "Import rules"). Worksheets of a definition this
    installation does not have are kept as they are.
    """
    return write_records(vault, check_records(data, library, progress), progress)


def import_file(
    vault: Vault, path: str | Path, library: FormLibrary, progress: Progress | None = None
) -> ImportSummary:
    """Read, check and import an export file (ExportFormatError: nothing was imported)."""
    return import_records(vault, read_export(path, progress), library, progress)
