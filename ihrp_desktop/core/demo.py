"""Fictional sample clients for trying the app, training and screenshots.

Every person, place and number is invented; the records live in ``demo/clients.json`` (found by
:func:`.paths.bundled_dir`), a file in the export format (docs/export-format.md). :func:`load_demo`
writes it through the one importer, so the demo is checked and stored as any import is.

The sample always looks recent: the file names the day it was written for (``reference_day``) and
every date in it, alone or at the start of a date and time, moves by as many days as today is
after that day (a session 35 days before it is 35 days before today). Each load gives the records
new uids, so two demo vaults hold different records, as two real vaults would.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .paths import bundled_dir
from .vocabulary import FilledBy, Status

if TYPE_CHECKING:
    from .forms import FormLibrary
    from .vault import Vault

DEMO_FILE = "clients.json"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)?$")


@dataclass(frozen=True)
class DemoWorksheet:
    """One worksheet of a demo session. ``revises`` names the ``key`` of the plan version it revises."""

    key: str
    form_id: str
    values: Mapping[str, Any]
    status: str = Status.REVIEWED
    filled_by: str = FilledBy.TOGETHER
    revises: str | None = None


@dataclass(frozen=True)
class DemoSession:
    """A session ``days_ago`` days before today, with the worksheets filled in it."""

    days_ago: int
    worksheets: tuple[DemoWorksheet, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DemoClient:
    """A fictional client; ``language`` is the one their worksheets are filled in."""

    name: str
    language: str
    sessions: tuple[DemoSession, ...]


@cache
def _stored() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((bundled_dir("demo") / DEMO_FILE).read_text(encoding="utf-8"))
    return data


def _moved(node: Any, days: dt.timedelta, uids: dict[str, str] | None) -> Any:
    """``node`` with every date moved by ``days`` and, given ``uids``, every uid (and link to one)
    renewed (``uids`` maps the file's to the new)."""
    if isinstance(node, dict):
        return {key: (uids.setdefault(value, str(uuid.uuid4()))
                      if uids is not None and key in ("uid", "previous_uid") and isinstance(value, str)
                      else _moved(value, days, uids))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_moved(item, days, uids) for item in node]
    if isinstance(node, str) and (match := _DATE.match(node)):
        day = dt.date.fromisoformat(match.group(1)) + days
        return day.isoformat() + (match.group(2) or "")
    return node


def demo_document(today: dt.date | None = None, *, new_uids: bool = True) -> dict[str, Any]:
    """The demo records as an export document, dated relative to ``today`` (default: today)."""
    stored = _stored()
    days = (today or dt.date.today()) - dt.date.fromisoformat(stored["reference_day"])
    moved: dict[str, Any] = _moved(stored, days, {} if new_uids else None)
    return moved


@cache
def demo_clients() -> tuple[DemoClient, ...]:
    """The demo records as plain values, keyed by the file's uids (tests and the benchmark read them)."""
    today = dt.date.today()
    document = demo_document(today, new_uids=False)
    return tuple(
        DemoClient(
            name=client["name"],
            language=client["language"],
            sessions=tuple(
                DemoSession(
                    days_ago=(today - dt.date.fromisoformat(session["date"])).days,
                    note=session["note"],
                    worksheets=tuple(
                        DemoWorksheet(sheet["uid"], sheet["form"], sheet["values"], sheet["status"],
                                      sheet["filled_by"], sheet["previous_uid"])
                        for sheet in session["worksheets"]
                    ),
                )
                for session in client["sessions"]
            ),
        )
        for client in document["clients"]
    )


def load_demo(vault: Vault, library: FormLibrary) -> None:
    """Write the sample clients, sessions and worksheets into ``vault`` (an open vault), in one
    transaction through the importer; a plan that revises another is linked to it as in the app.
    Then the demo's fictional practice (its "practice" entry, which the importer ignores)."""
    from dataclasses import replace

    from .exchange import check_records, write_records
    from .practice import Practice

    document = demo_document()
    write_records(vault, check_records(document, library))
    # A fictional practice with the real public lines of its country, already confirmed.
    shown = document.get("practice") or {}
    practice = Practice(name=shown.get("name", ""), phone=shown.get("phone", "")).with_country(
        shown.get("country", "US"))
    vault.save_practice(replace(practice, paper=shown.get("paper", practice.paper),
                                confirmed=bool(shown.get("confirmed"))))


def __getattr__(name: str) -> Any:
    # DEMO_CLIENTS is read from the file on first use, not when this module is imported.
    if name == "DEMO_CLIENTS":
        return demo_clients()
    raise AttributeError(name)
