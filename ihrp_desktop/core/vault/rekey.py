"""The key file of a key change: a new data key, the passphrase wrap, the recovery key kept or replaced."""

from __future__ import annotations

import binascii
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .keyfile import (
    _KEY_BYTES,
    DataKey,
    KdfParams,
    KeyFile,
    RecoveryChoice,
    _aad,
    _recovery_wrap,
    _unb64,
    make_wrap,
    normalize_passphrase,
)


def _kept_recovery(
    wrap: dict[str, Any], old: bytes | bytearray, new: bytes, vault_id: str
) -> dict[str, Any] | None:
    """The same recovery key wrapped for the new data key; None for a wrap without escrow (older files)."""
    escrow = wrap.get("escrow")
    if not isinstance(escrow, dict):
        return None
    try:
        wrapping = AESGCM(old).decrypt(
            _unb64(escrow["nonce"]), _unb64(escrow["sealed"]), _aad(vault_id, "recovery-escrow")
        )
        k = wrap["kdf"]
        kdf = KdfParams(int(k["memory_kib"]), int(k["iterations"]), int(k["lanes"]))
        salt = _unb64(k["salt"])
    except (InvalidTag, KeyError, TypeError, ValueError, binascii.Error):
        return None
    return _recovery_wrap(new, vault_id, kdf, wrapping, salt)[0]


def next_key_file(
    key_file: KeyFile, old: DataKey, passphrase: str, recovery: RecoveryChoice, kdf: KdfParams | None = None
) -> tuple[KeyFile, DataKey, str | None]:
    """The key file of a key change: a NEW random data key wrapped under ``passphrase``.

    ``recovery``: "keep" re-wraps the existing recovery key for the new data key (the printed sheet
    keeps working; a wrap without escrow, from an older version, is dropped instead), "new" makes a
    new recovery key (returned, to print once), "drop" leaves none. Returns (key file, data key,
    new recovery key or None). The slow key derivation runs here; nothing is written.
    """
    if not passphrase:
        raise ValueError("the new passphrase is empty")
    kdf = kdf or KdfParams.default()  # today's settings: a key change upgrades an old or weak key file
    raw = secrets.token_bytes(_KEY_BYTES)
    vault_id = key_file.vault_id
    wraps = [make_wrap("passphrase", normalize_passphrase(passphrase), raw, vault_id, kdf)]
    made: str | None = None
    current = key_file.wrap("recovery")
    if recovery == "new":
        wrap, made = _recovery_wrap(raw, vault_id, kdf)
        wraps.append(wrap)
    elif recovery == "keep" and current is not None:
        kept = _kept_recovery(current, old._raw, raw, vault_id)
        if kept is not None:
            wraps.append(kept)
    return KeyFile(vault_id, key_file.created_at, tuple(wraps)), DataKey(raw, vault_id), made
