"""The audit trail as people read it: who did what, when, in plain words (CLI `audit`, File > Activity).

Times are shown in the computer's local time; actions in words; client names come from the vault
(the trail itself stores only ids, so no name is ever written into an event).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from .vocabulary import AuditAction

# Action -> words. A "created" event says what was created in its detail (vault, client, worksheet ...).
ACTION_WORDS: dict[str, str] = {
    AuditAction.CREATED: "Created",
    AuditAction.UNLOCKED: "Unlocked the vault",
    AuditAction.LOCKED: "Locked the vault",
    AuditAction.FAILED_UNLOCK: "Wrong passphrase typed",
    AuditAction.OPENED: "Opened a worksheet",
    AuditAction.EDITED: "Edited a worksheet",
    AuditAction.PRINTED: "Printed",
    AuditAction.EXPORTED: "Exported",
    AuditAction.BACKED_UP: "Made a backup",
    AuditAction.RESTORED: "Restored from a backup",
    AuditAction.MIGRATED: "Upgraded the vault's format",
    AuditAction.IMPORTED: "Imported records",
    AuditAction.PASSPHRASE_CHANGED: "Changed the passphrase",
    AuditAction.RECOVERY_KEY_REPLACED: "Replaced the recovery key",
    AuditAction.RECOVERY_KEY_MADE: "Made a recovery sheet",
    AuditAction.KEYS_REPLACED: "Changed the passphrase and the vault's key",
    AuditAction.PRACTICE_CHANGED: "Changed the practice profile",
}
CREATED_WORDS = {"vault": "Created the vault", "client": "Added a client", "worksheet": "Created a worksheet"}
CSV_COLUMNS = ("event", "time (local)", "time (UTC)", "action", "what", "client", "client id", "worksheet id",
               "who", "detail")


@dataclass(frozen=True)
class ActivityRow:
    """One audit event, ready to show."""

    id: int
    at: dt.datetime  # local time
    action: str
    words: str
    client: str  # the client's name, '' when the event is about no client
    client_id: int | None
    worksheet_id: int | None
    actor: str
    detail: str

    @property
    def when(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M:%S")


def words_for(action: str, detail: str) -> str:
    """The English words for an event's action (the app translates these same words)."""
    if action == AuditAction.CREATED:
        return CREATED_WORDS.get(detail.split(" ", 1)[0], "Created")
    return ACTION_WORDS.get(action, action.replace("_", " ").capitalize())


def parse_since(text: str) -> dt.datetime | None:
    """``YYYY-MM-DD`` as the start of that day in local time (aware), or None if it is not a date."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
    return dt.datetime.combine(day, dt.time()).astimezone()


def activity_rows(
    vault: Any, *, client_id: int | None = None, since: dt.datetime | None = None
) -> list[ActivityRow]:
    """The vault's audit events (oldest first) with client names and local times."""
    names = {c.id: c.name for c in vault.clients(include_archived=True)}
    rows = []
    for event in vault.audit_events(client_id=client_id, since=since):
        client = "" if event.client_id is None else names.get(event.client_id, f"client {event.client_id}")
        rows.append(ActivityRow(
            id=event.id, at=event.at.astimezone(), action=event.action,
            words=words_for(event.action, event.detail), client=client, client_id=event.client_id,
            worksheet_id=event.worksheet_id, actor=event.actor, detail=event.detail,
        ))
    return rows


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A name typed as "=..." must not become a formula when the file is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_csv(rows: list[ActivityRow]) -> bytes:
    """CSV (UTF-8 with a byte-order mark, so spreadsheets read accents), one line per event."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([_cell(v) for v in (
            r.id, r.when, r.at.astimezone(dt.UTC).isoformat(timespec="seconds"), r.action, r.words, r.client,
            r.client_id, r.worksheet_id, r.actor or "(not recorded)", r.detail)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_table(rows: list[ActivityRow]) -> str:
    """A readable table for a terminal: when, what, client, who, detail."""
    lines = [("When", "What", "Client", "Who", "Detail")]
    lines += [(r.when, r.words, r.client, r.actor or "(not recorded)", r.detail) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    out = ["  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(line)).rstrip()
           for line in lines]
    if not rows:
        out.append("(no events)")
    return "\n".join(out)
