"""A review's list starts with one row per option marked to try (``starts_with``, core.forms.review_start):
declared in the definition, checked at load, in the menu's order, never twice, and no answer yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.forms import FormDefinitionError, default_library, parse_definition
from ihrp_desktop.core.forms.review_start import starting_rows, with_starting_rows
from ihrp_desktop.core.forms.revising import review_is_blank, revised_values
from ihrp_desktop.core.vocabulary import Register, in_register

ALTERNATIVES = default_library().get("alternatives")
MARKED = {"alternatives": {
    "fewer_days": {"status": "will_try", "my_version": "  Three\nevenings  without "},
    "drop_one": {"status": "already_doing", "my_version": ""},
    "lower_risk": {"status": "considering", "my_version": "Not yet"},
    "longer_break": {"status": "not_now"},
}}

DEFINITION = """
id = "mine"
version = 1
title = { en = "Mine" }

[[section]]
id = "one"
title = { en = "One" }

  [[section.field]]
  id = "menu"
  type = "menu"
  label = { en = "Menu" }

    [[section.field.row]]
    id = "walk"
    label = { en = "Walk" }

    [[section.field.column]]
    id = "status"
    type = "choice"
    label = { en = "Status" }

      [[section.field.column.option]]
      id = "will_try"
      label = { en = "Will try" }

  [[section.field]]
  id = "tried"
  type = "list"
  label = { en = "Tried" }
  starts_with = STARTS

    [[section.field.column]]
    id = "FIRST"
    type = "KIND"
    label = { en = "Option" }
"""


def _definition(starts: str, kind: str = "text") -> str:
    return DEFINITION.replace("STARTS", starts).replace("KIND", kind).replace("FIRST", "option")


def test_rows_start_in_the_menu_s_order_with_the_number_label_and_the_person_s_words() -> None:
    rows = starting_rows(ALTERNATIVES, MARKED, "en")["review_options"]
    menu = ALTERNATIVES.field("alternatives")
    number = {row.id: i for i, row in enumerate(menu.rows, start=1)}
    assert [row["option"] for row in rows] == [
        f"{number['drop_one']}. Drop one substance, keep the others",
        f"{number['fewer_days']}. Fewer days of use, planned days without using — Three evenings without",
    ]
    assert all(row["worked"] == "" and row["learned"] == "" for row in rows)


def test_rows_are_written_in_the_worksheet_s_language_and_register() -> None:
    rows = starting_rows(ALTERNATIVES, MARKED, in_register("es", Register.FORMAL))["review_options"]
    assert rows[0]["option"].endswith("Dejar una sustancia y seguir con las otras")


@pytest.mark.parametrize("typed", ["1", "1.", "drop one substance, keep the others", "1. My own words",
                                   "Dejar una sustancia y seguir con las otras — sin ron"])
def test_an_option_the_person_already_has_is_not_added_again(typed: str) -> None:
    values = {**MARKED, "review_options": [{"option": typed, "worked": "yes", "learned": ""}]}
    started = with_starting_rows(ALTERNATIVES, values, "en")
    assert started is not None
    options = [row["option"] for row in started["review_options"]]
    assert options[0] == typed and len(options) == 2  # theirs kept first, as it was; one option added
    assert "Fewer days" in options[1]


def test_a_second_opening_adds_nothing_and_the_program_s_rows_are_no_answer_yet() -> None:
    started = with_starting_rows(ALTERNATIVES, MARKED, "en")
    assert started is not None and with_starting_rows(ALTERNATIVES, started, "en") is None
    assert review_is_blank(ALTERNATIVES, started)  # opening again shows the review again
    started["review_options"][0]["worked"] = "partly"
    assert not review_is_blank(ALTERNATIVES, started)
    assert "review_options" not in revised_values(ALTERNATIVES, started)  # a new version starts it empty


def test_nothing_marked_adds_nothing() -> None:
    not_now = {"alternatives": {"drop_one": {"status": "not_now"}}}
    assert with_starting_rows(ALTERNATIVES, not_now, "en") is None
    assert with_starting_rows(ALTERNATIVES, {}, "en") is None


def test_a_good_declaration_loads() -> None:
    form = parse_definition(_definition('{ menu = "menu", when = ["will_try"] }'), Path("mine.toml"))
    assert starting_rows(form, {"menu": {"walk": {"status": "will_try"}}}, "en") == {
        "tried": [{"option": "1. Walk"}]}


@pytest.mark.parametrize(("starts", "kind", "said"), [
    ('{ menu = "nowhere", when = ["will_try"] }', "text", "'nowhere', which is not a menu here"),
    ('{ menu = "menu", when = ["maybe"] }', "text", "no choice column of 'menu' has all of: maybe"),
    ('{ menu = "menu", when = [] }', "text", "'starts_with' must be"),
    ('"menu"', "text", "'starts_with' must be"),
    ('{ menu = "menu", when = ["will_try"] }', "date", "needs a text as its first column"),
])
def test_a_bad_declaration_is_refused_naming_the_file_and_field(starts: str, kind: str, said: str) -> None:
    with pytest.raises(FormDefinitionError) as refused:
        parse_definition(_definition(starts, kind), Path("mine.toml"))
    message = str(refused.value)
    assert "mine.toml" in message and said in message and "tried" in message
