"""Test-wide set-up: headless Qt, and every per-user folder redirected into a temp folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def fast_kdf_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests make vaults with KdfParams.fast() (8 KiB, 1 pass), below the real floor."""
    from ihrp_desktop.core import kdf_limits

    monkeypatch.setattr(kdf_limits, "FLOOR_MEMORY_KIB", 8)
    monkeypatch.setattr(kdf_limits, "FLOOR_ITERATIONS", 1)


@pytest.fixture(autouse=True)
def ihrp_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own data/config/cache folders (core.paths honours IHRP_HOME)."""
    home = tmp_path_factory.mktemp("ihrp_home")
    monkeypatch.setenv("IHRP_HOME", str(home))
    monkeypatch.delenv("IHRP_FORMS_DIR", raising=False)
    yield home
