"""What a definition says about paper: a text's form on a blank, a field left off a blank, a list's empty
rows (issue 14: the plan's blank on two pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.forms import FormDefinitionError
from ihrp_desktop.core.forms.loader import parse_definition

HEAD = 'id = "mine"\nversion = 1\ntitle = "Mine"\n[[section]]\nid = "s"\ntitle = "S"\n'


def _field(extra: str, ftype: str = "multiline") -> str:
    column = (
        '\n  [[section.field.column]]\n  id = "c"\n  type = "text"\n  label = "C"' if ftype == "list" else ""
    )
    return f'{HEAD}  [[section.field]]\n  id = "f"\n  type = "{ftype}"\n  label = "F"\n{extra}{column}\n'


def test_blank_form_is_read() -> None:
    form = parse_definition(
        _field('  guidance = { en = "On paper. Offered in the app.", blank = { en = "On paper." } }\n'),
        Path("mine.toml"),
    )
    guidance = form.sections[0].fields[0].guidance
    assert guidance is not None
    assert guidance.get("en") == "On paper. Offered in the app."
    assert guidance.get_blank("es") == "On paper."  # no Spanish blank form: the English one
    assert guidance.get_discreet("en") == "On paper. Offered in the app."  # a blank form is for blanks only


def test_on_blank_and_blank_rows_are_read() -> None:
    form = parse_definition(_field("  on_blank = false\n  blank_rows = 2\n", "list"), Path("mine.toml"))
    fld = form.sections[0].fields[0]
    assert fld.on_blank is False and fld.blank_rows == 2


@pytest.mark.parametrize(
    ("extra", "ftype", "words"),
    [
        ('  on_blank = "no"\n', "multiline", "'on_blank' must be true or false"),
        ("  blank_rows = 0\n", "list", "'blank_rows' is a whole number from 1 to 10"),
        ("  blank_rows = 2.5\n", "list", "'blank_rows' is a whole number from 1 to 10"),
        ('  guidance = { en = "x", blank = 3 }\n', "multiline", "'guidance.blank' must be a table"),
    ],
)
def test_bad_paper_keys_are_named(extra: str, ftype: str, words: str) -> None:
    with pytest.raises(FormDefinitionError, match=words):
        parse_definition(_field(extra, ftype), Path("mine.toml"))


def test_an_empty_blank_form_prints_nothing_on_a_blank_only() -> None:
    form = parse_definition(_field('  guidance = { en = "Said above.", blank = "" }\n'), Path("mine.toml"))
    guidance = form.sections[0].fields[0].guidance
    assert guidance is not None
    assert guidance.get_blank("es") == "" and guidance.get("en") == "Said above."
