"""No client data in clear in any file the vault writes, in any common text encoding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ihrp_desktop.core.vault import Vault

CANARIES = ["CanaryName Łucja", "Zażółć-canary", "Канарейка-данные", "canary-answer-7731"]


def _leaks(folder: Path) -> list[tuple[str, str, str]]:
    found = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for canary in CANARIES:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if canary.encode(encoding) in data:
                    found.append((path.name, canary, encoding))
    return found


def _write_canaries(v: Vault) -> None:
    c = v.add_client(CANARIES[0])
    v.add_session(c.id, note=CANARIES[1])
    w = v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": CANARIES[2]})
    v.save_values(w.id, {"plan": CANARIES[2], "note": CANARIES[3]})
    v.record("printed", client_id=c.id, detail=CANARIES[3])


def test_no_plaintext_in_the_vault_files(
    vault_dir: Path, make_vault: Callable[..., Vault], tmp_path: Path
) -> None:
    with make_vault(vault_dir) as v:
        _write_canaries(v)
        assert (vault_dir / "vault.db-wal").exists()
        assert _leaks(vault_dir) == []  # while open: the -wal and -shm are encrypted too
        backup = v.backup(tmp_path / "backup")
    assert _leaks(vault_dir) == []
    assert _leaks(backup) == []
    with Vault.open(vault_dir, "correct horse battery staple") as v:
        assert v.clients()[0].name == CANARIES[0]  # the canaries really are in there


def test_errors_never_carry_client_data(vault: Vault) -> None:
    c = vault.add_client(CANARIES[0])
    w = vault.new_worksheet(c.id, "f", 1)
    try:
        vault.save_values(w.id, {"plan": CANARIES[2], "bad": {1, 2}})  # a set is not JSON
    except ValueError as exc:
        assert all(canary not in str(exc) for canary in CANARIES)
    else:  # pragma: no cover
        raise AssertionError("expected ValueError")
