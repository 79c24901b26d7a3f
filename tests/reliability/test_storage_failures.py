"""6. Disk full, read-only folder, permission denied, during a save and during a backup.

How each is made real here (Linux, tests running as root):
- disk full: the vault (or the backup target) lives on a small tmpfs filled to the last byte: the
  kernel's own ENOSPC, no simulation;
- read-only folder: a read-only bind mount of the folder (EROFS);
- permission denied: a child process run as user ``nobody`` (setpriv), writing where it may not (EACCES).
Without root (no mount, no setpriv) these tests are skipped with the reason; the in-process
versions in tests/core/vault/test_durability.py (SQLite page limit, chattr +i) still run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.core.vault import CannotOpen, SaveFailed, Vault, verify
from tests.kdf_floor import LOWER
from tests.small_disk import SmallDisk


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(writable folder, the same folder seen through a read-only bind mount)."""
    real, view = tmp_path / "real", tmp_path / "view"
    real.mkdir()
    view.mkdir()
    if os.geteuid() != 0 or not _run("mount", "--bind", str(real), str(view)):
        pytest.skip("needs root for a read-only bind mount")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(view)):
            pytest.skip("read-only remount refused here")
        yield real, view
    finally:
        _run("umount", "-l", str(view))


def test_disk_full_during_a_save_keeps_the_vault_and_saves_later(rel: Any, small_disk: SmallDisk) -> None:
    folder = small_disk.path / "vault"
    v = rel.make_vault(folder)
    c = v.add_client("Ana")
    ws = v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "first"}).id
    edit = {"plan": "x" * 400_000}
    small_disk.fill()
    with pytest.raises(SaveFailed) as caught:
        v.save_values(ws, edit)
    assert caught.value.reason == "disk_full", caught.value.message
    assert "disk is full" in caught.value.message and "still on screen" in caught.value.message
    assert v.worksheet(ws).values == {"plan": "first"}  # the previous state, still readable
    small_disk.free()
    assert v.save_values(ws, edit) == 2  # space is back: the same save works
    v.close()
    assert verify(folder, rel.passphrase).ok
    with Vault.open(folder, rel.passphrase) as v2:
        assert v2.worksheet(ws).values == edit
    rel.figures(outcome="SaveFailed(disk_full), previous state kept, saved after freeing space")


def test_disk_full_during_a_backup_keeps_the_previous_backup(
    rel: Any, small_disk: SmallDisk, tmp_path: Path
) -> None:
    with rel.make_vault(tmp_path / "vault") as v:
        c = v.add_client("Ana")
        v.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "walk " * 100_000})
        previous = v.backup(small_disk.path / "b1")
        before = rel.snapshot(previous)
        small_disk.fill()
        with pytest.raises(SaveFailed) as caught:
            v.backup(small_disk.path / "b2")
        assert caught.value.reason == "disk_full", caught.value.message
        assert sorted(p.name for p in small_disk.path.iterdir()) == ["b1", "filler.bin"]  # no half copy
        assert rel.snapshot(previous) == before and verify(previous, rel.passphrase).ok
        small_disk.free()
        assert verify(v.backup(small_disk.path / "b2"), rel.passphrase).ok
    rel.figures(outcome="SaveFailed(disk_full), previous backup intact, no partial folder, works after")


def test_read_only_folder_refuses_cleanly(
    rel: Any, read_only_view: tuple[Path, Path], tmp_path: Path
) -> None:
    real, view = read_only_view
    rel.make_vault(real / "vault").close()
    before = rel.snapshot(real / "vault")
    with pytest.raises(CannotOpen) as caught:
        Vault.open(view / "vault", rel.passphrase)
    assert caught.value.reason == "read_only", caught.value.message
    assert rel.snapshot(real / "vault") == before
    with rel.make_vault(tmp_path / "other") as v, pytest.raises(SaveFailed) as caught2:
        v.backup(view / "backup")
    assert caught2.value.reason == "read_only", caught2.value.message
    assert sorted(p.name for p in real.iterdir()) == ["vault"]
    rel.figures(outcome="CannotOpen(read_only) at open, SaveFailed(read_only) for a backup, nothing written")


NOBODY = LOWER + textwrap.dedent(
    """
    import sys
    from ihrp_desktop.core.vault import CannotOpen, SaveFailed, Vault
    vault, target, passphrase, locked = sys.argv[1:5]
    try:
        Vault.open(target, passphrase)
    except CannotOpen as exc:
        print("open:", exc.reason)
    with Vault.open(vault, passphrase) as v:
        try:
            v.backup(locked + "/backup")  # not inside a vault: file_guard would refuse before trying
        except SaveFailed as exc:
            print("backup:", exc.reason)
        try:
            v.save_values(1, {"plan": "after"})  # its own vault stays writable
            print("save: ok")
        except SaveFailed as exc:
            print("save:", exc.reason)
    """
)


def test_permission_denied_as_an_ordinary_user(rel: Any, request: pytest.FixtureRequest) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a child as another user")
    base = Path(tempfile.mkdtemp(prefix="ihrp-nobody-"))  # pytest's own folders are closed to others
    base.chmod(0o755)
    request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    own = base / "own"
    with rel.make_vault(own) as v:
        v.new_worksheet(v.add_client("Ana").id, "optimal_use_plan", 1, values={"plan": "first"})
    theirs = base / "theirs"  # root's vault: readable, not writable, for nobody
    rel.make_vault(theirs).close()
    for path in (own, *own.iterdir()):
        os.chown(path, 65534, 65534)
    for path in (theirs, *theirs.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    locked = base / "locked"  # root's folder: not writable for nobody
    locked.mkdir()
    locked.chmod(0o755)
    before = rel.snapshot(theirs)
    done = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            NOBODY,
            str(own),
            str(theirs),
            rel.passphrase,
            str(locked),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(base)},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert "open: read_only" in lines or "open: permission" in lines, done.stdout
    assert "backup: permission" in lines, done.stdout
    assert "save: ok" in lines, done.stdout
    assert rel.snapshot(theirs) == before
    rel.figures(outcome=done.stdout.strip().replace("\n", "; "))


def test_autosaver_keeps_the_edit_until_the_disk_has_room(
    rel: Any, small_disk: SmallDisk, qtbot: Any
) -> None:
    from ihrp_desktop.app.autosave import Autosaver
    from ihrp_desktop.app.background import InlineRunner

    vault = rel.make_vault(small_disk.path / "vault")
    ws = vault.new_worksheet(vault.add_client("Ana").id, "optimal_use_plan", 1, values={"plan": "first"}).id
    on_screen = {"plan": "typed while the disk was full " * 10_000}
    states: list[tuple[str, str]] = []
    saver = Autosaver(InlineRunner(), lambda: dict(on_screen), lambda values: vault.save_values(ws, values))
    saver.state_changed.connect(lambda state, detail: states.append((state, detail)))
    small_disk.fill()
    saver.changed()
    qtbot.waitUntil(lambda: bool(states) and states[-1][0] == "failed", timeout=5000)
    assert "disk is full" in saver.last_error  # the words the banner shows
    assert saver.has_unsaved_changes  # the edit is kept in memory
    assert vault.worksheet(ws).values == {"plan": "first"}
    small_disk.free()
    assert saver.flush()
    assert vault.worksheet(ws).values == on_screen
    vault.close()
    rel.figures(outcome="state 'failed' with the disk-full words, edit kept, saved once space returned")
