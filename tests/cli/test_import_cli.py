"""`ihrp-desktop import` on the command line: progress lines on stderr, the summary, a second run."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from ihrp_desktop.cli import progress
from ihrp_desktop.core.demo import DEMO_CLIENTS, load_demo
from ihrp_desktop.core.exchange import export_records
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "import ✓ pass"
# The demo's records, counted from the demo itself (demo/clients.json grows with its story).
CLIENTS = len(DEMO_CLIENTS)
SESSIONS = sum(len(c.sessions) for c in DEMO_CLIENTS)
SHEETS = sum(len(s.worksheets) for c in DEMO_CLIENTS for s in c.sessions)


run = partial(run_cli, stdin=PASS + "\n")


@pytest.fixture
def export_and_vault(tmp_path: Path) -> tuple[Path, Path]:
    with Vault.create(tmp_path / "source", PASS, kdf=KdfParams.fast()) as source:
        load_demo(source, default_library())
        export = tmp_path / "export.json"
        export.write_text(json.dumps(export_records(source), ensure_ascii=False), encoding="utf-8")
    Vault.create(tmp_path / "target", PASS, kdf=KdfParams.fast()).close()
    return export, tmp_path / "target"


def test_import_prints_progress_then_what_was_new_and_adds_nothing_twice(
    capsys, monkeypatch, export_and_vault
):
    export, vault = export_and_vault
    monkeypatch.setattr(progress, "EVERY_SECONDS", 0.0)  # every step prints (a large file: one every 3 s)
    code, out, err = run(
        capsys, monkeypatch, "import", str(export), "--vault", str(vault), "--passphrase-stdin"
    )
    assert code == 0, err
    assert out == ""  # stdout stays for data
    lines = err.splitlines()
    assert "Reading the file: 100%" in lines
    assert f"Checking: {SHEETS} of {SHEETS} worksheets" in lines
    assert f"Writing: {SHEETS} of {SHEETS} worksheets" in lines
    assert lines[-1] == (
        f"Imported. Clients: {CLIENTS} new, 0 updated, 0 already there; Sessions: {SESSIONS} new, 0 updated, "
        f"0 already there; Worksheets: {SHEETS} new, 0 updated, 0 already there."
    )
    monkeypatch.setattr(progress, "EVERY_SECONDS", 3.0)
    code, _, err = run(
        capsys, monkeypatch, "import", str(export), "--vault", str(vault), "--passphrase-stdin"
    )
    assert code == 0
    assert err.splitlines() == [
        f"Imported. Clients: 0 new, 0 updated, {CLIENTS} already there; Sessions: 0 new, 0 updated, "
        f"{SESSIONS} already there; Worksheets: 0 new, 0 updated, {SHEETS} already there."
    ]  # a quick import prints no progress lines


def test_a_bad_file_is_refused_before_the_passphrase_is_asked(capsys, monkeypatch, export_and_vault):
    export, vault = export_and_vault
    export.write_text('{"format": "ihrp-desktop-export", "version": 2, "clients": [{"name": ""}]}')
    code, _, err = run(
        capsys, monkeypatch, "import", str(export), "--vault", str(vault), "--passphrase-stdin", stdin=""
    )  # no passphrase given: none is needed to refuse the file
    assert code == 1
    assert err.strip() == (
        "The file cannot be imported: clients[0].name: every client needs a name. Nothing was imported."
    )


def test_a_wrong_passphrase_still_exits_3_and_imports_nothing(capsys, monkeypatch, export_and_vault):
    export, vault = export_and_vault
    code, _, err = run(
        capsys,
        monkeypatch,
        "import",
        str(export),
        "--vault",
        str(vault),
        "--passphrase-stdin",
        stdin="not it\n",
    )
    assert code == 3, err
    with Vault.open(vault, PASS) as opened:
        assert opened.clients(include_archived=True) == []


def test_a_worksheet_whose_definition_is_not_installed_is_kept_and_named(
    capsys, monkeypatch, export_and_vault
):
    export, vault = export_and_vault
    doc = json.loads(export.read_text(encoding="utf-8"))
    sheet = next(w for c in doc["clients"] for s in c["sessions"] for w in s["worksheets"])
    sheet.update(form="not_installed_here", values={"anything": ["as", {"it": "was"}]})
    export.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(
        capsys, monkeypatch, "import", str(export), "--vault", str(vault), "--passphrase-stdin"
    )
    assert code == 0, err
    assert "Kept as they are (their definitions are not installed here): not_installed_here" in err
    with Vault.open(vault, PASS) as opened:
        kept = [opened.worksheet(i) for i in opened.all_worksheet_ids()]
    assert [w.values for w in kept if w.form_id == "not_installed_here"] == [
        {"anything": ["as", {"it": "was"}]}
    ]
