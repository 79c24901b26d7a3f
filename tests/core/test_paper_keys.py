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


MENU = (
    f'{HEAD}  [[section.field]]\n  id = "m"\n  type = "menu"\n  label = "Options"\n'
    '    [[section.field.row]]\n    id = "a"\n    label = "Walk more"\n'
    '    [[section.field.column]]\n    id = "status"\n    type = "choice"\n    label = "Where I stand"\n'
    '      [[section.field.column.option]]\n      id = "yes"\n      label = "Will try"\n'
    '      [[section.field.column.option]]\n      id = "na"\n      label = "Not for me"\n      {option}\n'
    '    [[section.field.column]]\n    id = "mine"\n    type = "text"\n    label = "My way"\n'
    '    [[section.field.column]]\n    id = "memo"\n    type = "text"\n    label = "Memo"\n    {column}\n'
)


def _menu_text(copy: str, values: dict[str, object]) -> str:
    import io

    from pypdf import PdfReader

    from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet

    form = parse_definition(MENU.format(option="on_blank = false", column="on_blank = false"), Path("m.toml"))
    data = render_worksheet(form, values, PrintHeader(), PrintOptions(copy=copy))  # type: ignore[arg-type]
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_columns_and_options_off_the_blank_are_read() -> None:
    form = parse_definition(MENU.format(option="on_blank = false", column="on_blank = false"), Path("m.toml"))
    status, mine, memo = form.sections[0].fields[0].columns
    assert [o.on_blank for o in status.options] == [True, False]
    assert mine.on_blank and not memo.on_blank
    with pytest.raises(FormDefinitionError, match="'on_blank' must be true or false"):
        parse_definition(MENU.format(option='on_blank = "no"', column=""), Path("m.toml"))


def test_a_blank_leaves_off_the_columns_and_options_marked_so_and_a_filled_copy_prints_them() -> None:
    blank = _menu_text("blank", {})
    assert "Will try" in blank and "My way" in blank
    assert "Not for me" not in blank and "Memo" not in blank
    filled = _menu_text("clinician", {"m": {"a": {"status": "na", "memo": "Asked twice"}}})
    assert "Not for me" in filled and "Asked twice" in filled


def test_a_blank_bulleted_list_offers_its_blank_rows() -> None:
    """``blank_rows`` counts a bulleted list's lines too (the plan's limits and "never" list: 2)."""
    from reportlab.platypus import Table

    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.pdf.context import RenderContext
    from ihrp_desktop.core.pdf.lists import build_list

    form = default_library().get("optimal_use_plan")
    ctx = RenderContext(form, {}, "en", "blank")
    for fid in ("limits", "never"):
        fld = form.field(fid)
        assert fld is not None and fld.blank_rows == 2
        tables = [f for f in build_list(fld, None, ctx) if isinstance(f, Table)]
        assert [len(t._cellvalues) for t in tables] == [2]  # noqa: SLF001  # one row a writing line
