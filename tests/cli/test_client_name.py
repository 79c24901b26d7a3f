"""``--client NAME`` means one client, decided in one place (cli/client_name.py) for ``new``, ``report``,
``export-json`` and ``audit``: two clients of one name are refused by every command alike (a stranger's
case: ``export-json`` exported both and ``audit`` took the first, silently)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as vault:
        vault.add_client("Twin")
        vault.add_client("Twin")
        vault.add_client("Solo")
    return path


@pytest.mark.parametrize("command", [
    ["new", "optimal_use_plan"], ["report", "-o", "OUT"], ["export-json", "-o", "OUT"],
    ["audit", "-o", "OUT"],
])
def test_two_clients_of_one_name_are_refused_by_every_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, vault_path: Path, tmp_path: Path,
    command: list[str],
) -> None:
    out = tmp_path / "out.file"
    args = [str(out) if part == "OUT" else part for part in command]
    with Vault.open(vault_path, PASS) as vault:
        before = len(vault.worksheets(vault.clients()[0].id)) + len(vault.worksheets(vault.clients()[1].id))
    code, stdout, err = run_cli(capsys, monkeypatch, *args, "--client", "Twin", "--vault", str(vault_path),
                                "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 1
    assert "2 clients are called 'Twin' exactly, so this cannot tell which one. Nothing was written." in err
    assert "Traceback" not in err and stdout == "" and not out.exists()
    with Vault.open(vault_path, PASS) as vault:
        twins = [c for c in vault.clients() if c.name == "Twin"]
        assert sum(len(vault.worksheets(c.id)) for c in twins) == before  # no worksheet made


@pytest.mark.parametrize("command", [["new", "optimal_use_plan"], ["report", "-o", "OUT"]])
def test_a_name_nobody_has_says_where_to_look(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, vault_path: Path, tmp_path: Path,
    command: list[str],
) -> None:
    args = [str(tmp_path / "out.pdf") if part == "OUT" else part for part in command]
    code, _, err = run_cli(capsys, monkeypatch, *args, "--client", "Nobody\x1b[31m",
                           "--vault", str(vault_path), "--passphrase-stdin", stdin=PASS + "\n")
    assert code == 1
    assert "No client is called 'Nobody[31m' exactly. Nothing was written. See: ihrp-desktop list" in err
    assert "\x1b" not in err  # a name typed with control characters cannot drive the terminal


def test_names_a_person_cannot_tell_apart_are_one_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A stranger's cases: "José" stored as é and as e + accent, each command took one silently;
    # "Space " typed with a trailing space was "not found" beside two clients called "Space".
    path = tmp_path / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as vault:
        vault.add_client("Jos\u00e9")
        vault.add_client("Jose\u0301")
        vault.add_client("Space")
    for typed, many in (("Jos\u00e9", "2 clients are called 'José'"), ("Jose\u0301", "2 clients are called"),
                        ("Space ", None)):
        code, stdout, err = run_cli(capsys, monkeypatch, "new", "optimal_use_plan", "--client", typed,
                                    "--vault", str(path), "--passphrase-stdin", stdin=PASS + "\n")
        if many:
            assert code == 1 and many in err, err
        else:
            assert code == 0 and stdout.strip().isdigit(), err  # "Space " is the client called "Space"
