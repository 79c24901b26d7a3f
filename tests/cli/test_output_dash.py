"""`-o -` is standard output, as other tools read it (a stranger found `blank ... -o -` wrote a file
named "-"): the PDF's bytes go down the pipe, nothing lands in the folder, a terminal is refused."""

from __future__ import annotations

import io
import os
import pty
import subprocess
from pathlib import Path

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
