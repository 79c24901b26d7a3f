"""Re-encrypting the vault under a new data key, so that a crash at any moment leaves one working pair.

The files of a key change, in this order (each one fsynced, and the folder after each rename):

1. ``vault.key.next``: the new key file (written atomically under a temp name first);
2. ``vault.db.next``: the whole database re-encrypted under the new key (``sqlcipher_export``),
   with the key-change event appended to its audit trail inside it;
3. the commit point: ``vault.key.next`` is renamed over ``vault.key``;
4. ``vault.db.next`` is renamed over ``vault.db``.

So the folder itself says how far a crash got (``settle``, run under the exclusive lock at the next
open): ``vault.key.next`` still there means the change never came into force (both ``.next`` files
are removed and the old pair stays); ``vault.db.next`` without ``vault.key.next`` means vault.key is
already the new one, and the rename of step 4 is finished. Readers that must not write (verify)
ask ``current_db`` which file is in force. Tested by tests/reliability/test_crash_rotation.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from ..actor import current as current_actor
from ..durable import atomic_write_bytes, copy_private, create_private, fsync_dir
from . import keyfile, seen
from .audit import GENESIS, event_hash, iso
from .engine import DEFAULT_DRIVER, apply_key, checkpoint_and_dispose, make_engine
from .errors import KeyChangeFailed, VaultError, save_reason
from .files import DB_FILE, KEY_FILE, SIDE_SUFFIXES, fsync_file, side_files
from .keyfile import DataKey, KeyFile
from .schema import utc_now

if TYPE_CHECKING:
    from .vault import Vault

NEXT_KEY = KEY_FILE + ".next"
NEXT_DB = DB_FILE + ".next"
Progress = Callable[[float], None]  # fraction done, 0.0 .. 1.0


def _leftovers(folder: Path) -> list[Path]:
    names = [NEXT_DB + s for s in SIDE_SUFFIXES]
    return [p for p in (folder / n for n in names) if p.exists()] + list(folder.glob(f".{NEXT_KEY}.tmp-*"))


def pending(folder: Path) -> bool:
    """Whether a key change was interrupted here (files a crash left that ``settle`` resolves)."""
    return (folder / NEXT_KEY).exists() or (folder / NEXT_DB).exists() or bool(_leftovers(folder))


def current_db(folder: Path) -> Path:
    """The database file in force, without writing anything (see the module's description)."""
    if (folder / NEXT_DB).is_file() and not (folder / NEXT_KEY).exists():
        return folder / NEXT_DB
    return folder / DB_FILE


def settle(folder: Path) -> str | None:
    """Finish or undo a key change a crash interrupted; the caller holds the exclusive lock.

    Returns "finished", "undone" or None (nothing to do).
    """
    outcome: str | None = None
    if (folder / NEXT_KEY).exists():
        (folder / NEXT_DB).unlink(missing_ok=True)  # never in force: the old pair still is
        (folder / NEXT_KEY).unlink()
        outcome = "undone"
    elif (folder / NEXT_DB).exists():
        for suffix in SIDE_SUFFIXES:  # the old database's (empty: checked before the commit)
            (folder / (DB_FILE + suffix)).unlink(missing_ok=True)
        os.replace(folder / NEXT_DB, folder / DB_FILE)
        outcome = "finished"
    for stale in _leftovers(folder):
        stale.unlink(missing_ok=True)
    fsync_dir(folder)
    return outcome


def _export(vault: Vault, target: Path, key: DataKey, progress: Progress | None) -> None:
    """The whole database, re-encrypted under ``key``, into ``target`` (one consistent snapshot)."""
    engine = vault._live_engine()
    source_size = max((vault.path / DB_FILE).stat().st_size, 1)

    def tick() -> int:
        if progress is not None:
            with suppress(OSError):  # the file may not exist for the first few ticks
                progress(min(0.95, target.stat().st_size / source_size))
        return 0  # 0: go on

    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), key.sql_literal()))
        try:
            raw.set_progress_handler(tick, 20_000)
            raw.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        finally:
            raw.set_progress_handler(None, 0)
            try:
                raw.execute("DETACH DATABASE rekeyed")
            except Exception:
                conn.invalidate()  # never hand a connection with a stray attachment back to the pool


