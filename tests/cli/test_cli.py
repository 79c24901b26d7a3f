"""The command-line contract, run in-process against real vaults and real PDFs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.cli import main
from ihrp_desktop.core.demo import DEMO_CLIENTS
from ihrp_desktop.core.forms import default_library
from tests.cli_run import passphrase_runner, run_cli

PASS = "correct horse ✓ battery"


run = run_cli
unlocked = passphrase_runner(PASS)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "vault"
    sys_stdin = sys.stdin
    try:
        sys.stdin = io.StringIO(PASS + "\n")
        assert main(["init", "--vault", str(path), "--demo", "--passphrase-stdin"]) == 0
    finally:
        sys.stdin = sys_stdin
    return path


def worksheet_ids(out: str) -> list[int]:
    return [int(line.split()[1]) for line in out.splitlines() if line.strip().startswith("worksheet ")]


def test_forms_lists_every_shipped_worksheet_in_both_languages(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "forms")
    assert code == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert {"decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
            "urge_log", "awareness_practice", "session_check_in", "safety_plan",
            "audit", "audit_c"} <= set(ids)
    _, out_es, _ = run(capsys, monkeypatch, "forms", "--lang", "es")
    assert out_es != out  # titles are translated


def test_blank_writes_a_pdf_with_the_title(capsys, monkeypatch, tmp_path):
    out = tmp_path / "blank.pdf"
    code, _, _ = run(capsys, monkeypatch, "blank", "optimal_use_plan", "-o", str(out), "--lang", "es")
    assert code == 0
    assert "plan" in pdf_text(out).lower()
    code, _, err = run(capsys, monkeypatch, "blank", "no_such_form", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "no worksheet called" in err.lower()


def test_a_bad_own_definition_is_named_at_every_blank_and_the_rest_prints(capsys, monkeypatch, tmp_path):
    own = tmp_path / "own-forms"
    own.mkdir()
    (own / "broken.toml").write_text('id = "broken"\n[[section]\n', encoding="utf-8")
    monkeypatch.setenv("IHRP_FORMS_DIR", str(own))
    default_library.cache_clear()  # read once per process: read again, as a new command would
    try:
        out = tmp_path / "plan.pdf"
        for _ in range(2):
            code, _, err = run(capsys, monkeypatch, "blank", "optimal_use_plan", "-o", str(out))
            assert code == 0, err
            assert "Skipped" in err and "broken.toml" in err
        assert "Optimal Use Plan" in pdf_text(out)
    finally:
        default_library.cache_clear()


def test_a_file_named_like_a_partial_is_neither_reused_nor_added_to(capsys, monkeypatch, tmp_path):
    out = tmp_path / "plan.pdf"
    (tmp_path / "plan.pdf.partial").write_bytes(b"half a PDF, from a power cut")
    for _ in range(2):  # the second run replaces the first file the same way
        code, _, _ = run(capsys, monkeypatch, "blank", "optimal_use_plan", "-o", str(out))
        assert code == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "plan.pdf.partial"]
    assert "Optimal Use Plan" in pdf_text(out)
    assert (tmp_path / "plan.pdf.partial").read_bytes() == b"half a PDF, from a power cut"


def test_list_shows_every_demo_client_and_worksheet(capsys, monkeypatch, demo_vault):
    code, out, _ = unlocked(capsys, monkeypatch, "list", "--vault", str(demo_vault))
    assert code == 0
    for client in DEMO_CLIENTS:
        assert client.name in out
    expected = sum(len(s.worksheets) for c in DEMO_CLIENTS for s in c.sessions)
    assert len(worksheet_ids(out)) == expected


def test_print_every_worksheet_take_home_and_clinician(capsys, monkeypatch, demo_vault, tmp_path):
    _, out, _ = unlocked(capsys, monkeypatch, "list", "--vault", str(demo_vault))
    for wid in worksheet_ids(out):
        for copy in ("take-home", "clinician"):
            target = tmp_path / f"{wid}-{copy}.pdf"
            code, _, err = unlocked(capsys, monkeypatch, "print", str(wid), "--vault", str(demo_vault), "-o",
                                    str(target), "--copy", copy)
            assert code == 0, err
            assert PdfReader(str(target)).pages


def test_discreet_print_has_no_name_in_metadata(capsys, monkeypatch, demo_vault, tmp_path):
    _, out, _ = unlocked(capsys, monkeypatch, "list", "--vault", str(demo_vault))
    target = tmp_path / "discreet.pdf"
    wid = worksheet_ids(out)[0]
    code, _, _ = unlocked(capsys, monkeypatch, "print", str(wid), "--vault", str(demo_vault), "-o",
                          str(target), "--discreet")
    assert code == 0
    meta = " ".join(str(v) for v in (PdfReader(str(target)).metadata or {}).values())
    for client in DEMO_CLIENTS:
        assert client.name not in meta
        assert client.name not in pdf_text(target)


def test_export_import_round_trip(capsys, monkeypatch, demo_vault, tmp_path):
    export = tmp_path / "all.json"
    code, _, err = unlocked(capsys, monkeypatch, "export-json", "--vault", str(demo_vault), "-o", str(export))
    assert code == 0
    assert "not encrypted" in err.lower()
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["format"] and data["version"] == 2
    assert {c["name"] for c in data["clients"]} == {c.name for c in DEMO_CLIENTS}

    other = tmp_path / "other"
    as_other = passphrase_runner("second quiet harbour")
    as_other(capsys, monkeypatch, "init", "--vault", str(other))
    code, _, err = as_other(capsys, monkeypatch, "import", str(export), "--vault", str(other))
    assert code == 0, err
    again = tmp_path / "again.json"
    as_other(capsys, monkeypatch, "export-json", "--vault", str(other), "-o", str(again))

    def sheets(doc: dict) -> list[tuple]:
        return sorted(
            (
                c["name"],
                s["date"],
                w["form"],
                json.dumps(w["values"], sort_keys=True),
                w["previous_id"] is not None,
            )
            for c in doc["clients"]
            for s in c["sessions"]
            for w in s["worksheets"]
        )

    assert sheets(json.loads(again.read_text(encoding="utf-8"))) == sheets(data)

    one = tmp_path / "one.json"
    name = DEMO_CLIENTS[0].name
    code, _, _ = unlocked(capsys, monkeypatch, "export-json", "--vault", str(demo_vault), "-o", str(one),
                          "--client", name)
    assert code == 0
    assert [c["name"] for c in json.loads(one.read_text(encoding="utf-8"))["clients"]] == [name]


def test_import_of_a_bad_file_changes_nothing(capsys, monkeypatch, tmp_path):
    vault = tmp_path / "v"
    run(capsys, monkeypatch, "init", "--vault", str(vault), "--passphrase-stdin", stdin="pass word 1\n")
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "ihrp-desktop-export",
                "version": 1,
                "clients": [
                    {
                        "name": "Ok",
                        "sessions": [
                            {
                                "date": "2026-01-01",
                                "worksheets": [
                                    {
                                        "id": 1,
                                        "form": "decisional_balance",
                                        "form_version": 1,
                                        "values": {"importance": 42},
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        )
    )
    code, _, err = run(
        capsys,
        monkeypatch,
        "import",
        str(bad),
        "--vault",
        str(vault),
        "--passphrase-stdin",
        stdin="pass word 1\n",
    )
    assert code == 1 and "importance" in err and "nothing was imported" in err.lower()
    _, out, _ = run(
        capsys, monkeypatch, "list", "--vault", str(vault), "--passphrase-stdin", stdin="pass word 1\n"
    )
    assert out.strip() == ""


def test_exit_codes_wrong_passphrase_damaged_usage(capsys, monkeypatch, demo_vault, tmp_path):
    code, _, err = run(
        capsys, monkeypatch, "list", "--vault", str(demo_vault), "--passphrase-stdin", stdin="not it\n"
    )
    assert code == 3 and "passphrase" in err.lower()
    code, _, _ = run(
        capsys,
        monkeypatch,
        "list",
        "--vault",
        str(tmp_path / "nothing-here"),
        "--passphrase-stdin",
        stdin="x\n",
    )
    assert code == 4
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal, no --passphrase-stdin
    assert main(["list", "--vault", str(demo_vault)]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["print"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("secret", ["qu'o\"te\\s @:/% zażółć Юля", "ox-lamp " + "x" * 300 + "ё"])
def test_odd_passphrases_work_for_init_open_and_passwd(capsys, monkeypatch, tmp_path, secret):
    vault = tmp_path / "v"
    as_secret = passphrase_runner(secret)
    assert as_secret(capsys, monkeypatch, "init", "--vault", str(vault))[0] == 0
    assert as_secret(capsys, monkeypatch, "list", "--vault", str(vault))[0] == 0
    new = secret[::-1] + " velvet harbor tangerine"  # a reversed old one alone is refused as too guessable
    as_new = passphrase_runner(new)
    code, _, err = run(
        capsys, monkeypatch, "passwd", "--vault", str(vault), "--passphrase-stdin", stdin=f"{secret}\n{new}\n"
    )
    assert code == 0, err
    assert as_secret(capsys, monkeypatch, "list", "--vault", str(vault))[0] == 3
    assert as_new(capsys, monkeypatch, "list", "--vault", str(vault))[0] == 0


def test_backup_verify_restore(capsys, monkeypatch, demo_vault, tmp_path):
    backup = tmp_path / "backup"
    code, _, err = unlocked(capsys, monkeypatch, "backup", "--vault", str(demo_vault), "-o", str(backup))
    assert code == 0, err
    code, out, _ = unlocked(capsys, monkeypatch, "verify", "--vault", str(backup))
    # Intact (no PROBLEM), and older than the vault this computer has opened, as a backup is: exit 5
    # (docs/security.md, "Rollback").
    assert code == 5 and "PROBLEM" not in out and "OLDER: This vault is older" in out
    restored = tmp_path / "restored"
    code, _, err = unlocked(capsys, monkeypatch, "restore", str(backup), "--vault", str(restored))
    assert code == 0, err
    _, original, _ = unlocked(capsys, monkeypatch, "list", "--vault", str(demo_vault))
    _, copy, _ = unlocked(capsys, monkeypatch, "list", "--vault", str(restored))
    assert copy == original


def test_verify_reports_damage_with_exit_4(capsys, monkeypatch, tmp_path):
    vault = tmp_path / "v"
    run(
        capsys,
        monkeypatch,
        "init",
        "--vault",
        str(vault),
        "--demo",
        "--passphrase-stdin",
        stdin="pass word 1\n",
    )
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0xFF
    db.write_bytes(bytes(data))
    code, out, _ = run(
        capsys, monkeypatch, "verify", "--vault", str(vault), "--passphrase-stdin", stdin="pass word 1\n"
    )
    assert code == 4 and "PROBLEM" in out


def test_subcommands_never_import_qt():
    script = (
        "import sys; from ihrp_desktop.cli import main; main(['forms']); "
        "print(any(m.startswith('PySide6') for m in sys.modules), 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split()[-2:] == ["False", "False"]
