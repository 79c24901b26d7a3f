"""A plan has one line of versions: an import that would give a version a second next version is refused
in plain words, and nothing of the file is imported (real vaults, the demo's export)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.core.demo import load_demo
from ihrp_desktop.core.exchange import ExportFormatError, export_records, import_records
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault

LIBRARY = default_library()


def _records(vault: Vault) -> dict[str, Any]:
    doc = json.loads(json.dumps(export_records(vault), ensure_ascii=False))
    doc.pop("exported_at")
    return doc


def _sheets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [w for c in doc["clients"] for s in c["sessions"] for w in s["worksheets"]]


@pytest.fixture
def demo_pair(tmp_path: Path) -> Iterator[tuple[Vault, dict[str, Any]]]:
    """An empty vault holding the demo's records, and the demo's export."""
    source = Vault.create(tmp_path / "source", "one", kdf=KdfParams.fast())
    target = Vault.create(tmp_path / "target", "two", kdf=KdfParams.fast())
    load_demo(source, LIBRARY)
    doc = _records(source)
    source.close()
    yield target, doc
    target.close()


def _revised_plan(client: dict[str, Any]) -> dict[str, Any]:
    """A plan version of ``client`` that has a next version in the file."""
    sheets = [w for s in client["sessions"] for w in s["worksheets"]]
    revised = {w["previous_uid"] for w in sheets if w.get("previous_uid")}
    return next(w for w in sheets if w["uid"] in revised)


def _new_version_of(plan: dict[str, Any], sheet_id: int, uid: str, by_uid: bool) -> dict[str, Any]:
    return {**plan, "id": sheet_id, "uid": uid,
            "previous_id": None if by_uid else plan["id"], "previous_uid": plan["uid"] if by_uid else None}


def test_a_second_next_version_of_a_version_the_vault_revised_is_refused(demo_pair) -> None:
    target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    before = _records(target)
    client = copy.deepcopy(next(c for c in doc["clients"] if any(
        w.get("previous_uid") for s in c["sessions"] for w in s["worksheets"])))
    plan = _revised_plan(client)  # the vault already holds its next version
    client["sessions"] = [{"uid": "0f0f0f0f-0000-4000-8000-0000000000aa", "date": "2026-12-01", "note": "",
                           "worksheets": [_new_version_of(plan, 10**6, "0f0f0f0f-0000-4000-8000-0000000000ab",
                                                          by_uid=True)]}]
    with pytest.raises(ExportFormatError) as refused:
        import_records(target, {**doc, "clients": [client]}, LIBRARY)
    assert "already has a next version" in str(refused.value)
    assert _records(target) == before  # nothing of the file was written


def test_two_worksheets_of_one_file_revising_the_same_one_are_refused(demo_pair) -> None:
    target, doc = demo_pair
    client = copy.deepcopy(next(c for c in doc["clients"] if any(
        w.get("previous_uid") for s in c["sessions"] for w in s["worksheets"])))
    plan = _revised_plan(client)
    client["sessions"][-1]["worksheets"].append(
        _new_version_of(plan, 10**6, "0f0f0f0f-0000-4000-8000-0000000000ac", by_uid=False))
    with pytest.raises(ExportFormatError) as refused:
        import_records(target, {**doc, "clients": [client]}, LIBRARY)
    assert "both revise the same worksheet" in str(refused.value)
    assert _records(target)["clients"] == []  # nothing imported


def test_two_new_versions_of_a_vault_worksheet_in_one_file_are_refused(demo_pair) -> None:
    target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    before = _records(target)
    client = copy.deepcopy(doc["clients"][0])
    sheets = [w for s in client["sessions"] for w in s["worksheets"]]
    revised = {w["previous_uid"] for w in _sheets(doc) if w.get("previous_uid")}
    last = next(w for w in sheets if w["form"] == "optimal_use_plan" and w["uid"] not in revised)
    # Both name the vault's newest version by uid only: the checker cannot see the fork, the vault does.
    both = [_new_version_of(last, 10**6, "0f0f0f0f-0000-4000-8000-0000000000ae", True),
            _new_version_of(last, 10**6 + 1, "0f0f0f0f-0000-4000-8000-0000000000af", True)]
    client["sessions"] = [{"uid": "0f0f0f0f-0000-4000-8000-0000000000ad", "date": "2026-12-01", "note": "",
                           "worksheets": both}]
    with pytest.raises(ExportFormatError) as refused:
        import_records(target, {**doc, "clients": [client]}, LIBRARY)
    assert "another worksheet of this file revises the same worksheet" in str(refused.value)
    assert _records(target) == before
