"""Worksheet values: empty values, coercion of every type, totals, display text, the demo data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ihrp_desktop.core.demo import DEMO_CLIENTS, DemoWorksheet
from ihrp_desktop.core.forms import FormDefinition, load_library, parse_definition
from ihrp_desktop.core.forms.values import (
    FieldValueError,
    coerce,
    display_text,
    empty_row,
    empty_values,
    is_blank,
    normalize,
    totals,
    unknown_fields,
)
from ihrp_desktop.core.paths import forms_dir

EVERY_TYPE = """
id = "every_type"
version = 2
title = { en = "Every type", es = "Todos los tipos" }

[[section]]
id = "main"
title = { en = "Main", es = "Principal" }

  [[section.field]]
  id = "name"
  type = "text"
  label = { en = "Name", es = "Nombre" }

  [[section.field]]
  id = "story"
  type = "multiline"
  label = { en = "Story", es = "Historia" }

  [[section.field]]
  id = "days"
  type = "number"
  min = 0
  max = 7
  label = { en = "Days", es = "Días" }
  unit = { en = "days a week", es = "días por semana" }

  [[section.field]]
  id = "grams"
  type = "number"
  label = { en = "Grams", es = "Gramos" }

  [[section.field]]
  id = "start"
  type = "date"
  label = { en = "Start", es = "Inicio" }

  [[section.field]]
  id = "when"
  type = "datetime"
  label = { en = "When", es = "Cuándo" }

  [[section.field]]
  id = "urge"
  type = "scale"
  label = { en = "Urge", es = "Ganas" }

  [[section.field]]
  id = "result"
  type = "choice"
  label = { en = "Result", es = "Resultado" }
    [[section.field.option]]
    id = "yes"
    label = { en = "Yes", es = "Sí" }
    [[section.field.option]]
    id = "partly"
    label = { en = "Partly", es = "En parte" }

  [[section.field]]
  id = "why"
  type = "multichoice"
  other = true
  label = { en = "Why", es = "Por qué" }
    [[section.field.option]]
    id = "relax"
    label = { en = "Relax", es = "Relajarme" }
    [[section.field.option]]
    id = "sleep"
    label = { en = "Sleep", es = "Dormir" }

  [[section.field]]
  id = "naloxone"
  type = "checkbox"
  label = { en = "I have naloxone", es = "Tengo naloxona", discreet = { en = "I have the kit" } }

  [[section.field]]
  id = "tip"
  type = "guidance"
  text = { en = "A tip", es = "Un consejo" }

  [[section.field]]
  id = "reasons"
  type = "list"
  label = { en = "Reasons", es = "Razones" }
    [[section.field.column]]
    id = "item"
    type = "text"
    label = { en = "Item", es = "Punto" }
    [[section.field.column]]
    id = "weight"
    type = "scale"
    min = 1
    max = 10
    label = { en = "Weight", es = "Peso" }
    [[section.field.column]]
    id = "term"
    type = "choice"
    label = { en = "When", es = "Cuándo" }
      [[section.field.column.option]]
      id = "short"
      label = { en = "Short term", es = "A corto plazo" }

  [[section.field]]
  id = "reasons_total"
  type = "total"
  total_of = "reasons.weight"
  label = { en = "Total", es = "Total" }

  [[section.field]]
  id = "options"
  type = "menu"
  label = { en = "Options", es = "Opciones" }
    [[section.field.row]]
    id = "pace"
    label = { en = "Pace it", es = "Ir más despacio" }
    [[section.field.row]]
    id = "stop"
    label = { en = "Stop", es = "Parar" }
    [[section.field.column]]
    id = "status"
    type = "choice"
    label = { en = "Status", es = "Estado" }
      [[section.field.column.option]]
      id = "will_try"
      label = { en = "Will try", es = "Lo voy a probar" }
    [[section.field.column]]
    id = "hours"
    type = "number"
    label = { en = "Hours", es = "Horas" }

  [[section.field]]
  id = "hours_total"
  type = "total"
  total_of = "options.hours"
  label = { en = "Hours in all", es = "Horas en total" }
