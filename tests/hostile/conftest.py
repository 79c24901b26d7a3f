"""The hostile suite's fixtures: the app tests' real window and vaults, every kind of vault folder in one
place (conftest.Place), and what proves it untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from ihrp_desktop.core.backups import make_backup
from ihrp_desktop.core.demo import load_demo
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from ihrp_desktop.core.vault.migrate import pre_migration_copy
from tests import cli_run
from tests.app.conftest import app_look, fast_vault, free_widgets, make_window  # noqa: F401 - shared fixtures

PASS = "a long enough passphrase ✓"


def fingerprint(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry under ``root``: its kind and, for a regular file, the sha256 of its bytes."""
    seen: dict[str, tuple[str, str]] = {}
    for here, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(here) / name
            mode = path.lstat().st_mode
            if stat.S_ISREG(mode):
                seen[str(path.relative_to(root))] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                kind = "link" if stat.S_ISLNK(mode) else "dir" if stat.S_ISDIR(mode) else "other"
                target = os.readlink(path) if stat.S_ISLNK(mode) else ""
                seen[str(path.relative_to(root))] = (kind, target)
    return seen


run_cli = partial(cli_run.run_cli, stdin=PASS + "\n")  # the hostile vaults' passphrase by default


class Place:
    """A folder holding a demo vault ``vault``, its ``vault-backups/<stamp>``, a manual backup
    ``manual`` and a pre-migration copy inside the vault: every kind of vault folder."""

    def __init__(self, root: Path, template: Place | None = None):
        self.root = root
        self.vault = root / "vault"
        self.backups = root / "vault-backups"
        self.manual = root / "manual"
        if template is not None:  # a copy of one made earlier, modes and all: cheaper than a new vault
            shutil.copytree(template.root, root, symlinks=True)
            self.stamp = root / template.stamp.relative_to(template.root)
            self.pre_migration = root / template.pre_migration.relative_to(template.root)
            self.worksheet_id = template.worksheet_id
            return
        vault = Vault.create(self.vault, PASS, kdf=KdfParams.fast())
        try:
            load_demo(vault, default_library())
            self.stamp = make_backup(vault)
            vault.backup(self.manual)
            self.pre_migration = pre_migration_copy(vault._engine, vault._key, vault.path, "old")
            self.worksheet_id = next(s.id for c in vault.clients() for s in vault.worksheets(c.id))
        finally:
            vault.close()

    def snapshot(self) -> dict[str, tuple[str, str]]:
        return fingerprint(self.root)


@pytest.fixture(scope="session")
def template_place(tmp_path_factory: pytest.TempPathFactory) -> Place:
    old = os.umask(0o022)
    try:
        return Place(tmp_path_factory.mktemp("template") / "place")
    finally:
        os.umask(old)


DEVICES = {"/dev/null": (1, 3), "/dev/full": (1, 7)}  # Linux's numbers for them


def put_devices_back() -> list[str]:
    """The devices a broken guard replaced by files, made again (as root): a failing test must not
    leave the machine without /dev/null. Returns the ones that had been replaced."""
    replaced = []
    for name, (major, minor) in DEVICES.items():
        if os.path.exists(name) and not stat.S_ISCHR(os.lstat(name).st_mode) and os.geteuid() == 0:
            replaced.append(name)
            fresh = f"{name}.put-back"
            os.mknod(fresh, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
            os.chmod(fresh, 0o666)
            os.replace(fresh, name)
    return replaced


@pytest.fixture(autouse=True)
def devices_stay_devices() -> Iterator[None]:
    """After every hostile test: /dev/null and /dev/full are still devices (put back, and the test fails)."""
    yield
    replaced = put_devices_back()
    assert replaced == [], f"the program replaced {replaced} with a file (put back)"


@pytest.fixture
def place(tmp_path: Path, template_place: Place) -> Iterator[Place]:
    old = os.umask(0o022)  # the usual umask: what the program writes must not depend on it
    try:
        yield Place(tmp_path / "place", template_place)
    finally:
        os.umask(old)
