"""The stranger's findings on the places commands write and the words they say (issue 12): ``init``
under the guard's folder rule, ``init --demo`` on a full disk, a reader that closes the pipe, messages
that name what is really in the way, and the work folders killed backups leave."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from ihrp_desktop.core import file_guard
from ihrp_desktop.core.backups import STALE_AFTER, backups_dir, make_backup, sweep_stale_work
from ihrp_desktop.core.vault import Vault
from ihrp_desktop.core.vault.backup import HOLDS_FILES
from tests.hostile.conftest import PASS, Place, run_cli
from tests.kdf_floor import CLI_CHILD


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


# -- 3. init: the same folder rule as backup -o and restore ----------------------------------------

INIT_PLACES = {
    "inside the vault": (lambda p: p.vault / "sub", file_guard.IN_VAULT),
    "inside the automatic backups folder": (lambda p: p.backups / "x", file_guard.IN_BACKUPS),
    "inside a manual backup": (lambda p: p.manual / "inner", file_guard.IN_VAULT),
    "inside an automatic backup": (lambda p: p.stamp / "inner", file_guard.IN_VAULT),
}


@pytest.mark.parametrize("name", list(INIT_PLACES))
def test_init_refuses_a_place_in_a_vault_or_its_backups(name, place: Place, capsys, monkeypatch):
    make, message = INIT_PLACES[name]
    target = make(place)
    before = place.snapshot()
    code, out, err = run_cli(capsys, monkeypatch, "init", "--vault", str(target), "--passphrase-stdin",
                             stdin="")  # refused before a passphrase is read
    assert code == 1 and message in err and "Traceback" not in err + out
    assert place.snapshot() == before and not target.exists()


# -- 6. messages that say what is in the way -------------------------------------------------------

def _file(root: Path) -> Path:
    path = root / "notes.txt"
    path.write_text("someone's notes")
    return path


def _folder_with_files(root: Path) -> Path:
    (root / "photos").mkdir()
    (root / "photos" / "a.jpg").write_bytes(b"jpg")
    return root / "photos"


def _dangling(root: Path) -> Path:
    (root / "gone").symlink_to(root / "nowhere")
    return root / "gone"


IN_THE_WAY = {
    "a file": (_file, file_guard.NOT_A_FOLDER),
    "a device": (lambda root: Path("/dev/full"), file_guard.NOT_A_FOLDER_OTHER),
    "a folder holding other files": (_folder_with_files, HOLDS_FILES),
    "a dangling link": (_dangling, file_guard.IS_LINK_FOLDER),
    "an empty name": (lambda root: "", file_guard.EMPTY_FOLDER),
}


@pytest.mark.parametrize("command", ["init", "backup"])
@pytest.mark.parametrize("name", list(IN_THE_WAY))
def test_init_and_backup_say_what_is_in_the_way(name, command, place: Place, capsys, monkeypatch):
    make, message = IN_THE_WAY[name]
    work = place.root / "elsewhere"
    work.mkdir()
    target = str(make(work))
    before = _tree(work)
    args = (["init", "--vault", target] if command == "init"
            else ["backup", "--vault", str(place.vault), "-o", target])
    code, out, err = run_cli(capsys, monkeypatch, *args, "--passphrase-stdin", stdin="")
    assert code == 1 and message in err, err
    assert "already exists" not in err and "already holds" not in err and "Traceback" not in err + out
    assert _tree(work) == before and not (place.root / "nowhere").exists()


def test_an_empty_passphrase_line_is_called_empty(place: Place, capsys, monkeypatch):
    code, _, err = run_cli(capsys, monkeypatch, "list", "--vault", str(place.vault), "--passphrase-stdin",
                           stdin="\n")
    assert code == 2 and "was empty" in err and "none was left" not in err
    code, _, err = run_cli(capsys, monkeypatch, "list", "--vault", str(place.vault), "--passphrase-stdin",
                           stdin="")
    assert code == 2 and "none was left" in err


def test_a_passphrase_per_line_still_reads_every_line(place: Place, capsys, monkeypatch):
    """The newline that ends the last line is not an empty line after it."""
    code, out, err = run_cli(capsys, monkeypatch, "list", "--vault", str(place.vault), "--passphrase-stdin",
                             stdin=PASS + "\n")
    assert code == 0, err
    assert "client" in out


def test_a_device_as_the_vault_is_not_called_missing(capsys, monkeypatch):
    code, _, err = run_cli(capsys, monkeypatch, "list", "--vault", "/dev/null", "--passphrase-stdin")
    assert code == 4 and "is not a folder" in err and "does not exist" not in err


def test_restore_from_a_file_says_it_is_a_file(tmp_path, capsys, monkeypatch):
    source = _file(tmp_path)
    code, _, err = run_cli(capsys, monkeypatch, "restore", str(source), "--vault", str(tmp_path / "new"),
                           "--passphrase-stdin")
    assert code == 4 and "is a file, not a backup folder" in err and "No vault was found" not in err
    assert not (tmp_path / "new").exists()


# -- 4. init --demo on a full disk leaves nothing --------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path):
    """A real 200 KiB tmpfs: room for a new vault (about 130 KiB), not for the sample clients (we run as
    root). Measured: 160 to 240 KiB make the fill fail after the vault exists; the test says so below."""
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("folder", ["new", "empty"])
def test_init_demo_on_a_full_disk_leaves_nothing(folder, small_disk: Path, capsys, monkeypatch):
    target = small_disk / "v"
    if folder == "empty":
        target.mkdir()
    code, out, err = run_cli(capsys, monkeypatch, "init", "--demo", "--vault", str(target),
                             "--passphrase-stdin")
    assert code == 1, err
    assert "disk is full" in err and "removed again" in err and "Traceback" not in err + out
    # The sample records, in the person's words: never "the import", which they did not ask for.
    assert "sample records could not be added" in err and "import" not in err
    # Exactly what this init made is gone: a folder it made, or the files in the empty one given.
    assert _tree(small_disk) == ([] if folder == "new" else ["v"])
    # So a second init is not blocked by a half-filled vault.
    assert not Vault.exists(target)


# -- 5. a reader that closes the pipe --------------------------------------------------------------

@pytest.mark.parametrize("command", ["list", "forms"])
def test_a_closed_standard_output_is_no_error_of_the_program(command, place: Place, tmp_path):
    """`... | head -1`: the reader is gone before the program writes."""
    home = tmp_path / "home"
    args = ["list", "--vault", str(place.vault), "--passphrase-stdin"] if command == "list" else ["forms"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([*CLI_CHILD, *args], input=(PASS + "\n").encode(), stdout=write_end,
                              stderr=subprocess.PIPE, env={**os.environ, "IHRP_HOME": str(home)},
                              timeout=120)
    finally:
        os.close(write_end)
    err = done.stderr.decode()
    assert done.returncode != 0
    assert "Broken pipe" not in err and "crash" not in err.lower() and "Traceback" not in err
    assert not [p for p in home.rglob("crash-*")]  # no crash report written


@pytest.mark.parametrize("command", ["list", "forms", "blank"])
def test_a_command_started_with_standard_output_closed_works(command, place: Place, tmp_path):
    """`ihrp-desktop forms >&-` (a stranger's re-check): Python then has no sys.stdout; the command does
    its work, prints nowhere, writes no crash report, and no file it opens lands on descriptor 1."""
    home = tmp_path / "home"
    out = tmp_path / "blank.pdf"
    args = {"list": ["list", "--vault", str(place.vault), "--passphrase-stdin"], "forms": ["forms"],
            "blank": ["blank", "microanalysis", "-o", str(out)]}[command]
    done = subprocess.run([*CLI_CHILD, *args], input=(PASS + "\n").encode(), stderr=subprocess.PIPE,
                          env={**os.environ, "IHRP_HOME": str(home)}, timeout=120,
                          preexec_fn=lambda: os.close(1))
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "did not expect" not in err and "Traceback" not in err
    assert not [p for p in home.rglob("crash-*")]
    if command == "blank":
        assert out.read_bytes().startswith(b"%PDF")


# -- 7. work folders of killed automatic backups ---------------------------------------------------

def test_the_next_automatic_backup_sweeps_stale_work_folders(place: Place):
    root = backups_dir(place.vault)
    stale = root / "2026-01-01_000000.incomplete-0badc0de"
    fresh = root / "2026-01-02_000000.incomplete-feedf00d"
    for work in (stale, fresh):
        work.mkdir()
        (work / "vault.db").write_bytes(b"half a copy")
    old = (dt.datetime.now(dt.UTC) - STALE_AFTER - dt.timedelta(minutes=5)).timestamp()
    os.utime(stale, (old, old))
    with Vault.open(place.vault, PASS) as vault:
        make_backup(vault, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    assert not stale.exists()
    assert fresh.exists()  # it may belong to a backup running now


def test_the_sweep_leaves_anything_but_its_own_work_folders(tmp_path: Path):
    root = tmp_path / "v-backups"
    root.mkdir()
    old = (dt.datetime.now(dt.UTC) - 2 * STALE_AFTER).timestamp()
    link = root / "x.incomplete-11111111"
    link.symlink_to(tmp_path, target_is_directory=True)
    plain = root / "y.incomplete-22222222"
    plain.write_text("a file, not a work folder")
    for path in (plain,):
        os.utime(path, (old, old))
    assert sweep_stale_work(root) == 0
    assert link.is_symlink() and plain.exists() and tmp_path.exists()
