"""The rows a review starts with: one per option the person chose to try.

A list declares it (data, not code): ``starts_with = { menu = "alternatives", when = ["will_try",
"already_doing"] }`` names a menu of the same worksheet and the status options that mark a row. When
the review opens, the list gains one row per marked option, in the menu's order: its first column
holds the option's number and label ("3. Avoid risky combinations"), then " — " and the person's
words from the menu's first text column ("how it would look for me") when there are any; the other
cells start empty. Rows the list already holds stay as they are, and an option already there is not
added again (tests/core/test_review_start.py).

The label is the program's words: a discreet copy prints its discreet form
(``core.forms.source_notes``, which recognises the numbered label at the start of a cell).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from .content import is_blank
from .kinds import FieldKind
from .model import Field, FormDefinition, MenuRow, StartsWith
from .reading import Place, TomlReader
from .values import empty_row

_SEPARATOR = " — "  # the same dash carrying writes between an option's label and the person's words


def read_starts_with(
    reader: TomlReader, table: Mapping[str, Any], where: Place, name: str
) -> StartsWith | None:
    """A list's ``starts_with`` as written (its menu is checked once every field is read)."""
    value = table.get("starts_with")
    if value is None:
        return None
    when = value.get("when") if isinstance(value, dict) else None
    if (
        not isinstance(value, dict)
        or set(value) != {"menu", "when"}
        or not isinstance(value["menu"], str)
        or not isinstance(when, list)
        or not when
        or not all(isinstance(w, str) for w in when)
    ):
        raise reader.fail(
            "'starts_with' must be { menu = \"a menu's id\", when = [\"an option id\", ...] }",
            where, key="starts_with", field=name,
        )
    return StartsWith(menu=value["menu"], when=tuple(when))


def check_starts_with(reader: TomlReader, fields: Mapping[str, Field], places: Mapping[str, Place]) -> None:
    """Each ``starts_with`` names a menu here with a status column holding every ``when`` option, and
    its list's first column is a text (where the option's label goes)."""
    for fld in fields.values():
        if fld.starts_with is None:
            continue
        where = places[fld.id]
        menu = fields.get(fld.starts_with.menu)
        if menu is None or menu.type != FieldKind.MENU:
            raise reader.fail(f"'starts_with' names '{fld.starts_with.menu}', which is not a menu here",
                              where, key="starts_with", field=fld.id)
        if _status_column(menu, fld.starts_with) is None:
            raise reader.fail(
                f"no choice column of '{menu.id}' has all of: {', '.join(fld.starts_with.when)}",
                where, key="starts_with", field=fld.id)
        if fld.columns[0].type != FieldKind.TEXT:
            raise reader.fail("a list with 'starts_with' needs a text as its first column", where,
                              key="starts_with", field=fld.id)


def _status_column(menu: Field, rule: StartsWith) -> Field | None:
    for col in menu.columns:
        if col.type == FieldKind.CHOICE and set(rule.when) <= {opt.id for opt in col.options}:
            return col
    return None


def numbered_label(menu: Field, row: MenuRow, language: str) -> str:
    """The option's number and label as the editor and paper show them ("3. Avoid ...")."""
    return f"{menu.rows.index(row) + 1}. {row.label.get(language)}"


def _marked(menu: Field, rule: StartsWith, value: Any) -> Iterator[tuple[MenuRow, str]]:
    """(row, the person's words) for each menu row marked with one of ``rule.when``, in menu order."""
    status = _status_column(menu, rule)
    cells_of = value if isinstance(value, Mapping) else {}
    words = next((col for col in menu.columns if col.type == FieldKind.TEXT), None)
    for row in menu.rows:
        cells = cells_of.get(row.id)
        if status is None or not isinstance(cells, Mapping) or cells.get(status.id) not in rule.when:
            continue
        own = cells.get(words.id) if words is not None else None
        yield row, " ".join(own.split()) if isinstance(own, str) else ""


def _already_there(menu: Field, row: MenuRow, cells: list[str]) -> bool:
    """Whether a row of the list names this option already: as the program wrote it, by its number
    or by its label in any language."""
    number = str(menu.rows.index(row) + 1)
    labels = {label.casefold() for label in row.label.by_language.values() if label}
    for cell in cells:
        text = cell.strip().casefold()
        head, dot, rest = text.partition(". ")
        if text in (number, number + ".") or text in labels or (dot and head == number):
            return True
        if any(text.startswith(label) for label in labels):
            return True
    return False


def starting_rows(
    form: FormDefinition, values: Mapping[str, Any], language: str
) -> dict[str, list[dict[str, Any]]]:
    """List field id -> the rows to add to it (options marked and not yet there), for each list of
    ``form`` that declares ``starts_with``."""
    added: dict[str, list[dict[str, Any]]] = {}
    for _, fld in form.all_fields():
        if fld.starts_with is None:
            continue
        try:
            menu = form.field(fld.starts_with.menu)
        except KeyError:
            continue
        first = fld.columns[0]
        rows = values.get(fld.id)
        present = [str(r.get(first.id) or "") for r in rows if isinstance(r, Mapping)] if isinstance(
            rows, list) else []
        new = []
        for row, own in _marked(menu, fld.starts_with, values.get(menu.id)):
            if _already_there(menu, row, present):
                continue
            cells = empty_row(fld)
            label = numbered_label(menu, row, language)
            cells[first.id] = f"{label}{_SEPARATOR}{own}" if own else label
            new.append(cells)
        if new:
            added[fld.id] = new
    return added


def with_starting_rows(
    form: FormDefinition, values: Mapping[str, Any], language: str
) -> dict[str, Any] | None:
    """``values`` with each declared list's starting rows after the rows it holds, or None when there
    is nothing to add (the caller then writes nothing)."""
    added = starting_rows(form, values, language)
    if not added:
        return None
    result = copy.deepcopy(dict(values))
    for field_id, rows in added.items():
        old = result.get(field_id)
        result[field_id] = [*(old if isinstance(old, list) else []), *rows]
    return result


def is_starting_row(form: FormDefinition, fld: Field, row: Any) -> bool:
    """Whether a list row holds only what the program wrote when the review opened (an option's
    numbered label, the person's menu words after it): such a row is no answer to the review yet."""
    if fld.starts_with is None or not isinstance(row, Mapping):
        return False
    first = fld.columns[0]
    if any(not is_blank(col, row.get(col.id)) for col in fld.columns[1:]):
        return False
    text = str(row.get(first.id) or "")
    try:
        menu = form.field(fld.starts_with.menu)
    except KeyError:
        return False
    for menu_row in menu.rows:
        for language in menu_row.label.by_language:
            label = numbered_label(menu, menu_row, language)
            if text == label or text.startswith(label + _SEPARATOR):
                return True
    return False
