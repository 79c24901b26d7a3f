"""`-o -` is standard output, as other tools read it (a stranger found `blank ... -o -` wrote a file
named "-"): the PDF's bytes go down the pipe, nothing lands in the folder, a terminal is refused."""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader

from tests.kdf_floor import CLI_CHILD


def _run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "IHRP_HOME": str(cwd / "home")}
    return subprocess.run([*CLI_CHILD, *args], cwd=cwd, env=env, timeout=120, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_blank_to_standard_output_is_a_pdf_and_no_file(tmp_path: Path) -> None:
    done = _run(["blank", "decisional_balance", "-o", "-"], tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(io.BytesIO(done.stdout))  # the bytes are the whole PDF, unchanged
    assert "Decisional" in reader.pages[0].extract_text()
    assert not (tmp_path / "-").exists()
    assert b"written to standard output" in done.stderr


def test_a_terminal_is_no_place_for_a_pdf(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        done = _run(["blank", "decisional_balance", "-o", "-"], tmp_path, stdout=follower,
                    stderr=subprocess.PIPE)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 1
    assert b"Standard output is a terminal" in done.stderr and b"Nothing was written" in done.stderr
    assert not (tmp_path / "-").exists()


def test_no_standard_output_is_said_in_plain_words(tmp_path: Path) -> None:
    done = _run(["blank", "decisional_balance", "-o", "-"], tmp_path, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
    assert done.returncode == 0  # > /dev/null is a place to write: the bytes go there
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *CLI_CHILD, "blank", "decisional_balance", "-o", "-"],
        cwd=tmp_path, env={**os.environ, "IHRP_HOME": str(tmp_path / "home")}, capture_output=False,
        stderr=subprocess.PIPE, timeout=120,
    )
    assert closed.returncode == 1
    assert b"no standard output" in closed.stderr and b"Traceback" not in closed.stderr
    assert not (tmp_path / "-").exists()


def test_export_audit_and_print_to_standard_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same `-` on the other commands that write a file: the records come down standard output."""
    import json
    import sys

    from ihrp_desktop.cli import main

    vault = str(tmp_path / "vault")
    monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
    assert main(["init", "--vault", vault, "--demo", "--passphrase-stdin"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
    assert main(["list", "--vault", vault, "--passphrase-stdin"]) == 0
    sheet = next(line.split()[1] for line in capsys.readouterr().out.splitlines() if "worksheet" in line)
    for command in ("export-json", "audit"):
        monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
        code = main([command, "--vault", vault, "-o", "-", "--passphrase-stdin"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "standard output" in err and not (tmp_path / "-").exists()
        if command == "export-json":
            assert json.loads(out)["clients"]
        else:
            assert out.splitlines()[0].count(",") >= 2  # CSV rows
    # A PDF's bytes, down a binary standard output.
    pipe = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdout", pipe)
    monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
    code = main(["print", sheet, "--copy", "clinician", "--vault", vault, "-o", "-", "--passphrase-stdin"])
    assert code == 0, capsys.readouterr().err
    data = cast(io.BytesIO, pipe.buffer).getvalue()
    assert data.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(data)).pages) >= 1


def test_a_backup_to_a_dash_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A backup is a folder, not a stream: `backup -o -` says so (exit 2) and makes no folder "-"."""
    import sys

    from ihrp_desktop.cli import main

    vault = str(tmp_path / "vault")
    monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
    assert main(["init", "--vault", vault, "--passphrase-stdin"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("dash ✓ output\n"))
    code = main(["backup", "--vault", vault, "-o", "-", "--passphrase-stdin"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "A backup is a folder, not a stream" in err and "Nothing was written" in err
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "-").exists()
