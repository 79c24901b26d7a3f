"""`passwd` and `rekey` on the command line: a new data key, what they say, and the progress lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.cli.keys import _Progress
from ihrp_desktop.core.vault import KdfParams, Vault, WrongPassphrase
from tests.cli_run import run_cli

OLD, NEW = "the old passphrase", "the new passphrase"


@pytest.fixture
def with_sheet(tmp_path: Path) -> tuple[Path, str]:
    """A vault with a recovery sheet and one client: (its folder, the sheet's key)."""
    folder = tmp_path / "vault"
    with Vault.create(folder, OLD, kdf=KdfParams.fast(), with_recovery_key=True) as v:
        sheet = v.recovery_key
        v.add_client("Ana")
    assert sheet is not None
    return folder, sheet


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
         stdin: str) -> tuple[int, str]:
    code, _, err = run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin=stdin)
    return code, err


def test_rekey_replaces_the_passphrase_and_retires_the_recovery_sheet(
    with_sheet: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, sheet = with_sheet
    code, err = _run(monkeypatch, capsys, "rekey", "--vault", str(folder), stdin=f"{OLD}\n{NEW}\n")
    assert code == 0, err
    assert "Older copies of the key file no longer open this vault" in err
    assert "Your recovery sheet, if you had one, no longer works" in err
    for secret in (OLD, sheet):
        with pytest.raises(WrongPassphrase):
            Vault.open(folder, secret)
    with Vault.open(folder, NEW) as v:
        assert [e.action for e in v.audit_events()][-1] == "keys_replaced"  # written inside, by the change
    code, _ = _run(monkeypatch, capsys, "list", "--vault", str(folder), stdin=OLD + "\n")
    assert code == 3


def test_passwd_keeps_the_recovery_sheet(
    with_sheet: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, sheet = with_sheet
    code, err = _run(monkeypatch, capsys, "passwd", "--vault", str(folder), stdin=f"{OLD}\n{NEW}\n")
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
