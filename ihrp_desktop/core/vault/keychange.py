"""Key changes of an open vault (a mixin of ``Vault``): a new data key, the whole vault re-encrypted."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..vocabulary import AuditAction
from . import keyfile, rekey, rotation, seen
from .errors import VaultError
from .keyfile import DataKey, KdfParams
from .lock import VaultLock

if TYPE_CHECKING:
    from .vault import Vault

PathLike = str | os.PathLike[str]


class KeyChanges:
    """``change_keys`` and the closed-vault shortcuts ``change_passphrase`` and ``new_recovery_key``."""

    path: Path
    _key: DataKey
    _keys_lock: threading.Lock
    _folder_lock: VaultLock | None
    backups_left: int

    if TYPE_CHECKING:
        def _live_engine(self) -> Any: ...
        def chain_state(self) -> seen.ChainState: ...
        @classmethod
        def open(cls, path: PathLike, passphrase: str, *, exclusive: bool = False) -> Vault: ...

    def change_keys(
        self,
        current: str,
        new_passphrase: str | None,
        recovery: keyfile.RecoveryChoice,
        *,
        action: str,
        kdf: KdfParams | None = None,
        progress: rotation.Progress | None = None,
        backups: Literal["keep", "reencrypt", "delete"] = "keep",
    ) -> str | None:
        """Make a NEW data key and re-encrypt the whole vault under it (see rotation.py); returns a new
        recovery key to print once when ``recovery`` is "new".

        ``current`` is the passphrase (or the recovery key, when ``new_passphrase`` is given);
        ``new_passphrase`` None keeps the passphrase. Every older vault.key, with every secret that
        opened it, stops opening this vault (tests/core/vault/test_rotation.py). Needs the vault to
        itself: VaultInUse while another process has it open. Slow (key derivation and a full copy):
        run it on a worker. Writes ``action`` to the audit trail inside the re-encrypted database.
        ``backups``: what happens to the automatic backups beside the vault (core/backups.py).
        """
        key_file = keyfile.read(self.path)
        keeps_passphrase = new_passphrase is None
        old = keyfile.unlock(key_file, current, passphrase_only=keeps_passphrase)
        if old.sql_literal() != self._live_key().sql_literal():
            raise VaultError("This vault's key file changed while it was open. Lock it and unlock it again.")
        new_file, new_key, made = rekey.next_key_file(
            key_file, old, current if new_passphrase is None else new_passphrase, recovery, kdf
        )
        kept = recovery == "keep" and new_file.wrap("recovery") is not None
        detail = "new data key; " + (
            "new recovery key" if recovery == "new" else "recovery key kept" if kept else "no recovery key"
        )
        assert self._folder_lock is not None
        with self._keys_lock:
            self._folder_lock.exclusive()  # VaultInUse: changes nothing
            try:
                rotation.rotate(self, new_file, new_key, action, detail, progress)  # type: ignore[arg-type]
            finally:
                self._folder_lock.downgrade()
            seen.remember(new_key, self.chain_state())  # the record follows the new key
            try:
                self._after_key_change(old, backups)
            finally:
                old.wipe()
                new_key.wipe()  # the vault holds its own copy
        return made

    def _after_key_change(self, old: DataKey, backups: str) -> None:
        """The automatic backups, as the person chose: kept (they open with the old secrets),
        re-encrypted under the new key, or deleted. ``backups_left``: how many still use an old key."""
        from .. import backups as automatic

        self.backups_left = len(automatic.backups(self.path))
        if backups == "reencrypt":
            self.backups_left = automatic.reencrypt_backups(self, old)[1]  # type: ignore[arg-type]
        elif backups == "delete":
            automatic.delete_backups(self.path)
            self.backups_left = 0

    def _live_key(self) -> DataKey:
        self._live_engine()
        return self._key

    @classmethod
    def change_passphrase(
        cls, path: PathLike, old: str, new: str, *, kdf: KdfParams | None = None,
        progress: rotation.Progress | None = None,
    ) -> None:
        """Change the passphrase of a closed vault (``old`` may be the recovery key): a new data key.

        The recovery key, if any, keeps working. VaultInUse while another process has it open.
        """
        if not new:
            raise ValueError("the new passphrase is empty")
        with cls.open(path, old, exclusive=True) as vault:
            vault.change_keys(
                old, new, "keep", action=AuditAction.PASSPHRASE_CHANGED, kdf=kdf, progress=progress
            )

    @classmethod
    def new_recovery_key(cls, path: PathLike, passphrase: str, *, kdf: KdfParams | None = None) -> str:
        """Replace (or add) the recovery key of a closed vault with a new data key; returns the new one."""
        with cls.open(path, passphrase, exclusive=True) as vault:
            made = vault.change_keys(passphrase, None, "new", action=AuditAction.RECOVERY_KEY_MADE, kdf=kdf)
        assert made is not None
        return made