def _append_event(target: Path, key: DataKey, action: str, detail: str) -> None:
    """The key-change event, written inside the new database (the key file cannot forge or strip it)."""
    conn = DEFAULT_DRIVER.connect(str(target), isolation_level=None)
    try:
        apply_key(conn, key)
        conn.execute("BEGIN IMMEDIATE")
        last = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        event_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        at = iso(utc_now())
        actor = current_actor()
        conn.execute(
            "INSERT INTO audit_events "
            "(id, at, action, client_id, worksheet_id, detail, actor, prev_hash, hash) "
            "VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?)",
            (event_id, at, action, detail, actor, prev,
             event_hash(prev, event_id, at, action, None, None, detail, actor)),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def _head(db: Path, key: DataKey) -> seen.ChainState:
    conn = DEFAULT_DRIVER.connect(str(db), isolation_level=None)
    try:
        apply_key(conn, key)
        return seen.chain_state(lambda sql, params: [tuple(r) for r in conn.execute(sql, params).fetchall()])
    finally:
        conn.close()


def rotate(
    vault: Vault, new_file: KeyFile, new_key: DataKey, action: str, detail: str, progress: Progress | None
) -> None:
    """Re-encrypt the open ``vault`` under ``new_key`` and make ``new_file`` its key file; reopen it.

    The caller holds the exclusive lock. The vault's write lock is held throughout, so a save of this
    process waits and then goes into the new database: nothing typed is lost.
    """
    folder = vault.path
    with vault._lock:  # the page check and backups are kept out by the vault's keys lock
        settle(folder)  # a stale .next from an earlier crash is never mistaken for this change's
        try:
            atomic_write_bytes(folder / NEXT_KEY, keyfile.render(new_file))
            os.close(create_private(folder / NEXT_DB))  # 0600: SQLite writes into it, keeping the mode
            _export(vault, folder / NEXT_DB, new_key, progress)
            _append_event(folder / NEXT_DB, new_key, action, detail)
            # Both states are accepted until the change is done (seen.py): no false rollback warning
            # whichever side of the commit point a crash falls.
            seen.remember(vault._key, vault.chain_state(), also=(new_key, _head(folder / NEXT_DB, new_key)))
            fsync_file(folder / NEXT_DB)
            fsync_dir(folder)
            engine, vault._engine = vault._engine, None
            if engine is not None:
                checkpoint_and_dispose(engine)
            wal = folder / (DB_FILE + "-wal")
            if wal.exists() and wal.stat().st_size > 32:
                raise VaultError("The vault is still in use inside this program, so its keys were not "
                                 "changed. Nothing was changed. Lock it and try again.")
            for leftover in side_files(folder / DB_FILE):
                leftover.unlink()
        except BaseException as exc:
            (folder / NEXT_KEY).unlink(missing_ok=True)  # undo: the old pair stays in force
            (folder / NEXT_DB).unlink(missing_ok=True)
            if vault._engine is None:
                vault._engine = make_engine(folder / DB_FILE, vault._key)
            reason = save_reason(exc) if isinstance(exc, OSError | DEFAULT_DRIVER.Error) else None
            if reason is not None:
                raise KeyChangeFailed(reason) from None
            raise
        os.replace(folder / NEXT_KEY, folder / KEY_FILE)  # the commit point
        fsync_dir(folder)
        os.replace(folder / NEXT_DB, folder / DB_FILE)
        fsync_dir(folder)
        replaced, vault._key = vault._key, new_key.copy()  # the vault's own copy, wiped at lock
        replaced.wipe()
        vault._engine = make_engine(folder / DB_FILE, vault._key)
    if progress is not None:
        progress(1.0)


def reencrypt_copy(folder: Path, old_key: DataKey, vault: Vault) -> bool:
    """Replace the backup ``folder`` (made under ``old_key``) by the same content under the vault's
    current key, with a copy of its current key file; False (nothing changed) when ``old_key`` does
    not open it. Built in a work folder, then swapped in by two renames.
    """
    from .engine import connect_read_only
    from .files import incomplete_sibling, publish_dir, remove_tree

    try:
        conn = connect_read_only(folder / DB_FILE, old_key)
    except Exception:
        return False
    work = incomplete_sibling(folder)  # made 0700 here
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        os.close(create_private(work / DB_FILE))  # 0600: SQLite writes into it, keeping the mode
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(work / DB_FILE), vault._key.sql_literal()))
        conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        conn.execute("DETACH DATABASE rekeyed")
    except DEFAULT_DRIVER.Error:
        remove_tree(work)
        return False
    finally:
        conn.close()
    copy_private(vault.path / KEY_FILE, work / KEY_FILE)
    old = folder.with_name(folder.name + ".replaced")
    os.rename(folder, old)
    publish_dir(work, folder)
    remove_tree(old)
    return True
