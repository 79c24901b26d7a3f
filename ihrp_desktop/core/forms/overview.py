"""A list at a glance (``[overview]``): one short line per row, as the editor and the printer show it.

The microanalysis declares which columns of its chain make a line (what happened, the urge, the
choice point); the editor shows the lines beside the link being edited and every copy prints them
first. Both read the lines from :func:`overview_lines` here, so what the overview holds is decided
once. A scale column is a level (its number, drawn as a bar); other columns are text as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .content import is_blank
from .kinds import FieldKind
from .model import Field, FormDefinition, Overview, Text
from .reading import TomlReader
from .values import display_text

_KEYS = frozenset({"field", "title", "columns", "labels"})


def read_overview(reader: TomlReader, doc: Mapping[str, Any], fields: Mapping[str, Field]) -> Overview | None:
    """The definition's overview, or None without ``[overview]``."""
    table = doc.get("overview")
    if table is None:
        return None
    where = reader.table_place("overview")
    if not isinstance(table, dict):
        raise reader.fail("'overview' must be a table: [overview]", where, key="overview")
    reader.check_keys(table, _KEYS, where)
    field_id = table.get("field")
    fld = fields.get(field_id) if isinstance(field_id, str) else None
    if fld is None or fld.type != FieldKind.LIST:
        raise reader.fail(f"'field' names '{field_id}', which is not a list field here", where, key="field")
    columns = table.get("columns")
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        raise reader.fail("'columns' must be a list of the list's column ids in quotes", where, key="columns")
    known = {col.id for col in fld.columns}
    for column in columns:
        if column not in known:
            raise reader.fail(f"'columns' names '{column}', which '{fld.id}' does not have", where,
                              key="columns", field=fld.id)
    title = reader.text(table, "title", where, required=True)
    labels = table.get("labels", {})
    if not isinstance(labels, dict):
        raise reader.fail("'labels' must be a table: column = { en = \"...\" }", where, key="labels")
    short: dict[str, Text] = {}
    for column in labels:
        if column not in columns:
            raise reader.fail(f"'labels' names '{column}', which is not one of the 'columns'", where,
                              key="labels", field=fld.id)
        text = reader.text(labels, column, where, field=fld.id)
        if text is not None:
            short[column] = text
    assert title is not None
    return Overview(field=fld.id, title=title, columns=tuple(columns), labels=MappingProxyType(short))


@dataclass(frozen=True)
class OverviewCell:
    """One column of one line: its label, and its text (a level: the number) or its level."""

    column: str
    label: str
    text: str  # "" when not filled
    scale: bool = False  # a level: shown as a bar and its number
    level: int | None = None  # a scale column's number (None: not filled)
    top: int = 10  # the scale's highest number (the bar's full length)


@dataclass(frozen=True)
class OverviewLine:
    """One row of the list, as the overview shows it."""

    index: int  # the row's place in the list (0-based): a click on the line goes there
    number: int  # "Link 3": as the links are numbered where they show (1-based)
    cells: tuple[OverviewCell, ...]


def column_label(form: FormDefinition, column_id: str, language: str, *, discreet: bool = False) -> str:
    """The overview's name for one column: its short label if declared, else the column's own."""
    assert form.overview is not None
    text = form.overview.labels.get(column_id) or form.field(form.overview.field).column(column_id).label
    return text.get_discreet(language) if discreet else text.get(language)


def overview_lines(
    form: FormDefinition,
    values: Mapping[str, Any],
    language: str,
    *,
    discreet: bool = False,
    keep_empty: bool = False,
) -> list[OverviewLine]:
    """One line per row of the overview's list ([] without ``[overview]``).

    Rows left wholly empty are left out (printing) unless ``keep_empty`` (the editor: a row just
    added can be clicked). Lines are numbered as the links are where they show: the page prints
    the filled links only, numbered in order; ``index`` is the row's place in the stored list.
    """
    overview = form.overview
    if overview is None:
        return []
    fld = form.field(overview.field)
    rows = values.get(fld.id)
    if not isinstance(rows, list):
        return []
    columns = [fld.column(c) for c in overview.columns]
    lines: list[OverviewLine] = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        if not keep_empty and all(is_blank(col, row.get(col.id)) for col in fld.columns):
            continue
        cells = []
        for col in columns:
            label = column_label(form, col.id, language, discreet=discreet)
            value = row.get(col.id)
            if col.type == FieldKind.SCALE:
                level = value if isinstance(value, int) and not isinstance(value, bool) else None
                top = int(col.max if col.max is not None else 10)
                shown = "" if level is None else str(level)
                cells.append(OverviewCell(col.id, label, shown, True, level, top))
            else:
                text = "" if is_blank(col, value) else display_text(col, value, language, discreet=discreet)
                cells.append(OverviewCell(col.id, label, " ".join(text.split())))
        lines.append(OverviewLine(index, len(lines) + 1, tuple(cells)))
    return lines


__all__ = ["OverviewCell", "OverviewLine", "column_label", "overview_lines", "read_overview"]
