"""Hostile import files: each is refused with exit 1 and a plain message, and the vault is unchanged.

"Unchanged" means: the vault's export-json (every record) is equal before and after, no 'imported'
audit event was added, verify finds no damage, and no file appeared or vanished in the vault
folder or beside the import file. Each refusal happens before the single write transaction ends,
so nothing of the file is in the vault (docs/export-format.md, "Import rules").
"""

from __future__ import annotations

import copy
import os
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.core.exchange_check import MAX_ANSWERS_BYTES, MAX_NAME_CHARS, MAX_NOTE_CHARS
from ihrp_desktop.core.exchange_file import MAX_DEPTH, MAX_FILE_BYTES, ExportFormatError, read_bytes
from tests.export_docs import as_version_1
from tests.hostile.import_helpers import Hostile, content, hostile, hostile_template  # noqa: F401 - fixtures

Doc = dict[str, Any]


def sheets(doc: Doc, ci: int | None = None) -> list[dict[str, Any]]:
    """Every worksheet of the export (of client ``ci`` only, if given), in file order."""
    clients = doc["clients"] if ci is None else [doc["clients"][ci]]
    return [w for c in clients for s in c["sessions"] for w in s["worksheets"]]


def with_two_sheets(doc: Doc) -> int:
    """The index of a client with at least two worksheets."""
    return next(i for i in range(len(doc["clients"])) if len(sheets(doc, i)) >= 2)


