"""The ``Vault``: creating, unlocking, locking, backing up and restoring the encrypted store.

The record operations (clients, sessions, worksheets, audit) come from the classes it builds on;
this module is about the vault's life cycle.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine

from ..durable import create_private, make_private_dirs
from ..vocabulary import AuditAction
from . import keyfile, rotation, seen
from .backup import check_copyable, copy_vault_files, export_copy, refuse_vault_places
from .engine import (
    DEFAULT_DRIVER,
    check_database,
    checkpoint_and_dispose,
    connect_read_only,
    make_engine,
    page_problems,
)
from .errors import (
    CannotOpen,
    CopyNotWritten,
    DamagedVault,
    KeptCopy,
    SaveFailed,
    VaultClosed,
    VaultError,
    VaultExists,
    VaultInUse,
    is_damage,
    save_reason,
)
from .files import DB_FILE, holds_vault, remove_stale_key_temps
from .importing import Importing
from .keychange import KeyChanges
from .keyfile import DataKey, KdfParams
from .lock import VaultLock
from .migrate import (
    being_upgraded,
    is_kept_copy,
    needs_upgrade,
    sweep_killed_copies,
    upgrade_alone,
    upgrade_with_copy,
    wait_for_upgrade,
)
from .practice import PracticeRecords
from .undo_create import discard_made, free_bytes

PathLike = str | os.PathLike[str]


class Vault(KeyChanges, PracticeRecords, Importing):
    """An open (unlocked) vault. Close it to lock; usable as a context manager.

    Safe to call from more than one thread: reads run side by side, writes go one at a time.
    """

    def __init__(self, path: Path, engine: Engine, key: DataKey, *, recovery_key: str | None = None):
        super().__init__(path, engine, key)
        #: The recovery key of a vault just created with ``with_recovery_key=True``: show or print it once.
        self.recovery_key = recovery_key
        #: Where the automatic copy went if opening migrated the schema, else None.
        self.pre_migration_copy: Path | None = None
        self._pending_wraps: tuple[dict[str, Any], ...] = ()  # key-file wraps to audit once proved intact
        self._page_check: Any = None  # the connection of a running check_pages, if any
        self._folder_lock: VaultLock | None = None  # shared while open, exclusive during a key change
        # Held by what reads the file under the current key outside the write lock (a backup, the page
        # check) and by a key change: neither ever sees the other's half-done state.
        self._keys_lock = threading.Lock()
        #: Set when this vault is older than one this computer has opened (a rollback?): the newer
        #: state (see seen.py); the app asks the person, ``accept_this_state`` clears it.
        self.older_than_seen: seen.Newer | None = None
        #: After ``change_keys``: automatic backups that still open with an older secret.
        self.backups_left = 0

    # -- life cycle ---------------------------------------------------------------------------------------

    @staticmethod
    def exists(path: PathLike) -> bool:
        """True when ``path`` holds a vault (or what is left of one): never create over it."""
        return holds_vault(Path(path))

    @classmethod
    def create(
        cls,
        path: PathLike,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        with_recovery_key: bool = False,
        driver: ModuleType = DEFAULT_DRIVER,
    ) -> Vault:
        """Create a new vault folder (new or empty) and return it open; records a 'created' event."""
        folder = Path(path).absolute()
        if not passphrase:
            raise ValueError("the passphrase is empty")
        # The guard's folder rule, as for a backup or a restore, and never inside a backups folder.
        refuse_vault_places(path, new_vault=True)
        # The slow key derivation runs before anything is written.
        key_file, key, recovery = keyfile.new_key_file(
            passphrase, kdf or KdfParams.default(), with_recovery_key=with_recovery_key
        )
        engine = None
        # What this call made, and only that, is removed again on failure: two processes creating the
        # same vault at once must never delete each other's files
        # (tests/core/vault/test_create_race.py).
        made_folders: list[str] = []
        made_key = made_db = False
        try:
            made_folders = make_private_dirs(folder)  # 0700, and any folder above it this call makes
            try:
                keyfile.write(folder, key_file, new=True)  # the claim: exactly one creator gets here
            except FileExistsError:
                raise VaultExists() from None
            made_key = True
            # Made here, 0600, so SQLite writes into it (and gives its -wal and -shm the same mode)
            # instead of creating it with its own mode (0644).
            os.close(create_private(folder / DB_FILE))
            made_db = True
            engine = make_engine(folder / DB_FILE, key, driver)
            # The schema comes from the migrations (one source of truth), as for upgrades.
            upgrade_with_copy(engine, key, folder, None)
            vault = cls(folder, engine, key, recovery_key=recovery)
            vault._folder_lock = VaultLock(folder)
            vault._folder_lock.shared()
            vault.record(AuditAction.CREATED, detail="vault")
        except BaseException as exc:
            if engine is not None:
                engine.dispose()
            discard_made(folder, made_folders, key=made_key, db=made_db)
            if isinstance(exc, OSError):
                raise CopyNotWritten(exc, "new vault", str(folder)) from None
            # The new vault's own database refused (a full disk while it is made): a new vault that was
            # not written, not one that "could not be opened" (tests/core/vault/test_words_of_errors.py).
            if isinstance(exc, (CannotOpen, SaveFailed)) and not isinstance(exc, CopyNotWritten):
                raise CopyNotWritten(None, "new vault", str(folder), reason=exc.reason) from None
            reason = save_reason(getattr(exc, "orig", exc))  # the schema's first write (SQLAlchemy)
            if reason is not None and not isinstance(exc, VaultError):
                # SQLite says "disk I/O error" when its journal cannot grow on a full disk.
                full = reason == "io" and free_bytes(folder) < 64 * 1024
                reason = "disk_full" if full else reason
                raise CopyNotWritten(None, "new vault", str(folder), reason=reason) from None
            raise
        return vault

    @classmethod
    def open(
        cls, path: PathLike, passphrase: str, *, driver: ModuleType = DEFAULT_DRIVER, exclusive: bool = False
    ) -> Vault:
        """Unlock and open a vault: ``unlock_key`` (slow) then ``open_with_key`` (fast).

        Raises WrongPassphrase, DamagedVault, NotAVault, PlainSqliteRefused, CannotOpen. A failed
        open writes nothing to the vault's files.
        """
        if is_kept_copy(Path(path).absolute()):
            raise KeptCopy(str(Path(path).absolute()))  # before the slow unlock
        key = keyfile.unlock_key(path, passphrase)
        try:
            return cls.open_with_key(path, key, driver=driver, exclusive=exclusive)
        finally:
            key.wipe()  # the vault works with its own copy

    @classmethod
    def open_with_key(
        cls,
        path: PathLike,
        key: DataKey,
        *,
        driver: ModuleType = DEFAULT_DRIVER,
        migrations: Path | None = None,
        full_check: bool = True,
        exclusive: bool = False,
    ) -> Vault:
        """Open a vault with a key from ``unlock_key`` (fast): read-only checks first, then WAL.

        An older schema is copied, then migrated.

        ``full_check=False`` leaves out the page-by-page check, which reads the whole file (seconds
        for a large vault): the app opens that way and runs ``check_pages`` on a worker right after.

        ``migrations`` points at another Alembic scripts folder (tests only).

        The open vault holds a shared OS lock on its folder (``exclusive``: the only one, for a key
        change); VaultInUse when that cannot be had. A key change a crash interrupted is finished or
        undone first (rotation.settle).
        """
        folder = Path(path).absolute()
        if is_kept_copy(folder):
            raise KeptCopy(str(folder))  # opening would upgrade the kept copy in place
        key_file = keyfile.read(folder)
        if key_file.vault_id != key.vault_id:
            raise VaultError("This key belongs to another vault. Unlock this vault with its own passphrase.")
        lock = VaultLock(folder)
        try:
            try:
                lock.exclusive() if exclusive else lock.shared()
            except VaultInUse:
                if exclusive or not being_upgraded(folder / DB_FILE, key, driver, migrations):
                    raise
                wait_for_upgrade(lock)  # VaultBeingUpgraded when it takes too long
            if rotation.pending(folder):
                lock.exclusive()  # VaultInUse while another process has it open
                rotation.settle(folder)
                if not exclusive:
                    lock.shared()
            vault = cls._open_locked(folder, key, driver, migrations, full_check, lock)
        except BaseException:
            lock.release()
            raise
        vault._folder_lock = lock
        return vault

    @classmethod
    def _open_locked(
        cls, folder: Path, key: DataKey, driver: ModuleType, migrations: Path | None, full_check: bool,
        lock: VaultLock,
    ) -> Vault:
        key_file = keyfile.read(folder)
        # Everything that can refuse the vault runs before the first writable connection.
        current = check_database(folder / DB_FILE, key, driver, full=full_check)
        upgrade = needs_upgrade(current, scripts=migrations)
        key = key.copy()  # the vault's own, wiped when it is locked; the caller's stays the caller's
        engine = make_engine(folder / DB_FILE, key, driver)
        try:
            with engine.connect():
                pass  # open the first writable connection now, so a read-only place fails here, not at a save
            sweep_killed_copies(folder)  # the lock is held: no upgrade of another is writing one
            copy = None
            if upgrade:  # under the folder's exclusive lock; another opener may have done it meanwhile
                upgraded_from, copy = upgrade_alone(engine, key, folder, lock, scripts=migrations)
                current = upgraded_from or current
            vault = cls(folder, engine, key)
            if copy is not None:
                vault.pre_migration_copy = copy
                detail = f"schema upgraded from {current}; copy kept in {copy.name}"
                vault.record(AuditAction.MIGRATED, detail=detail)
            vault._pending_wraps = key_file.wraps
            if full_check:  # else after check_pages proved the file intact: nothing is written before
                vault._after_intact()
            state = vault.chain_state()
            vault.older_than_seen = seen.older_than_seen(key, state, vault._query)
            if vault.older_than_seen is None:
                seen.remember(key, state)
        except BaseException:
            engine.dispose()
            key.wipe()
            raise
        return vault

    def check_pages(self) -> list[str]:
        """Every page's tamper check and SQLite's quick check, as after ``open_with_key(full_check=False)``.

        Returns the problems in plain words ([] when the vault is intact). Reads the whole file on its
        own read-only connection (run it on a worker); ``close`` stops it (then VaultClosed).
        """
        with self._keys_lock:
            return self._check_pages()

    def _check_pages(self) -> list[str]:
        self._live_engine()  # VaultClosed when locked
        conn = connect_read_only(self.path / DB_FILE, self._key)
        self._page_check = conn
        try:
            problems = page_problems(conn)
        except Exception as exc:
            if self._engine is None:
                raise VaultClosed() from None
            if is_damage(exc):
                return ["A part of the database file vault.db cannot be read."]
            raise
        finally:
            self._page_check = None
            conn.close()
        if not problems:
            self._after_intact()
        return problems

    def _after_intact(self) -> None:
        """Once the file is known intact: remove stale temp key files, audit key changes."""
        wraps, self._pending_wraps = self._pending_wraps, ()
        if wraps:
            remove_stale_key_temps(self.path)
            self.record_key_changes(wraps)

    def _stop_page_check(self) -> None:
        check = self._page_check
        if check is not None:
            check.interrupt()  # a page check still reading would keep the WAL from being folded back

    def close(self) -> None:
        """Lock: checkpoint the WAL into vault.db and close every connection (no -wal stays behind).

        Remembers the vault's newest state on this computer (seen.py) unless it was found older.
        """
        self._stop_page_check()
        with self._lock:
            if self._engine is not None and self.older_than_seen is None:
                with suppress(VaultError):  # a damaged vault: the record keeps the last good state
                    seen.remember(self._key, self.chain_state())
            engine, self._engine = self._engine, None
            if engine is not None:
                try:
                    checkpoint_and_dispose(engine, must_fold=False)
                finally:
                    self._key.wipe()  # every connection is closed: nothing needs the key any more
            lock, self._folder_lock = self._folder_lock, None
            if lock is not None:
                lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._read() as session:
            return [tuple(r) for r in session.connection().exec_driver_sql(sql, params).fetchall()]

    def chain_state(self) -> seen.ChainState:
        """Where the audit chain stands now (its newest event)."""
        return seen.chain_state(self._query)

    def accept_this_state(self) -> None:
        """The person chose this (older) state: remember it as the newest, so it is not flagged again."""
        self.older_than_seen = None
        seen.remember(self._key, self.chain_state())

    @property
    def vault_id(self) -> str:
        """The vault's random id (the same in its backups)."""
        return self._key.vault_id

    # -- backup ---------------------------------------------------------------------------------------------

    def backup(self, out_dir: PathLike) -> Path:
        """A consistent encrypted copy (a vault folder) in ``out_dir``, made while open; records 'backed_up'.

        Refuses an existing non-empty ``out_dir`` (VaultExists), and a place in or over a vault folder
        (VaultError, file_guard). The folder is 0700, its files 0600.
        """
        refuse_vault_places(out_dir)
        with self._keys_lock:  # the copied key file always matches the copied database
            out = export_copy(self._live_engine(), self._key, self.path, out_dir)
        self.record(AuditAction.BACKED_UP)
        return out

    @classmethod
    def restore(cls, backup_dir: PathLike, new_vault_dir: PathLike, passphrase: str | None = None) -> Path:
        """Copy a backup into a new (or empty) folder after checking it; never overwrites.

        With ``passphrase`` the backup is fully verified first (page HMACs, structure, audit chain)
        and 'restored' is recorded in the restored vault; without it only its files and key-file
        checksum are checked, and the caller records 'restored' once it opens the vault.
        """
        source = Path(backup_dir).absolute()
        check_copyable(source)
        key_file = keyfile.read(source)  # checksum: DamagedVault / NotAVault
        key = None
        if passphrase is not None:
            from .verify import verify_with_key

            key = keyfile.unlock(key_file, passphrase)
            report = verify_with_key(source, key)
            if not report.ok:
                raise DamagedVault(report.problems)
        target = copy_vault_files(source, new_vault_dir)
        if key is not None:
            with cls.open_with_key(target, key) as restored:
                restored.record(AuditAction.RESTORED, detail="from a backup")
                restored.accept_this_state()  # the person chose this state: not a rollback
        return target
