"""Two processes creating the same vault at once: one wins, the other changes nothing.

A stranger's case (docs/reliability.md): two ``init --demo`` on one new path left only ``vault.db``, or
nothing, while one of them had said "New vault created": the loser's clean-up deleted the winner's files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ihrp_desktop.core.durable import atomic_write_bytes, make_private_dirs
from ihrp_desktop.core.vault import Vault, VaultExists
from ihrp_desktop.core.vault.keyfile import KdfParams
from ihrp_desktop.core.vault.undo_create import discard_new

PASSPHRASE = "a race between two creators"


def test_a_second_create_on_a_vault_being_made_is_refused_and_deletes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    first = Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast())
    with first:
        key_before = (folder / "vault.key").read_bytes()
        # The second creator got past the "is there a vault?" check before the first one wrote: it goes
        # straight to Vault.create's own steps (Vault.exists is what the command line asks first).
        with pytest.raises(VaultExists):
            Vault.create(folder, "another passphrase entirely", kdf=KdfParams.fast())
        assert (folder / "vault.key").read_bytes() == key_before
        assert (folder / "vault.db").exists()
        first.add_client("Still here", "en")
    with Vault.open(folder, PASSPHRASE) as again:
        assert [c.name for c in again.clients()] == ["Still here"]


def test_a_new_file_is_never_written_over_an_existing_one(tmp_path: Path) -> None:
    target = tmp_path / "vault.key"
    atomic_write_bytes(target, b"first", new=True)
    with pytest.raises(FileExistsError):
        atomic_write_bytes(target, b"second", new=True)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["vault.key"]  # no temporary file left behind


def test_only_the_folders_this_call_made_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert make_private_dirs(tmp_path / "a" / "b" / "c") == [str(tmp_path / "a" / "b"),
                                                              str(tmp_path / "a" / "b" / "c")]
    assert make_private_dirs(tmp_path / "a" / "b" / "c") == []


def test_discarding_a_new_vault_keeps_what_someone_else_put_in_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast()).close()
    (folder / "notes.txt").write_text("not the program's")
    discard_new(folder, made_folder=True)
    assert sorted(os.listdir(folder)) == ["notes.txt"]


def test_two_inits_at_once_leave_exactly_the_vault_that_said_it_was_created(tmp_path: Path) -> None:
    """The stranger's reproduction: two ``init --demo`` on one new path, at the same moment."""
    import subprocess

    from tests.kdf_floor import CLI_CHILD

    for round_ in range(3):
        folder = tmp_path / f"race-{round_}"
        runs = [subprocess.Popen([*CLI_CHILD, "init", "--demo", "--vault", str(folder), "--passphrase-stdin"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True)
                for _ in range(2)]
        for i, run in enumerate(runs):  # both get their passphrase before either is waited for
            assert run.stdin is not None
            run.stdin.write(f"demo pass {i}\ndemo pass {i}\n")
            run.stdin.close()
        said = [run.stdout.read() if run.stdout else "" for run in runs]
        for run in runs:
            run.wait(timeout=120)
        codes = [run.returncode for run in runs]
        assert sorted(codes)[0] == 0 and codes.count(0) == 1, (codes, said)
        winner = codes.index(0)
        assert "New vault created" in said[winner]
        assert "Traceback" not in said[1 - winner]
        with Vault.open(folder, f"demo pass {winner}") as vault:
            assert vault.clients()  # the sample clients are there
        assert sorted(os.listdir(folder)) == ["vault.db", "vault.key"]
