"""Export and import: any answers survive unchanged (hypothesis); uids, re-import, newer revisions, version 1.

Real SQLCipher vaults throughout.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.demo import DEMO_CLIENTS, load_demo
from ihrp_desktop.core.exchange import ExportFormatError, export_records, import_file, import_records
from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.values import normalize
from ihrp_desktop.core.vault import KdfParams, Vault
from ihrp_desktop.core.vault.clients import printable_name
from tests.export_docs import as_version_1

# The demo's records, counted from the demo itself (demo/clients.json grows with the story it tells).
CLIENTS = len(DEMO_CLIENTS)
SESSIONS = sum(len(c.sessions) for c in DEMO_CLIENTS)
SHEETS = sum(len(s.worksheets) for c in DEMO_CLIENTS for s in c.sessions)

LIBRARY = default_library()
# Any Unicode a person can type or paste (no lone surrogates: they cannot be UTF-8 at all).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


def answers_for(form: FormDefinition) -> st.SearchStrategy[dict[str, Any]]:
    """Values for every text-like field of ``form`` (lists get rows of text cells) plus an unknown key."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for _, fld in form.all_fields():
        if fld.type in ("text", "multiline"):
            fields[fld.id] = TEXT
        elif fld.type == "list" and fld.columns:
            text_columns = [c.id for c in fld.columns if c.type in ("text", "multiline")]
            if text_columns:
                row = st.fixed_dictionaries({c: TEXT for c in text_columns})
                fields[fld.id] = st.lists(row, max_size=5)
    return st.fixed_dictionaries(fields, optional={"kept_from_an_older_version": TEXT})


@pytest.fixture(scope="module")
def vaults(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, Vault]]:
    folder = tmp_path_factory.mktemp("exchange")
    source = Vault.create(folder / "source", "one", kdf=KdfParams.fast())
    target = Vault.create(folder / "target", "two", kdf=KdfParams.fast())
    yield source, target
    source.close()
    target.close()


@pytest.mark.parametrize("form_id", sorted(LIBRARY.forms))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), name=TEXT.filter(lambda s: printable_name(s) != ""))  # a name the vault takes
def test_answers_survive_export_and_import(
    vaults: tuple[Vault, Vault], form_id: str, data: st.DataObject, name: str
) -> None:
    source, target = vaults
    form = LIBRARY.get(form_id)
    values = data.draw(answers_for(form))
    client = source.add_client(name)
    # An answer the definition does not know comes from another version of it (a same-version
    # worksheet must fit it exactly: tests/core/test_exchange_strict.py).
    version = form.version + 1 if "kept_from_an_older_version" in values else form.version
    sheet = source.new_worksheet(client.id, form.id, version)
    source.save_values(sheet.id, normalize(form, values))
    expected = source.worksheet(sheet.id).values
    assert all(values[k] == expected[k] for k in values if isinstance(values[k], str))

    # Through the file format itself: UTF-8 JSON text, as export-json writes it.
    exported = json.loads(json.dumps(export_records(source, client_name=client.name), ensure_ascii=False))
    mine = [c for c in exported["clients"] if c["id"] == client.id]
    summary = import_records(target, {**exported, "clients": mine}, LIBRARY)
    assert summary.worksheets.new == 1
    imported = target.worksheets(max(c.id for c in target.clients(include_archived=True)))
    assert len(imported) == 1
    assert target.worksheet(imported[0].id).values == expected
    assert target.client(imported[0].client_id).name == client.name  # as the vault keeps it


# -- stable ids, re-import, newer revisions, version 1 (docs/export-format.md, "Import rules") ----------

def _records(vault: Vault) -> dict[str, Any]:
    doc = json.loads(json.dumps(export_records(vault), ensure_ascii=False))
    doc.pop("exported_at")
    return doc


def _sheets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [w for c in doc["clients"] for s in c["sessions"] for w in s["worksheets"]]