"""


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_definition(EVERY_TYPE, Path("every_type.toml"))


@pytest.fixture(scope="module")
def shipped() -> dict[str, FormDefinition]:
    return load_library(forms_dir()).forms


def test_empty_values(form: FormDefinition) -> None:
    assert empty_values(form) == {
        "name": "",
        "story": "",
        "days": None,
        "grams": None,
        "start": "",
        "when": "",
        "urge": None,
        "result": "",
        "why": {"selected": [], "other": ""},
        "naloxone": False,
        "reasons": [],
        "options": {},
    }
    assert json.loads(json.dumps(empty_values(form))) == empty_values(form)  # JSON-ready
    assert empty_row(form.field("reasons")) == {"item": "", "weight": None, "term": ""}


def test_every_shipped_form_starts_empty_and_normalizes(shipped: dict[str, FormDefinition]) -> None:
    for definition in shipped.values():
        empty = empty_values(definition)
        assert normalize(definition, {}) == empty
        assert normalize(definition, empty) == empty
        assert all(is_blank(fld, empty[fld.id]) for _, fld in definition.all_fields() if fld.stores_value)


# -- coercion, type by type -----------------------------------------------------------------------

GOOD = [
    ("name", None, ""),
    ("name", "Zofia Ćwik-Дмитриева ✓", "Zofia Ćwik-Дмитриева ✓"),
    ("name", 42, "42"),
    ("story", "line one\nline two", "line one\nline two"),
    ("days", "3", 3),
    ("days", 2.0, 2),
    ("days", "2,5", 2.5),
    ("days", "", None),
    ("days", "  ", None),
    ("days", 0, 0),
    ("grams", -1.25, -1.25),
    ("grams", "1e3", 1000),
    ("start", "2025-03-01", "2025-03-01"),
    ("start", dt.date(2025, 3, 1), "2025-03-01"),
    ("start", dt.datetime(2025, 3, 1, 22, 15), "2025-03-01"),
    ("start", " ", ""),
    ("when", "2025-03-01T21:30", "2025-03-01T21:30"),
    ("when", "2025-03-01 21:30", "2025-03-01T21:30"),
    ("when", "2025-03-01T21:30:59", "2025-03-01T21:30"),
    ("when", dt.datetime(2025, 3, 1, 21, 30), "2025-03-01T21:30"),
    ("when", dt.date(2025, 3, 1), "2025-03-01T00:00"),
    ("urge", 7, 7),
    ("urge", "7", 7),
    ("urge", 7.0, 7),
    ("urge", 0, 0),
    ("urge", None, None),
    ("result", "partly", "partly"),
    ("result", "renamed_in_v3", "renamed_in_v3"),  # kept, shown as stored
    ("why", None, {"selected": [], "other": ""}),
    ("why", ["sleep", "relax", "sleep"], {"selected": ["relax", "sleep"], "other": ""}),
    (
        "why",
        {"selected": ["old_option", "sleep"], "other": "boredom"},
        {"selected": ["sleep", "old_option"], "other": "boredom"},
    ),
    ("naloxone", True, True),
    ("naloxone", None, False),
    ("reasons", None, []),
    ("reasons", [{"item": "Sleep", "weight": "8"}], [{"item": "Sleep", "weight": 8, "term": ""}]),
    (
        "reasons",
        [{"item": "x", "old_column": "kept"}],
        [{"item": "x", "weight": None, "term": "", "old_column": "kept"}],
    ),
    ("options", None, {}),
    ("options", {"pace": {"status": "will_try"}}, {"pace": {"status": "will_try", "hours": None}}),
    ("options", {"removed_row": {"hours": 2}}, {"removed_row": {"status": "", "hours": 2}}),
]


@pytest.mark.parametrize(("field_id", "value", "expected"), GOOD)
def test_coerce(form: FormDefinition, field_id: str, value: Any, expected: Any) -> None:
    fld = form.field(field_id)
    assert coerce(fld, value) == expected
    assert coerce(fld, coerce(fld, value)) == expected  # coercion is stable


BAD = [
    ("name", ["a"]),
    ("name", {"a": 1}),
    ("days", True),
    ("days", "three"),
    ("days", float("nan")),
    ("days", float("inf")),
    ("days", 8),
    ("days", -1),
    ("days", [3]),
    ("urge", 11),
    ("urge", -1),
    ("urge", 3.5),
    ("urge", "high"),
    ("start", "01/03/2025"),
    ("start", "2025-02-30"),
    ("start", 20250301.5),
    ("when", "tomorrow night"),
    ("why", "relax"),
    ("why", {"selected": "relax"}),
    ("why", {"selected": [1, 2]}),
    ("naloxone", "yes"),
    ("naloxone", 1),
    ("reasons", {"item": "x"}),
    ("reasons", ["just text"]),
    ("reasons", [{"weight": 0}]),  # a weight runs 1-10
    ("options", [{"status": "x"}]),
    ("options", {"pace": "x"}),
]


@pytest.mark.parametrize(("field_id", "value"), BAD)
def test_coerce_refuses_what_does_not_fit(form: FormDefinition, field_id: str, value: Any) -> None:
    with pytest.raises(FieldValueError) as caught:
        coerce(form.field(field_id), value)
    assert caught.value.field_id == field_id
    assert str(caught.value).startswith(f"{field_id}: ")


def test_date_and_time_messages_show_the_expected_shape(form: FormDefinition) -> None:
    with pytest.raises(FieldValueError, match="YYYY-MM-DD HH:MM"):
        coerce(form.field("when"), "half past nine")
    with pytest.raises(FieldValueError, match=r"\(YYYY-MM-DD\)"):
        coerce(form.field("start"), "soon")
    with pytest.raises(FieldValueError, match="from 0 to 7"):
        coerce(form.field("days"), 9)


def test_derived_fields_keep_no_value(form: FormDefinition) -> None:
    assert coerce(form.field("reasons_total"), 12) is None
    assert coerce(form.field("tip"), "anything") is None


# -- whole worksheets -----------------------------------------------------------------------------


def test_normalize_keeps_unknown_fields_and_fills_missing_ones(form: FormDefinition) -> None:
    stored = {"name": "Ana", "urge": "4", "old_field": ["typed", "in", "v1"], "reasons_total": 99}
    values = normalize(form, stored)
    assert values["name"] == "Ana" and values["urge"] == 4
    assert values["old_field"] == ["typed", "in", "v1"]  # never dropped
    assert values["days"] is None and values["why"] == {"selected": [], "other": ""}
    assert "reasons_total" not in values  # computed, never stored
    assert unknown_fields(form, values) == {"old_field": ["typed", "in", "v1"]}
    assert unknown_fields(form, stored) == {"old_field": ["typed", "in", "v1"]}
    assert stored["urge"] == "4"  # the input is not changed


def test_normalize_names_the_field_that_does_not_fit(form: FormDefinition) -> None:
    with pytest.raises(FieldValueError) as caught:
        normalize(form, {"name": "Ana", "urge": 42})
    assert caught.value.field_id == "urge"


def test_totals(form: FormDefinition) -> None:
    values = normalize(
        form,
        {
            "reasons": [
                {"item": "a", "weight": 7},
                {"item": "b", "weight": None},
                {"item": "c", "weight": "3"},
            ],
            "options": {"pace": {"hours": 1.5}, "stop": {"hours": 2}},
        },
    )
    assert totals(form, values) == {"reasons_total": 10, "hours_total": 3.5}
    assert totals(form, empty_values(form)) == {"reasons_total": 0, "hours_total": 0}
    # Values not yet normalized (a half-typed row, something odd from an import) never break a total.
    odd = {"reasons": [{"weight": True}, "text", {"weight": float("nan")}, {"weight": 2}], "options": 5}
    assert totals(form, odd) == {"reasons_total": 2, "hours_total": 0}


def test_decisional_balance_totals(shipped: dict[str, FormDefinition]) -> None:
    balance = shipped["decisional_balance"]
    values = normalize(
        balance,
        {
            "keep_benefits": [{"item": "Switch off", "weight": 9}, {"item": "Habit"}],
            "change_costs": [{"item": "Long evenings", "weight": 7}, {"item": "Friday drinks", "weight": 2}],
        },
    )
    assert totals(balance, values) == {
        "keep_benefits_total": 9,
        "keep_costs_total": 0,
        "change_benefits_total": 0,
        "change_costs_total": 9,
    }


# -- what a person reads --------------------------------------------------------------------------


def test_display_text_in_spanish(form: FormDefinition) -> None:
    values = normalize(
        form,
        {
            "result": "partly",
            "why": {"selected": ["sleep", "relax"], "other": "aburrimiento"},
            "naloxone": True,
            "days": 3,
            "urge": 6,
            "when": "2025-03-01T21:30",
            "reasons": [{"item": "Dormir mejor", "weight": 8, "term": "short"}, {"item": ""}],
            "options": {"pace": {"status": "will_try", "hours": 2}, "stop": {}},
        },
    )

    def show(field_id: str, language: str = "es") -> str:
        return display_text(form.field(field_id), values[field_id], language)

    assert show("result") == "En parte"
    assert show("result", "en") == "Partly"
    assert show("result", "pl") == "Partly"  # a language the form lacks falls back to English
    assert show("why") == "Relajarme, Dormir, aburrimiento"
    assert show("naloxone") == "Sí" and show("naloxone", "en") == "Yes"
    assert show("days") == "3 días por semana"
    assert show("urge") == "6 / 10"
    assert show("when") == "2025-03-01 21:30"
    assert show("reasons") == "Dormir mejor · 8 / 10 · A corto plazo"
    assert show("options") == "Ir más despacio: Lo voy a probar · 2"
    assert display_text(form.field("result"), "renamed_in_v3", "es") == "renamed_in_v3"
    assert display_text(form.field("name"), "", "es") == ""
    assert display_text(form.field("naloxone"), False, "es") == ""


def test_is_blank(form: FormDefinition) -> None:
    blank = [
        ("name", "   "),
        ("days", None),
        ("urge", None),
        ("naloxone", False),
        ("why", {"selected": [], "other": "  "}),
        ("reasons", [{"item": "", "weight": None, "term": ""}]),  # an added row nobody typed in
        ("options", {"pace": {"status": "", "hours": None}}),
    ]
    filled = [
        ("days", 0),
        ("urge", 0),
        ("naloxone", True),
        ("why", {"selected": [], "other": "boredom"}),
        ("reasons", [{"item": "", "weight": 3}]),
        ("options", {"gone_row": {"note": "kept"}}),
        ("reasons", [{"item": "", "gone_column": "typed"}]),
    ]
    for field_id, value in blank:
        assert is_blank(form.field(field_id), value), (field_id, value)
    for field_id, value in filled:
        assert not is_blank(form.field(field_id), value), (field_id, value)


# -- any value: a FieldValueError or a stable, JSON-ready value -----------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["2025-03-01", "2025-03-01T21:30", "relax", "7", "2,5"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["selected", "other", "item", "weight", "term", "pace", "status", "hours"])
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(field_index=st.integers(0, 100), value=json_values)
def test_any_value_coerces_or_fails_plainly(form: FormDefinition, field_index: int, value: Any) -> None:
    stored = [fld for _, fld in form.all_fields() if fld.stores_value]
    fld = stored[field_index % len(stored)]
    try:
        result = coerce(fld, value)
    except FieldValueError as error:
        assert error.field_id == fld.id
        return
    assert coerce(fld, result) == result
    json.dumps(result, allow_nan=False)
    display_text(fld, result, "es")


# -- the demo data --------------------------------------------------------------------------------


def _demo_worksheets() -> list[tuple[str, DemoWorksheet]]:
    return [(c.language, w) for c in DEMO_CLIENTS for s in c.sessions for w in s.worksheets]


def test_demo_clients() -> None:
    names = [c.name for c in DEMO_CLIENTS]
    assert len(names) >= 3 and len(set(names)) == len(names)
    assert any(set(n) & set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") for n in names)  # Polish
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in n) for n in names)  # Cyrillic
    assert {c.language for c in DEMO_CLIENTS} == {"en", "es"}


def test_every_demo_worksheet_normalizes_with_known_fields(shipped: dict[str, FormDefinition]) -> None:
    for _, sheet in _demo_worksheets():
        definition = shipped[sheet.form_id]
        assert unknown_fields(definition, sheet.values) == {}, sheet.key
        values = normalize(definition, sheet.values)
        assert set(values) == set(definition.field_ids()), sheet.key
        assert sheet.status in ("draft", "reviewed") and sheet.filled_by in (
            "together",
            "client",
            "therapist",
        )
        json.dumps(values, allow_nan=False)


def test_demo_uses_every_form(shipped: dict[str, FormDefinition]) -> None:
    assert {sheet.form_id for _, sheet in _demo_worksheets()} == set(shipped)


def test_demo_keys_and_the_revised_plan(shipped: dict[str, FormDefinition]) -> None:
    sheets = {sheet.key: sheet for _, sheet in _demo_worksheets()}
    assert len(sheets) == len(_demo_worksheets())
    revised = [s for s in sheets.values() if s.revises is not None]
    assert len(revised) >= 1
    for second in revised:
        first = sheets[second.revises or ""]
        assert first.form_id == second.form_id and shipped[first.form_id].revisable
        # The first version was reviewed before it was revised.
        assert first.values.get("review_results") and first.values.get("review_change")
    # A revision comes in a later session of the same client.
    for client in DEMO_CLIENTS:
        day_of = {w.key: s.days_ago for s in client.sessions for w in s.worksheets}
        for key, days_ago in day_of.items():
            revises = sheets[key].revises
            if revises is not None:
                assert day_of[revises] > days_ago


def test_spanish_client_answers_in_spanish() -> None:
    spanish = [w for language, w in _demo_worksheets() if language == "es"]
    assert spanish
    for sheet in spanish:
        text = json.dumps(sheet.values, ensure_ascii=False)
        assert any(word in text for word in (" que ", " de ", " el ", " la ")), sheet.key


def test_load_demo_writes_every_record_through_the_importer(
    shipped: dict[str, FormDefinition], tmp_path: Path
) -> None:
    """The demo file goes through the importer into a real vault: every client, worksheet and revision."""
    from ihrp_desktop.core.demo import load_demo
    from ihrp_desktop.core.forms import FormLibrary
    from ihrp_desktop.core.vault import KdfParams, Vault

    vault = Vault.create(tmp_path / "demo", "pw", kdf=KdfParams.fast())
    try:
        load_demo(vault, FormLibrary(forms=dict(shipped)))
        clients = vault.clients(include_archived=True)
        sheets = [vault.worksheet(w.id) for c in clients for w in vault.worksheets(c.id)]
        sessions = [s for c in clients for s in vault.sessions(c.id)]
    finally:
        vault.close()
    assert len(clients) == len(DEMO_CLIENTS)
    assert len(sheets) == len(_demo_worksheets())
    assert sum(s.previous_id is not None for s in sheets) >= 1
    assert all(isinstance(s.date, dt.date) and s.date <= dt.date.today() for s in sessions)
