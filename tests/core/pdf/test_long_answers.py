"""Any length prints: a 5,000-character answer in every text field and column of every shipped
worksheet prints on each copy (no row taller than a page, no LayoutError), and every answer's
words are on the page (the overview shortens its cells; the link's own block prints them whole)."""

from __future__ import annotations

from typing import Any

import pytest

from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from tests.core.pdf.conftest import pdf_text, squash

LONG = 5000
FORMS = [form.id for form in default_library().ordered()]


# What a 5,000-character answer can be made of: ordinary words, one unbroken run, a line per word.
SHAPES = {"words": "word ", "unbroken": "x", "lines": "ab\n"}


def _long(tag: str, shape: str = "words") -> str:
    # A findable start and end around the body.
    body = (SHAPES[shape] * LONG)[: LONG - 2 * len(tag) - 4]
    return f"{tag}A {body} {tag}Z"


def _value(col: Any, tag: str, shape: str) -> Any:
    if col.type in ("text", "multiline"):
        return _long(tag, shape)
    if col.type == "multichoice" and col.other:
        return {"selected": [col.options[0].id], "other": _long(tag, shape)}
    return None


def _long_values(form: FormDefinition, shape: str = "words") -> tuple[dict[str, Any], list[str]]:
    """Every text of ``form`` 5,000 characters long, and the tags each answer starts and ends with."""
    values: dict[str, Any] = {}
    tags: list[str] = []

    def fill(col: Any, tag: str) -> Any:
        value = _value(col, tag, shape)
        if value is not None:
            tags.append(tag)
        return value

    for n, (_, fld) in enumerate(form.all_fields()):
        if not fld.stores_value:
            continue
        if fld.type == "list":
            values[fld.id] = [{c.id: fill(c, f"Q{n}r{r}c{k}Q") for k, c in enumerate(fld.columns)}
                              for r in range(2)]
        elif fld.type == "menu":
            values[fld.id] = {row.id: {c.id: fill(c, f"Q{n}m{m}c{k}Q") for k, c in enumerate(fld.columns)}
                              for m, row in enumerate(fld.rows[:2])}
        else:
            value = fill(fld, f"Q{n}Q")
            if value is not None:
                values[fld.id] = value
    return values, tags


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize(("copy", "discreet"),
                         [("take-home", False), ("take-home", True), ("clinician", False)])
def test_a_5000_character_answer_in_every_text_prints(form_id: str, copy: str, discreet: bool) -> None:
    form = default_library().get(form_id)
    values, tags = _long_values(form)
    assert tags  # every shipped worksheet has text to type
    pdf = render_worksheet(form, values, PrintHeader(client_name="Long Answers"),
                           PrintOptions(copy=copy, discreet=discreet))  # type: ignore[arg-type]
    text = squash(pdf_text(pdf))
    if copy == "clinician":
        for tag in tags:  # whole: the start and the end of every answer
            assert f"{tag}A" in text and f"{tag}Z" in text, tag


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize("shape", ["unbroken", "lines"])
def test_an_unbroken_or_line_by_line_answer_in_every_text_prints(form_id: str, shape: str) -> None:
    form = default_library().get(form_id)
    values, tags = _long_values(form, shape)
    pdf = render_worksheet(form, values, PrintHeader(), PrintOptions(copy="clinician"))
    text = squash(pdf_text(pdf))
    for tag in tags:
        assert f"{tag}Z" in text, tag  # the end of every answer is on the page