def first_sheet(doc: Doc) -> dict[str, Any]:
    return sheets(doc)[0]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation: ``path`` like ``sheet.language`` or ``client.name`` set to ``value``."""
    kind, key = path.split(".")

    def apply(doc: Doc) -> None:
        target = {
            "sheet": first_sheet(doc),
            "client": doc["clients"][0],
            "session": next(s for c in doc["clients"] for s in c["sessions"] if s["worksheets"]),
            "doc": doc,
        }[kind]
        target[key] = copy.deepcopy(value)

    return apply


def _self_link(doc: Doc) -> None:
    sheet = first_sheet(doc)
    sheet["previous_uid"] = sheet["uid"]


def _self_link_v1(doc: Doc) -> None:
    as_version_1(doc)
    sheet = first_sheet(doc)
    sheet["previous_id"] = sheet["id"]


def _cycle(doc: Doc) -> None:
    a, b = sheets(doc, with_two_sheets(doc))[:2]
    a["previous_uid"], b["previous_uid"] = b["uid"], a["uid"]


def _cycle_v1(doc: Doc) -> None:
    as_version_1(doc)
    a, b = sheets(doc, with_two_sheets(doc))[:2]
    a["previous_id"], b["previous_id"] = b["id"], a["id"]


def _other_clients_sheet(doc: Doc) -> None:
    mine, theirs = sheets(doc, 0)[0], sheets(doc, 1)[0]
    mine["previous_uid"] = theirs["uid"]


def _duplicate_ids_v1(doc: Doc) -> None:
    as_version_1(doc)
    a, b = sheets(doc)[:2]
    b["id"] = a["id"]


def _duplicate_uids(doc: Doc) -> None:
    a, b = sheets(doc)[:2]
    b["uid"] = a["uid"]


def _previous_nowhere_v1(doc: Doc) -> None:
    as_version_1(doc)
    first_sheet(doc)["previous_id"] = 987654


def _previous_nowhere(doc: Doc) -> None:
    first_sheet(doc)["previous_uid"] = str(uuid.uuid4())  # a worksheet the vault holds already


def _new_client_with(doc: Doc, session: dict[str, Any]) -> None:
    """Only a new client (new uid) holding ``session``: the vault holds that session or its worksheet
    under another client."""
    doc["clients"] = []
    doc["clients"].append(
        {
            "uid": str(uuid.uuid4()),
            "name": "New person",
            "language": "en",
            "archived": False,
            "sessions": [session],
        }
    )


def _session_of_another_client(doc: Doc) -> None:
    _new_client_with(doc, copy.deepcopy(next(s for s in doc["clients"][0]["sessions"] if s["worksheets"])))


def _worksheet_of_another_client(doc: Doc) -> None:
    session = copy.deepcopy(next(s for s in doc["clients"][0]["sessions"] if s["worksheets"]))
    session["uid"] = str(uuid.uuid4())
    _new_client_with(doc, session)


def _link_to_vault_sheet_of_another_client(doc: Doc) -> None:
    theirs = sheets(doc, 1)[0]["uid"]
    mine = copy.deepcopy(sheets(doc, 0)[0])
    mine.update(id=10**6, uid=str(uuid.uuid4()), previous_uid=theirs, previous_id=None)
    doc["clients"] = [doc["clients"][0]]
    next(s for s in doc["clients"][0]["sessions"] if s["worksheets"])["worksheets"].append(mine)
    del doc["clients"][0]["sessions"][1:]  # the vault's copy of the other client is not in the file


def _late_failure(doc: Doc) -> None:
    # Everything good up to the very last worksheet: proves nothing before it is written.
    sheets(doc)[-1]["language"] = "xx"


def _nested_values(doc: Doc) -> None:
    value: Any = "deep"
    for _ in range(MAX_DEPTH + 5):
        value = [value]
    first_sheet(doc)["values"]["kept_from_elsewhere"] = value


MUTATIONS: dict[str, tuple[Callable[[Doc], None], tuple[str, ...]]] = {
    "previous is itself": (_self_link, ("cannot revise itself",)),
    "previous is itself (version 1)": (_self_link_v1, ("cannot revise itself",)),
    "previous cycle a->b->a": (_cycle, ("loop",)),
    "previous cycle a->b->a (version 1)": (_cycle_v1, ("loop",)),
    "previous is another client's worksheet": (_other_clients_sheet, ("same client",)),
    "previous is another client's worksheet in the vault": (
        _link_to_vault_sheet_of_another_client,
        ("another client",),
    ),
    "previous is nowhere (version 1)": (_previous_nowhere_v1, ("previous_id",)),
    "previous is nowhere": (_previous_nowhere, ("neither in this file nor in this vault",)),
    "worksheet language xx": (_set("sheet.language", "xx"), ("language",)),
    "the last worksheet is bad": (_late_failure, ("language",)),
    "form_version 10**30": (_set("sheet.form_version", 10**30), ("form_version",)),
    "form_version negative": (_set("sheet.form_version", -1), ("form_version",)),
    "form_version true": (_set("sheet.form_version", True), ("form_version",)),
    "form_version 1.5": (_set("sheet.form_version", 1.5), ("form_version",)),
    "huge worksheet id": (_set("sheet.id", 2**64), (".id",)),
    "huge client id": (_set("client.id", -(10**40)), (".id",)),
    "clients is text": (_set("doc.clients", "everyone"), ("clients",)),
    "clients is null": (_set("doc.clients", None), ("clients",)),
    "sessions is an object": (_set("client.sessions", {"0": {}}), ("sessions",)),
    "worksheets is text": (_set("session.worksheets", "none"), ("worksheets",)),
    "values is a list": (_set("sheet.values", ["a"]), ("values",)),
    "values is null": (_set("sheet.values", None), ("values",)),
    "name is null": (_set("client.name", None), ("name",)),
    "name is an object": (_set("client.name", {"first": "A"}), ("name",)),
    "name is blank": (_set("client.name", " \t "), ("name",)),
    "name of 10 MB": (_set("client.name", "N" * 10_000_000), ("name", f"{MAX_NAME_CHARS:,}")),
    "archived is text": (_set("client.archived", "yes"), ("archived",)),
    "client language is a list": (_set("client.language", ["en"]), ("language",)),
    "status final": (_set("sheet.status", "final"), ("status",)),
    "form id with a path": (_set("sheet.form", "../../etc/passwd"), ("form",)),
    "uid malformed": (_set("sheet.uid", "not-a-uuid"), ("uid",)),
    "uid is a number": (_set("client.uid", 12), ("uid",)),
    "duplicate worksheet ids (version 1)": (_duplicate_ids_v1, ("share this id",)),
    "duplicate worksheet uids": (_duplicate_uids, ("share this id",)),
    "invalid date": (_set("session.date", "2026-02-30"), ("date",)),
    "session date 10000-01-01": (_set("session.date", "10000-01-01"), ("date",)),
    "session date as a number": (_set("session.date", 20260101), ("date",)),
    "updated_at in the year 9999": (_set("sheet.updated_at", "9999-12-31T00:00:00+00:00"), ("updated_at",)),
    "updated_at nonsense": (_set("sheet.updated_at", "yesterday"), ("updated_at",)),
    "note of the wrong type": (_set("session.note", ["a"]), ("note",)),
    "note over the limit": (
        _set("session.note", "n" * (MAX_NOTE_CHARS + 1)),
        ("note", f"{MAX_NOTE_CHARS:,}"),
    ),
    "session date before 1900": (_set("session.date", "1899-12-31"), ("date", "1900")),
    "updated_at before 1900": (_set("sheet.updated_at", "1800-01-01T00:00:00+00:00"), ("updated_at",)),
    "created_at of the wrong type": (_set("client.created_at", 1700000000), ("created_at",)),
    "answers over the limit": (
        _set("sheet.values", {"kept": "x" * (MAX_ANSWERS_BYTES + 1)}),
        ("values", f"{MAX_ANSWERS_BYTES:,}"),
    ),
    "answers nested too deep": (_nested_values, ("levels deep",)),
    "answer out of its field's range": (
        _set("sheet.values", {"importance": 42, "confidence": 42}),
        ("values",),
    ),
    "session of another client in the vault": (_session_of_another_client, ("another client",)),
    "worksheet of another client in the vault": (_worksheet_of_another_client, ("another client",)),
    "format missing": (_set("doc.format", None), ("not an IHRP Desktop export",)),
    "version 3": (_set("doc.version", 3), ("version",)),
    "version true": (_set("doc.version", True), ("version",)),
    "version 2.0": (_set("doc.version", 2.0), ("version", "unknown")),
    "version 1.0": (_set("doc.version", 1.0), ("version", "unknown")),
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_a_bad_record_is_refused_and_nothing_is_imported(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    mutate, words = MUTATIONS[case]
    doc = hostile.good_export()
    mutate(doc)
    path = hostile.export_file(doc)
    hostile.refused_unchanged(path, *words)


def _deep(n: int) -> bytes:
    return b'{"format": "ihrp-desktop-export", "version": 2, "clients": ' + b"[" * n + b"]" * n + b"}"


RAW: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty file": (b"", ("empty",)),
    "only spaces": (b" \n\t ", ("empty",)),
    "not UTF-8": ('{"format": "ihrp-desktop-export", "name": "Łucja"}'.encode("iso8859_2"), ("UTF-8",)),
    "UTF-16": ('{"format": "ihrp-desktop-export"}'.encode("utf-16"), ("UTF-8",)),
    "nested 10,000 deep": (_deep(10_000), (f"{MAX_DEPTH} levels deep",)),
    "nested 10,000 deep, never closed": (b"[" * 10_000, ("not valid JSON",)),
    "NaN": (b'{"format": "ihrp-desktop-export", "version": 2, "clients": [], "x": NaN}', ("NaN",)),
    "Infinity": (b'{"format": "ihrp-desktop-export", "version": 2, "clients": [-Infinity]}', ("Infinity",)),
    "a float beyond double": (
        b'{"format": "ihrp-desktop-export", "version": 2, "clients": [1e400]}',
        ("too large",),
    ),
    "an integer of 5,000 digits": (b'{"version": ' + b"9" * 5000 + b"}", ("too large",)),
    "truncated JSON": (b'{"format": "ihrp-desktop-export", "version": 2, "clients": [', ("not valid JSON",)),
    "a JSON list": (b"[]", ("not an IHRP Desktop export",)),
    "a JSON string": (b'"hello"', ("not an IHRP Desktop export",)),
    "binary noise": (bytes(range(256)) * 4, ("UTF-8",)),
}


@pytest.mark.parametrize("case", sorted(RAW))
def test_a_file_that_is_not_a_good_export_is_refused(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    data, words = RAW[case]
    path = hostile.work / "export.json"
    path.write_bytes(data)
    hostile.refused_unchanged(path, *words)


def _folder(h: Hostile) -> Path:
    folder = h.work / "a folder.json"
    folder.mkdir()
    return folder


def _fifo(h: Hostile) -> Path:
    path = h.work / "pipe.json"
    os.mkfifo(path)  # nobody writes to it: reading it would wait for ever
    return path


def _too_large(h: Hostile) -> Path:
    path = h.work / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, refused before reading
    return path


def _link_to_zero(h: Hostile) -> Path:
    path = h.work / "innocent.json"
    path.symlink_to("/dev/zero")
    return path


def _unreadable(h: Hostile) -> Path:
    path = h.work / "locked.json"
    path.write_text("{}")
    path.chmod(0)
    return path


PLACES: dict[str, tuple[Callable[[Hostile], Path | str], tuple[str, ...]]] = {
    "a directory": (_folder, ("folder",)),
    "a FIFO": (_fifo, ("not a regular file",)),
    "/dev/zero": (lambda h: "/dev/zero", ("not a regular file",)),
    "/dev/null": (lambda h: "/dev/null", ("not a regular file",)),
    "a missing file": (lambda h: h.work / "gone.json", ("not found",)),
    "over the size limit": (_too_large, (f"{MAX_FILE_BYTES // (1024 * 1024)} MB",)),
    "the vault's own database": (lambda h: h.vault / "vault.db", ("UTF-8",)),
    "the vault's own key file": (lambda h: h.vault / "vault.key", ("not an IHRP Desktop export",)),
    "a link to /dev/zero": (_link_to_zero, ("not a regular file",)),
}
if hasattr(os, "geteuid") and os.geteuid() != 0:  # root reads any file
    PLACES["a file without read permission"] = (_unreadable, ("permission",))


@pytest.mark.parametrize("case", sorted(PLACES))
def test_a_path_that_is_not_an_export_file_is_refused_before_reading(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    make, words = PLACES[case]
    hostile.refused_unchanged(make(hostile), *words)


def test_a_file_that_shrinks_while_it_is_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b"[" + b" " * (9 * 1024 * 1024) + b"]")  # three reads of 4 MB

    def truncate_after_the_first_part(phase: str, done: int, total: int) -> None:
        with path.open("r+b") as f:
            f.truncate(done)

    with pytest.raises(ExportFormatError, match="changed while it was being read"):
        read_bytes(path, truncate_after_the_first_part)


def test_a_file_removed_after_opening_is_read_whole(tmp_path: Path) -> None:
    # What was opened is what is imported: removing the name mid-way changes nothing that was read.
    path = tmp_path / "export.json"
    path.write_bytes(b"[" + b" " * (9 * 1024 * 1024) + b"]")
    seen: list[int] = []

    def remove(phase: str, done: int, total: int) -> None:
        seen.append(done)
        path.unlink(missing_ok=True)

    assert len(read_bytes(path, remove)) == 9 * 1024 * 1024 + 2
    assert len(seen) == 3


SECRET = "Zofia's 'secret' is not a number"  # client words, with quotes and the checker's own words in them
QUOTING: dict[str, tuple[str, dict[str, Any], str]] = {
    "a number answer holding text": (
        "optimal_use_plan",
        {"current_days": SECRET},
        "the answer is not a number",
    ),
    "a date cell holding text": (
        "alternatives",
        {"other": [{"start": SECRET}]},
        "row 1, column 'start': the answer is not a date (YYYY-MM-DD)",
    ),
    "a menu row named with client words": (
        "alternatives",
        {"alternatives": {SECRET: {"start": SECRET}}},
        "the answer is not a date (YYYY-MM-DD)",
    ),
}


@pytest.mark.parametrize("case", sorted(QUOTING))
def test_a_refusal_never_quotes_the_answer(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    form, values, words = QUOTING[case]
    doc = hostile.good_export()
    first_sheet(doc).update(form=form, values=values)
    path = hostile.export_file(doc)
    err = hostile.refused_unchanged(path, words)
    assert "Zofia" not in err and "secret" not in err


def _values_key(doc: Doc, text: str) -> None:
    first_sheet(doc)["values"][text] = "kept"


def _values_value(doc: Doc, text: str) -> None:
    first_sheet(doc).update(form="kept_from_elsewhere", values={"answer": text})


# A lone surrogate can only come in as a JSON escape; json.dumps (ensure_ascii) writes it as one.
SURROGATES: dict[str, tuple[Callable[[Doc], None], str]] = {
    "in a session note": (_set("session.note", "\ud800x"), "].note"),
    "in a client name": (_set("client.name", "Ann \udfff"), "clients[0].name"),
    "in an answer's key": (lambda d: _values_key(d, "k\ud800"), "].values, a key"),
    "in an answer's value": (lambda d: _values_value(d, "\udc00"), "].values.answer"),
}


@pytest.mark.parametrize("case", sorted(SURROGATES))
def test_text_that_is_not_valid_unicode_is_refused_before_the_passphrase(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    mutate, place = SURROGATES[case]
    doc = hostile.good_export()
    mutate(doc)
    path = hostile.export_file(doc, ascii_only=True)
    err = hostile.refused_unchanged(path, place, "holds text that is not valid Unicode")
    assert "UnicodeEncodeError" not in err and "did not expect" not in err, err
    assert sys.stdin.read() == hostile.passphrase + "\n"  # the passphrase was never read


NULS: dict[str, tuple[Callable[[Doc], None], str]] = {
    "in a session note": (_set("session.note", "a\x00b"), "].note"),
    "in a client name": (_set("client.name", "Ann\x00"), "clients[0].name"),
    "in an answer's key": (lambda d: _values_key(d, "k\x00"), "].values, a key"),
    "in an answer's value": (lambda d: _values_value(d, "a\x00b"), "].values.answer"),
}


@pytest.mark.parametrize("case", sorted(NULS))
def test_a_nul_in_text_is_refused_with_its_place_before_the_passphrase(hostile: Hostile, case: str) -> None:  # noqa: F811 - the fixture
    """A stranger's case (docs/reliability.md): an answer holding "a\u0000b" was imported and then
    carried into a plan. One rule with the lone surrogate: refused with its place, nothing imported."""
    mutate, place = NULS[case]
    doc = hostile.good_export()
    mutate(doc)
    path = hostile.export_file(doc, ascii_only=True)
    err = hostile.refused_unchanged(path, place, "holds a NUL character (\\u0000), which text cannot hold")
    assert "did not expect" not in err, err
    assert sys.stdin.read() == hostile.passphrase + "\n"  # the passphrase was never read


def test_a_surrogate_pair_and_an_escaped_backslash_u_import(hostile: Hostile) -> None:  # noqa: F811 - the fixture
    doc = hostile.good_export()
    _set("session.note", "\U0001F600 and the six letters \\ud800")(doc)
    as_version_1(doc)  # imported as new records
    path = hostile.export_file(doc, ascii_only=True)
    code, err = hostile.import_file(path)
    assert code == 0, err
    notes = [s["note"] for c in content(hostile.vault)["records"]["clients"] for s in c["sessions"]]
    assert notes.count("\U0001F600 and the six letters \\ud800") == 1  # the new copy, text as sent
