"""`passwd` and `rekey` on the command line: a new data key, what they say, and the progress lines."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from ihrp_desktop.cli import main
from ihrp_desktop.cli.keys import _Progress
from ihrp_desktop.core.vault import KdfParams, Vault, WrongPassphrase

OLD, NEW = "the old passphrase", "the new passphrase"


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
         stdin: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    return code, capsys.readouterr().err


def test_rekey_replaces_the_passphrase_and_retires_the_recovery_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault"
    with Vault.create(folder, OLD, kdf=KdfParams.fast(), with_recovery_key=True) as v:
        sheet = v.recovery_key
        v.add_client("Ana")
    assert sheet is not None
    code, err = _run(monkeypatch, capsys, "rekey", "--vault", str(folder), "--passphrase-stdin",
                     stdin=f"{OLD}\n{NEW}\n")
    assert code == 0, err
    assert "Older copies of the key file no longer open this vault" in err
    assert "Your recovery sheet, if you had one, no longer works" in err
    for secret in (OLD, sheet):
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, secret)
    with Vault.open(folder, NEW) as v:
        assert [e.action for e in v.audit_events()][-1] == "keys_replaced"  # written inside, by the change
    code, _ = _run(monkeypatch, capsys, "list", "--vault", str(folder), "--passphrase-stdin",
                   stdin=OLD + "\n")
    assert code == 3


def test_passwd_keeps_the_recovery_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault"
    with Vault.create(folder, OLD, kdf=KdfParams.fast(), with_recovery_key=True) as v:
        sheet = v.recovery_key
    assert sheet is not None
    code, err = _run(monkeypatch, capsys, "passwd", "--vault", str(folder), "--passphrase-stdin",
                     stdin=f"{OLD}\n{NEW}\n")
    assert code == 0 and "recovery sheet" not in err
    Vault.open(folder, sheet).close()
    Vault.open(folder, NEW).close()


def test_progress_is_printed_every_few_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    progress = _Progress()
    now = [0.0]
    progress._clock = lambda: now[0]
    progress._last = 0.0
    for t, fraction in ((1.0, 0.1), (3.5, 0.3), (4.0, 0.35), (7.0, 0.8), (9.0, 1.0)):
        now[0] = t
        progress(fraction)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["Re-encrypting the vault: 30%", "Re-encrypting the vault: 80%"]
