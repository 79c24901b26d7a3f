"""The encrypted vault: SQLCipher 4 + SQLAlchemy, a wrapped data key, revisions, audit trail, backups.

A vault is a folder holding ``vault.db`` (the SQLCipher database) and ``vault.key`` (the data key,
wrapped under the passphrase with Argon2id + AES-GCM). Start with ``Vault.create`` / ``Vault.open``;
to keep the GUI responsive run ``unlock_key`` (slow) on a worker and ``Vault.open_with_key`` after.
"""

from __future__ import annotations

from .errors import (
    CannotOpen,
    DamagedVault,
    NotAVault,
    PlainSqliteRefused,
    RecordNotFound,
    SaveFailed,
    VaultClosed,
    VaultError,
    VaultExists,
    VaultFromNewerVersion,
    WrongPassphrase,
)
from .keyfile import DataKey, KdfParams, unlock_key
from .records import AuditEventInfo, ClientInfo, RevisionInfo, SessionInfo, Worksheet, WorksheetInfo
from .vault import Vault
from .verify import VerifyReport, verify

__all__ = [
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
    "VerifyReport",
    "Worksheet",
    "WorksheetInfo",
    "WrongPassphrase",
    "unlock_key",
    "verify",
]
