"""`print`'s options that must not be ignored in silence, and characters no font has: real vaults,
real PDFs read back with pypdf (the stranger's issue-14 cases 2, 3 and 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.pdf.fallback import PLACEHOLDER
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli

PASS = "correct horse battery staple"
# Two Chinese characters, three Arabic letters, a test tube no bundled face has: six placeholders.
FOREIGN = "一包 مرة 🧪"


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=PASS + "\n")


@pytest.fixture
def vault(tmp_path: Path, capsys, monkeypatch) -> Path:
    folder = tmp_path / "vault"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        client = v.add_client("Ana Wiśniewska")
        v.new_worksheet(client.id, "optimal_use_plan", 1, values={
            "substance": "Heroin", "limits": [{"limit": f"One bag {FOREIGN} then stop"}],
            "never": [{"item": "Alone"}]})
    code, _, err = _run(capsys, monkeypatch, "practice", "--vault", str(folder), "--name", "Riverside",
                        "--phone", "555-0100", "--country", "us")
    assert code == 0, err
    code, _, err = _run(capsys, monkeypatch, "practice", "--vault", str(folder), "--confirm")
    assert code == 0, err
    return folder


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("copy", ["take-home", "pocket-card"])
@pytest.mark.parametrize("discreet", [True, False])
def test_unprintable_said_once(capsys, monkeypatch, vault, tmp_path, copy, discreet) -> None:
    out = tmp_path / "out.pdf"
    flag = ("--discreet" if copy == "take-home" else []) if discreet else (
        [] if copy == "take-home" else "--not-discreet")
    extra = [flag] if isinstance(flag, str) else flag
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--copy", copy, *extra, "--vault", str(vault),
                        "-o", str(out))
    assert code == 0, err
    assert err.count("cannot be printed") == 1
    assert ("6 characters in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or Arabic "
            f"script); they show as {PLACEHOLDER} on the page.") in err
    text = " ".join(_text(out).split())
    # Each character no face has is a placeholder where it was; the words around it are all there.
    assert f"One bag {PLACEHOLDER * 2} {PLACEHOLDER * 3} {PLACEHOLDER}" in text
    assert "then stop" in text


def test_nothing_said_when_everything_prints(capsys, monkeypatch, tmp_path) -> None:
    folder = tmp_path / "v"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        client = v.add_client("Zoë")
        v.new_worksheet(client.id, "optimal_use_plan", 1, values={"limits": [{"limit": "Łódź ❤ one"}]})
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--copy", "clinician", "--vault", str(folder),
                        "-o", str(tmp_path / "c.pdf"))
    assert code == 0, err
    assert "cannot be printed" not in err
    assert "Łódź ❤ one" in _text(tmp_path / "c.pdf")


def test_discreet_clinician_refused(capsys, monkeypatch, vault, tmp_path) -> None:
    out = tmp_path / "c.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--copy", "clinician", "--discreet",
                        "--vault", str(vault), "-o", str(out))
    assert code == 2
    assert "Discreet applies to the take-home copy and the pocket card" in err
    assert not out.exists()


def test_discreet_and_not_discreet_refused(capsys, monkeypatch, vault, tmp_path) -> None:
    out = tmp_path / "card.pdf"
    with pytest.raises(SystemExit) as exit_info:
        _run(capsys, monkeypatch, "print", "1", "--copy", "pocket-card", "--discreet", "--not-discreet",
             "--vault", str(vault), "-o", str(out))
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert not out.exists()


def test_paper_defaults_said_as_they_are(capsys, monkeypatch) -> None:
    with pytest.raises(SystemExit):
        run_cli(capsys, monkeypatch, "print", "--help")
    assert "default: the practice's paper size" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        run_cli(capsys, monkeypatch, "blank", "--help")
    assert "(default: letter)" in " ".join(capsys.readouterr().out.split())


def test_shortened_card_said_once(capsys, monkeypatch, tmp_path) -> None:
    folder = tmp_path / "v"
    with Vault.create(folder, PASS, kdf=KdfParams.fast()) as v:
        client = v.add_client("Ana")
        v.new_worksheet(client.id, "optimal_use_plan", 1, values={
            "limits": [{"limit": "Two drinks, then water. " * 125}], "never": [{"item": "Alone. " * 700}]})
    for args in (("--name", "R", "--phone", "555-0100", "--country", "us"), ("--confirm",)):
        assert _run(capsys, monkeypatch, "practice", "--vault", str(folder), *args)[0] == 0
    out = tmp_path / "card.pdf"
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--copy", "pocket-card", "--vault", str(folder),
                        "-o", str(out))
    assert code == 0, err
    assert err.count("too long for the pocket card") == 1
    assert "More in your plan" in _text(out)
    code, _, err = _run(capsys, monkeypatch, "print", "1", "--vault", str(folder),
                        "-o", str(tmp_path / "t.pdf"))
    assert code == 0 and "pocket card" not in err  # the take-home copy holds every word
