"""The previous build's ``cache/blank-copies/`` (its removed ``blank`` quick path kept PDFs there) is
removed by the program at its first per-user folder look-up; nothing else in the cache is touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ihrp_desktop.core import paths
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.cli_run import passphrase_runner

PASSPHRASE = "correct horse battery staple"


def _old_cache(home: Path) -> tuple[Path, Path]:
    old = home / "cache" / "blank-copies"
    old.mkdir(parents=True)
    for name in ("alternatives.en.pdf-kept", "optimal_use_plan.es.pdf-kept"):
        (old / name).write_bytes(b"%PDF-1.4 kept by the previous build")
    other = home / "cache" / "something-else.txt"
    other.write_text("not the program's old blank copies")
    return old, other


def test_a_command_removes_the_old_blank_copies_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    old, other = _old_cache(home)
    env = {**os.environ, "IHRP_HOME": str(home)}
    env.pop("IHRP_FORMS_DIR", None)
    done = subprocess.run([sys.executable, "-m", "ihrp_desktop", "forms"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not old.exists()
    assert other.read_text() == "not the program's old blank copies"


def test_a_command_that_opens_a_vault_removes_it(
    ihrp_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()):
        pass
    old, other = _old_cache(ihrp_home)
    monkeypatch.setattr(paths, "_old_cache_swept", False)  # a fresh run of the program
    code, _, err = passphrase_runner(PASSPHRASE)(capsys, monkeypatch, "list", "--vault", str(tmp_path / "v"))
    assert code == 0, err
    assert not old.exists() and other.exists()


def test_the_app_settings_look_up_removes_it_once(ihrp_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ihrp_desktop.app.settings import AppSettings

    old, other = _old_cache(ihrp_home)
    monkeypatch.setattr(paths, "_old_cache_swept", False)  # a fresh run of the program
    AppSettings()
    assert not old.exists() and other.exists()
    old.mkdir()  # once per run: a folder made later in the same run is not looked for again
    paths.user_config_dir()
    assert old.exists()
