"""``ihrp-desktop practice`` and what printing does with it: real vaults, real PDFs."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.cli import main
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=PASS + "\n")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        client = v.add_client("Ana Wiśniewska")
        v.new_worksheet(client.id, "optimal_use_plan", 1, values={
            "substance": "Heroin", "limits": [{"limit": "One bag"}], "never": [{"item": "Alone"}]})
    return folder


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_practice_without_options_shows_the_profile_and_each_number_s_source(capsys, monkeypatch, vault):
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault))
    assert code == 0 and "NOT confirmed" in out and "(not set)" in out
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault),
                        "--name", "Riverside Counseling",
                        "--phone", "555-0100", "--country", "us")
    assert code == 0
    assert "crisis line: 988 Suicide & Crisis Lifeline (call or text): 988" in out
    assert re.search(r"source: https://988lifeline\.org/.*, not re-read", out)  # lines.toml: checked = ""
    assert re.search(r"source: https://www\.poisonhelp\.hrsa\.gov/.*, checked \d{4}-\d\d-\d\d", out)
    assert "poison line: Poison Help: 1-800-222-1222" in out and "NOT confirmed" in out
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--confirm")
    assert "lines:       confirmed" in out and "Riverside Counseling" in out  # the rest kept


def test_take_home_waits_for_confirmed_lines(capsys, monkeypatch, vault, tmp_path):
    out_pdf = tmp_path / "plan.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--vault", str(vault), "-o", str(out_pdf))
    assert code == 2 and "not been confirmed" in err and "practice --vault PATH --confirm" in err
    assert not out_pdf.exists()
    code, _, _ = _run(capsys, monkeypatch, "print", "1", "--copy", "clinician", "--vault", str(vault),
                      "-o", str(tmp_path / "clinician.pdf"))
    assert code == 0  # the clinician copy stays in the room: no lines to check
    _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--country", "US", "--phone", "555-0100",
         "--confirm")
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--vault", str(vault), "-o", str(out_pdf))
    assert code == 0, err
    assert "1-800-222-1222" in _text(out_pdf) and "555-0100" in _text(out_pdf)
    # A changed line needs confirming again.
    _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--crisis-line", "Our line=555-0199")
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--vault", str(vault), "-o", str(out_pdf))
    assert code == 2 and "confirm" in err


def test_a_line_without_a_number_is_a_usage_error_that_changes_nothing(capsys, monkeypatch, vault):
    code, _, err = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--crisis-line", "Lifeline=")
    assert code == 2 and "has no number" in err
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault))
    assert "crisisline:(notset)" in out.replace(" ", "")


def test_the_pocket_card_prints_several_cards_to_a_sheet_discreet_by_default(
    capsys, monkeypatch, vault, tmp_path
):
    _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--country", "US", "--paper", "a4",
         "--confirm")
    card = tmp_path / "card.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--copy", "pocket-card", "--vault", str(vault),
                        "-o", str(card))
    assert code == 0, err
    reader = PdfReader(str(card))
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4, the practice's paper
    text = _text(card)
    assert text.count("My plan") == 4  # four cards to the sheet, each titled neutrally
    assert "One bag" in text and "Talk to someone: 988" in text
    assert "Optimal Use Plan" not in text and "Ana" not in text and "Lifeline" not in text
    assert reader.metadata is not None and reader.metadata.title == "My plan"
    code, _, _ = _run(capsys, monkeypatch, "print", "1", "--copy", "pocket-card", "--not-discreet",
                      "--vault", str(vault), "-o", str(card))
    assert code == 0 and "Optimal Use Plan" in _text(card)


def test_the_demo_vault_has_a_fictional_practice_with_the_real_lines_confirmed(capsys, monkeypatch, tmp_path):
    path = tmp_path / "demo"
    stdin = sys.stdin
    try:
        sys.stdin = io.StringIO(PASS + "\n")
        assert main(["init", "--vault", str(path), "--demo", "--passphrase-stdin"]) == 0
    finally:
        sys.stdin = stdin
    capsys.readouterr()
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(path))
    assert code == 0 and "(fictional)" in out and "988" in out and "1-800-222-1222" in out
    assert "lines:       confirmed" in out


def test_a_phone_or_line_with_letters_is_refused_with_exit_2_naming_the_field(capsys, monkeypatch, vault):
    code, _, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--phone", "555-0100")
    assert code == 0
    for option, value, field in (("--phone", "Harm Reduction Clinic 555-0100", "practice phone"),
                                 ("--poison-line", "Line=1-800-NALOXONE", "poison line number"),
                                 ("--crisis-line", "abc def", "crisis line number")):
        code, out, err = _run(capsys, monkeypatch, "practice", "--vault", str(vault), option, value)
        assert code == 2 and f"The {field}: " in err and "Nothing was changed." in err, (option, err)
        assert "Traceback" not in err
    code, out, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault))
    assert code == 0 and "phone:       555-0100" in out and "NALOXONE" not in out


def test_country_fr_after_us_clears_the_us_lines_and_one_confirm_prints_none_of_them(
    capsys, monkeypatch, vault, tmp_path
):
    code, _, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--country", "US",
                      "--poison-line", "555-0199", "--confirm")
    assert code == 0
    code, out, err = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--country", "FR")
    assert code == 0 and "the shipped lines are cleared" in err
    assert "crisis line: (not set)" in out and "poison line: Poison line: 555-0199" in out  # typed: kept
    assert "typed in this profile" in out and "NOT confirmed" in out
    code, _, _ = _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--confirm")
    out_pdf = tmp_path / "fr.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--vault", str(vault), "-o", str(out_pdf))
    assert code == 0, err
    text = _text(out_pdf)
    assert "555-0199" in text and "988" not in text and "1-800-222-1222" not in text and "911" not in text


def test_the_safety_plan_prints_as_a_pocket_card(capsys, monkeypatch, vault, tmp_path):
    """Issue 16: `print ID --copy pocket-card` of a safety plan, waiting for confirmed lines as the plan's
    card does; a worksheet without a card names those that have one."""
    with Vault.open(vault, PASS) as v:
        client = v.clients()[0]
        sheet = v.new_worksheet(client.id, "safety_plan", 1, values={
            "warning_signs": [{"sign": "Skipping meals"}], "coping": [{"what": "A walk with the dog"}],
            "helpers": [{"name": "Marta", "phone": "555-0199"}]})
        balance = v.new_worksheet(client.id, "decisional_balance", 1, values={})
    card = tmp_path / "card.pdf"
    args = ("print", str(sheet.id), "--copy", "pocket-card", "--vault", str(vault), "-o", str(card))
    code, _, err = _run(capsys, monkeypatch, *args)
    assert code == 2 and "confirm" in err  # the lines are not confirmed yet
    _run(capsys, monkeypatch, "practice", "--vault", str(vault), "--country", "US", "--confirm")
    code, _, err = _run(capsys, monkeypatch, *args)
    assert code == 0, err
    text = _text(card)
    assert text.count("My plan") == 4 and "My safety plan" not in text  # discreet by default
    assert "Skipping meals" in text and "A walk with the dog" in text and "Marta, 555-0199" in text
    assert "Talk to someone: 988" in text
    code, _, err = _run(capsys, monkeypatch, "print", str(balance.id), "--copy", "pocket-card", "--vault",
                        str(vault), "-o", str(card))
    assert code == 2 and "Optimal Use Plan" in err and "My safety plan" in err
