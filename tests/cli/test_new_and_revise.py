"""``ihrp-desktop new`` (with ``--carry``) and ``ihrp-desktop revise``: each prints the new worksheet's id."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.revising import resetting_fields
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"
BALANCE = {"change_benefits": [{"item": "More money for the kids"}], "keep_costs": [{"item": "Hangovers"}]}
MICRO = {"chain": [{"event": "Argument with Marta", "options": "Call my brother"}]}


@pytest.fixture
def vault_path(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as vault:
        ana = vault.add_client("Ana Gómez")
        bruno = vault.add_client("Bruno Díaz")
        ids = {
            "balance": vault.new_worksheet(ana.id, "decisional_balance", 1, values=BALANCE).id,
            "micro": vault.new_worksheet(ana.id, "microanalysis", 1, values=MICRO).id,
            "bruno": vault.new_worksheet(bruno.id, "decisional_balance", 1, values=BALANCE).id,
        }
    return path, ids


def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=PASS + "\n")


def test_new_carries_every_item_of_the_named_worksheets_and_prints_the_id(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    path, ids = vault_path
    code, out, err = cli(
        capsys,
        monkeypatch,
        "new",
        "optimal_use_plan",
        "--client",
        "Ana Gómez",
        "--vault",
        str(path),
        "--carry",
        str(ids["balance"]),
        "--carry",
        str(ids["micro"]),
    )
    assert code == 0, err
    new_id = int(out.strip())  # the id, alone on standard output
    with Vault.open(path, PASS) as vault:
        values = vault.worksheet(new_id).values
    assert values["my_reasons"].startswith("More money for the kids (from Decisional balance, ")
    assert "Hangovers (from Decisional balance" in values["my_reasons"]
    assert values["high_risk"][0]["situation"] == "Argument with Marta"
    assert values["high_risk"][0]["instead"].startswith("Call my brother (from Microanalysis, ")


def test_new_without_carry_starts_empty(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    path, _ = vault_path
    code, out, _ = cli(
        capsys, monkeypatch, "new", "optimal_use_plan", "--client", "Ana Gómez", "--vault", str(path)
    )
    assert code == 0
    with Vault.open(path, PASS) as vault:
        assert vault.worksheet(int(out)).values == {}


def test_revise_prints_the_new_versions_id_and_it_starts_empty_where_declared(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    path, _ = vault_path
    with Vault.open(path, PASS) as vault:
        client_id = vault.clients()[0].id
        plan = vault.new_worksheet(
            client_id,
            "optimal_use_plan",
            1,
            values={
                "substance": "Cerveza",
                "review_learned": "Weekends are harder",
                "experiment_review": "2026-10-25",
            },
        )
    code, out, err = cli(capsys, monkeypatch, "revise", str(plan.id), "--vault", str(path))
    assert code == 0, err
    with Vault.open(path, PASS) as vault:
        new = vault.worksheet(int(out))
    assert new.previous_id == plan.id and new.values == {"substance": "Cerveza"}
    assert "review_learned" in resetting_fields(default_library().get("optimal_use_plan"))


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("new", "optimal_use_plan", "--client", "Nobody"), 1, "No client is called 'Nobody'"),
        (("new", "no_such_form", "--client", "Ana Gómez"), 2, "There is no worksheet called"),
        (
            ("new", "optimal_use_plan", "--client", "Ana Gómez", "--carry", "{bruno}"),
            1,
            "Nothing was written",
        ),
        (("revise", "{balance}"), 1, "is not one that is revised"),
    ],
)
def test_bad_requests_say_why_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
    args: tuple[str, ...],
    code: int,
    says: str,
) -> None:
    path, ids = vault_path
    with Vault.open(path, PASS) as vault:
        before = vault.all_worksheet_ids()
    got, out, err = cli(capsys, monkeypatch, *(a.format(**ids) for a in args), "--vault", str(path))
    assert (got, out) == (code, "") and says in err and "Traceback" not in err
    with Vault.open(path, PASS) as vault:
        assert vault.all_worksheet_ids() == before


ALTERNATIVES = {"alternatives": {"pace": {"status": "will_try", "my_version": "Dinner first"},
                                 "naloxone": {"status": "already_doing", "my_version": ""}}}


def test_carrying_a_worksheet_and_its_revision_lands_each_item_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    """A stranger's case (docs/reliability.md): `new optimal_use_plan --carry 21 23`, 23 the revision
    of 21, landed every item twice with different source notes."""
    path, _ = vault_path
    with Vault.open(path, PASS) as vault:
        client_id = vault.clients()[0].id
        first = vault.new_worksheet(client_id, "alternatives", 1, values=ALTERNATIVES)
        second = vault.revise(first.id)
    code, out, err = cli(capsys, monkeypatch, "new", "optimal_use_plan", "--client", "Ana Gómez",
                         "--vault", str(path), "--carry", str(first.id), str(second.id))
    assert code == 0, err
    assert f"Worksheet {first.id} has a later version among those named" in err
    with Vault.open(path, PASS) as vault:
        lines = vault.worksheet(int(out)).values["support_changes"].splitlines()
    assert len(lines) == 2 and len({line.split(" (from ")[0] for line in lines}) == 2, lines


def test_revising_an_older_version_is_refused_naming_the_newest(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    """A stranger's case (docs/reliability.md): `revise 4` when 6 already revised it made a second
    "Version 2". Refused, exit 1, nothing written (tests/core/vault/test_one_next_version.py: at once)."""
    path, _ = vault_path
    with Vault.open(path, PASS) as vault:
        client_id = vault.clients()[0].id
        first = vault.new_worksheet(client_id, "optimal_use_plan", 1, values={"substance": "Cerveza"})
        second = vault.revise(first.id)
    code, out, err = cli(capsys, monkeypatch, "revise", str(first.id), "--vault", str(path))
    assert (code, out) == (1, "")
    assert (f"Version 2 of this plan already exists (worksheet {second.id}); revise that one. "
            "Nothing was written.") in err
    with Vault.open(path, PASS) as vault:
        assert [i.id for i in vault.worksheets(client_id) if i.previous_id == first.id] == [second.id]


def test_new_and_revise_for_an_archived_client_say_so(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_path: tuple[Path, dict[str, int]],
) -> None:
    """A stranger's case (docs/reliability.md): `new`/`revise` for an archived client succeeded
    silently. Made all the same (exit 0, the id alone on standard output), with a note on stderr."""
    path, _ = vault_path
    with Vault.open(path, PASS) as vault:
        client_id = vault.clients()[0].id
        plan = vault.new_worksheet(client_id, "optimal_use_plan", 1, values={"substance": "Cerveza"})
        vault.archive_client(client_id, True)
    for args in (("new", "decisional_balance", "--client", "Ana Gómez"), ("revise", str(plan.id))):
        code, out, err = cli(capsys, monkeypatch, *args, "--vault", str(path))
        assert code == 0 and out.strip().isdigit(), err
        assert "this client is archived" in err and "Bring back from archive" in err
        assert "Ana" not in err  # a message never names the client
    with Vault.open(path, PASS) as vault:
        vault.archive_client(client_id, False)
    code, out, err = cli(capsys, monkeypatch, "new", "decisional_balance", "--client", "Ana Gómez",
                         "--vault", str(path))
    assert code == 0 and "archived" not in err
