"""Key changes make a new data key: every older vault.key, with every older secret, stops opening it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import (
    DamagedVault,
    KdfParams,
    Vault,
    VaultInUse,
    WrongPassphrase,
    rotation,
    verify,
)
from tests.kdf_floor import LOWER

FAST = KdfParams.fast()
P0, P1, P2 = "first passphrase", "second passphrase", "third passphrase"


def _refused(folder: Path, key_bytes: bytes, secret: str, tmp: Path) -> bool:
    """Whether ``key_bytes`` as vault.key beside the current vault.db fails to open it with ``secret``."""
    trial = tmp / f"trial-{len(list(tmp.iterdir()))}"
    trial.mkdir()
    shutil.copyfile(folder / "vault.db", trial / "vault.db")
    (trial / "vault.key").write_bytes(key_bytes)
    try:
        Vault.open(trial, secret).close()
    except (WrongPassphrase, DamagedVault):
        return True
    return False


def test_every_older_key_file_with_every_older_secret_fails(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]]
) -> None:
    folder = tmp_path / "vault"
    with make_vault(folder, P0, with_recovery_key=True) as v:
        r0 = v.recovery_key
        fill(v)
    assert r0 is not None
    older: list[tuple[bytes, list[str]]] = [((folder / "vault.key").read_bytes(), [P0, r0])]
    Vault.change_passphrase(folder, P0, P1, kdf=FAST)  # passwd: the sheet is kept
    older.append(((folder / "vault.key").read_bytes(), [P1, r0]))
    r1 = Vault.new_recovery_key(folder, P1, kdf=FAST)  # a new sheet
    older.append(((folder / "vault.key").read_bytes(), [P1, r1]))
    with Vault.open(folder, P1, exclusive=True) as v:  # "may have been seen"
        r2 = v.change_keys(P1, P2, "new", action="keys_replaced", kdf=FAST)
        v.add_client("Written after the last change")
    assert r2 is not None
    trials = tmp_path / "trials"
    trials.mkdir()
    for key_bytes, secrets in older:
        for secret in secrets:
            assert _refused(folder, key_bytes, secret, trials), secret
    for secret in (P0, P1, r0, r1):
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, secret)
    for secret in (P2, r2):
        with Vault.open(folder, secret) as v:
            assert len(v.clients()) == 4
            actions = [e.action for e in v.audit_events()]
    assert actions.count("passphrase_changed") == 1
    assert actions.count("recovery_key_made") == 1 and actions.count("keys_replaced") == 1
    assert verify(folder, P2).ok
    assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.key"]


def test_a_passphrase_change_keeps_the_recovery_sheet(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    folder = tmp_path / "vault"
    with make_vault(folder, P0, with_recovery_key=True) as v:
        r0 = v.recovery_key
    assert r0 is not None
    Vault.change_passphrase(folder, P0, P1, kdf=FAST)
    Vault.change_passphrase(folder, r0, P2, kdf=FAST)  # forgot P1: the sheet sets a new one, and stays
    Vault.open(folder, r0).close()
    Vault.open(folder, P2).close()
    with pytest.raises(WrongPassphrase):
        Vault.new_recovery_key(folder, r0, kdf=FAST)  # a new sheet needs the passphrase itself


def test_old_backups_still_open_with_the_old_secret(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]]
) -> None:
    folder = tmp_path / "vault"
    with make_vault(folder, P0) as v:
        fill(v)
        backup = v.backup(tmp_path / "backup")
    Vault.change_passphrase(folder, P0, P1, kdf=FAST)
    with Vault.open(backup, P0) as old:  # what docs/security.md says: old backups keep the old secret
        assert len(old.clients()) == 3
    with pytest.raises(WrongPassphrase):
        Vault.open(backup, P1)


def test_a_change_through_the_open_vault_loses_no_write(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    folder = tmp_path / "vault"
    seen: list[float] = []
    with make_vault(folder, P0) as v:
        client = v.add_client("Ana")
        sheet = v.new_worksheet(client.id, "optimal_use_plan", 1, values={"goal": "before " * 3000})
        v.change_keys(P0, P1, "keep", action="passphrase_changed", kdf=FAST, progress=seen.append)
        v.save_values(sheet.id, {"goal": "typed after the change"})  # the same open vault goes on
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with Vault.open(folder, P1) as v:
        assert v.worksheet(sheet.id).values == {"goal": "typed after the change"}


def test_a_key_change_needs_the_vault_to_itself(tmp_path: Path, make_vault: Callable[..., Vault]) -> None:
    folder = tmp_path / "vault"
    make_vault(folder, P0).close()
    db = (folder / "vault.db").read_bytes()
    # Another holder (a second process in tests/cli/test_vault_lock.py).
    with Vault.open(folder, P0), pytest.raises(VaultInUse):
        Vault.change_passphrase(folder, P0, P1, kdf=FAST)
    assert (folder / "vault.db").read_bytes() == db
    Vault.open(folder, P0).close()


def _crash_states(folder: Path, make_vault: Callable[..., Vault]) -> tuple[Path, Path]:
    """Two copies of a vault whose key change stopped: before and just after the commit point."""
    make_vault(folder, P0).close()
    before, after = folder.with_name("before"), folder.with_name("after")
    shutil.copytree(folder, before)
    Vault.change_passphrase(folder, P0, P1, kdf=FAST)
    shutil.copytree(before, after)
    # Before the commit: both .next files exist (the db one cut off half-way).
    shutil.copyfile(folder / "vault.key", before / rotation.NEXT_KEY)
    (before / rotation.NEXT_DB).write_bytes((folder / "vault.db").read_bytes()[:8192])
    # After the commit: the new key file is in force, its database still under the .next name.
    shutil.copyfile(folder / "vault.key", after / "vault.key")
    shutil.copyfile(folder / "vault.db", after / rotation.NEXT_DB)
    return before, after


def test_an_interrupted_change_is_settled_at_the_next_open(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    before, after = _crash_states(tmp_path / "vault", make_vault)
    assert verify(after, P1).ok  # verify reads the database in force without writing
    with pytest.raises(WrongPassphrase):
        Vault.open(before, P1)
    Vault.open(before, P0).close()
    Vault.open(after, P1).close()
    with pytest.raises(WrongPassphrase):
        Vault.open(after, P0)
    for folder in (before, after):
        assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.key"]


def _through_the_escrow(old_key_file: Path, old_secret: str, new_key_file: Path) -> bytes | None:
    """What someone holding an old key file and its passphrase can try on a newer key file: the recovery
    wrap's escrow (sealed under the old data key) unwraps the newer recovery wrap when the sheet was kept."""
    import base64

    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from ihrp_desktop.core.vault import keyfile

    old_file = keyfile.read(old_key_file.parent)
    old = keyfile.unlock(old_file, old_secret)
    escrow = old_file.wrap("recovery")["escrow"]  # type: ignore[index]
    aad = keyfile._aad(old_file.vault_id, "recovery-escrow")
    b64 = base64.b64decode
    wrapping = AESGCM(old._raw).decrypt(b64(escrow["nonce"]), b64(escrow["sealed"]), aad)
    new_wrap = keyfile.read(new_key_file.parent).wrap("recovery")
    if new_wrap is None:
        return None
    try:
        return AESGCM(wrapping).decrypt(b64(new_wrap["nonce"]), b64(new_wrap["wrapped_key"]),
                                        keyfile._aad(old_file.vault_id, "recovery"))
    except InvalidTag:
        return None


