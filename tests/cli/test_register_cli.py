"""The command line and the Spanish register: `forms` lists every worksheet; `blank` and `print` say tú
or usted (`--formal` overrides the client's register; English has one register, so `--formal` with it is
refused). Real vaults, real PDFs read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"
NEW = ("urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c")
# A tú text of each new worksheet's blank and the usted text that replaces it (forms/*.toml).
BLANK_WORDS = {
    "urge_log": ("Puedes observarlas", "Puede observarlas"),
    "awareness_practice": ("Tómate tu tiempo en cada paso", "Tómese su tiempo en cada paso"),
    "session_check_in": ("Tu respuesta sincera", "Su respuesta sincera"),
    "safety_plan": ("Tú eliges lo que te sirve", "Usted elige lo que le sirve"),
}
AUDIT_WORDS = "¿Con qué frecuencia consume alguna bebida con alcohol?"  # the WHO's own Spanish: usted


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_forms_lists_every_worksheet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_cli(capsys, monkeypatch, "forms", "--lang", "es")
    assert code == 0, err
    listed = [line.split("\t")[0] for line in out.splitlines()]
    assert listed == [form.id for form in default_library().ordered()]
    assert set(NEW) <= set(listed) and len(listed) >= 10
    assert "Registro de ganas" in out  # the titles in the language asked


@pytest.mark.parametrize("form_id", NEW)
def test_blank_in_tu_and_in_usted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, form_id: str
) -> None:
    tu, usted = tmp_path / "tu.pdf", tmp_path / "usted.pdf"
    assert run_cli(capsys, monkeypatch, "blank", form_id, "-o", str(tu), "--lang", "es")[0] == 0
    code, _, err = run_cli(capsys, monkeypatch, "blank", form_id, "-o", str(usted), "--lang", "es",
                           "--formal")
    assert code == 0, err
    if form_id in BLANK_WORDS:
        plain, formal = (_squash(w) for w in BLANK_WORDS[form_id])
        assert plain in _text(tu) and plain not in _text(usted)
        assert formal in _text(usted) and formal not in _text(tu)
    else:
        assert _squash(AUDIT_WORDS) in _text(usted) and _text(usted) == _text(tu)


def test_formal_with_english_is_refused_not_ignored(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    code, _, err = run_cli(capsys, monkeypatch, "blank", "urge_log", "-o", str(out), "--formal")
    assert code == 2 and not out.exists()
    assert "--formal chooses usted in Spanish" in err and "Add --lang es" in err


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=PASS + "\n")


@pytest.fixture
def vault(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two Spanish clients, one addressed as tú and one as usted, each with a filled 18 Alternatives."""
    folder = tmp_path / "vault"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        for name, register in (("Lucía Tú", "informal"), ("Elena Usted", "formal")):
            client = v.add_client(name, "es", register=register)
            v.new_worksheet(client.id, "alternatives", 1, values={"chosen": "Dos días sin beber"})
    for args in (("--name", "Consulta", "--phone", "555-0100", "--country", "us"), ("--confirm",)):
        code, _, err = _run(capsys, monkeypatch, "practice", "--vault", str(folder), *args)
        assert code == 0, err
    return folder


TU = _squash("tú eliges lo que te sirve")  # the 18 Alternatives' purpose, printed on its take-home
USTED = _squash("usted elige lo que le sirve")


@pytest.mark.parametrize(("worksheet", "flags", "expected"), [
    ("1", [], TU),  # the client's own register
    ("2", [], USTED),
    ("1", ["--formal"], USTED),  # --formal overrides it
])
def test_print_follows_the_client_and_formal_overrides_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, vault: Path, tmp_path: Path,
    worksheet: str, flags: list[str], expected: str,
) -> None:
    out = tmp_path / "out.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", worksheet, "--vault", str(vault), "-o", str(out),
                        *flags)
    assert code == 0, err
    text = _text(out)
    assert expected in text and (TU if expected == USTED else USTED) not in text
    assert _squash("Dos días sin beber") in text  # the answer as typed


def test_print_formal_in_english_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, vault: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "2", "--vault", str(vault), "-o", str(out),
                        "--lang", "en", "--formal")
    assert code == 2 and not out.exists() and "--formal chooses usted" in err
    # Without --formal an English copy of a usted client prints (English has one register).
    code, _, err = _run(capsys, monkeypatch, "print", "2", "--vault", str(vault), "-o", str(out),
                        "--lang", "en")
    assert code == 0, err
