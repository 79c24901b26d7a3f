"""Any answers survive vault -> export-json -> import, unchanged (hypothesis, real SQLCipher vaults)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.exchange import export_records, import_records
from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.forms.values import normalize
from ihrp_desktop.core.vault import KdfParams, Vault

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
@given(data=st.data(), name=TEXT.filter(lambda s: s.strip() != ""))
def test_answers_survive_export_and_import(
    vaults: tuple[Vault, Vault], form_id: str, data: st.DataObject, name: str
) -> None:
    source, target = vaults
    form = LIBRARY.get(form_id)
    values = data.draw(answers_for(form))
    client = source.add_client(name)
    sheet = source.new_worksheet(client.id, form.id, form.version)
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
