"""The base the repository parts share: one engine, one write lock, short transactions.

Reads run in their own short transaction (a consistent snapshot, several threads at once thanks to
WAL). Writes go through one lock (a single writer per process) and ``BEGIN IMMEDIATE`` (a single
writer across processes, e.g. the command line backing up while the app is open). No ORM session
outlives a call.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession

from .errors import DamagedVault, Said, SaveFailed, VaultClosed, is_damage, save_reason
from .keyfile import DataKey


def dumps(values: dict[str, Any]) -> str:
    """Answers as JSON text, exactly as given: every key kept, any Unicode kept readable."""
    if not isinstance(values, dict):
        raise TypeError("worksheet values must be a dict")
    try:
        return json.dumps(values, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        # The message names no value: it could be client text.
        raise ValueError("worksheet values must be plain JSON data (text, numbers, lists, dicts)") from None


def loads(text: str) -> dict[str, Any]:
    """Answers back from JSON text."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("stored worksheet values are not a JSON object")
    return value


def _runtime_damage() -> DamagedVault:
    return DamagedVault([Said("problem.page_tamper")], message=Said("reason.runtime_damage"))


# Called at the start of every write transaction when set; None in normal use. A test hook:
# tests/app/test_operations.py sets it to fail when the app writes on its GUI thread.
write_observer: Callable[[], None] | None = None


class Store:
    """Engine, lock and transaction helpers shared by the repository parts of ``Vault``."""

    path: Path

    def __init__(self, path: Path, engine: Engine, key: DataKey):
        self.path = path
        self._engine: Engine | None = engine
        self._key = key
        self._lock = threading.RLock()

    def _live_engine(self) -> Engine:
        if self._engine is None:
            raise VaultClosed()
        return self._engine

    @property
    def is_open(self) -> bool:
        """False once the vault was closed (locked)."""
        return self._engine is not None

    @contextmanager
    def _read(self) -> Iterator[OrmSession]:
        """A short read transaction (one snapshot for all its queries)."""
        engine = self._live_engine()
        try:
            with OrmSession(engine, expire_on_commit=False) as session:
                session.connection()  # BEGIN now, so every query below sees the same snapshot
                yield session
        except DBAPIError as exc:
            if is_damage(exc.orig or exc):
                raise _runtime_damage() from None
            raise

    @contextmanager
    def _write(self, what: str = "change") -> Iterator[OrmSession]:
        """A write transaction, committed (and fsynced) when the block ends without error.

        Storage failures become SaveFailed with a reason; SQLite has rolled the change back, so the
        vault keeps its previous content and stays usable.
        """
        if write_observer is not None:
            write_observer()
        with self._lock:
            engine = self._live_engine()
            try:
                with OrmSession(engine, expire_on_commit=False) as session:
                    session.connection(execution_options={"immediate": True})
                    yield session
                    session.commit()
            except DBAPIError as exc:
                if is_damage(exc.orig or exc):
                    raise _runtime_damage() from None
                reason = save_reason(exc.orig or exc)
                if reason is None:
                    raise
                raise SaveFailed(reason, what) from None
            except OSError as exc:
                raise SaveFailed(save_reason(exc) or "io", what) from None
