"""Argon2 floor and ceiling: a key file outside them is refused before any derivation, within a second;
a passphrase change writes today's settings."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from ihrp_desktop.core import kdf_limits
from ihrp_desktop.core.vault import DamagedVault, KdfParams, Vault, keyfile, unlock_key

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def real_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The floor a user's program has (the test suite lowers it for its fast vaults)."""
    monkeypatch.setattr(kdf_limits, "FLOOR_MEMORY_KIB", 19 * 1024)
    monkeypatch.setattr(kdf_limits, "FLOOR_ITERATIONS", 2)


def _edit_kdf(folder: Path, **kdf: object) -> None:
    current = keyfile.read(folder)
    wraps = tuple(dict(w, kdf=dict(w["kdf"], **kdf)) for w in current.wraps)
    keyfile.write(folder, keyfile.KeyFile(current.vault_id, current.created_at, wraps))  # checksum redone


def test_the_floor_and_ceiling_are_the_documented_values() -> None:
    # Read from the module's source values, not the test suite's lowered ones.
    source = Path(kdf_limits.__file__).read_text()
    assert "FLOOR_MEMORY_KIB = 19 * 1024" in source and "FLOOR_ITERATIONS = 2" in source
    assert (kdf_limits.CEILING_MEMORY_KIB, kdf_limits.CEILING_ITERATIONS, kdf_limits.CEILING_LANES) == (
        1024 * 1024,
        10,
        16,
    )
    KdfParams.default().check()  # today's default is inside both


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        ({"memory_kib": 8, "iterations": 1, "lanes": 1}, "weaker than this program accepts"),
        ({"iterations": 1}, "weaker than this program accepts"),
        ({"memory_kib": 4 * 1024 * 1024, "iterations": 64}, "more than this program allows"),
        ({"lanes": 64}, "not valid"),
        # Inside each single limit, yet 22 s an unlock here: the cost ceiling (memory x passes) refuses it.
        ({"memory_kib": 1024 * 1024, "iterations": 10, "lanes": 16}, "more than this program allows"),
        # Numbers that are not whole numbers written as such: an edited file.
        ({"memory_kib": "196608"}, "not valid"),
        ({"memory_kib": 196608.5}, "not valid"),
        ({"iterations": True}, "not valid"),
    ],
)
def test_a_key_file_outside_the_limits_is_refused_within_a_second(
    tmp_path: Path, real_floor: None, edit: dict[str, object], words: str
) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE, kdf=KdfParams(19 * 1024, 2, 1)).close()
    _edit_kdf(folder, **edit)
    started = time.perf_counter()
    with pytest.raises(DamagedVault) as refused:
        unlock_key(folder, PASSPHRASE)
    assert time.perf_counter() - started < 1.0  # refused before deriving: no 25 s, no 4 GB
    assert words in refused.value.message and "vault.key" in refused.value.message


def test_the_real_floor_refuses_the_test_suites_fast_settings_for_new_vaults(
    tmp_path: Path, real_floor: None
) -> None:
    with pytest.raises(ValueError, match="weaker"):
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast())
    assert not (tmp_path / "v" / "vault.key").exists()


def test_a_passphrase_change_writes_todays_settings(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast(), with_recovery_key=True).close()
    Vault.change_passphrase(folder, PASSPHRASE, "a quiet harbour at dawn")
    wraps = json.loads((folder / "vault.key").read_text())["wraps"]
    changed = next(w for w in wraps if w["kind"] == "passphrase")["kdf"]
    today = KdfParams.default()
    assert (changed["memory_kib"], changed["iterations"], changed["lanes"]) == (
        today.memory_kib,
        today.iterations,
        today.lanes,
    )
    with Vault.open(folder, "a quiet harbour at dawn") as vault:
        assert vault.is_open
