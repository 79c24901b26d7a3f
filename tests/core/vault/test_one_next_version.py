"""A version has at most one next version: revising an older one, or revising twice at once, is refused.

A stranger's case (docs/reliability.md): `revise 4` when worksheet 6 already revised it made a second
"Version 2"; two `revise 6` at the same moment both succeeded with two "Version 3"s.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import AlreadyRevised, KdfParams, Vault
from ihrp_desktop.core.vault.errors import error_message
from tests.kdf_floor import CLI_CHILD

PASSPHRASE = "one next version only please"


def _plan(folder: Path) -> tuple[int, int]:
    """A vault with one client's plan in two versions: (version 1's id, version 2's id)."""
    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Chain Test", "en")
        first = vault.new_worksheet(client.id, "optimal_use_plan", 1, values={"goal": "one"})
        second = vault.revise(first.id)
        return first.id, second.id


def test_revising_a_version_that_has_a_newer_one_is_refused_naming_the_newest(tmp_path: Path) -> None:
    first, second = _plan(tmp_path / "v")
    with Vault.open(tmp_path / "v", PASSPHRASE) as vault:
        third = vault.revise(second)
        before = [info.id for info in vault.worksheets(vault.worksheet(first).client_id)]
        for old in (first, second):
            with pytest.raises(AlreadyRevised) as refused:
                vault.revise(old)
            assert (refused.value.newer_id, refused.value.newer_version) == (third.id, 3)
            assert refused.value.message == (f"Version 3 of this plan already exists (worksheet {third.id}); "
                                             "revise that one. Nothing was written.")
            assert f"(hoja de trabajo {third.id})" in error_message(refused.value, "es")
        assert [info.id for info in vault.worksheets(vault.worksheet(first).client_id)] == before
        assert vault.newest_version(first) is not None and vault.newest_version(first).id == third.id
        assert vault.newest_version(third.id) is None


def test_two_revisions_at_once_in_two_processes_make_exactly_one(tmp_path: Path) -> None:
    """The stranger's reproduction with two real processes (the command line), three rounds."""
    folder = tmp_path / "v"
    _, newest = _plan(folder)
    env = {**os.environ, "IHRP_HOME": str(tmp_path / "home")}
    for _round in range(3):
        runs = [subprocess.Popen([*CLI_CHILD, "revise", str(newest), "--vault", str(folder),
                                  "--passphrase-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
        outcomes = [run.communicate(PASSPHRASE + "\n", timeout=120) for run in runs]
        codes = sorted(run.returncode for run in runs)
        assert codes == [0, 1], outcomes
        made = next(int(out.strip()) for out, _err in outcomes if out.strip())
        refused = next(err for out, err in outcomes if not out.strip())
        assert f"already exists (worksheet {made}); revise that one. Nothing was written." in refused
        assert "Traceback" not in refused
        with Vault.open(folder, PASSPHRASE) as vault:
            client_id = vault.worksheet(newest).client_id
            nexts = [info.id for info in vault.worksheets(client_id) if info.previous_id == newest]
            assert nexts == [made]
        newest = made


def test_a_vault_that_already_holds_a_fork_opens_lists_and_revises_its_newest(tmp_path: Path) -> None:
    """Vaults written before the rule may hold one version revised twice: they keep working."""
    first, second = _plan(tmp_path / "v")
    with Vault.open(tmp_path / "v", PASSPHRASE) as vault:
        client_id = vault.worksheet(first).client_id
        fork = vault.new_worksheet(client_id, "optimal_use_plan", 1, values={"goal": "fork"})
        vault.link_previous(fork.id, first)  # as an import of such a vault does
        assert vault.worksheet(fork.id).version_number == 2
        assert [info.id for info in vault.plan_history(first)] == [first, fork.id]  # the newer branch
        with pytest.raises(AlreadyRevised) as refused:
            vault.revise(first)
        assert refused.value.newer_id == fork.id
        assert vault.revise(fork.id).version_number == 3
        assert vault.revise(second).version_number == 3  # the older branch's end is a version too
