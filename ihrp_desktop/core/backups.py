"""Automatic backups beside the vault: at most one a day, the newest few kept.

They live in ``<vault>-backups/<UTC date and time>/`` (each one a vault folder, encrypted with the
same data key, opened with the passphrase in use when it was made). When the vault is damaged, the
app offers the latest one: it is restored into a new folder, the damaged vault is never touched.
Folder names hold only dates, never a client's name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .durable import make_private_dirs
from .file_guard import BACKUPS_SUFFIX
from .vault.files import DB_FILE, KEY_FILE

if TYPE_CHECKING:
    from .vault import Vault
    from .vault.keyfile import DataKey

KEEP = 7  # daily copies kept; older ones are removed after a new one is complete
EVERY = dt.timedelta(hours=20)  # "once a day", even when the day starts a little earlier
_STAMP = "%Y-%m-%d_%H%M%S"


def backups_dir(vault_path: Path) -> Path:
    """The folder of automatic backups for the vault at ``vault_path``."""
    return vault_path.with_name(f"{vault_path.name}{BACKUPS_SUFFIX}")


def _made_at(folder: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(folder.name, _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None  # work folders of unfinished copies and anything else put there


def backups(vault_path: Path) -> list[tuple[dt.datetime, Path]]:
    """Complete automatic backups, newest first."""
    root = backups_dir(vault_path)
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        made = _made_at(folder)
        if made and (folder / DB_FILE).is_file() and (folder / KEY_FILE).is_file():
            found.append((made, folder))
    return sorted(found, reverse=True)


def latest_backup(vault_path: Path) -> tuple[dt.datetime, Path] | None:
    found = backups(vault_path)
    return found[0] if found else None


def backup_due(vault_path: Path, now: dt.datetime | None = None) -> bool:
    latest = latest_backup(vault_path)
    return latest is None or (now or dt.datetime.now(dt.UTC)) - latest[0] >= EVERY


# A work folder untouched this long belongs to a backup that was killed: a running one writes
# into its folder (and finishes) well within it.
STALE_AFTER = dt.timedelta(hours=1)


def sweep_stale_work(root: Path, now: dt.datetime | None = None) -> int:
    """Remove the ``*.incomplete-*`` work folders killed backups left in ``root`` (the automatic
    backups folder only: it is this program's own), older than STALE_AFTER; returns how many."""
    from .vault.files import remove_tree

    cutoff = (now or dt.datetime.now(dt.UTC)) - STALE_AFTER
    removed = 0
    for folder in root.glob("*.incomplete-*"):
        try:
            info = folder.lstat()
        except OSError:
            continue  # gone meanwhile
        if folder.is_symlink() or not folder.is_dir():
            continue  # not a work folder this program made
        if dt.datetime.fromtimestamp(info.st_mtime, dt.UTC) < cutoff:
            remove_tree(folder)
            removed += 1
    return removed


def make_backup(vault: Vault, now: dt.datetime | None = None, keep: int = KEEP) -> Path:
    """A new automatic backup of the open vault, then the oldest beyond ``keep`` removed."""
    now = now or dt.datetime.now(dt.UTC)
    root = backups_dir(vault.path)
    make_private_dirs(root)
    sweep_stale_work(root)
    made = vault.backup(root / now.strftime(_STAMP))
    for _, old in backups(vault.path)[keep:]:
        for child in old.iterdir():
            child.unlink()
        old.rmdir()
    return made


def restored_path(vault_path: Path, now: dt.datetime | None = None) -> Path:
    """A new folder beside the damaged vault for the restored copy."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime(_STAMP)
    return vault_path.with_name(f"{vault_path.name}-restored-{stamp}")


def restore_latest(vault_path: Path, passphrase: str) -> tuple[dt.datetime, Path]:
    """Verify the latest backup with ``passphrase``, copy it into a new folder; returns (made at, new vault).

    Raises FileNotFoundError when there is no backup, and the vault errors of ``Vault.restore``.
    """
    latest = latest_backup(vault_path)
    if latest is None:
        raise FileNotFoundError(backups_dir(vault_path))
    made, folder = latest
    from .vault import Vault

    return made, Vault.restore(folder, restored_path(vault_path), passphrase)


def delete_backups(vault_path: Path) -> int:
    """Remove every automatic backup (after a key change, when the person chose so); returns how many."""
    from .vault.files import remove_tree

    found = backups(vault_path)
    for _, folder in found:
        remove_tree(folder)
    return len(found)


def reencrypt_backups(vault: Vault, old_key: DataKey) -> tuple[int, int]:
    """Re-encrypt the automatic backups made under ``old_key`` under the vault's current key and key file.

    They then open with the current passphrase only. Backups made under an even older key cannot be
    read with ``old_key`` and are left as they are. Returns (re-encrypted, left as they were).
    Tested by tests/core/test_backups_after_key_change.py.
    """
    from .vault.rotation import reencrypt_copy

    done = left = 0
    for _, folder in backups(vault.path):
        if reencrypt_copy(folder, old_key, vault):
            done += 1
        else:
            left += 1
    return done, left
