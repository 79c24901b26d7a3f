"""What the program writes is its owner's alone, whatever the umask: files 0600, folders 0700; a file
is always created new (never through a link, never into one placed there before) and renamed in place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ihrp_desktop.core import file_guard
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.hostile.conftest import PASS, Place, run_cli

OTHER_UID = 12345  # an account that is not ours (the tests run as root here, so chown works)


def modes(root: Path) -> dict[str, int]:
    """Every file and folder under ``root`` (``root`` included) with its permission bits."""
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(root: Path) -> None:
    for name, mode in modes(root).items():
        expected = 0o700 if (root / name).is_dir() else 0o600
        assert mode == expected, (name, oct(mode))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or p.name.endswith(".partial"))


def _write(kind: str, place: Place, out: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    args = {
        "blank": ["blank", "optimal_use_plan", "-o", str(out)],
        "print": ["print", str(place.worksheet_id), "--vault", str(place.vault), "-o", str(out),
                  "--passphrase-stdin"],
        "export-json": ["export-json", "--vault", str(place.vault), "-o", str(out), "--passphrase-stdin"],
    }[kind]
    code, _, err = run_cli(capsys, monkeypatch, *args)
    return code, err


@pytest.mark.parametrize("kind", ["blank", "print", "export-json"])
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077, 0o277])
def test_a_written_file_is_0600_whatever_the_umask(kind, umask, place, capsys, monkeypatch):
    os.umask(umask)  # the fixture puts the usual one back
    out = place.root / "out.file"
    code, err = _write(kind, place, out, capsys, monkeypatch)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.stat().st_size > 100
    assert leftovers(place.root) == []


@pytest.mark.parametrize("kind", ["blank", "export-json"])
def test_a_file_of_another_account_is_replaced_not_written_into(kind, place, capsys, monkeypatch):
    out = place.root / "out.json"
    out.write_bytes(b"theirs")
    os.chmod(out, 0o666)
    os.chown(out, OTHER_UID, OTHER_UID)
    inode = out.stat().st_ino
    code, err = _write(kind, place, out, capsys, monkeypatch)
    assert code == 0, err
    st = out.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (os.getuid(), 0o600) and st.st_ino != inode
    assert out.read_bytes() != b"theirs"


@pytest.mark.parametrize("name", ["a" * 251 + ".pdf", "ż" * 125 + ".pdf", b"\xff\xfe not UTF-8.pdf"])
def test_a_name_as_long_as_the_system_allows_or_with_odd_bytes_is_written(name, place):
    """The temporary name beside it must fit wherever the chosen name fits (255 bytes here); a name
    that is not UTF-8 is written as given (the real command in its own process, as a shell passes it)."""
    out = os.path.join(os.fsencode(place.root), name if isinstance(name, bytes) else name.encode())
    script = "import sys; from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", script, "blank", "optimal_use_plan", "-o", out],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600 and leftovers(place.root) == []


def test_a_planted_partial_symlink_is_not_followed(place, capsys, monkeypatch):
    victim = place.root / "victim.txt"
    victim.write_bytes(b"someone else's file")
    planted = place.root / "out.json.partial"
    planted.symlink_to(victim)
    out = place.root / "out.json"
    code, err = _write("export-json", place, out, capsys, monkeypatch)
    assert code == 0, err
    assert victim.read_bytes() == b"someone else's file"  # no record went into it
    assert planted.is_symlink() and os.readlink(planted) == str(victim)
    assert b"clients" in out.read_bytes() and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_planted_world_writable_partial_of_another_account_is_not_reused(place, capsys, monkeypatch):
    planted = place.root / "out.json.partial"
    planted.write_bytes(b"")
    os.chmod(planted, 0o666)
    os.chown(planted, OTHER_UID, OTHER_UID)
    out = place.root / "out.json"
    code, err = _write("export-json", place, out, capsys, monkeypatch)
    assert code == 0, err
    st = planted.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode), st.st_size) == (OTHER_UID, 0o666, 0)  # untouched
    assert out.stat().st_uid == os.getuid() and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_another_accounts_link_at_the_output_name_is_refused_and_its_target_kept(place, capsys, monkeypatch):
    """The stranger's attack: a link /tmp/plan.pdf -> root's file, made by another account."""
    victim = place.root / "victim.txt"
    victim.write_bytes(b"root's own file")
    os.chmod(victim, 0o644)
    link = place.root / "plan.pdf"
    link.symlink_to(victim)
    os.lchown(link, OTHER_UID, OTHER_UID)
    code, err = _write("blank", place, link, capsys, monkeypatch)
    assert code == 1 and file_guard.IS_LINK in err
    assert victim.read_bytes() == b"root's own file" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert link.is_symlink() and os.readlink(link) == str(victim)


def test_a_file_in_a_linked_folder_is_written(place, capsys, monkeypatch):
    """A linked Documents folder works: only the name's last part must not be a link."""
    real = place.root / "real-documents"
    real.mkdir()
    (place.root / "Documents").symlink_to(real, target_is_directory=True)
    code, err = _write("blank", place, place.root / "Documents" / "plan.pdf", capsys, monkeypatch)
    assert code == 0, err
    written = real / "plan.pdf"
    assert written.read_bytes().startswith(b"%PDF-") and stat.S_IMODE(written.stat().st_mode) == 0o600


