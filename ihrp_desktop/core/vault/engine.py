"""Connections to the SQLCipher database: the read-only checks before opening, and the SQLAlchemy engine.

Order matters for safety. Every check that can fail (is it really SQLCipher, does the key open page 1,
are all page HMACs intact) runs on a read-only connection first, so a failed open writes nothing:
no -wal/-shm/-journal is created and the file bytes stay the same. Only then does a writable
connection set WAL mode and the other pragmas.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from .errors import (
    SQLITE_NOTADB,
    CannotOpen,
    DamagedVault,
    NotAVault,
    PlainSqliteRefused,
    Said,
    is_damage,
    save_reason,
    sqlite_code,
)
from .files import KEY_FILE
from .keyfile import DataKey

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default, pinned by cipher_compatibility = 4
BUSY_TIMEOUT_MS = 5000
DEFAULT_DRIVER: ModuleType = sqlcipher3


def apply_key(conn: Any, key: DataKey) -> None:
    """Key a fresh connection and prove the driver really encrypts.

    Plain SQLite silently ignores ``PRAGMA key`` and would then read and write clear text, so
    ``PRAGMA cipher_version`` must answer before anything else happens.
    """
    # SQLCipher's own logger writes a raw "ERROR CORE sqlcipher_page_cipher" line to stderr for every
    # bad page; our checks say the same in plain words (tests/hostile/test_cli_messages.py).
    conn.execute("PRAGMA cipher_log_level = NONE")
    # The key is hex only (DataKey.sql_literal), never the passphrase, so it is safe inside SQL text.
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise PlainSqliteRefused()
    # SQLCipher wipes (and locks out of swap) every buffer it frees: keys, page plaintext, values.
    # A process-wide setting, off by default since SQLCipher 4.5 for speed; set on every connection.
    conn.execute("PRAGMA cipher_memory_security = ON")
    # Pin SQLCipher 4 settings so a future library with new defaults still reads this file.
    conn.execute("PRAGMA cipher_compatibility = 4")


def _ro_uri(db_path: Path) -> str:
    uri = db_path.resolve().as_uri()
    # Without a leftover -wal, immutable=1 reads the file without creating -wal/-shm or taking locks
    # (mode=ro alone creates both for a WAL database). With a leftover -wal (a crash), its committed
    # pages must be read too, so use mode=ro; SQLite may then add the -shm index, never content.
    wal = db_path.with_name(db_path.name + "-wal")
    return f"{uri}?mode=ro" if wal.exists() else f"{uri}?immutable=1"


def connect_read_only(db_path: Path, key: DataKey, driver: ModuleType = DEFAULT_DRIVER) -> Any:
    """A keyed, read-only DBAPI connection that cannot write to any vault file."""
    conn = driver.connect(_ro_uri(db_path), uri=True, check_same_thread=False, isolation_level=None)
    try:
        apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


_PAGE_RE = re.compile(r"page (\d+)", re.IGNORECASE)


def failed_pages(rows: list[tuple[Any, ...]]) -> list[str]:
    """The page numbers ``PRAGMA cipher_integrity_check`` rows name (one row per bad page)."""
    return [m.group(1) for row in rows if (m := _PAGE_RE.search(str(row[0])))]


def describe_cipher_problems(rows: list[tuple[Any, ...]]) -> list[str]:
    """Plain words for ``PRAGMA cipher_integrity_check`` rows (one row per bad page)."""
    pages = failed_pages(rows)
    other = len(rows) - len(pages)
    out: list[str] = []
    if pages:
        key = "problem.pages_hmac_more" if len(pages) > 20 else "problem.pages_hmac"
        out.append(Said(key, count=len(pages), pages=", ".join(pages[:20])))
    if other:
        out.append(Said("problem.db_cut"))
    return out


def check_database(
    db_path: Path, key: DataKey, driver: ModuleType = DEFAULT_DRIVER, *, full: bool = True
) -> str | None:
    """Read-only checks before an open; returns the schema revision (None for a database without schema).

    Raises NotAVault, DamagedVault or PlainSqliteRefused. Writes nothing. ``full=False`` skips the
    page-by-page checks (they read the whole file: seconds for a large vault); the key, page 1 and
    the schema are still checked, and ``check_pages`` can run the rest after the open.
    """
    vault_dir = db_path.parent
    if not db_path.is_file():
        if (vault_dir / KEY_FILE).exists():
            raise DamagedVault([Said("problem.db_missing")])
        raise NotAVault()
    size = db_path.stat().st_size
    if size == 0 and not db_path.with_name(db_path.name + "-wal").exists():
        raise DamagedVault([Said("problem.db_empty")])
    with open(db_path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        raise NotAVault(Said("reason.plain_db"))
    problems: list[str] = []
    if size % PAGE_SIZE:
        problems.append(Said("problem.db_short"))
    try:
        conn = connect_read_only(db_path, key, driver)
    except PlainSqliteRefused:
        raise
    except driver.Error as exc:
        raise _damage_or_cannot_open(exc, problems) from None
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.Error as exc:
            if sqlite_code(exc) == SQLITE_NOTADB:  # page 1 failed its HMAC
                raise DamagedVault(problems + [Said("problem.db_wrong_key")]) from None
            raise _damage_or_cannot_open(exc, problems) from None
        try:
            if full:
                problems += page_problems(conn)
            revision = read_schema_revision(conn)
        except driver.Error as exc:
            if is_damage(exc):
                problems.append(Said("problem.db_part_unreadable"))
                raise DamagedVault(problems) from None
            raise
    finally:
        conn.close()
    if problems:
        raise DamagedVault(problems)
    return revision


def page_problems(conn: Any) -> list[str]:
    """Every page's tamper check and SQLite's quick check, in plain words ([] when all is well).

    Reads the whole file (its speed: docs/performance.md): at open for ``full`` checks, or after it.
    """
    problems = describe_cipher_problems(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    result = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        problems.append(Said("problem.db_structure"))
    return problems


def _damage_or_cannot_open(exc: BaseException, problems: list[str]) -> Exception:
    if is_damage(exc):
        # After "vault.db is shorter ...", the file is not named a second time.
        return DamagedVault(problems + [Said("problem.db_damaged_too" if problems else "problem.db_damaged")])
    return CannotOpen(save_reason(exc) or "io")


def _cannot_open(exc: BaseException, db_path: Path) -> CannotOpen:
    """CannotOpen with the reason; a read-only file system is named as such (SQLite says only CANTOPEN)."""
    reason = save_reason(exc) or "io"
    try:
        if os.statvfs(db_path.parent).f_flag & os.ST_RDONLY:
            reason = "read_only"
    except (AttributeError, OSError):  # no statvfs on Windows
        pass
    return CannotOpen(reason)


def read_schema_revision(conn: Any) -> str | None:
    """The Alembic revision stamped in the database, or None when there is none."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _configure_writable(conn: Any) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if not mode or str(mode[0]).lower() != "wal":
        raise CannotOpen("read_only")
    # FULL: in WAL mode every commit fsyncs the log, so an acknowledged save survives power loss.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")  # no temp files, even encrypted ones
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA secure_delete = ON")  # overwrite freed pages inside the encrypted file