def _uids(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return ({("client", c["uid"]) for c in doc["clients"]}
            | {("session", s["uid"]) for c in doc["clients"] for s in c["sessions"]}
            | {("worksheet", w["uid"]) for w in _sheets(doc)})


def _later(stamp: str, **delta: float) -> str:
    return (dt.datetime.fromisoformat(stamp) + dt.timedelta(**delta)).isoformat()


@pytest.fixture
def demo_pair(tmp_path: Path) -> Iterator[tuple[Vault, Vault, dict[str, Any]]]:
    """A demo vault, an empty one, and the demo vault's export (as the file would hold it)."""
    source = Vault.create(tmp_path / "source", "one", kdf=KdfParams.fast())
    target = Vault.create(tmp_path / "target", "two", kdf=KdfParams.fast())
    load_demo(source, LIBRARY)
    yield source, target, _records(source)
    source.close()
    target.close()


def test_the_export_carries_every_uid_and_the_import_keeps_them(demo_pair) -> None:
    source, target, doc = demo_pair
    assert doc["version"] == 2
    summary = import_records(target, doc, LIBRARY)
    assert (summary.clients.new, summary.sessions.new, summary.worksheets.new) == (CLIENTS, SESSIONS, SHEETS)
    again = _records(target)
    assert _uids(again) == _uids(doc) and len(_uids(doc)) == CLIENTS + SESSIONS + SHEETS
    links = {(w["uid"], w["previous_uid"]) for w in _sheets(doc) if w["previous_uid"]}
    assert links and links == {(w["uid"], w["previous_uid"]) for w in _sheets(again) if w["previous_uid"]}
    by_uid = {w["uid"]: w for w in _sheets(again)}
    for uid, previous in links:  # the link is carried by uid and points at the same record
        assert by_uid[previous]["id"] == by_uid[uid]["previous_id"]


def test_importing_the_same_export_twice_adds_nothing_the_second_time(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, copy.deepcopy(doc), LIBRARY)
    before = _records(target)
    summary = import_records(target, copy.deepcopy(doc), LIBRARY)
    assert (summary.clients.new, summary.sessions.new, summary.worksheets.new) == (0, 0, 0)
    unchanged = (summary.clients.unchanged, summary.sessions.unchanged, summary.worksheets.unchanged)
    assert unchanged == (CLIENTS, SESSIONS, SHEETS)
    assert _records(target) == before
    assert len(target.clients(include_archived=True)) == 3
    # Its own export, imported back, is already there as well.
    assert import_records(target, _records(target), LIBRARY).worksheets.unchanged == SHEETS


def test_a_newer_copy_of_a_worksheet_is_added_as_its_new_revision(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    newer = copy.deepcopy(doc)
    sheet = next(w for w in _sheets(newer) if w["form"] == "optimal_use_plan")
    ws_id = next(w["id"] for w in _sheets(_records(target)) if w["uid"] == sheet["uid"])
    old_values = target.worksheet(ws_id).values
    old_revisions = target.revisions(ws_id)
    sheet["values"]["substance"] = "changed on the other computer"
    sheet["status"] = "reviewed"
    sheet["updated_at"] = _later(sheet["updated_at"], hours=1)
    summary = import_records(target, newer, LIBRARY)
    updated = (summary.worksheets.updated, summary.worksheets.unchanged, summary.worksheets.new)
    assert updated == (1, SHEETS - 1, 0)
    now = target.worksheet(ws_id)
    assert now.values["substance"] == "changed on the other computer" and now.status == "reviewed"
    revisions = target.revisions(ws_id)
    assert len(revisions) == len(old_revisions) + 1
    assert target.revision_values(ws_id, old_revisions[-1].number) == old_values  # the older answers stay
    # The same newer copy again adds nothing.
    assert import_records(target, newer, LIBRARY).worksheets.updated == 0
    assert len(target.revisions(ws_id)) == len(revisions)


def test_an_older_or_equally_old_different_copy_adds_nothing(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    before = _records(target)
    for delta in (0, -3600):
        older = copy.deepcopy(doc)
        sheet = _sheets(older)[0]
        sheet["values"]["kept_from_an_older_version"] = "an older text"
        sheet["form_version"] += 1  # an unknown answer comes from another version of the definition
        sheet["updated_at"] = _later(sheet["updated_at"], seconds=delta)
        summary = import_records(target, older, LIBRARY)
        assert (summary.worksheets.updated, summary.worksheets.unchanged) == (0, SHEETS)
    assert _records(target) == before


def test_a_client_takes_the_imported_name_only_from_a_newer_export(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    uid = doc["clients"][0]["uid"]
    name = doc["clients"][0]["name"]
    older = copy.deepcopy(doc)
    older["clients"][0]["name"] = "Renamed long ago"
    older["clients"][0]["updated_at"] = _later(doc["clients"][0]["updated_at"], days=-1)
    assert import_records(target, older, LIBRARY).clients.updated == 0
    assert next(c for c in _records(target)["clients"] if c["uid"] == uid)["name"] == name
    newer = copy.deepcopy(doc)
    newer["clients"][0].update(name="Renamed today", archived=True,
                               updated_at=_later(doc["clients"][0]["updated_at"], minutes=5))
    summary = import_records(target, newer, LIBRARY)
    assert (summary.clients.updated, summary.clients.unchanged) == (1, 2)
    client = next(c for c in _records(target)["clients"] if c["uid"] == uid)
    assert (client["name"], client["archived"]) == ("Renamed today", True)
    assert [c.id for c in target.clients(search="renamed today", include_archived=True)]  # search key follows


def test_the_register_travels_and_an_export_without_it_imports_as_tu(demo_pair) -> None:
    source, target, _ = demo_pair
    spanish = next(c for c in source.clients() if c.language == "es")
    source.set_client_register(spanish.id, "formal")
    doc = _records(source)
    assert {c["name"]: c["register"] for c in doc["clients"]}[spanish.name] == "formal"
    import_records(target, doc, LIBRARY)
    assert {c.name: c.register for c in target.clients()}[spanish.name] == "formal"
    older = copy.deepcopy(doc)  # written before registers existed (docs/export-format.md)
    for client in older["clients"]:
        del client["register"]
    with Vault.create(target.path.parent / "third", "three", kdf=KdfParams.fast()) as third:
        import_records(third, older, LIBRARY)
        assert {c.register for c in third.clients()} == {"informal"}
    bad = copy.deepcopy(doc)
    bad["clients"][0]["register"] = "usted"
    with pytest.raises(ExportFormatError, match=r"clients\[0\]\.register"):
        import_records(target, bad, LIBRARY)


def test_version_1_files_still_import_as_new_records_with_their_links(demo_pair) -> None:
    _, target, doc = demo_pair
    v1 = copy.deepcopy(doc)
    as_version_1(v1)
    for expected_clients in (3, 6):  # no uids: nothing can be recognised, every import adds
        summary = import_records(target, copy.deepcopy(v1), LIBRARY)
        assert (summary.clients.new, summary.worksheets.new) == (CLIENTS, SHEETS)
        assert len(target.clients(include_archived=True)) == expected_clients
    linked = [w for w in _sheets(_records(target)) if w["previous_id"] is not None]
    assert len(linked) == 2 * sum(1 for w in _sheets(doc) if w["previous_id"] is not None)


def test_a_new_version_in_the_file_revises_a_worksheet_already_in_the_vault(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    client = copy.deepcopy(doc["clients"][0])
    revised = {w["previous_uid"] for w in _sheets(doc) if w.get("previous_uid")}
    # The plan's newest version: an older one already has its next version (a fork is refused:
    # tests/core/test_import_forks.py).
    plan = next(w for s in client["sessions"] for w in s["worksheets"]
                if w["form"] == "optimal_use_plan" and w["uid"] not in revised)
    session = {"uid": "0f0f0f0f-0000-4000-8000-000000000001", "date": "2026-12-01", "note": "",
               "worksheets": [{**plan, "id": 10**6, "uid": "0f0f0f0f-0000-4000-8000-000000000002",
                               "previous_id": None, "previous_uid": plan["uid"]}]}
    client["sessions"] = [session]  # the file holds only the new version, not the one it revises
    summary = import_records(target, {**doc, "clients": [client]}, LIBRARY)
    assert (summary.sessions.new, summary.worksheets.new) == (1, 1)
    by_uid = {w["uid"]: w for w in _sheets(_records(target))}
    assert by_uid[session["worksheets"][0]["uid"]]["previous_id"] == by_uid[plan["uid"]]["id"]


def test_imported_is_audited_with_counts_only_in_the_same_transaction(demo_pair) -> None:
    _, target, doc = demo_pair
    import_records(target, doc, LIBRARY)
    events = [e for e in target.audit_events() if e.action == "imported"]
    assert len(events) == 1
    assert events[0].detail == (
        f"clients: {CLIENTS} new, 0 updated, 0 already there; sessions: {SESSIONS} new, "
        f"0 updated, 0 already there; worksheets: {SHEETS} new, 0 updated, 0 already there"
    )
    assert not any(c.name in events[0].detail for c in DEMO_CLIENTS)
    # A file refused while writing (its session belongs to another client here) leaves no event either.
    clash = copy.deepcopy(doc)
    clash["clients"] = [{**clash["clients"][1], "uid": "0f0f0f0f-0000-4000-8000-000000000003",
                         "sessions": [clash["clients"][0]["sessions"][0]]}]
    before = _records(target)
    with pytest.raises(ExportFormatError, match="another client"):
        import_records(target, clash, LIBRARY)
    assert _records(target) == before
    assert len([e for e in target.audit_events() if e.action == "imported"]) == 1


def test_progress_is_reported_for_reading_checking_and_writing(demo_pair, tmp_path: Path) -> None:
    _, target, doc = demo_pair
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    import_file(target, path, LIBRARY, lambda *step: seen.append(step))
    phases = [phase for phase, _, _ in seen]
    assert phases.index("read") < phases.index("check") < phases.index("write")
    for phase in ("read", "check", "write"):
        last = [s for s in seen if s[0] == phase][-1]
        assert last[1] == last[2]  # each phase ends complete
    assert ("write", SHEETS, SHEETS) in seen


def test_what_a_hand_edited_file_may_hold_still_imports(demo_pair, tmp_path: Path) -> None:
    # A byte-order mark, keys this format does not list, spaces in a name, a timestamp without a zone.
    _, target, doc = demo_pair
    doc["comment"] = "saved again by a text editor"
    client = doc["clients"][0]
    client.update(name="  Zofia \t  W.  ", colour="blue", updated_at="2026-11-06T14:00:02")
    path = tmp_path / "edited.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    summary = import_file(target, path, LIBRARY)
    assert summary.clients.new == 3
    mine = next(c for c in _records(target)["clients"] if c["uid"] == client["uid"])
    assert mine["name"] == "Zofia W."
    assert mine["updated_at"] == "2026-11-06T14:00:02+00:00"


def test_the_summary_says_new_updated_and_already_there_in_plain_words() -> None:
    from ihrp_desktop.core.exchange import ImportSummary
    from ihrp_desktop.core.vault.importing import Tally

    summary = ImportSummary(Tally(200, 0, 3), Tally(4000, 1, 0), Tally(20000, 12, 1500))
    assert summary.lines() == [
        "Clients: 200 new, 0 updated, 3 already there",
        "Sessions: 4,000 new, 1 updated, 0 already there",
        "Worksheets: 20,000 new, 12 updated, 1,500 already there",
    ]
