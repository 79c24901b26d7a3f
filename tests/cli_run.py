"""Running the command line in the test's own process: arguments in, (exit code, stdout, stderr) out."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pytest

from ihrp_desktop.cli import main


def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str | None = None
) -> tuple[int, str, str]:
    """``ihrp-desktop ARGS`` with ``stdin`` as standard input (the passphrase lines), when given."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def passphrase_runner(passphrase: str) -> Callable[..., tuple[int, str, str]]:
    """``run_cli`` for commands that open a vault: ``--passphrase-stdin`` added, ``passphrase`` typed."""

    def run(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
    ) -> tuple[int, str, str]:
        return run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=passphrase + "\n")

    return run
