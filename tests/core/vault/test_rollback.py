"""Rollback detection: older files put back (whole, or single pages) are noticed; a real restore is not."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ihrp_desktop.cli import main
from ihrp_desktop.core.vault import KdfParams, Vault, verify

PASS = "correct horse battery staple"
PAGE = 4096


def _cli_verify(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                passphrase: str = PASS) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(passphrase + "\n"))
    code = main(["verify", "--vault", str(folder), "--passphrase-stdin"])
    out, err = capsys.readouterr()
    return code, out + err


def _put_back_the_old_files(tmp_path: Path, folder: Path) -> None:
    """Whole files of the copy in ``tmp_path / "old"`` put back over the vault's, as a restore would."""
    for name in ("vault.db", "vault.key"):
        shutil.copyfile(tmp_path / "old" / name, folder / name)


def _older_copy(tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]]) -> Path:
    """A vault, and a copy of it taken before three more events were recorded (returns the vault)."""
    folder = tmp_path / "vault"
    with make_vault(folder) as v:
        fill(v)
    shutil.copytree(folder, tmp_path / "old")
    with Vault.open(folder, PASS) as v:
        for n in range(3):
            v.record("exported", detail=f"{n} client(s) to JSON")
    return folder


def test_whole_files_put_back_are_found_older(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _older_copy(tmp_path, make_vault, fill)
    _put_back_the_old_files(tmp_path, folder)
    report = verify(folder, PASS)
    assert report.ok and report.older is not None and "UTC" in report.older
    code, text = _cli_verify(folder, monkeypatch, capsys)
    assert code == 5 and "older than one this computer has opened" in text
    with Vault.open(folder, PASS) as v:
        assert v.older_than_seen is not None  # the app asks the person (tests/app/test_rotation_app.py)
    assert _cli_verify(folder, monkeypatch, capsys)[0] == 5  # not accepted: still flagged


def test_a_single_old_page_spliced_in_is_found_older(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _older_copy(tmp_path, make_vault, fill)
    with Vault.open(folder, PASS) as v:
        root = v._query("SELECT rootpage FROM sqlite_master WHERE name = 'audit_events'", ())[0][0]
    old, new = (tmp_path / "old" / "vault.db").read_bytes(), bytearray((folder / "vault.db").read_bytes())
    start = (root - 1) * PAGE
    assert old[start:start + PAGE] != new[start:start + PAGE]
    new[start:start + PAGE] = old[start:start + PAGE]  # SQLCipher's page HMAC accepts it: same key
    (folder / "vault.db").write_bytes(bytes(new))
    report = verify(folder, PASS)
    assert report.ok, report.problems  # no damage to see: only the record tells
    assert report.older is not None
    assert _cli_verify(folder, monkeypatch, capsys)[0] == 5


def test_old_pages_of_records_are_found_older_where_the_audit_trail_did_not_change(
    tmp_path: Path, make_vault: Callable[..., Vault], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A save writes a revision and no audit event: putting back the older pages of the worksheet tables
    (each one page in this small vault, their indexes with them) is seen through their highest ids."""
    folder = tmp_path / "vault"
    with make_vault(folder) as v:
        sheet = v.new_worksheet(v.add_client("Ana").id, "optimal_use_plan", 1, values={"goal": "first"})
    shutil.copytree(folder, tmp_path / "old")
    with Vault.open(folder, PASS) as v:
        events = len(v.audit_events())
        v.save_values(sheet.id, {"goal": "second"})
        assert len(v.audit_events()) == events  # the audit trail alone cannot tell
        roots = [r[0] for r in v._query(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('revisions', 'worksheets')", ())]
    old, new = (tmp_path / "old" / "vault.db").read_bytes(), bytearray((folder / "vault.db").read_bytes())
    spliced = 0
    for root in roots:
        start = (root - 1) * PAGE
        if old[start:start + PAGE] != new[start:start + PAGE]:
            new[start:start + PAGE] = old[start:start + PAGE]
            spliced += 1
    assert spliced >= 2
    (folder / "vault.db").write_bytes(bytes(new))
    report = verify(folder, PASS)
    assert report.ok, report.problems  # a consistent older state: nothing looks damaged
    assert report.older is not None and "records that this copy does not have" in report.older
    assert _cli_verify(folder, monkeypatch, capsys)[0] == 5
    with Vault.open(folder, PASS) as v:
        assert v.worksheet(sheet.id).values == {"goal": "first"}  # what the rollback took away


def test_files_from_before_a_key_change_are_found_older(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "vault"
    with make_vault(folder) as v:
        fill(v)
    shutil.copytree(folder, tmp_path / "old")
    Vault.change_passphrase(folder, PASS, "the new one", kdf=KdfParams.fast())
    _put_back_the_old_files(tmp_path, folder)
    code, text = _cli_verify(folder, monkeypatch, capsys)
    assert code == 5 and "change of its passphrase or keys" in text


def test_a_real_restore_is_not_flagged(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "vault"
    with make_vault(folder) as v:
        fill(v)
        backup = v.backup(tmp_path / "backup")
        v.record("exported", detail="1 client(s) to JSON")
    assert _cli_verify(backup, monkeypatch, capsys)[0] == 5  # a backup is older, and verify says so
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    assert main(["restore", str(backup), "--vault", str(tmp_path / "restored"), "--passphrase-stdin"]) == 0
    capsys.readouterr()
    code, text = _cli_verify(tmp_path / "restored", monkeypatch, capsys)
    assert code == 0, text
    with Vault.open(tmp_path / "restored", PASS) as v:
        assert v.older_than_seen is None


def test_the_record_holds_no_client_data(
    tmp_path: Path, make_vault: Callable[..., Vault], ihrp_home: Path
) -> None:
    with make_vault(tmp_path / "vault") as v:
        v.add_client("Zofia Księżycowa")
    records = list((ihrp_home / "state" / "seen").iterdir())
    assert len(records) == 1 and records[0].stat().st_mode & 0o077 == 0
    text = records[0].read_text()
    assert "Zofia" not in text and str(tmp_path) not in text


def _record(ihrp_home: Path) -> Path:
    (record,) = (ihrp_home / "state" / "seen").iterdir()
    return record


def test_accept_older_on_the_command_line(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """A copy restored elsewhere made the vault read older; the person says it is the one they use."""
    folder = _older_copy(tmp_path, make_vault, fill)
    _put_back_the_old_files(tmp_path, folder)
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    assert main(["list", "--vault", str(folder), "--passphrase-stdin"]) == 0
    warned = capsys.readouterr().err
    # A command that goes on says so, and how to stop the warning; never "Nothing was changed."
    assert "This command goes on with this copy" in warned and "--accept-older" in warned
    assert "Nothing was changed" not in warned
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    assert main(["verify", "--vault", str(folder), "--passphrase-stdin", "--accept-older"]) == 0
    assert "not reported as older again" in capsys.readouterr().err
    assert _cli_verify(folder, monkeypatch, capsys)[0] == 0


@pytest.mark.parametrize(
    ("spoil", "note"),
    [
        (lambda record: record.unlink(), "has no record of this vault yet"),
        (lambda record: record.write_text("garbage{"), "cannot be read"),
        (lambda record: record.write_text('{"entries": 7}'), "cannot be read"),
    ],
    ids=["deleted", "garbage", "wrong shape"],
)
def test_a_missing_or_unreadable_record_is_said_never_passed_as_checked(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ihrp_home: Path,
    spoil: Callable[[Path], object], note: str,
) -> None:
    folder = _older_copy(tmp_path, make_vault, fill)
    spoil(_record(ihrp_home) if (ihrp_home / "state" / "seen").exists() else Path())
    code, text = _cli_verify(tmp_path / "old", monkeypatch, capsys)
    assert code == 0  # nothing to compare with: not a rollback proven, and not a pass claimed either
    assert "checked: rollback not checked:" in text and note in text
    assert "newer than every state this computer has seen" not in text
    assert folder.exists()


def test_an_edited_record_does_not_make_the_current_vault_older(
    tmp_path: Path, make_vault: Callable[..., Vault], fill: Callable[[Vault], list[int]],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ihrp_home: Path,
) -> None:
    """Whoever can write the record can silence the check (documented), but cannot make the real vault
    read as older than itself with a made-up reason."""
    import json

    folder = tmp_path / "vault"
    with make_vault(folder) as v:
        fill(v)
    record = _record(ihrp_home)
    data = json.loads(record.read_text())
    data["entries"][0]["mac"] = "0" * 64
    record.write_text(json.dumps(data))
    code, text = _cli_verify(folder, monkeypatch, capsys)
    assert code == 0 and "OLDER" not in text
    assert "changed by something other than this program" in text
    with Vault.open(folder, PASS) as v:
        assert v.older_than_seen is None
    assert _cli_verify(folder, monkeypatch, capsys)[1].count("newer than every state") == 1  # mended by use
