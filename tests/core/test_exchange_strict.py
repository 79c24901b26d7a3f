"""An import file's answers written for the installed definition version fit it exactly (issue 16's
stranger, cases 4 and 5): an option that is not one of the question's, a value of the wrong type, a
field or a list column the definition does not have is refused in plain words naming where, and
nothing is imported. Answers of another version of the definition are kept as they are."""

from __future__ import annotations

import json
import uuid
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli
from tests.core.pdf.conftest import pdf_text

PASS = "strict ✓ pass"
run = partial(run_cli, stdin=PASS + "\n")
T = "2026-12-01T10:00:00+00:00"


def _export(form: str, values: dict[str, Any], form_version: int = 1) -> dict[str, Any]:
    def u() -> str:
        return str(uuid.uuid4())

    sheet = {"id": 1, "uid": u(), "form": form, "form_version": form_version, "status": "draft",
             "filled_by": "together", "language": "en", "created_at": T, "updated_at": T, "values": values}
    client = {"id": 1, "uid": u(), "name": "Strict Test", "language": "en", "register": "informal",
              "archived": False, "created_at": T, "updated_at": T,
              "sessions": [{"id": 1, "uid": u(), "date": "2026-12-01", "note": "", "worksheets": [sheet]}]}
    return {"format": "ihrp-desktop-export", "version": 2, "exported_at": T, "clients": [client]}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    Vault.create(tmp_path / "v", PASS, kdf=KdfParams.fast()).close()
    return tmp_path / "v"


def _import(capsys: Any, monkeypatch: Any, tmp_path: Path, vault: Path, doc: dict[str, Any]
            ) -> tuple[int, str]:
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "import", str(path), "--vault", str(vault), "--passphrase-stdin")
    return code, err


URGE = {"when": "2026-11-01T10:00", "where": "kitchen", "start": 7, "peak": 2, "did": "tea"}
REFUSED = [
    ("audit_c", {"audit_1": "Never"}, "values.audit_1", "not one of this question's options"),
    ("audit_c", {"audit_1": "never", "audit_2": "weekly_plus"}, "values.audit_2", "options"),
    ("audit", {"audit_1": 0}, "values.audit_1", "not one of this question's options"),
    ("session_check_in", {"plan_went": "great"}, "values.plan_went", "options"),
    ("urge_log", {"urges": [dict(URGE, start="7")]}, "values.urges[0].start", "expected a number, not text"),
    ("urge_log", {"urges": [dict(URGE, evil="<b>x</b>")]}, "values.urges[0].evil", "no such column"),
    ("urge_log", {"urges": [URGE], "secret_field": "x"}, "values.secret_field", "no such question"),
    ("urge_log", {"urges": [dict(URGE, where=5)]}, "values.urges[0].where", "expected text"),
]


@pytest.mark.parametrize(("form", "values", "where", "why"), REFUSED)
def test_answers_that_do_not_fit_their_version_are_refused(
    capsys, monkeypatch, tmp_path: Path, vault: Path, form: str, values: dict[str, Any], where: str, why: str
) -> None:
    code, err = _import(capsys, monkeypatch, tmp_path, vault, _export(form, values))
    assert code == 1, err
    assert where in err and why in err and "Nothing was imported." in err, err
    assert "<b>" not in err and "CLINICIAN" not in err and "Traceback" not in err
    with Vault.open(vault, PASS) as v:
        assert v.clients(include_archived=True) == []


@pytest.mark.parametrize("empty", ["", None])
def test_an_unanswered_choice_is_imported_as_unanswered(capsys, monkeypatch, tmp_path: Path, vault: Path,
                                                       empty: Any) -> None:
    code, err = _import(capsys, monkeypatch, tmp_path, vault, _export("audit", {"audit_1": empty}))
    assert code == 0, err


def test_answers_of_another_version_are_kept_and_the_take_home_prints_declared_columns_only(
    capsys, monkeypatch, tmp_path: Path, vault: Path
) -> None:
    """A newer version's column is kept (a therapist's newer computer); the clinician copy shows it.
    A same-version worksheet's stray column (stored before imports were checked) never reaches the
    client's copy: see tests/core/pdf/test_undeclared_answers.py."""
    row = dict(URGE, newer_column="from a newer version")
    code, err = _import(capsys, monkeypatch, tmp_path, vault, _export("urge_log", {"urges": [row]}, 2))
    assert code == 0, err
    with Vault.open(vault, PASS) as v:
        client = v.clients()[0]
        sheet = v.worksheet(v.worksheets(client.id)[0].id)
        assert sheet.values["urges"][0]["newer_column"] == "from a newer version"
    out = tmp_path / "c.pdf"
    code, _, err = run(capsys, monkeypatch, "print", str(sheet.id), "--copy", "clinician",
                       "--vault", str(vault), "--passphrase-stdin", "-o", str(out))
    assert code == 0, err
    assert "from a newer version" in pdf_text(out.read_bytes())
