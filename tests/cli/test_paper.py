"""`--paper letter|a4` on `blank` and `print`: real commands in-process, real PDFs read back."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ihrp_desktop.cli import main
from ihrp_desktop.cli.codes import PAPERS
from ihrp_desktop.core.pdf.options import PAPERS as PRINT_PAPERS
from tests.cli_run import run_cli

PASS = "paper ✓ sizes"
WIDTH = {"letter": 612.0, "a4": 595.28}


def width(path: Path) -> float:
    return float(PdfReader(str(path)).pages[0].mediabox.width)


def test_the_command_line_offers_the_papers_the_printer_knows() -> None:
    assert PAPERS == PRINT_PAPERS


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_blank_on_either_paper(capsys, monkeypatch, tmp_path, paper) -> None:
    out = tmp_path / "blank.pdf"
    code, _, err = run_cli(capsys, monkeypatch, "blank", "optimal_use_plan", "-o", str(out), "--paper", paper)
    assert code == 0, err
    assert width(out) == pytest.approx(WIDTH[paper], abs=0.1)


def test_print_on_a4_and_a_wrong_paper_is_a_usage_error(capsys, monkeypatch, tmp_path) -> None:
    vault = tmp_path / "vault"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    assert main(["init", "--vault", str(vault), "--demo", "--passphrase-stdin"]) == 0
    code, listing, _ = run_cli(capsys, monkeypatch, "list", "--vault", str(vault), "--passphrase-stdin",
                               stdin=PASS + "\n")
    assert code == 0
    wid = next(line.split()[1] for line in listing.splitlines() if line.strip().startswith("worksheet "))
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        code, _, err = run_cli(capsys, monkeypatch, "print", wid, "--vault", str(vault), "-o", str(out),
                               "--paper", paper, "--passphrase-stdin", stdin=PASS + "\n")
        assert code == 0, err
        assert width(out) == pytest.approx(WIDTH[paper], abs=0.1)
    with pytest.raises(SystemExit) as exit_info:
        main(["blank", "optimal_use_plan", "-o", str(tmp_path / "x.pdf"), "--paper", "legal"])
    assert exit_info.value.code == 2
