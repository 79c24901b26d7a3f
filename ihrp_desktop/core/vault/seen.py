"""What this computer has seen of each vault, to notice when older files are put back (a rollback).

SQLCipher's page HMACs prove a page was written with the vault's key, not that it is the newest
one: whole files or single pages from an older copy pass every check. So the computer keeps,
outside the vault (``paths.user_state_dir()/seen``), one small record per vault, keyed by its
``vault_id`` (a moved or copied folder is the same vault): the audit chain's event counter and head
hash at the newest state it saw, and when. The record is authenticated with an HMAC key derived from
the data key; a key change writes a new record under the new key.

A vault is "older than seen" when its chain has fewer events than the record, when its event at
the recorded counter is not the recorded head (it does not continue the chain this computer saw),
when a table that only grows has a smaller highest id than recorded (older pages of records), or
when the record was made under another data key (this computer opened the vault after a key
change that this copy does not have). Tested by tests/core/vault/test_rollback.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..durable import atomic_write_bytes
from .keyfile import DataKey

_PURPOSE = b"ihrp-desktop/seen-state/v1"
Query = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]


# Tables that only ever grow (nothing in the program deletes a row): an older page holding their newest
# rows shows as a smaller highest id, even where the audit trail did not change.
GROWING = ("clients", "sessions", "worksheets", "revisions")


@dataclass(frozen=True)
class ChainState:
    """Where a vault stands: its newest audit event (id, hash) and the highest id of each GROWING table."""

    counter: int
    head: str
    tops: tuple[int, ...] = ()


@dataclass(frozen=True)
class Newer:
    """The newer state this computer saw (what ``older_than_seen`` reports)."""

    counter: int
    seen_at: str  # ISO 8601, UTC
    why: str  # "key" (recorded under another data key), "fewer" events, "fork" (not continued), "records"
    current: int  # this copy's event counter when it was compared

    def message(self, *, going_on: bool = False) -> str:
        """The warning in plain words (no client data); ``going_on``: said by a command that then
        works with this copy (the command line), instead of a question (the app)."""
        when = self.seen_at[:16].replace("T", " ") + " UTC"
        what = {
            "key": "after a change of its passphrase or keys that this copy does not have",
            "fewer": f"with {self.counter} entries in its activity record (this copy has {self.current})",
            "fork": "with an activity record that this copy does not continue",
            "records": "with records that this copy does not have",
        }[self.why]
        return (f"This vault is older than one this computer has opened: on {when} it was opened here "
                f"{what}. If this is a backup or a copy you chose, that is expected. If it is the vault "
                "you work in, someone may have put back older files: records written since then may be "
                "missing. "
                + ("This command goes on with this copy. If it is the copy you work in now, run "
                   "'ihrp-desktop verify --vault PATH --accept-older' once, and it is not reported again."
                   if going_on else "Nothing was changed."))


def chain_state(query: Query) -> ChainState:
    """The current state of a vault's audit chain, through ``query(sql, params) -> rows``."""
    rows = query("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1", ())
    tops = tuple(int(query(f"SELECT coalesce(max(id), 0) FROM {table}", ())[0][0]) for table in GROWING)
    return ChainState(int(rows[0][0]), str(rows[0][1]), tops) if rows else ChainState(0, "", tops)


def _record_path(vault_id: str) -> Path:
    from ..paths import user_state_dir

    # A digest, not the id itself: vault_id comes from a file anyone can edit.
    name = hashlib.sha256(vault_id.encode("utf-8")).hexdigest()[:32]
    return user_state_dir() / "seen" / f"{name}.json"


