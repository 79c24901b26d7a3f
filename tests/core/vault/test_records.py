"""Clients, sessions, worksheets, revisions and plan chains through the Vault's repository methods."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from ihrp_desktop.core.vault import ClientInfo, RecordNotFound, Vault, Worksheet

PASSPHRASE = "correct horse battery staple"


def test_clients_are_sorted_and_found_case_insensitively_in_any_script(vault: Vault) -> None:
    for name in ["zoe", "Łucja Żółć", "Дмитрий Иванов", "adam", "Ärger Ölmann", "ŁUKASZ"]:
        vault.add_client(name)
    names = [c.name for c in vault.clients()]
    assert names == ["adam", "Ärger Ölmann", "Łucja Żółć", "ŁUKASZ", "zoe", "Дмитрий Иванов"]
    assert [c.name for c in vault.clients("łu")] == ["Łucja Żółć", "ŁUKASZ"]
    assert [c.name for c in vault.clients("ŻÓŁ")] == ["Łucja Żółć"]
    assert [c.name for c in vault.clients("дмитрий")] == ["Дмитрий Иванов"]
    assert [c.name for c in vault.clients("ИВАН")] == ["Дмитрий Иванов"]
    assert [c.name for c in vault.clients("zolc")] == ["Łucja Żółć"]  # typed without Polish letters
    assert [c.name for c in vault.clients("ärger")] == ["Ärger Ölmann"]
    assert vault.clients("nobody") == []
    assert len(vault.clients(limit=2)) == 2


def test_search_treats_like_wildcards_as_text(vault: Vault) -> None:
    vault.add_client("100% sure")
    vault.add_client("plain")
    vault.add_client("a_b")
    assert [c.name for c in vault.clients("%")] == ["100% sure"]
    assert [c.name for c in vault.clients("_")] == ["a_b"]


def test_client_changes_and_archive(vault: Vault) -> None:
    c = vault.add_client("  Ana   María ")
    assert c.name == "Ana María" and c.language == "en" and not c.archived
    assert isinstance(c, ClientInfo)
    renamed = vault.rename_client(c.id, "Ana Ruiz")
    assert renamed.name == "Ana Ruiz" and renamed.updated_at >= c.updated_at
    assert vault.clients("ruiz")[0].id == c.id
    assert vault.set_client_language(c.id, "es").language == "es"
    vault.archive_client(c.id)
    assert vault.clients() == [] and vault.client_count() == 0
    assert [x.id for x in vault.clients(include_archived=True)] == [c.id]
    vault.archive_client(c.id, archived=False)
    assert vault.client(c.id).archived is False
    with pytest.raises(ValueError):
        vault.add_client("   ")
    with pytest.raises(ValueError):
        vault.set_client_language(c.id, "fr")
    with pytest.raises(RecordNotFound):
        vault.client(999)
    with pytest.raises(RecordNotFound):
        vault.rename_client(999, "x")


def test_timestamps_are_utc(vault: Vault) -> None:
    c = vault.add_client("Ana")
    assert c.created_at.tzinfo is not None and c.created_at.utcoffset() == dt.timedelta(0)


def test_sessions_are_numbered_and_listed_newest_first(vault: Vault) -> None:
    c = vault.add_client("Ana")
    s2 = vault.add_session(c.id, dt.date(2025, 3, 10), note="second")
    s1 = vault.add_session(c.id, dt.date(2025, 3, 3))
    today = vault.today_session(c.id)
    assert vault.today_session(c.id).id == today.id  # get, not create again
    assert today.date == dt.date.today()
    listed = vault.sessions(c.id)
    assert [s.id for s in listed] == [today.id, s2.id, s1.id]
    assert [s.number for s in listed] == [3, 2, 1]
    assert vault.session(s2.id).note == "second"
    assert vault.set_session_note(s2.id, "changed").note == "changed"
    with pytest.raises(RecordNotFound):
        vault.add_session(999)


def test_worksheet_defaults_and_listing(vault: Vault) -> None:
    c = vault.add_client("Luis", language="es")
    other = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "decisional_balance", 2)
    assert isinstance(w, Worksheet)
    assert (w.status, w.filled_by, w.language, w.values, w.version_number) == (
        "draft",
        "together",
        "es",
        {},
        1,
    )
    assert w.session_id == vault.today_session(c.id).id and w.session_date == dt.date.today()
    s = vault.add_session(c.id, dt.date(2025, 1, 2))
    w2 = vault.new_worksheet(c.id, "urge_surfing", 1, session_id=s.id, filled_by="client", language="en")
    assert (w2.session_date, w2.filled_by, w2.language) == (dt.date(2025, 1, 2), "client", "en")
    assert [x.id for x in vault.worksheets(c.id)] == [w2.id, w.id]
    assert vault.worksheets(other.id) == []
    assert vault.all_worksheet_ids() == [w.id, w2.id]
    assert vault.set_status(w.id, "reviewed").status == "reviewed"
    assert vault.set_filled_by(w.id, "therapist").filled_by == "therapist"
    assert vault.worksheet(w.id).status == "reviewed"
    for bad in (lambda: vault.set_status(w.id, "final"), lambda: vault.set_filled_by(w.id, "nobody")):
        with pytest.raises(ValueError):
            bad()
    with pytest.raises(RecordNotFound):  # a session of another client
        vault.new_worksheet(other.id, "x", 1, session_id=s.id)
    with pytest.raises(RecordNotFound):
        vault.worksheet(999)
    with pytest.raises(KeyError) as caught:  # callers may treat it like a missing key
        vault.worksheet(999)
    assert (
        str(caught.value)
        == caught.value.message
        == "The worksheet was not found in the vault. It may belong to another vault."
    )  # noqa: E501


def test_values_are_stored_exactly_as_given(vault_dir: Path, make_vault) -> None:  # type: ignore[no-untyped-def]
    values = {
        "known": "Zażółć gęślą jaźń — Съешь же ещё 🌱🙂👩🏽‍⚕️",
        "field_removed_in_v3": {"nested": [1, 2.5, None, True, "x"]},
        "long": "długi tekst " * 9000,  # > 100 KB
        "": "empty key",
        "quotes": 'it\'s "fine" \\ \u0000 nul',
    }
    assert len(values["long"].encode()) > 100_000
    with make_vault(vault_dir) as v:
        c = v.add_client("Ana")
        w = v.new_worksheet(c.id, "optimal_use_plan", 1)
        v.save_values(w.id, values)
    with Vault.open(vault_dir, PASSPHRASE) as v:
        assert v.worksheet(w.id).values == values
        assert v.revision_values(w.id, 2) == values


def test_values_must_be_plain_json(vault: Vault) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "f", 1)
    with pytest.raises(ValueError):
        vault.save_values(w.id, {"n": float("nan")})
    with pytest.raises(ValueError):
        vault.save_values(w.id, {"d": object()})
    with pytest.raises(RecordNotFound):
        vault.save_values(999, {})


def test_every_save_is_a_revision_and_unchanged_saves_add_none(vault: Vault) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "f", 1, values={"a": "1"})
    assert vault.save_values(w.id, {"a": "2"}) == 2
    assert vault.save_values(w.id, {"a": "2"}) == 2  # nothing changed
    assert vault.save_values(w.id, {"a": "3"}) == 3
    assert [r.number for r in vault.revisions(w.id)] == [1, 2, 3]
    number, saved_at = vault.revisions(w.id)[-1]
    assert number == 3 and saved_at.tzinfo is not None
    assert vault.revision_values(w.id, 1) == {"a": "1"}
    assert vault.revision_values(w.id, 2) == {"a": "2"}
    with pytest.raises(RecordNotFound):
        vault.revision_values(w.id, 9)


def test_a_burst_of_saves_folds_into_one_revision(vault: Vault) -> None:
    c = vault.add_client("Ana")
    w = vault.new_worksheet(c.id, "f", 1, values={"a": ""})
    numbers = [vault.save_values(w.id, {"a": "abc"[: i + 1]}, coalesce_seconds=60) for i in range(3)]
    assert numbers == [2, 2, 2]  # revision 1 (as created) is kept apart, the burst becomes revision 2
    assert vault.revision_values(w.id, 2) == {"a": "abc"}
    assert vault.worksheet(w.id).values == {"a": "abc"}
    assert vault.save_values(w.id, {"a": "abcd"}, coalesce_seconds=0) == 3  # no folding asked


def test_revise_makes_a_plan_chain(vault: Vault) -> None:
    c = vault.add_client("Ana")
    v1 = vault.new_worksheet(c.id, "optimal_use_plan", 1, values={"plan": "try A", "extra": 1})
    vault.set_status(v1.id, "reviewed")
    later = vault.add_session(c.id, dt.date.today() + dt.timedelta(days=7))
    v2 = vault.revise(v1.id, session_id=later.id)
    assert (v2.previous_id, v2.values, v2.status, v2.version_number) == (v1.id, v1.values, "draft", 2)
    assert v2.session_id == later.id
    vault.save_values(v2.id, {"plan": "try B"})
    v3 = vault.revise(v2.id)
    assert v3.version_number == 3 and v3.values == {"plan": "try B"}
    assert vault.worksheet(v1.id).values == {"plan": "try A", "extra": 1}  # the old version is untouched
    for member in (v1, v2, v3):
        assert [w.id for w in vault.plan_history(member.id)] == [v1.id, v2.id, v3.id]
    assert [w.version_number for w in vault.worksheets(c.id)] == [3, 2, 1]


def test_link_previous_for_import(vault: Vault) -> None:
    c = vault.add_client("Ana")
    other = vault.add_client("Ben")
    a = vault.new_worksheet(c.id, "f", 1)
    b = vault.new_worksheet(c.id, "f", 1)
    x = vault.new_worksheet(other.id, "f", 1)
    assert vault.link_previous(b.id, a.id).version_number == 2
    with pytest.raises(ValueError):
        vault.link_previous(a.id, b.id)  # would make a loop
    with pytest.raises(ValueError):
        vault.link_previous(a.id, a.id)
    with pytest.raises(RecordNotFound):
        vault.link_previous(x.id, a.id)  # another client's plan
    assert vault.link_previous(b.id, None).previous_id is None


def test_snapshots_are_frozen(vault: Vault) -> None:
    c = vault.add_client("Ana")
    with pytest.raises(AttributeError):
        c.name = "Eve"  # type: ignore[misc]


def test_threads_read_and_write_side_by_side(vault: Vault) -> None:
    c = vault.add_client("Ana")
    sheets = [vault.new_worksheet(c.id, "f", 1) for _ in range(4)]
    errors: list[BaseException] = []

    def writer(ws_id: int) -> None:
        try:
            for i in range(15):
                vault.save_values(ws_id, {"i": i})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            for _ in range(15):
                vault.worksheets(c.id)
                vault.clients("a")
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w.id,)) for w in sheets] + [
        threading.Thread(target=reader) for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(vault.worksheet(w.id).values == {"i": 14} for w in sheets)
    assert all(len(vault.revisions(w.id)) == 16 for w in sheets)
