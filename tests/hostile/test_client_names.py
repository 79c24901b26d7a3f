"""Client names cannot drive a terminal or reorder what a screen shows (docs/security.md, "Client names").

clean_name (core/vault/clients.py) removes C0/C1 control characters and the bidi embedding, override
and isolate characters from every name added, renamed or imported; ``list`` prints names stored
before that without them.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import KdfParams, Vault
from ihrp_desktop.core.vault import clients as clients_module
from tests.export_docs import as_version_1
from tests.hostile.import_helpers import PASSPHRASE, Hostile, hostile, hostile_template  # noqa: F401 - fixtures

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE_NAMES = {
    "an ESC sequence": ("Ana\x1b[2J\x1b]0;owned\x07 Gómez", "Ana[2J]0;owned Gómez"),
    "a NUL": ("Ana\x00Gómez", "AnaGómez"),
    "a CR over the line": ("Ana Gómez\rEVIL", "Ana Gómez EVIL"),
    "a right-to-left override": ("Ana \u202eevil", "Ana evil"),
    "every bidi control": ("A" + BIDI + "na", "Ana"),
    "C1 controls (CSI, NEL)": ("Ana\x9b31m\x85Gómez", "Ana31m Gómez"),
}


def unsafe(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" or c in BIDI for c in text)


@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_add_and_rename_remove_control_and_bidi_characters(tmp_path: Path, case: str) -> None:
    typed, kept = HOSTILE_NAMES[case]
    with Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()) as vault:
        added = vault.add_client(typed)
        assert added.name == kept and not unsafe(added.name)
        renamed = vault.rename_client(added.id, "Bea " + typed)
        assert renamed.name == "Bea " + kept


def test_a_name_of_only_control_characters_is_refused(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()) as vault:
        with pytest.raises(ValueError, match="needs a name"):
            vault.add_client("\x1b\u202e\x00")
        assert vault.clients(include_archived=True) == []


def test_an_imported_name_is_cleaned_the_same_way(hostile: Hostile) -> None:  # noqa: F811 - the fixture
    doc = hostile.good_export()
    as_version_1(doc)  # imported as new records
    doc["clients"] = doc["clients"][:1]
    doc["clients"][0]["name"] = HOSTILE_NAMES["an ESC sequence"][0] + " \u202eevil"
    path = hostile.export_file(doc, ascii_only=True)
    code, err = hostile.import_file(path)
    assert code == 0, err
    with Vault.open(hostile.vault, PASSPHRASE) as vault:
        names = [c.name for c in vault.clients(include_archived=True)]
    assert "Ana[2J]0;owned Gómez evil" in names and not any(unsafe(n) for n in names)


def test_list_prints_names_stored_before_without_controls(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch  # noqa: F811 - the fixture
) -> None:
    with monkeypatch.context() as m:  # a name stored as typed, as before names were cleaned
        m.setattr(clients_module, "printable_name", lambda name: name)
        with Vault.open(hostile.vault, PASSPHRASE) as vault:
            stored = vault.add_client("Old\x1b[31m \u202eevil\x00")
            assert stored.name == "Old\x1b[31m \u202eevil\x00"
    code, out, err = hostile.cli("list", "--vault", str(hostile.vault), "--passphrase-stdin")
    assert code == 0, err
    assert f"client {stored.id}\tOld[31m evil\n" in out
    assert not unsafe(out.replace("\t", "").replace("\n", ""))
