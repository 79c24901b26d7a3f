"""Test-wide set-up: headless Qt, and every per-user folder redirected into a temp folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ihrp_desktop.core import hardening
from tests.kdf_floor import lower as lower_kdf_floor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Session-wide fixtures (built before any test's own ihrp_home) and the children they start must not
# write into the real per-user folders either (the rollback records of test vaults, crash reports).
os.environ["IHRP_HOME"] = tempfile.mkdtemp(prefix="ihrp-tests-")
# Tests make vaults with KdfParams.fast() (8 KiB, 1 pass), below the real Argon2 floor: allowed in
# this process only (and, by their own first lines, in the child processes tests start).
lower_kdf_floor()
# Commands run in this process (main([...])) must not turn off core dumps for pytest and every child it
# starts: the hardening is tested in child processes of its own (tests/core/test_process_secrets.py).
hardening._done = []


@pytest.fixture(autouse=True)
def ihrp_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own data/config/cache folders (core.paths honours IHRP_HOME)."""
    home = tmp_path_factory.mktemp("ihrp_home")
    monkeypatch.setenv("IHRP_HOME", str(home))
    monkeypatch.delenv("IHRP_FORMS_DIR", raising=False)
    yield home