def connect_writable(db_path: Path, key: DataKey, driver: ModuleType = DEFAULT_DRIVER) -> Any:
    """A keyed, writable DBAPI connection with the vault's pragmas (WAL, synchronous FULL, ...)."""
    try:
        conn = driver.connect(str(db_path), check_same_thread=False, isolation_level=None)
    except driver.Error as exc:
        raise _cannot_open(exc, db_path) from None
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _configure_writable(conn)
    except driver.Error as exc:
        conn.close()
        if is_damage(exc):
            raise DamagedVault([Said("problem.db_unreadable")]) from None
        raise _cannot_open(exc, db_path) from None
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(db_path: Path, key: DataKey, driver: ModuleType = DEFAULT_DRIVER) -> Engine:
    """An SQLAlchemy engine whose every pooled connection is keyed and configured.

    The plain ``sqlite://`` dialect is used with the driver passed as the DBAPI module: the
    ``sqlite+pysqlcipher`` dialect would run ``PRAGMA key`` again with the URL password (empty here),
    which SQLCipher rejects. ``module=driver`` keeps SQLAlchemy's error wrapping tied to the driver.
    """
    engine = create_engine(
        "sqlite://",
        module=driver,
        creator=lambda: connect_writable(db_path, key, driver),
        # A creator with "sqlite://" would otherwise get a one-connection-per-thread pool.
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # An error's text never carries the statement's values (a client's words) into a message,
        # a log or a crash report (tests/hostile/test_no_traceback.py).
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # The driver runs in autocommit mode (isolation_level=None), so SQLAlchemy's BEGIN is the only
        # one. Writers take the write lock at BEGIN (IMMEDIATE) instead of failing with BUSY mid-way.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def checkpoint_and_dispose(engine: Engine, *, must_fold: bool = True) -> None:
    """Fold the WAL back into vault.db and close every pooled connection, so no -wal stays behind.

    ``must_fold=False`` (locking): a fold the disk refuses (full, a size limit) is left to the next
    open; every committed save is already durable in the -wal, and SQLite folds it back then
    (tests/hostile/test_cli_messages.py::test_a_failed_save_on_the_command_line_says_nothing_about_a_screen).
    """
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except DBAPIError as exc:
        if must_fold or save_reason(exc.orig or exc) is None:
            raise
    finally:
        engine.dispose()
