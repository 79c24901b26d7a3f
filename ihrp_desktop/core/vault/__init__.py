"""The encrypted vault: SQLCipher 4 + SQLAlchemy, a wrapped data key, revisions, audit trail, backups.

A vault is a folder holding ``vault.db`` (the SQLCipher database) and ``vault.key`` (the data key,
wrapped under the passphrase with Argon2id + AES-GCM). Start with ``Vault.create`` / ``Vault.open``;
to keep the GUI responsive run ``unlock_key`` (slow) on a worker and ``Vault.open_with_key`` after.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import (
    AlreadyRevised,
    CannotOpen,
    DamagedVault,
    KeptCopy,
    NotAVault,
    PlainSqliteRefused,
    RecordNotFound,
    SaveFailed,
    UpgradeFailed,
    VaultBeingUpgraded,
    VaultClosed,
    VaultError,
    VaultExists,
    VaultFromNewerVersion,
    VaultInUse,
    WrongPassphrase,
)

if TYPE_CHECKING:
    from .keyfile import DataKey, KdfParams, unlock_key
    from .records import AuditEventInfo, ClientInfo, RevisionInfo, SessionInfo, Worksheet, WorksheetInfo
    from .vault import Vault
    from .verify import VerifyReport, verify

# The errors are light; the rest pulls in SQLAlchemy and cryptography (docs/performance.md), so
# it loads on first use: the app shows its unlock window first and imports these while you type.
_LAZY = {
    "DataKey": "keyfile", "KdfParams": "keyfile", "unlock_key": "keyfile",
    "AuditEventInfo": "records", "ClientInfo": "records", "RevisionInfo": "records",
    "SessionInfo": "records", "Worksheet": "records", "WorksheetInfo": "records",
    "Vault": "vault", "VerifyReport": "verify", "verify": "verify",
}


class _Package(ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # Importing the submodule ``verify`` must not hide the ``verify()`` function of that name.
        if name == "verify" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "AlreadyRevised",
    "AuditEventInfo",
    "CannotOpen",
    "ClientInfo",
    "DamagedVault",
    "DataKey",
    "KdfParams",
    "NotAVault",
    "PlainSqliteRefused",
    "RecordNotFound",
    "RevisionInfo",
    "SaveFailed",
    "SessionInfo",
    "Vault",
    "VaultClosed",
    "VaultError",
    "VaultExists",
    "VaultFromNewerVersion",
    "VaultInUse",
    "VaultBeingUpgraded",
    "KeptCopy",
    "UpgradeFailed",
    "VerifyReport",
    "Worksheet",
    "WorksheetInfo",
    "WrongPassphrase",
    "unlock_key",
    "verify",
]
