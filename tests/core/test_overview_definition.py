"""A definition's ``[overview]`` (a list at a glance): a bad one is refused with the file, the line and
the problem named; a good one gives one line per row, empty rows left out on paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from ihrp_desktop.core.forms import FormDefinitionError, parse_definition
from ihrp_desktop.core.forms.overview import overview_lines

HEAD = 'id = "mine"\nversion = 1\ntitle = { en = "Mine", es = "Mío" }\n'
BODY = (
    '[[section]]\nid = "a"\ntitle = { en = "A" }\n[[section.field]]\nid = "steps"\ntype = "list"\n'
    'label = { en = "Steps" }\n'
    '[[section.field.column]]\nid = "what"\ntype = "text"\nlabel = { en = "What" }\n'
    '[[section.field.column]]\nid = "level"\ntype = "scale"\nlabel = { en = "Level" }\n'
    '[[section.field]]\nid = "note"\ntype = "text"\nlabel = { en = "Note" }\n'
)
GOOD = '[overview]\nfield = "steps"\ntitle = { en = "At a glance" }\ncolumns = ["what", "level"]\n'


@pytest.mark.parametrize(
    ("overview", "says"),
    [
        ('[overview]\nfield = "note"\ntitle = { en = "T" }\ncolumns = ["what"]\n', "not a list field"),
        ('[overview]\nfield = "steps"\ntitle = { en = "T" }\ncolumns = ["nope"]\n', "'nope'"),
        ('[overview]\nfield = "steps"\ntitle = { en = "T" }\ncolumns = "what"\n', "'columns' must be a list"),
        ('[overview]\nfield = "steps"\ncolumns = ["what"]\n', "'title' is missing"),
        ('[overview]\nfield = "steps"\ntitle = { en = "T" }\ncolumns = ["what"]\nlabels = { level = "L" }\n',
         "not one of the 'columns'"),
        ('[overview]\nfield = "steps"\ntitle = { en = "T" }\ncolumns = ["what"]\nshow = 1\n', "'show'"),
        ('overview = 3\n', "must be a table"),
    ],
)
def test_a_bad_overview_is_named(overview: str, says: str) -> None:
    with pytest.raises(FormDefinitionError, match=says) as caught:
        parse_definition(HEAD + overview + BODY, Path("mine.toml"))
    assert "mine.toml" in str(caught.value)


def test_an_overview_gives_a_line_per_filled_row_numbered_as_printed() -> None:
    form = parse_definition(HEAD + GOOD + BODY, Path("mine.toml"))
    rows = [{"what": "First", "level": 2}, {"what": "", "level": None}, {"what": "Third", "level": "x"}]
    lines = overview_lines(form, {"steps": rows}, "en")
    assert [(line.index, line.number) for line in lines] == [(0, 1), (2, 2)]
    cells = [(c.label, c.text, c.level) for c in lines[0].cells]
    assert cells == [("What", "First", None), ("Level", "2", 2)]
    assert lines[1].cells[1].level is None  # a value that is not a number shows no level
    assert len(overview_lines(form, {"steps": rows}, "en", keep_empty=True)) == 3  # the editor's lines
    assert overview_lines(form, {"steps": "not a list"}, "en") == []