def test_the_limit_of_keeping_the_sheet_and_how_may_have_been_seen_closes_it(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    """docs/security.md, "What a key change does not do": a passphrase change keeps the recovery sheet, so
    whoever held the old data key (old vault.key + old passphrase) AND gets the new vault.key can still reach
    the new data key through the sheet's wrap. "May have been seen" replaces the sheet and closes that."""
    folder = tmp_path / "vault"
    make_vault(folder, P0, with_recovery_key=True).close()
    old = tmp_path / "old" / "vault.key"
    old.parent.mkdir()
    shutil.copyfile(folder / "vault.key", old)
    Vault.change_passphrase(folder, P0, P1, kdf=FAST)
    assert _through_the_escrow(old, P0, folder / "vault.key") is not None  # the limit, as documented
    with Vault.open(folder, P1, exclusive=True) as v:
        v.change_keys(P1, P2, "new", action="keys_replaced", kdf=FAST)
    assert _through_the_escrow(old, P0, folder / "vault.key") is None  # closed


def test_a_key_change_that_runs_out_of_disk_changes_nothing(tmp_path: Path) -> None:
    """A real write failure half-way through the re-encryption (a child process limited to small files)."""
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "vault"
    with Vault.create(folder, P0, kdf=FAST) as v:
        v.add_client("Ana")
        v.save_values(v.new_worksheet(v.clients()[0].id, "optimal_use_plan", 1).id, {"goal": "x " * 40_000})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    size = (folder / "vault.db").stat().st_size
    script = textwrap.dedent(
        f"""
        import resource, signal
        from ihrp_desktop.core.vault import KdfParams, Vault
        from ihrp_desktop.core.vault.errors import KeyChangeFailed
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a too-big write fails (EFBIG) instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 2}, resource.RLIM_INFINITY))
        try:
            Vault.change_passphrase({str(folder)!r}, {P0!r}, {P1!r}, kdf=KdfParams.fast())
        except KeyChangeFailed as exc:
            print("KeyChangeFailed", exc.reason, exc.message)
        """
    )
    result = subprocess.run([sys.executable, "-c", LOWER + script], capture_output=True, text=True,
                            timeout=60)
    assert "KeyChangeFailed" in result.stdout and "still works" in result.stdout, result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    with Vault.open(folder, P0) as v:
        assert [c.name for c in v.clients()] == ["Ana"]
