"""4. Wrong passphrase, many tries: each gets the wrong-passphrase message and no vault file changes."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.cli import EXIT_WRONG_PASSPHRASE, main
from ihrp_desktop.core.vault import Vault, WrongPassphrase


def _near_miss(rng: Any, right: str) -> str:
    """A passphrase a person could plausibly type instead of the right one."""
    kind = rng.randrange(8)
    if kind == 0:
        return right.upper()  # Caps Lock
    if kind == 1:
        return right + " "
    if kind == 2:
        i = rng.randrange(len(right))
        return right[:i] + right[i + 1 :]
    if kind == 3:
        i = rng.randrange(len(right))
        return right[:i] + chr(ord(right[i]) + 1) + right[i + 1 :]
    if kind == 4:
        return "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ234567") for _ in range(32)
        )  # a recovery-key shape
    if kind == 5:
        return "ąęłńŻŹ Жж 🔐" * rng.randint(1, 80)
    if kind == 6:
        return "x" * rng.randint(1, 2000)
    return right[::-1]


def test_wrong_passphrases_are_told_apart_and_write_nothing(
    rel: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault"
    with rel.make_vault(folder) as v:
        c = v.add_client("Ana")
        v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "walk " * 2000})
    before = rel.snapshot(folder)
    expected = WrongPassphrase().message
    tries = rel.count("wrong_passphrase")
    cli_tries = 0
    for n in range(tries):
        wrong = _near_miss(rel.rng, rel.passphrase)
        assert wrong != rel.passphrase
        context = f"try {n}: {wrong[:40]!r}" + rel.where()
        if n % 10 == 9 and "\n" not in wrong:  # every tenth try through the command line
            monkeypatch.setattr(sys, "stdin", io.StringIO(wrong + "\n"))
            code = main(["list", "--vault", str(folder), "--passphrase-stdin"])
            _, err = capsys.readouterr()
            assert code == EXIT_WRONG_PASSPHRASE, context
            assert expected in err, context
            cli_tries += 1
        else:
            with pytest.raises(WrongPassphrase) as caught:
                Vault.open(folder, wrong)
            assert caught.value.message == expected, context
        assert sorted(os.listdir(folder)) == ["vault.db", "vault.key"], context  # no -wal / -shm / -journal
        assert rel.snapshot(folder) == before, context
    rel.figures(tries=tries, through_cli=cli_tries, files_changed=0, side_files_left=0)
    Vault.open(folder, rel.passphrase).close()
