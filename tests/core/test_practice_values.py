"""Practice profile values a stranger tried (issue 14): a 105 KB name, control characters (ESC, BEL),
line breaks and direction marks. Refused at save with plain words naming the field, in a real vault
and on the command line (exit 2, nothing changed); a long name already in a profile shortens at the
foot and the phone prints whole, read back from real PDFs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.practice import TEXT_LIMIT, Line, Practice, PracticeProblem, check_practice
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"
BAD = [
    (Practice(name="R" * (TEXT_LIMIT + 1)), "practice name", "is 121 characters long; keep it to 120"),
    (Practice(name="Riverside\x1b[31m"), "practice name", "control character"),
    (Practice(name="Riverside\x07"), "practice name", "control character"),
    (Practice(name="River\nside"), "practice name", "line break"),
    (Practice(name="Riverside\u202e0010-555"), "practice name", "direction of the text"),
    (Practice(crisis=Line("Crisis\nline", "988")), "crisis line label", "line break"),
    (Practice(poison=Line("P" * 500, "555-0199")), "poison line label", "is 500 characters long"),
    (Practice(phone="555\n0100"), "practice phone", "line break"),
    (Practice(phone="\u2066555-0100\u2069"), "practice phone", "direction of the text"),
    (Practice(crisis=Line("", "9" * 41)), "crisis line number", "keep it to 40"),
]


@pytest.mark.parametrize(("practice", "field", "said"), BAD)
def test_the_vault_refuses_the_value_naming_the_field_and_keeps_the_old_profile(
    tmp_path: Path, practice: Practice, field: str, said: str
) -> None:
    with Vault.create(tmp_path / "v", PASS, kdf=KdfParams.fast()) as vault:
        good = vault.save_practice(Practice(name="Riverside", phone="555-0100"))
        with pytest.raises(PracticeProblem) as refused:
            vault.save_practice(practice)
        message = str(refused.value)
        assert message.startswith(f"The {field} ") and said in message, message
        assert "\x1b" not in message and "\x07" not in message and "\u202e" not in message
        assert vault.practice() == good


def test_names_and_labels_as_people_write_them_are_accepted() -> None:
    check_practice(Practice(name="Centrum Terapii Łódź – Gabinet Żółty " + "x" * 80, phone="+48 42 123 45 67",
                            crisis=Line("Телефон доверия", "112"), poison=Line("", "555-0199")))


@pytest.mark.parametrize("value", ["Riverside\x1b[2J", "River\nside", "R" * 200, "Riverside\u202e"])
def test_the_command_line_refuses_with_exit_2_and_echoes_nothing_raw(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASS, kdf=KdfParams.fast()).close()

    def run(*args: str) -> tuple[int, str, str]:
        return run_cli(capsys, monkeypatch, "practice", "--vault", str(folder), *args, "--passphrase-stdin",
                       stdin=PASS + "\n")

    assert run("--name", "Riverside")[0] == 0
    code, out, err = run("--name", value)
    assert code == 2 and "The practice name " in err and "Nothing was changed." in err, err
    assert value not in out + err and "Traceback" not in err
    code, out, _ = run()
    assert code == 0 and "name:        Riverside" in out


def test_a_long_name_shortens_at_the_foot_and_the_phone_prints_whole_on_every_page() -> None:
    """A name saved before these checks (105 KB) prints in a moment; the phone is never cut."""
    practice = Practice(name="Riverside Harm Reduction " * 4200, phone="555-0100-77", confirmed=True)
    form = default_library().get("optimal_use_plan")
    values = {"substance": "Tea", "current_context": "A long answer. " * 300}
    data = render_worksheet(form, values, PrintHeader(practice=practice), PrintOptions())
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    for page in pages:
        text = page.extract_text() or ""
        foot = next(line for line in text.splitlines() if "555-0100-77" in line)
        assert "Riverside Harm" in foot and "… · 555-0100-77" in foot, foot


def test_a_profile_saved_before_the_checks_is_shown_without_raw_control_characters(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`practice` shows an old value's ESC, BEL or direction mark as "?", and a long one cut."""
    from dataclasses import replace

    from ihrp_desktop.cli.practice import describe

    old = replace(Practice(), name="River\x1b[2Jside\u202e" + "x" * 300, phone="555\x070100")
    out = "\n".join(describe(old))
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "River?[2Jside?" in out and "555?0100" in out and "x" * 301 not in out
