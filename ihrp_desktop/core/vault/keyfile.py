"""The key file ``vault.key``: the vault's data key, wrapped under the passphrase (and a recovery key).

Design (Standard Notes / KeePassXC style): a random 32-byte data key opens the SQLCipher database
as a raw key. It is stored only wrapped with AES-256-GCM under a key derived from the passphrase by
Argon2id. So:

- a failed AES-GCM unwrap means the passphrase is wrong (the tag check cannot pass by chance);
- a SHA-256 checksum over the file's own content tells a damaged key file from a wrong passphrase;
- a key change makes a new data key and re-encrypts the database under it (``rotation.py``): an
  older vault.key, with any secret that opened it, no longer opens the current vault.db.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import secrets
import stat
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..durable import atomic_write_bytes
from .errors import (
    CannotOpen,
    DamagedVault,
    NotAVault,
    Said,
    VaultFromNewerVersion,
    WrongPassphrase,
    save_reason,
)
from .files import DB_FILE, KEY_FILE
from .kdf import _KEY_BYTES as _KEY_BYTES
from .kdf import KdfParams as KdfParams  # re-exported: callers know it from here

FORMAT = "ihrp-desktop-vault-key"
VERSION = 1
WrapKind = Literal["passphrase", "recovery"]
RecoveryChoice = Literal["keep", "new", "drop"]  # what a key change does with the recovery key
_RECOVERY_BYTES = 20  # 160 random bits: far beyond guessing, still 32 characters to type.
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class DataKey:
    """The vault's raw data key. Kept out of ``repr`` so it never lands in a log or traceback.

    Held in a bytearray so ``wipe`` (at lock) can overwrite it in place. Python cannot wipe the
    immutable copies made on the way (the bytes the unwrap returned, the hex text given to SQLCipher):
    they stay in memory until it is reused (docs/security.md, "Memory").
    """

    __slots__ = ("_raw", "vault_id")

    def __init__(self, raw: bytes | bytearray, vault_id: str):
        if len(raw) != _KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._raw = bytearray(raw)
        self.vault_id = vault_id

    def sql_literal(self) -> str:
        """The key as SQLCipher's raw-key literal ``x'<64 hex>'`` (hex only, so it is safe in SQL text)."""
        if self.wiped:
            raise ValueError("this key was wiped when the vault was locked")
        return f"x'{self._raw.hex()}'"

    def copy(self) -> DataKey:
        """An independent copy (an open vault keeps its own, and wipes it when locked)."""
        return DataKey(self._raw, self.vault_id)

    def wipe(self) -> None:
        """Overwrite the key with zeros (the vault is locked; this object opens nothing any more)."""
        for i in range(len(self._raw)):
            self._raw[i] = 0
        self._raw = bytearray()

    @property
    def wiped(self) -> bool:
        return len(self._raw) != _KEY_BYTES

    def derive(self, purpose: bytes) -> bytes:
        """A 32-byte key for ``purpose`` derived from this data key (HKDF-SHA256): it changes with it."""
        if self.wiped:
            raise ValueError("this key was wiped when the vault was locked")
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(self._raw)

    def __repr__(self) -> str:
        return f"DataKey(vault_id={self.vault_id!r}, raw=<hidden>)"


@dataclass(frozen=True)
class KeyFile:
    """The parsed content of ``vault.key``."""

    vault_id: str
    created_at: str
    wraps: tuple[dict[str, Any], ...]

    def wrap(self, kind: WrapKind) -> dict[str, Any] | None:
        return next((w for w in self.wraps if w.get("kind") == kind), None)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def normalize_passphrase(passphrase: str) -> bytes:
    """The same passphrase typed on another keyboard (composed or decomposed letters) gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def new_recovery_key() -> str:
    """A random recovery key to print once, e.g. ``ABCD-EFGH-...`` (8 groups of 4)."""
    text = base64.b32encode(secrets.token_bytes(_RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _recovery_bytes(text: str) -> bytes | None:
    """The recovery key as typed, forgiving case, spaces, dashes and look-alike digits; None if not one."""
    cleaned = "".join(c for c in text.upper() if c not in " -\t\n")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32 or any(c not in _B32 for c in cleaned):
        return None
    return base64.b32decode(cleaned)


def _aad(vault_id: str, kind: str) -> bytes:
    # Binds a wrap to its vault and kind: a wrap copied from another vault's key file will not unwrap.
    return f"{FORMAT}/{VERSION}|{vault_id}|{kind}".encode()


def make_wrap(
    kind: WrapKind, secret: bytes, data_key: bytes | bytearray, vault_id: str, kdf: KdfParams
) -> dict[str, Any]:
    """Wrap ``data_key`` under a key derived from ``secret`` (fresh salt and nonce every time)."""
    kdf.check()
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapping = kdf.derive(secret, salt)
    sealed = AESGCM(wrapping).encrypt(nonce, data_key, _aad(vault_id, kind))
    return {
        "kind": kind,
        "kdf": {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(salt),
        },
        "nonce": _b64(nonce),
        "wrapped_key": _b64(sealed),
    }


class KdfRefused(Exception):
    """A wrap's Argon2id settings are outside the floor and ceiling (see core.kdf_limits); ``kind`` is
    kdf_limits.refusal's word for why."""

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__(kind)


