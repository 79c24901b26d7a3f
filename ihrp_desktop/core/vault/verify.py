"""Checking a vault (or a backup) for damage, read-only: nothing is written, not even a -wal file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from . import keyfile, rotation, seen
from .audit import chain_problems, stored_rows
from .engine import (
    DEFAULT_DRIVER,
    PAGE_SIZE,
    SQLITE_MAGIC,
    connect_read_only,
    describe_cipher_problems,
    failed_pages,
)
from .errors import DamagedVault, PlainSqliteRefused, Said, VaultError
from .keyfile import DataKey
from .schema import SCHEMA_HEAD


@dataclass(frozen=True)
class VerifyReport:
    """What verify found: ``ok`` when ``problems`` is empty; ``checks`` lists what was checked.

    ``older`` (not damage, so ``ok`` can be True): the vault is older than one this computer has
    opened, in plain words (seen.py); the command line exits 5 for it.
    ``older_format`` (not damage either): the schema is an earlier one this program upgrades at the
    next open (migrate.py).
    """

    ok: bool
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    older: str | None = None
    older_format: bool = False


def verify(
    path: str | os.PathLike[str], passphrase: str, *, driver: ModuleType = DEFAULT_DRIVER
) -> VerifyReport:
    """Check a vault folder thoroughly.

    Raises WrongPassphrase (the passphrase does not unlock the key) and NotAVault; every kind of
    damage is reported in the returned VerifyReport instead.
    """
    folder = Path(path)
    checks: list[str] = []
    try:
        key_file = keyfile.read(folder)
    except DamagedVault as exc:
        return VerifyReport(False, exc.problems, ["key file checksum"])
    checks.append("key file checksum")
    try:
        key = keyfile.unlock(key_file, passphrase)
    except DamagedVault as exc:
        return VerifyReport(False, exc.problems, checks)
    checks.append("passphrase unlocks the data key")
    return verify_with_key(folder, key, driver=driver, checks=checks)


def verify_with_key(
    path: str | os.PathLike[str],
    key: DataKey,
    *,
    driver: ModuleType = DEFAULT_DRIVER,
    checks: list[str] | None = None,
) -> VerifyReport:
    """The database part of ``verify`` with an already unwrapped key."""
    db_path = rotation.current_db(Path(path))  # an interrupted key change is read as it will settle
    checks = list(checks or [])
    problems: list[str] = []
    if not db_path.is_file():
        return VerifyReport(False, ["The database file vault.db is missing."], checks)
    size = db_path.stat().st_size
    with open(db_path, "rb") as f:
        if f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
            return VerifyReport(
                False, [Said("problem.verify_plain_db")], checks
            )
    if size == 0:
        return VerifyReport(False, [Said("problem.db_empty")], checks)
    if size % PAGE_SIZE:
        problems.append(Said("problem.db_short"))
    checks.append("file size")
    try:
        conn = connect_read_only(db_path, key, driver)
    except PlainSqliteRefused:
        raise
    except driver.Error:
        return VerifyReport(False, [*problems, Said("problem.db_not_opened")], checks)
    older: str | None = None
    older_format = False
    try:
        problems += _database_checks(conn, driver, checks)
        if not problems:
            older_format = _revision(conn) != SCHEMA_HEAD  # else a problem above
            older = _older(conn, key)
            note = seen.record_note(key)
            checks.append("newer than every state this computer has seen (rollback)" if note == "checked"
                          else f"rollback {note}")
    finally:
        conn.close()
    return VerifyReport(not problems, problems, checks, older, older_format)


def _revision(conn: Any) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _older(conn: Any, key: DataKey) -> str | None:
    def query(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]

    state = seen.chain_state(query)
    newer = seen.older_than_seen(key, state, query)
    return None if newer is None else newer.message()


def _database_checks(conn: Any, driver: ModuleType, checks: list[str]) -> list[str]:
    problems: list[str] = []
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.Error:
        # A damaged page of the schema fails this read as a wrong key does; the page check tells them
        # apart: with the right key only the damaged pages fail it, page 1 among them or not.
        return _unreadable_schema(conn, driver)
    checks.append("key opens the database")

    try:
        problems += describe_cipher_problems(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except driver.Error:
        problems.append(Said("problem.hmac_unfinished"))
    checks.append("page tamper check (cipher_integrity_check)")

    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.append(Said("problem.structure_count", count=len(rows)))
    except driver.Error:
        problems.append(Said("problem.structure_unfinished"))
    checks.append("database structure (integrity_check)")

    if problems:
        return problems  # reading rows from a damaged file tells nothing more
    try:
        problems += _content_checks(conn, checks)
    except driver.Error:
        problems.append(Said("problem.content_unreadable"))
    return problems


def _content_checks(conn: Any, checks: list[str]) -> list[str]:
    problems: list[str] = []
    version = _revision(conn)
    if version == SCHEMA_HEAD:
        checks.append("schema version")
    elif version is not None and _upgradable(version):
        checks.append(f"schema version ({version}: an older format, which opening the vault upgrades)")
    else:
        problems.append("The vault's schema version is not one this program knows (it may be from a newer "
                        "version of IHRP Desktop).")
        checks.append("schema version")

    audit = stored_rows(conn.execute)
    problems += chain_problems(audit)
    checks.append(f"audit trail hash chain ({len(audit)} events)")

    bad = 0
    latest: dict[int, str] = {}
    for ws_id, text in conn.execute("SELECT id, values_json FROM worksheets"):
        bad += not _is_json_object(text)
        latest[ws_id] = text
    for ws_id, text in conn.execute(
        "SELECT worksheet_id, values_json FROM revisions r WHERE number = "
        "(SELECT max(number) FROM revisions WHERE worksheet_id = r.worksheet_id)"
    ):
        if latest.get(ws_id) != text:
            problems.append(Said("problem.worksheet_differs", id=ws_id))
    for (text,) in conn.execute("SELECT values_json FROM revisions"):
        bad += not _is_json_object(text)
    if bad:
        problems.append(Said("problem.answers_json", count=bad))
    checks.append(f"worksheet answers readable ({len(latest)} worksheets)")
    return problems


def _upgradable(version: str) -> bool:
    """An earlier revision among this program's migrations (imports Alembic: only for an old vault)."""
    from .migrate import needs_upgrade

    try:
        return needs_upgrade(version)
    except VaultError:  # unknown revision: from a newer program
        return False


def _is_json_object(text: Any) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (TypeError, ValueError):
        return False


def _unreadable_schema(conn: Any, driver: ModuleType) -> list[str]:
    """Why the schema could not be read: the pages that fail their tamper check when page 1 passes
    it (damage, the key is right), else the key (tests/reliability/test_damage_matrix.py)."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except driver.Error:
        return [Said("problem.verify_wrong_key")]
    pages = failed_pages(rows)
    if not pages or "1" in pages:
        return [Said("problem.verify_wrong_key")]
    return describe_cipher_problems(rows)
