"""Fixtures for vault tests: real SQLCipher vaults in tmp_path, with tiny Argon2 costs to stay fast."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.small_disk import small_disk  # noqa: F401 - a real full disk, shared fixture

PASSPHRASE = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, str]:
    """Name -> SHA-256 of every file under ``folder`` (to prove nothing was written)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_vault(path: Path, passphrase: str = PASSPHRASE, **kwargs: object) -> Vault:
    return Vault.create(path, passphrase, kdf=KdfParams.fast(), **kwargs)  # type: ignore[arg-type]


def fill(vault: Vault, clients: int = 3) -> list[int]:
    """Some clients, sessions and worksheets with enough text to span several database pages."""
    ids = []
    for n in range(clients):
        client = vault.add_client(f"Client {n}")
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1, values={"goal": f"goal {n} " * 500})
        vault.save_values(sheet.id, {"goal": f"revised goal {n} " * 500})
        ids.append(sheet.id)
    return ids


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    v = make_vault(vault_dir)
    yield v
    v.close()


@pytest.fixture
def closed_vault(vault_dir: Path) -> Path:
    """A closed vault with a few pages of content."""
    with make_vault(vault_dir) as v:
        fill(v)
    return vault_dir


# Test modules are imported with --import-mode=importlib (not importable by name), so the helpers
# are handed out as fixtures.
@pytest.fixture(name="snapshot")
def snapshot_fixture() -> object:
    return snapshot


@pytest.fixture(name="make_vault")
def make_vault_fixture() -> object:
    return make_vault


@pytest.fixture(name="fill")
def fill_fixture() -> object:
    return fill
