"""Per-user folders: IHRP_HOME for portable installs and tests, platformdirs otherwise."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from ihrp_desktop.core import paths


def test_ihrp_home_holds_every_per_user_folder(ihrp_home: Path) -> None:
    assert paths.user_data_dir() == ihrp_home / "data"
    assert paths.user_config_dir() == ihrp_home / "config"
    assert paths.default_vault_path() == ihrp_home / "data" / "vault"


def test_without_ihrp_home_the_platform_decides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("IHRP_HOME")
    for kind in ("DATA", "CONFIG"):  # honoured on Linux; elsewhere platformdirs ignores them
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    app, author = paths.APP_DIR_NAME, paths.APP_AUTHOR
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir(app, author))
    assert paths.user_config_dir() == Path(platformdirs.user_config_dir(app, author))
    assert paths.user_forms_dir() == Path(platformdirs.user_data_dir(app, author)) / "forms"
