"""The command line's `audit` (table, CSV, filters, chain state), weak passphrases refused by `init` and
`passwd`, and no answer text nor client name in any audit event's detail."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
import sqlcipher3

from ihrp_desktop.core.practice import Practice
from ihrp_desktop.core.vault import KdfParams, Vault, unlock_key
from tests.cli_run import run_cli

PASS = "correct horse battery staple"
MARKER = "Zmarkerq7 answer text"
CLIENT = "Łucja Markerowa"


run = partial(run_cli, stdin=PASS + "\n")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        ana = v.add_client(CLIENT)
        v.new_worksheet(
            ana.id, "optimal_use_plan", 1, values={"substance": MARKER, "limits": [{"limit": MARKER}]}
        )
        v.add_client("Other Person")
        # Take-home prints wait for confirmed help lines (tests/cli/test_practice.py).
        v.save_practice(replace(Practice().with_country("US"), confirmed=True))
    return folder


def _audit_rows(folder: Path, passphrase: str = PASS) -> list[tuple[object, ...]]:
    key = unlock_key(folder, passphrase)
    conn = sqlcipher3.connect(f"{(folder / 'vault.db').as_uri()}?mode=ro", uri=True)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    try:
        return conn.execute("SELECT * FROM audit_events").fetchall()
    finally:
        conn.close()


# The last two are this program's own name (a guesser's first try against its vaults): found by a stranger.
@pytest.mark.parametrize("weak", ["a", "12345678", "Summer2024!", "password1", "IHRP Desktop vault",
                                  "ihrpdesktop2026", "IHRP-Desktop-vault", "ihrp_desktop_vault",
                                  "Desktop IHRP vault"])
def test_init_refuses_a_weak_passphrase_with_the_estimators_advice(capsys, monkeypatch, tmp_path, weak):
    code, _, err = run(
        capsys, monkeypatch, "init", "--vault", str(tmp_path / "v"), "--passphrase-stdin", stdin=weak + "\n"
    )
    assert code == 2
    assert "too easy to guess" in err and "No vault was created." in err
    assert "Add another word or two" in err  # zxcvbn's suggestion, in plain words
    assert not (tmp_path / "v").exists()


def test_init_takes_a_strong_passphrase_and_demo_vaults_are_exempt(capsys, monkeypatch, tmp_path):
    made = (("a", PASS, ()), ("b", "xk4!Vq9#mR2pLw7z", ()), ("demo", "demo", ("--demo",)))
    for name, passphrase, demo in made:
        code = run(capsys, monkeypatch, "init", "--vault", str(tmp_path / name), *demo, "--passphrase-stdin",
                   stdin=passphrase + "\n")[0]
        assert code == 0, name


def test_passwd_refuses_a_weak_passphrase_and_changes_nothing(capsys, monkeypatch, vault):
    before = (vault / "vault.key").read_bytes()
    code, _, err = run(
        capsys,
        monkeypatch,
        "passwd",
        "--vault",
        str(vault),
        "--passphrase-stdin",
        stdin=f"{PASS}\nSummer2024!\n",
    )
    assert code == 2 and "too easy to guess" in err and "The passphrase was not changed." in err
    assert "similar to a commonly used password" in err
    assert (vault / "vault.key").read_bytes() == before


def test_audit_prints_a_table_of_who_did_what_and_the_chains_state(capsys, monkeypatch, vault):
    assert (
        run(
            capsys,
            monkeypatch,
            "print",
            "1",
            "--vault",
            str(vault),
            "-o",
            str(vault.parent / "p.pdf"),
            "--passphrase-stdin",
        )[0]
        == 0
    )
    code, out, err = run(capsys, monkeypatch, "audit", "--vault", str(vault), "--passphrase-stdin")
    assert code == 0
    assert "Audit trail hash chain: intact" in err
    lines = out.splitlines()
    assert lines[0].split() == ["When", "What", "Client", "Who", "Detail"]
    printed = next(line for line in lines if "Printed" in line)
    assert CLIENT in printed and "(command line: print)" in printed
    assert any("Locked the vault" in line for line in lines)  # the print's own lock, after its unlock


def test_audit_to_csv_with_a_client_and_a_date(capsys, monkeypatch, vault, tmp_path):
    out_file = tmp_path / "trail.csv"
    def audit(*words: str) -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "audit", "--vault", str(vault), *words, "--passphrase-stdin")

    code, _, err = audit("--client", CLIENT, "--since", "2000-01-01", "-o", str(out_file))
    assert code == 0 and "NOT encrypted" in err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert rows and {r["client"] for r in rows} == {CLIENT}
    assert {"created"} <= {r["action"] for r in rows}
    # A later day shows nothing; a bad date is a usage error.
    audit("--since", "2999-01-01", "-o", str(out_file))
    assert len(list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))) == 0
    assert audit("--since", "last week")[0] == 2
    # Writing the CSV is itself recorded: the file names clients.
    with Vault.open(vault, PASS) as v:
        assert any(e.action == "exported" and "audit trail" in e.detail for e in v.audit_events())


def test_a_broken_chain_is_named_and_exits_4(capsys, monkeypatch, vault):
    key = unlock_key(vault, PASS)
    conn = sqlcipher3.connect(str(vault / "vault.db"), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    conn.execute("UPDATE audit_events SET detail = 'nothing happened' WHERE id = 2")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    code, _, err = run(capsys, monkeypatch, "audit", "--vault", str(vault), "--passphrase-stdin")
    assert code == 4 and "BROKEN" in err and "Audit event 2 was changed" in err


def test_no_answer_text_nor_client_name_in_the_trail_after_every_command(
    capsys, monkeypatch, vault, tmp_path
):
    v = ["--vault", str(vault), "--passphrase-stdin"]
    new = "a quiet harbour at dawn"
    for args in (
        ["list"],
        ["practice", "--name", "Riverside", "--phone", "555-0100", "--country", "US", "--confirm"],
        ["print", "1", "-o", str(tmp_path / "a.pdf")],
        ["print", "1", "--copy", "clinician", "-o", str(tmp_path / "b.pdf")],
        ["export-json", "-o", str(tmp_path / "e.json")],
        ["export-json", "--client", CLIENT, "-o", str(tmp_path / "one.json")],
        ["backup", "-o", str(tmp_path / "backup")],
        ["audit"],
        ["audit", "-o", str(tmp_path / "t.csv")],
        ["verify"],
    ):
        assert run(capsys, monkeypatch, *args, *v)[0] == 0, args
    assert run(capsys, monkeypatch, "import", str(tmp_path / "one.json"), *v)[0] == 0
    assert (
        run(
            capsys,
            monkeypatch,
            "restore",
            str(tmp_path / "backup"),
            "--vault",
            str(tmp_path / "restored"),
            "--passphrase-stdin",
        )[0]
        == 0
    )
    assert run(capsys, monkeypatch, "passwd", *v, stdin=f"{PASS}\n{new}\n")[0] == 0
    assert run(capsys, monkeypatch, "list", *v, stdin=new + "\n")[0] == 0
    assert MARKER in (tmp_path / "e.json").read_text(encoding="utf-8")  # the marker really was in the answers
    for folder, secret in ((vault, new), (tmp_path / "restored", PASS)):
        rows = _audit_rows(folder, secret)
        text = json.dumps(rows, default=str, ensure_ascii=False)
        assert MARKER not in text and "Zmarkerq7" not in text
        assert all(CLIENT not in str(row[5]) and "Markerowa" not in str(row[5]) for row in rows)  # detail
    assert "restored" in {row[2] for row in _audit_rows(tmp_path / "restored")}
    actions = {row[2] for row in _audit_rows(vault, new)}
    assert {
        "unlocked",
        "locked",
        "printed",
        "exported",
        "backed_up",
        "imported",
        "passphrase_changed",
    } <= actions


def test_passwd_refuses_the_current_passphrase_again(capsys, monkeypatch, vault):
    before = (vault / "vault.key").read_bytes()
    code, _, err = run(capsys, monkeypatch, "passwd", "--vault", str(vault), "--passphrase-stdin",
                       stdin=f"{PASS}\n{PASS}\n")
    assert code == 2 and "same as the current one" in err and "The passphrase was not changed." in err
    assert (vault / "vault.key").read_bytes() == before
