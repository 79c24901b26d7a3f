"""Helpers of the hostile import tests: inputs a careless or malicious person could hand the program.

Every case runs the real command line in-process on a real vault (cheap key derivation) and
proves, besides its exit code and message, that the vault's content is what it was and that
nothing was left behind. Import the fixtures from here (tests.hostile.import_helpers): other
files of this folder keep their own.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.cli import main
from ihrp_desktop.core.demo import load_demo
from ihrp_desktop.core.exchange import export_records
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault, verify

PASSPHRASE = "hostile ✓ pass"


def content(vault_path: Path) -> dict[str, Any]:
    """What the vault holds, as export-json writes it (without the moment of writing), and its imports."""
    with Vault.open(vault_path, PASSPHRASE) as vault:
        doc = export_records(vault)
        imports = [e for e in vault.audit_events() if e.action == "imported"]
    doc.pop("exported_at")
    return {"records": doc, "imported_events": len(imports)}


def listing(*folders: Path) -> list[str]:
    return sorted(str(p) for folder in folders for p in folder.rglob("*"))


class Hostile:
    """A demo vault per test, the command line, and the before/after checks."""

    def __init__(
        self,
        template: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ):
        self.vault = tmp_path / "vault"
        shutil.copytree(template, self.vault)
        self.work = tmp_path / "files"
        self.work.mkdir()
        self._capsys = capsys
        self._monkeypatch = monkeypatch
        self.passphrase = PASSPHRASE

    def good_export(self) -> dict[str, Any]:
        """The vault's own export, as a fresh dict (version 2, with uids)."""
        with Vault.open(self.vault, PASSPHRASE) as vault:
            return json.loads(json.dumps(export_records(vault), ensure_ascii=False))

    def export_file(self, doc: dict[str, Any], *, ascii_only: bool = False) -> Path:
        """``doc`` written as ``export.json`` in the work folder (all in ASCII escapes, or as UTF-8)."""
        path = self.work / "export.json"
        path.write_text(json.dumps(doc, ensure_ascii=ascii_only), encoding="ascii" if ascii_only else "utf-8")
        return path

    def cli(self, *args: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        self._monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
        code = main(list(args))
        out, err = self._capsys.readouterr()
        return code, out, err

    def import_file(self, path: Path | str) -> tuple[int, str]:
        code, _, err = self.cli("import", str(path), "--vault", str(self.vault), "--passphrase-stdin")
        return code, err

    def refused_unchanged(self, path: Path | str, *words: str) -> str:
        """Import ``path``: exit 1, a plain message, the vault unchanged and verified, nothing left behind."""
        before = content(self.vault)
        files = listing(self.vault, self.work)
        code, err = self.import_file(path)
        assert code == 1, err
        assert "Nothing was imported." in err, err
        assert "Traceback" not in err and 'File "' not in err, err
        for word in words:
            assert word in err, err
        assert content(self.vault) == before
        assert listing(self.vault, self.work) == files
        assert verify(self.vault, PASSPHRASE).ok
        return err


@pytest.fixture(scope="session")
def hostile_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-template") / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        load_demo(vault, default_library())
    return path


@pytest.fixture
def hostile(
    hostile_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Hostile]:
    yield Hostile(hostile_template, tmp_path, capsys, monkeypatch)