def test_a_hard_link_to_the_key_file_is_replaced_and_the_key_keeps_its_bytes(place, capsys, monkeypatch):
    key = place.vault / "vault.key"
    before = key.read_bytes()
    link = place.root / "innocent.pdf"
    os.link(key, link)
    code, err = _write("blank", place, link, capsys, monkeypatch)
    assert code == 0, err
    assert key.read_bytes() == before and link.read_bytes().startswith(b"%PDF-")
    assert not os.path.samefile(key, link)


def test_an_error_midway_leaves_no_temporary_file(place):
    """A file size limit makes the write fail half-way (the real command in its own process)."""
    out = place.root / "plan.pdf"
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)); "
              "from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "blank", "optimal_use_plan", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "could not be read or written" in done.stderr
    assert not out.exists() and leftovers(place.root) == []


def test_a_new_vault_its_folders_and_files_are_private(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "deeper" / "vault"
        vault = Vault.create(path, PASS, kdf=KdfParams.fast())
        try:
            for side in ("vault.db-wal", "vault.db-shm"):  # SQLite gives them vault.db's mode
                assert stat.S_IMODE((path / side).stat().st_mode) == 0o600, side
        finally:
            vault.close()
        assert_private(tmp_path / "new")
    finally:
        os.umask(old)


def test_every_kind_of_vault_folder_is_private(place):
    """The vault, its automatic backup and their folder, a manual backup, a pre-migration copy."""
    for root in (place.vault, place.backups, place.manual):
        assert_private(root)
    assert stat.S_IMODE(place.pre_migration.stat().st_mode) == 0o700


def test_a_backup_into_new_folders_and_a_restore_are_private(place, capsys, monkeypatch):
    target = place.root / "usb" / "drawer" / "backup"
    code, _, err = run_cli(capsys, monkeypatch, "backup", "--vault", str(place.vault), "-o", str(target),
                           "--passphrase-stdin")
    assert code == 0, err
    assert_private(place.root / "usb")
    restored = place.root / "restored" / "vault"
    code, _, err = run_cli(capsys, monkeypatch, "restore", str(target), "--vault", str(restored),
                           "--passphrase-stdin")
    assert code == 0, err
    assert_private(place.root / "restored")


def test_a_passphrase_change_keeps_the_key_file_private(place, capsys, monkeypatch):
    code, _, err = run_cli(capsys, monkeypatch, "passwd", "--vault", str(place.vault), "--passphrase-stdin",
                           stdin=f"{PASS}\nanother long passphrase ✓\nanother long passphrase ✓\n")
    assert code == 0, err
    assert stat.S_IMODE((place.vault / "vault.key").stat().st_mode) == 0o600
    assert [p.name for p in place.vault.iterdir() if ".tmp-" in p.name] == []


def test_the_per_user_folders_are_private(ihrp_home, place, capsys, monkeypatch):
    from ihrp_desktop.app.settings import AppSettings

    code, err = _write("blank", place, place.root / "plan.pdf", capsys, monkeypatch)
    assert code == 0, err
    AppSettings().set("auto_lock_minutes", 7)
    assert not (ihrp_home / "cache").exists()  # a blank page is printed afresh, nothing kept
    assert stat.S_IMODE((ihrp_home / "config").stat().st_mode) == 0o700