_REFUSED = {"invalid": "problem.key_refused_invalid", "weak": "problem.key_refused_weak",
            "strong": "problem.key_refused_strong"}


def _unwrap(wrap: dict[str, Any], secret: bytes, vault_id: str) -> bytes | None:
    """The data key, or None when ``secret`` is wrong. Raises ValueError on a malformed wrap."""
    k = wrap["kdf"]
    if k.get("name") != "argon2id":
        raise ValueError("unknown key derivation")
    numbers = [k["memory_kib"], k["iterations"], k["lanes"]]
    # Whole numbers written as such: "196608", 196608.5 or true are an edited file, not settings.
    if not all(type(n) is int for n in numbers):
        raise KdfRefused("invalid")
    params = KdfParams(*numbers)
    from .. import kdf_limits  # here, as in KdfParams.check: not on the first frame's path

    # Before any derivation: an edited file can neither weaken nor stall an unlock.
    kind = kdf_limits.refusal(params.memory_kib, params.iterations, params.lanes)
    if kind is not None:
        raise KdfRefused(kind)
    wrapping = params.derive(secret, _unb64(k["salt"]))
    try:
        raw = AESGCM(wrapping).decrypt(
            _unb64(wrap["nonce"]), _unb64(wrap["wrapped_key"]), _aad(vault_id, wrap["kind"])
        )
    except InvalidTag:
        return None
    if len(raw) != _KEY_BYTES:
        raise ValueError("wrapped key has the wrong length")
    return raw


