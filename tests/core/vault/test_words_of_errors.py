"""A vault error says its precise reason and every problem line in the person's language: the lines are
catalogue keys with parameters (``Said``), not English strings written where the error is raised.
Found by a stranger after issue 17: the Spanish damaged-vault message listed its problems in English,
and a Spanish refusal of a FIFO, a file or a place inside a vault lost its reason."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from ihrp_desktop.core import file_guard
from ihrp_desktop.core.failure import describe_failure
from ihrp_desktop.core.vault import DamagedVault, KdfParams, Vault, VaultError
from ihrp_desktop.core.vault.backup import HOLDS_FILES, REFUSED_KEYS
from ihrp_desktop.core.vault.errors import Said
from ihrp_desktop.core.words import word
from tests.cli_run import run_cli
from tests.full_disk import fill, small_tmpfs

PASSPHRASE = "Correct horse battery staple 7781"
# English fragments that must never reach a Spanish message.
ENGLISH = ("The database file", "is shorter", "That is", "That place", "a file, not", "not a folder")


def _failure(call: object) -> VaultError:
    with pytest.raises(VaultError) as info:
        call()  # type: ignore[operator]
    return info.value


def test_a_cut_off_vault_says_its_problems_in_spanish_and_names_the_file_once(tmp_path: Path) -> None:
    path = tmp_path / "v"
    Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()).close()
    db = path / "vault.db"
    os.truncate(db, db.stat().st_size - 100)
    exc = _failure(lambda: Vault.open(path, PASSPHRASE))
    assert isinstance(exc, DamagedVault)
    english, spanish = describe_failure(exc, "en"), describe_failure(exc, "es")
    assert "The database file vault.db is shorter than it should be (it looks cut off)." in english
    assert english.count("vault.db") == 1, english
    assert "es más corto de lo que debería" in spanish
    assert not any(bit in spanish for bit in ENGLISH), spanish
    assert spanish.count("vault.db") == 1, spanish


@pytest.mark.parametrize("place", ["fifo", "device", "file", "inside a vault", "inside its backups"])
def test_a_refused_place_for_a_new_vault_keeps_its_reason_in_spanish(tmp_path: Path, place: str) -> None:
    Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()).close()
    target, key = {
        "fifo": (tmp_path / "pipe", "refused.not_a_folder_other"),
        "device": (Path("/dev/null"), "refused.not_a_folder_other"),
        "file": (tmp_path / "notes.txt", "refused.not_a_folder"),
        "inside a vault": (tmp_path / "v" / "inner", "refused.in_vault"),
        "inside its backups": (tmp_path / "v-backups" / "new", "refused.in_backups"),
    }[place]
    if place == "fifo":
        os.mkfifo(target)
    elif place == "file":
        target.write_text("x")
    elif place == "inside its backups":
        target.parent.mkdir()
    exc = _failure(lambda: Vault.create(target, PASSPHRASE, kdf=KdfParams.fast()))
    assert describe_failure(exc, "en") == word(f"vault.{key}", "en")  # English word for word
    spanish = describe_failure(exc, "es")
    assert spanish == word(f"vault.{key}", "es")
    assert not any(bit in spanish for bit in ENGLISH), spanish


def test_the_catalogue_words_the_guards_own_english_sentences() -> None:
    # One decision: the guard's refusal and the catalogue's English are the same sentence.
    for sentence, key in REFUSED_KEYS.items():
        if key:
            assert word(f"vault.{key}", "en") == sentence
    assert {file_guard.NOT_A_FOLDER, file_guard.NOT_A_FOLDER_OTHER, file_guard.IN_VAULT,
            file_guard.IN_BACKUPS, HOLDS_FILES} <= set(REFUSED_KEYS)


def test_a_problem_line_is_its_english_sentence_and_survives_a_copy() -> None:
    line = Said("problem.backup_missing", name="vault.key")
    assert line == "The file vault.key is missing from the backup."
    copied = pickle.loads(pickle.dumps(line))
    assert copied.text("es") == "Falta el archivo vault.key en la copia de seguridad."


def test_a_vault_given_as_its_file_says_so_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "v"
    Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()).close()
    exc = _failure(lambda: Vault.open(path / "vault.db", PASSPHRASE))
    assert describe_failure(exc, "en").startswith(f"{path / 'vault.db'} is a file, not a vault folder.")
    assert describe_failure(exc, "es").startswith(f"{path / 'vault.db'} es un archivo, no una carpeta")
    assert f"(aquí: {path})" in describe_failure(exc, "es")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB tmpfs filled but for 16 KiB: room for the key file, not for the database."""
    with small_tmpfs(tmp_path / "disk", "1m") as mount:
        fill(mount, leave=16384)
        yield mount


def test_init_on_a_full_disk_says_the_new_vault_was_not_written(
    full_disk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_cli(capsys, monkeypatch, "init", "--vault", str(full_disk / "v"),
                             "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert code == 1, err
    assert "The new vault could not be written to" in err and "the disk there is full" in err, err
    assert "opened" not in err and "did not expect" not in err and "Traceback" not in err + out
    assert sorted(os.listdir(full_disk)) == ["filler.bin"]  # nothing of the new vault is left
