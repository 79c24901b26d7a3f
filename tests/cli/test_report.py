"""``ihrp-desktop report --client NAME --vault PATH -o OUT.pdf``: the progress report to a file, with the
exit codes of the other commands."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import run_cli
from tests.progress_data import CLIENT, RULERS, fill_three_sessions

PASS = "correct horse battery staple"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as vault:
        fill_three_sessions(vault)
    return path


def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        passphrase: str = PASS) -> tuple[int, str, str]:
    return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=passphrase + "\n")


def test_report_writes_the_charts_and_records_it(capsys, monkeypatch, vault_path: Path,
                                                tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    code, stdout, err = cli(capsys, monkeypatch, "report", "--client", CLIENT, "--vault", str(vault_path),
                            "-o", str(out))
    assert code == 0, err
    assert stdout == "" and f"Written to {out}" in err
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Progress report" in text and CLIENT in text and "Where I am right now" in text
    assert str(RULERS["importance"][2]) in text
    with Vault.open(vault_path, PASS) as vault:
        events = vault.audit_events()
        assert any(e.action == "printed" and e.detail == "progress report to file" for e in events)


def test_a_missing_client_is_said_and_nothing_written(capsys, monkeypatch, vault_path: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    code, stdout, err = cli(capsys, monkeypatch, "report", "--client", "Nobody", "--vault", str(vault_path),
                            "-o", str(out))
    assert code == 1
    assert "No client is called 'Nobody' exactly. Nothing was written." in err and "Traceback" not in err
    assert not out.exists() and stdout == ""


def test_wrong_passphrase_and_usage_exit_as_the_other_commands(capsys, monkeypatch, vault_path: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    code, _, _ = cli(capsys, monkeypatch, "report", "--client", CLIENT, "--vault", str(vault_path),
                     "-o", str(out), passphrase="not it")
    assert code == 3 and not out.exists()
    with pytest.raises(SystemExit) as stop:
        run_cli(capsys, monkeypatch, "report", "--vault", str(vault_path), "-o", str(out))
    assert stop.value.code == 2  # --client is required
    code, _, err = cli(capsys, monkeypatch, "report", "--client", CLIENT, "--vault", str(tmp_path / "none"),
                       "-o", str(out))
    assert code in (1, 4) and "Traceback" not in err and not out.exists()


def test_report_to_standard_output_says_so_in_the_words_of_every_command(
    capsys, monkeypatch, vault_path: Path, tmp_path: Path
) -> None:
    """`report -o -` said "Written to -" (issue 14); every command says "Written to standard output."."""
    import sys

    pipe = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdout", pipe)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, monkeypatch, "report", "--client", CLIENT, "--vault", str(vault_path),
                       "-o", "-")
    assert code == 0, err
    assert "Written to standard output." in err and "Written to -" not in err
    assert pipe.buffer.getvalue().startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert not (tmp_path / "-").exists()
