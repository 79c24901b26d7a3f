"""Every place a person can type after ``-o`` that must never be written: refused with exit 1 and a
plain message, every vault file byte-identical, nothing left behind, devices still devices.

The targets are built in a folder holding every kind of vault folder (conftest.Place); each one is
tried with each command that writes a file (blank, print, export-json).
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from ihrp_desktop.core import file_guard
from ihrp_desktop.core.vault.backup import HOLDS_FILES
from tests.hostile.conftest import Place, run_cli

# name -> (how to make the target from a Place, the message expected)
Target = Callable[[Place], str]


def _link(place: Place, name: str, to: Path | str) -> str:
    link = place.root / name
    link.symlink_to(to)
    return str(link)


def _fifo(place: Place) -> str:
    os.mkfifo(place.root / "pipe")
    return str(place.root / "pipe")


def _socket(place: Place) -> str:
    path = place.root / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays, as a daemon's would
    return str(path)


def _victim(place: Place) -> Path:
    victim = place.root / "victim.txt"
    victim.write_text("another account's file")
    return victim


def _existing_pdf(place: Place) -> str:
    pdf = place.root / "p.pdf"
    pdf.write_bytes(b"%PDF- an earlier printout")
    return str(pdf)


def _linked_folder(place: Place) -> str:
    (place.root / "docs").symlink_to(place.vault, target_is_directory=True)
    return str(place.root / "docs" / "plan.pdf")


TARGETS: dict[str, tuple[Target, str]] = {
    "vault.db": (lambda p: str(p.vault / "vault.db"), file_guard.IN_VAULT),
    "vault.key": (lambda p: str(p.vault / "vault.key"), file_guard.IN_VAULT),
    "the vault folder": (lambda p: str(p.vault), file_guard.IS_VAULT),
    "a new file in the vault": (lambda p: str(p.vault / "plan.pdf"), file_guard.IN_VAULT),
    "a new sub-folder of the vault": (lambda p: str(p.vault / "sub" / "x.pdf"), file_guard.IN_VAULT),
    "dot-dot back into the vault": (lambda p: str(p.root / "manual" / ".." / "vault" / "vault.db"),
                                    file_guard.IN_VAULT),
    "an automatic backup's vault.db": (lambda p: str(p.stamp / "vault.db"), file_guard.IN_VAULT),
    "a new file in an automatic backup": (lambda p: str(p.stamp / "x.pdf"), file_guard.IN_VAULT),
    "the backups folder itself": (lambda p: str(p.backups / "x.pdf"), file_guard.IN_BACKUPS),
    "a manual backup's vault.key": (lambda p: str(p.manual / "vault.key"), file_guard.IN_VAULT),
    "a pre-migration copy's vault.db": (lambda p: str(p.pre_migration / "vault.db"), file_guard.IN_VAULT),
    # The name itself a link: refused whatever it points to (another account's link must not choose
    # what is replaced); links in the folders above are followed (the linked folder below).
    "a symlink to vault.db": (lambda p: _link(p, "out.pdf", p.vault / "vault.db"), file_guard.IS_LINK),
    "a symlink to the vault folder": (lambda p: _link(p, "out", p.vault), file_guard.IS_LINK),
    "a dangling symlink into the vault": (lambda p: _link(p, "new.pdf", p.vault / "new.pdf"),
                                          file_guard.IS_LINK),
    "a symlink to an ordinary file": (lambda p: _link(p, "plan.pdf", _victim(p)), file_guard.IS_LINK),
    "a dangling symlink elsewhere": (lambda p: _link(p, "plan.pdf", p.root / "made-by-link.txt"),
                                     file_guard.IS_LINK),
    "a linked folder that is the vault": (_linked_folder, file_guard.IN_VAULT),
    "a symlink to /dev/null": (lambda p: _link(p, "null.pdf", "/dev/null"), file_guard.IS_LINK),
    "a name ending in / (new)": (lambda p: str(p.root / "newdir") + "/", "ends with a slash"),
    "a name ending in / (an existing PDF)": (lambda p: _existing_pdf(p) + "/", "ends with a slash"),
    "a name ending in /. (an existing PDF)": (lambda p: _existing_pdf(p) + "/.", "is a folder, not a file"),
    "a name ending in /. (new)": (lambda p: str(p.root / "nd") + "/.", "is a folder, not a file"),
    "/dev/null": (lambda p: "/dev/null", file_guard.NOT_ORDINARY),
    "/dev/full": (lambda p: "/dev/full", file_guard.NOT_ORDINARY),
    "a FIFO": (_fifo, file_guard.NOT_ORDINARY),
    "a socket": (_socket, file_guard.NOT_ORDINARY),
    "a directory": (lambda p: str(p.root), file_guard.A_FOLDER),
    "the current folder": (lambda p: ".", file_guard.A_FOLDER),
    "a file named vault.db elsewhere": (lambda p: str(p.root / "vault.db"), file_guard.VAULT_NAME),
    "a file named VAULT.KEY elsewhere": (lambda p: str(p.root / "VAULT.KEY"), file_guard.VAULT_NAME),
    "a file named vault.db-wal elsewhere": (lambda p: str(p.root / "vault.db-wal"), file_guard.VAULT_NAME),
    "an empty path": (lambda p: "", file_guard.EMPTY_FILE),
}


def _command(kind: str, place: Place, target: str) -> list[str]:
    if kind == "blank":
        return ["blank", "decisional_balance", "-o", target]
    if kind == "print":
        return ["print", str(place.worksheet_id), "--vault", str(place.vault), "-o", target,
                "--passphrase-stdin"]
    return ["export-json", "--vault", str(place.vault), "-o", target, "--passphrase-stdin"]


def _kind(path: str) -> int | None:
    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):  # "p.pdf/": a file named as a folder
        return None


@pytest.mark.parametrize("command", ["blank", "print", "export-json"])
@pytest.mark.parametrize("name", list(TARGETS))
def test_a_target_in_or_over_a_vault_or_not_a_file_is_refused(
    name: str, command: str, place: Place, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, message = TARGETS[name]
    monkeypatch.chdir(place.root)
    target = make(place)
    kind = _kind(target) if target else None
    before = place.snapshot()
    code, out, err = run_cli(capsys, monkeypatch, *_command(command, place, target))
    assert code == 1
    assert message in err and "Traceback" not in err + out
    assert "NOT encrypted" not in err  # refused before anything was said or written
    assert place.snapshot() == before  # every vault file byte-identical, nothing left behind
    if target.startswith("/dev/"):
        assert _kind(target) == stat.S_IFCHR  # still the device, never replaced by a file
    elif target:
        assert _kind(target) == kind
    # Nothing a link points to was written or made, nothing under a name ending in '/'.
    victim = place.root / "victim.txt"
    assert not victim.exists() or victim.read_text() == "another account's file"
    assert not (place.root / "made-by-link.txt").exists() and not (place.root / "newdir").exists()
    pdf = place.root / "p.pdf"
    assert not pdf.exists() or pdf.read_bytes() == b"%PDF- an earlier printout"


@pytest.mark.parametrize("command", ["blank", "export-json"])
def test_a_device_is_still_a_device_when_run_as_a_separate_program(
    command: str, place: Place
) -> None:
    """The real command in its own process, as root here."""
    import subprocess
    import sys

    args = _command(command, place, "/dev/full")
    script = "import sys; from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", script, *args], input="x\n", text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert file_guard.NOT_ORDINARY in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


FOLDERS: dict[str, tuple[Callable[[Place], str], str]] = {
    "inside the vault": (lambda p: str(p.vault / "bk"), file_guard.IN_VAULT),
    "the vault itself": (lambda p: str(p.vault), "already exists"),
    "inside an automatic backup": (lambda p: str(p.stamp / "bk"), file_guard.IN_VAULT),
    "inside a manual backup, through a link": (
        lambda p: _link(p, "elsewhere", p.manual) + "/bk", file_guard.IN_VAULT),
    "a link to a file": (lambda p: _link(p, "a-file", p.root / "vault" / "vault.key"),
                         file_guard.IS_LINK_FOLDER),
    "a dangling link": (lambda p: _link(p, "gone", p.root / "nowhere"), file_guard.IS_LINK_FOLDER),
    "a file": (lambda p: _existing_pdf(p), file_guard.NOT_A_FOLDER),
    "a device": (lambda p: "/dev/full", file_guard.NOT_A_FOLDER_OTHER),
    "a folder that is not empty": (lambda p: str(p.root / "vault-backups"), HOLDS_FILES),
    "an empty path": (lambda p: "", file_guard.EMPTY_FOLDER),
}


@pytest.mark.parametrize("name", list(FOLDERS))
def test_a_backup_in_or_over_a_vault_is_refused(
    name: str, place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make, message = FOLDERS[name]
    monkeypatch.chdir(place.root)
    target = make(place)
    before = place.snapshot()
    code, out, err = run_cli(capsys, monkeypatch, "backup", "--vault", str(place.vault), "-o", target,
                             "--passphrase-stdin", stdin="")  # refused before a passphrase is read
    assert code == 1 and message in err and "Traceback" not in err + out
    assert place.snapshot() == before  # refused before the vault was even opened


@pytest.mark.parametrize("name", ["inside the vault", "inside an automatic backup",
                                  "inside a manual backup, through a link"])
def test_a_restore_into_a_vault_is_refused(
    name: str, place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make, message = FOLDERS[name]
    target = make(place)
    before = place.snapshot()
    code, out, err = run_cli(capsys, monkeypatch, "restore", str(place.stamp), "--vault", target,
                             "--passphrase-stdin", stdin="")  # refused before a passphrase is read
    assert code == 1 and message in err and "Traceback" not in err + out
    assert place.snapshot() == before


def test_export_warns_and_records_before_writing(
    place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ihrp_desktop.core.vault import Vault
    from tests.hostile.conftest import PASS

    out = place.root / "records.json"
    code, _, err = run_cli(capsys, monkeypatch, "export-json", "--vault", str(place.vault), "-o", str(out),
                           "--passphrase-stdin")
    assert code == 0 and out.is_file()
    assert err.index("NOT encrypted") < err.index("Written to")  # said before, not after
    with Vault.open(place.vault, PASS) as vault:
        events = [e.action for e in vault.audit_events()]
    assert events[-2:] == ["exported", "locked"]  # the command's lock comes after the export


@pytest.mark.parametrize("command", ["print", "export-json"])
def test_the_audit_trail_holds_the_disclosure_before_the_file_exists(
    command: str, place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file cannot be made (its folder is missing), yet the attempt is in the audit trail: it was
    recorded first. Nothing is left behind."""
    from ihrp_desktop.core.vault import Vault
    from tests.hostile.conftest import PASS

    out = place.root / "missing" / "records.out"
    code, _, err = run_cli(capsys, monkeypatch, *_command(command, place, str(out)))
    assert code == 1 and "Not found" in err and "Traceback" not in err
    with Vault.open(place.vault, PASS) as vault:
        assert [e.action for e in vault.audit_events()][-1] == {"print": "printed"}.get(command, "exported")
    assert not (place.root / "missing").exists()


def test_an_export_the_audit_trail_cannot_hold_writes_nothing(
    place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the vault's write lock: nothing can be recorded, so no file appears."""
    from ihrp_desktop.core.vault import Vault
    from tests.hostile.conftest import PASS

    monkeypatch.setattr("ihrp_desktop.core.vault.engine.BUSY_TIMEOUT_MS", 50)
    out = place.root / "records.json"
    holder = Vault.open(place.vault, PASS)
    try:
        with holder._live_engine().connect().execution_options(immediate=True) as conn, conn.begin():
            # BEGIN IMMEDIATE: the write lock, as a long save would hold it
            code, _, err = run_cli(capsys, monkeypatch, "export-json", "--vault", str(place.vault), "-o",
                                   str(out), "--passphrase-stdin")
    finally:
        holder.close()
    assert code == 1 and "Traceback" not in err
    assert not out.exists()
    assert [p.name for p in place.root.iterdir() if "records" in p.name] == []