def render(key_file: KeyFile) -> bytes:
    """The bytes of ``vault.key`` for ``key_file``, checksum included."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": key_file.vault_id,
        "created_at": key_file.created_at,
        "cipher": "sqlcipher4-raw-key",
        "wraps": list(key_file.wraps),
    }
    body["checksum"] = _checksum(body)
    return (json.dumps(body, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def write(vault_dir: Path, key_file: KeyFile, *, new: bool = False) -> None:
    """Write ``vault.key`` atomically (temp file, fsync, rename, fsync folder). ``new``: a vault being
    created, where an existing ``vault.key`` (another process creating the same vault) is never replaced:
    FileExistsError instead."""
    atomic_write_bytes(vault_dir / KEY_FILE, render(key_file), new=new)


def _stat_is(path: Path, kind: Any) -> bool:
    """Whether ``path`` exists and is of ``kind``; CannotOpen when the system refuses to tell."""
    try:
        return bool(kind(os.stat(path).st_mode))
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise CannotOpen(save_reason(exc) or "io") from None


def read(vault_dir: Path) -> KeyFile:
    """Read and check ``vault.key``; raises NotAVault or DamagedVault in plain words."""
    key_path, db_path = vault_dir / KEY_FILE, vault_dir / DB_FILE
    # os.stat, not Path.is_dir: a folder the person may not enter is "permission denied", not "missing".
    folder_ok = _stat_is(vault_dir, stat.S_ISDIR)
    key_ok = folder_ok and _stat_is(key_path, stat.S_ISREG)
    if not folder_ok:
        if _stat_is(vault_dir, stat.S_ISREG):  # e.g. --vault v/vault.db: the file, not its folder
            if vault_dir.name in (KEY_FILE, DB_FILE):
                raise NotAVault(Said("reason.file_not_folder_here", path=vault_dir, parent=vault_dir.parent))
            raise NotAVault(Said("reason.file_not_folder", path=vault_dir))
        if os.path.exists(vault_dir):  # e.g. --vault /dev/null
            raise NotAVault(Said("reason.device_not_folder", path=vault_dir))
        raise NotAVault(Said("reason.no_folder"))
    if not key_ok:
        if db_path.exists():
            raise DamagedVault([Said("problem.key_missing")])
        raise NotAVault()
    unreadable = DamagedVault([Said("problem.key_unreadable")])
    damaged = DamagedVault([Said("problem.key_checksum")])
    try:
        body = json.loads(key_path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise CannotOpen(save_reason(exc) or "io") from None
    except (UnicodeDecodeError, ValueError):
        raise unreadable from None
    if not isinstance(body, dict):
        raise unreadable
    if body.get("format") != FORMAT and "checksum" not in body:
        raise NotAVault(Said("reason.not_key_file"))
    stated = body.pop("checksum", None)
    if stated != _checksum(body):
        raise damaged
    if body.get("format") != FORMAT or not isinstance(body.get("version"), int):
        raise damaged
    if body["version"] > VERSION:
        raise VaultFromNewerVersion()
    if body["version"] != VERSION:
        raise damaged
    wraps = body.get("wraps")
    if not isinstance(wraps, list) or not all(isinstance(w, dict) for w in wraps) or not wraps:
        raise damaged
    return KeyFile(
        vault_id=str(body.get("vault_id")), created_at=str(body.get("created_at")), wraps=tuple(wraps)
    )


def new_key_file(
    passphrase: str, kdf: KdfParams, *, with_recovery_key: bool
) -> tuple[KeyFile, DataKey, str | None]:
    """A fresh vault identity: (key file, data key, recovery key to print once or None)."""
    vault_id = str(uuid.uuid4())
    raw = secrets.token_bytes(_KEY_BYTES)
    wraps = [make_wrap("passphrase", normalize_passphrase(passphrase), raw, vault_id, kdf)]
    recovery: str | None = None
    if with_recovery_key:
        wrap, recovery = _recovery_wrap(raw, vault_id, kdf)
        wraps.append(wrap)
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return KeyFile(vault_id, created, tuple(wraps)), DataKey(raw, vault_id), recovery


def unlock(key_file: KeyFile, passphrase: str, *, passphrase_only: bool = False) -> DataKey:
    """Unwrap the data key with the passphrase, or with the recovery key if that is what was typed.

    ``passphrase_only``: the recovery key is not accepted (a change that keeps the passphrase must know it).
    """
    attempts: list[tuple[str, bytes]] = []
    recovery = _recovery_bytes(passphrase)
    if recovery is not None and key_file.wrap("recovery") is not None and not passphrase_only:
        attempts.append(("recovery", recovery))  # looks like a recovery key: try it first, saves one KDF run
    attempts.append(("passphrase", normalize_passphrase(passphrase)))
    for kind, secret in attempts:
        wrap = key_file.wrap(kind)  # type: ignore[arg-type]
        if wrap is None:
            continue
        try:
            raw = _unwrap(wrap, secret, key_file.vault_id)
        except KdfRefused as exc:
            from .. import kdf_limits

            raise DamagedVault([Said(_REFUSED[exc.kind], **kdf_limits.limits())]) from None
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise DamagedVault([Said("problem.key_wrap_unreadable")]) from None
        if raw is not None:
            return DataKey(raw, key_file.vault_id)
    raise WrongPassphrase()


def unlock_key(vault_dir: str | os.PathLike[str], passphrase: str) -> DataKey:
    """Read ``vault.key`` and unwrap the data key (slow: run it off the GUI thread).

    Raises WrongPassphrase, DamagedVault or NotAVault. Never writes anything.
    """
    return unlock(read(Path(vault_dir)), passphrase)


def _escrow(wrapping: bytes, data_key: bytes, vault_id: str) -> dict[str, str]:
    """The recovery wrap's own wrapping key, sealed under the data key.

    Why: a passphrase change makes a new data key but keeps the printed recovery sheet working,
    and re-wrapping for the new data key needs the recovery key's derived key, which only the sheet
    holds. Anyone who holds this data key can already read the vault; see docs/security.md for what
    it means after a passphrase change.
    """
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(data_key).encrypt(nonce, wrapping, _aad(vault_id, "recovery-escrow"))
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _recovery_wrap(
    data_key: bytes, vault_id: str, kdf: KdfParams, wrapping: bytes | None = None, salt: bytes | None = None
) -> tuple[dict[str, Any], str | None]:
    """A recovery wrap (with its escrow): a new recovery key, or the same one (``wrapping``, ``salt``)."""
    recovery: str | None = None
    if wrapping is None or salt is None:
        kdf.check()
        recovery = new_recovery_key()
        parsed = _recovery_bytes(recovery)
        assert parsed is not None
        salt = secrets.token_bytes(16)
        wrapping = kdf.derive(parsed, salt)
    nonce = secrets.token_bytes(12)
    wrap: dict[str, Any] = {
        "kind": "recovery",
        "kdf": {"name": "argon2id", "memory_kib": kdf.memory_kib, "iterations": kdf.iterations,
                "lanes": kdf.lanes, "salt": _b64(salt)},
        "nonce": _b64(nonce),
        "wrapped_key": _b64(AESGCM(wrapping).encrypt(nonce, data_key, _aad(vault_id, "recovery"))),
        "escrow": _escrow(wrapping, data_key, vault_id),
    }
    return wrap, recovery