def _mac(key: DataKey, body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(key.derive(_PURPOSE), text, hashlib.sha256).hexdigest()


def _key_id(key: DataKey) -> str:
    """Which data key a record entry was made under (not secret: it says only "this key or another")."""
    return hmac.new(key.derive(_PURPOSE), b"key id", hashlib.sha256).hexdigest()[:16]


def _read_record(vault_id: str) -> tuple[str, list[dict[str, Any]]]:
    """("none", []) when this computer has no record, ("unreadable", []) for one nobody can use,
    else ("ok", its entries)."""
    path = _record_path(vault_id)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        entries = record["entries"]
    except FileNotFoundError:
        return "none", []
    except (OSError, ValueError, KeyError, TypeError):
        return "unreadable", []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return "unreadable", []
    return "ok", entries


def _trusted(key: DataKey, entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    for entry in entries:
        try:
            body = {k: entry[k] for k in ("vault_id", "counter", "head", "seen_at", "tops")}
            if body["vault_id"] == key.vault_id and hmac.compare_digest(str(entry["mac"]), _mac(key, body)):
                return body
        except (KeyError, TypeError):
            continue
    return None


def _edited(key: DataKey, entries: list[dict[str, Any]]) -> bool:
    """An entry says it was made under this very key, yet fails its check: it was edited."""
    mine = _key_id(key)
    return any(e.get("key") == mine for e in entries)


def record_note(key: DataKey) -> str:
    """What this computer's record of the vault lets ``verify`` say about a rollback, in plain words.

    "checked" when there is something to compare with (a record this key proves, or entries made
    under another data key, which ``older_than_seen`` reports); else why nothing could be compared.
    """
    status, entries = _read_record(key.vault_id)
    if status == "none":
        return "not checked: this computer has no record of this vault yet (it was never opened here)"
    if status == "unreadable":
        return "not checked: this computer's record of this vault cannot be read (it was damaged or edited)"
    if _trusted(key, entries) is None and (not entries or _edited(key, entries)):
        return ("not checked: this computer's record of this vault was changed by something other than "
                "this program")
    return "checked"


def older_than_seen(key: DataKey, state: ChainState, query: Query) -> Newer | None:
    """The newer state this computer saw, if this vault is older than it; else None.

    A record that cannot be read, or whose entry for this very key fails its check (edited), proves
    nothing either way: None (``record_note`` says so). Entries made only under other keys mean this
    computer opened the vault after a key change this copy does not have.
    """
    status, entries = _read_record(key.vault_id)
    trusted = _trusted(key, entries)
    if trusted is None:
        if status != "ok" or not entries or _edited(key, entries):
            return None
        try:
            return Newer(int(entries[0]["counter"]), str(entries[0]["seen_at"]), "key", state.counter)
        except (KeyError, TypeError, ValueError):
            return None
    counter, seen_at = int(trusted["counter"]), str(trusted["seen_at"])
    tops = trusted["tops"] if isinstance(trusted["tops"], list) else []
    if state.counter < counter:
        return Newer(counter, seen_at, "fewer", state.counter)
    rows = query("SELECT hash FROM audit_events WHERE id = ?", (counter,)) if counter else [("",)]
    if not rows or rows[0][0] != trusted["head"]:
        return Newer(counter, seen_at, "fork", state.counter)
    if any(now < then for now, then in zip(state.tops, tops, strict=False)):
        return Newer(counter, seen_at, "records", state.counter)
    return None


def _entry(key: DataKey, state: ChainState) -> dict[str, Any]:
    body: dict[str, Any] = {
        "vault_id": key.vault_id,
        "counter": state.counter,
        "head": state.head,
        "seen_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tops": list(state.tops),
    }
    body["mac"] = _mac(key, body)
    body["key"] = _key_id(key)  # outside the MAC: it only tells an edited entry from another key's
    return body


def remember(key: DataKey, state: ChainState, *, also: tuple[DataKey, ChainState] | None = None) -> bool:
    """Record ``state`` as the newest this computer has seen; False when it cannot be written.

    ``also``: a second accepted state under another key, written just before a key change's commit
    point, so that a crash on either side of it leaves a record the vault matches.
    """
    entries = [_entry(key, state)] + ([_entry(*also)] if also else [])
    path = _record_path(key.vault_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(path, json.dumps({"entries": entries}, indent=1).encode("ascii"))
    except OSError:
        return False  # a read-only home: the vault works, this computer just remembers nothing
    os.chmod(path, 0o600)
    return True
