"""Passphrases, the recovery key and the key file: what unlocks, what does not, and atomic changes."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import (
    DamagedVault,
    KdfParams,
    Vault,
    VaultFromNewerVersion,
    WrongPassphrase,
    keyfile,
    unlock_key,
)

AWKWARD = [
    "it's \"quoted\" and 'single' -- x'00'",
    "back\\slash\\\\ and %s %d @user:pa/ss%20word?#;",
    "Zażółć gęślą jaźń ŁÓDŹ",
    "Съешь же ещё этих мягких французских булок",
    "emoji 🔐 and tab\tinside",
]


@pytest.mark.parametrize("passphrase", AWKWARD)
def test_awkward_passphrases_create_open_and_change(
    passphrase: str, tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    folder = tmp_path / "vault"
    make_vault(folder, passphrase).close()
    Vault.open(folder, passphrase).close()
    Vault.change_passphrase(folder, passphrase, passphrase[::-1], kdf=KdfParams.fast())
    Vault.open(folder, passphrase[::-1]).close()
    with pytest.raises(WrongPassphrase):
        unlock_key(folder, passphrase)


def test_passphrase_never_appears_in_the_key_file(tmp_path: Path, make_vault: Callable[..., Vault]) -> None:
    make_vault(tmp_path / "v", "Zażółć-secret-phrase").close()
    text = (tmp_path / "v" / "vault.key").read_bytes()
    assert b"secret" not in text and "Zażółć".encode() not in text


def test_composed_and_decomposed_letters_are_the_same_passphrase(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    composed = unicodedata.normalize("NFC", "Zażółć gęślą")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    make_vault(tmp_path / "v", composed).close()
    Vault.open(tmp_path / "v", decomposed).close()


def test_after_change_only_the_new_passphrase_works(closed_vault: Path) -> None:
    Vault.change_passphrase(closed_vault, "correct horse battery staple", "new one", kdf=KdfParams.fast())
    with pytest.raises(WrongPassphrase):
        Vault.open(closed_vault, "correct horse battery staple")
    with Vault.open(closed_vault, "new one") as v:
        assert len(v.clients()) == 3
    with pytest.raises(WrongPassphrase):
        Vault.change_passphrase(closed_vault, "wrong", "other", kdf=KdfParams.fast())
    with pytest.raises(ValueError):
        Vault.change_passphrase(closed_vault, "new one", "", kdf=KdfParams.fast())


def test_change_reencrypts_the_database(closed_vault: Path) -> None:
    db_before = (closed_vault / "vault.db").read_bytes()
    Vault.change_passphrase(closed_vault, "correct horse battery staple", "new one", kdf=KdfParams.fast())
    after = (closed_vault / "vault.db").read_bytes()
    assert after[:4096] != db_before[:4096]  # a new data key: every page is encrypted anew
    assert sorted(p.name for p in closed_vault.iterdir()) == ["vault.db", "vault.key"]  # no temp file left


def test_crash_before_the_rename_leaves_the_old_passphrase_working(closed_vault: Path) -> None:
    """A crash between writing the temp key file and renaming it: the old file is intact, the temp ignored."""
    old_file = keyfile.read(closed_vault)
    data_key = keyfile.unlock(old_file, "correct horse battery staple")
    new_wrap = keyfile.make_wrap(
        "passphrase",
        keyfile.normalize_passphrase("new one"),
        data_key._raw,
        old_file.vault_id,
        KdfParams.fast(),
    )
    half_done = keyfile.render(keyfile.KeyFile(old_file.vault_id, old_file.created_at, (new_wrap,)))
    (closed_vault / ".vault.key.tmp-deadbeef").write_bytes(half_done)  # what a crash before os.replace leaves
    Vault.open(closed_vault, "correct horse battery staple").close()
    with pytest.raises(WrongPassphrase):
        unlock_key(closed_vault, "new one")


def test_recovery_key_opens_and_can_reset_the_passphrase(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    folder = tmp_path / "v"
    with make_vault(folder, with_recovery_key=True) as v:
        recovery = v.recovery_key
        v.add_client("Ana")
    assert recovery is not None and len(recovery.replace("-", "")) == 32
    with Vault.open(folder, recovery) as v:
        assert v.recovery_key is None  # shown once, at creation only
        assert [c.name for c in v.clients()] == ["Ana"]
    # typed sloppily: lower case, spaces instead of dashes
    Vault.open(folder, recovery.lower().replace("-", " ")).close()
    # forgot the passphrase: the recovery key sets a new one
    Vault.change_passphrase(folder, recovery, "brand new", kdf=KdfParams.fast())
    Vault.open(folder, "brand new").close()
    Vault.open(folder, recovery).close()  # the recovery key still works


def test_no_recovery_key_unless_asked(vault: Vault) -> None:
    assert vault.recovery_key is None
    kinds = [w["kind"] for w in json.loads((vault.path / "vault.key").read_text())["wraps"]]
    assert kinds == ["passphrase"]


def test_new_recovery_key_replaces_the_old(tmp_path: Path, make_vault: Callable[..., Vault]) -> None:
    folder = tmp_path / "v"
    with make_vault(folder, with_recovery_key=True) as v:
        first = v.recovery_key
    assert first is not None
    second = Vault.new_recovery_key(folder, "correct horse battery staple", kdf=KdfParams.fast())
    Vault.open(folder, second).close()
    with pytest.raises(WrongPassphrase):
        unlock_key(folder, first)


def test_a_wrap_copied_from_another_vault_does_not_unlock(
    tmp_path: Path, make_vault: Callable[..., Vault]
) -> None:
    make_vault(tmp_path / "a", "same").close()
    make_vault(tmp_path / "b", "same").close()
    a, b = keyfile.read(tmp_path / "a"), keyfile.read(tmp_path / "b")
    keyfile.write(tmp_path / "a", keyfile.KeyFile(a.vault_id, a.created_at, b.wraps))  # valid checksum
    with pytest.raises(WrongPassphrase):  # the AES-GCM associated data binds a wrap to its vault id
        unlock_key(tmp_path / "a", "same")


def test_absurd_kdf_settings_in_a_key_file_are_damage_not_a_hang(closed_vault: Path) -> None:
    current = keyfile.read(closed_vault)
    wrap = dict(current.wraps[0])
    wrap["kdf"] = dict(wrap["kdf"], memory_kib=2**40)
    keyfile.write(closed_vault, keyfile.KeyFile(current.vault_id, current.created_at, (wrap,)))
    with pytest.raises(DamagedVault):
        unlock_key(closed_vault, "correct horse battery staple")


def test_kdf_params() -> None:
    default = KdfParams.default()
    assert default.memory_kib >= 64 * 1024 and default.iterations >= 2
    default.check()
    KdfParams.fast().check()
    with pytest.raises(ValueError):
        KdfParams(memory_kib=4, iterations=1, lanes=1).check()


def test_key_file_records_its_kdf_settings(vault: Vault) -> None:
    body = json.loads((vault.path / "vault.key").read_text())
    kdf = body["wraps"][0]["kdf"]
    assert kdf["name"] == "argon2id"
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (8, 1, 1)
    assert len(body["checksum"]) == 64 and body["vault_id"] == vault.vault_id


def test_key_file_from_a_newer_program_is_not_called_damage(closed_vault: Path) -> None:
    body = json.loads((closed_vault / "vault.key").read_text())
    body.pop("checksum")
    body["version"] = 2
    body["checksum"] = keyfile._checksum(body)
    (closed_vault / "vault.key").write_text(json.dumps(body))
    with pytest.raises(VaultFromNewerVersion):
        unlock_key(closed_vault, "correct horse battery staple")
