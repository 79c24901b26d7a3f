"""What the editor and the printer both decide about a worksheet's answers, decided once.

Does this value hold anything a person typed; does this list or menu row; which cells of a row
belong to a column the definition no longer has (kept, shown and printed as they are); which
fields make up a grid section's four boxes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .kinds import FieldKind
from .model import Field, Section

_EMPTY_CELLS: tuple[Any, ...] = (None, "", False, [], {})  # a retired column's cell holding nothing


def is_blank(fld: Field, value: Any) -> bool:
    """Whether nothing was entered (used to skip or leave room on printed copies).

    A list or menu whose rows hold only empty cells is blank too; a cell of a column the
    definition no longer has still counts as something typed.
    """
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if fld.type == FieldKind.MULTICHOICE and isinstance(value, dict):
        return not value.get("selected") and not str(value.get("other") or "").strip()
    if fld.traits.container and isinstance(value, list | dict):
        rows = value.values() if isinstance(value, dict) else value
        return not any(row_has_content(fld, row) for row in rows)
    if isinstance(value, list | dict):
        return len(value) == 0
    return False


def has_content(fld: Field, value: Any) -> bool:
    """Whether ``value`` holds something a person typed (the opposite of :func:`is_blank`)."""
    return not is_blank(fld, value)


def row_has_content(fld: Field, row: Any) -> bool:
    """Whether one row of a list or menu holds anything, retired columns included."""
    if not isinstance(row, Mapping):
        return row is not None
    by_id = {col.id: col for col in fld.columns}
    return any(
        not is_blank(by_id[key], cell) if key in by_id else cell not in _EMPTY_CELLS
        for key, cell in row.items()
    )


def retired_cells(fld: Field, row: Any) -> dict[str, Any]:
    """The filled cells of ``row`` whose column this definition no longer has, by column id."""
    if not isinstance(row, Mapping):
        return {}
    known = {col.id for col in fld.columns}
    return {str(key): cell for key, cell in row.items() if key not in known and cell not in _EMPTY_CELLS}


@dataclass(frozen=True)
class GridParts:
    """A grid section's four lists (keep, keep / change, change) and each list's total, by list id."""

    lists: tuple[Field, ...]
    sums: Mapping[str, Field]

    def in_grid(self, fld: Field) -> bool:
        """Whether ``fld`` is drawn inside the grid (a box's list or its total)."""
        return fld in self.lists or any(fld is total for total in self.sums.values())


def grid_parts(section: Section) -> GridParts:
    """The parts of a ``layout = "grid"`` section, as both the editor and the page draw them."""
    lists = tuple(f for f in section.fields if f.type == FieldKind.LIST)
    totals = {f.total_of.list_id: f for f in section.fields if f.type == FieldKind.TOTAL and f.total_of}
    return GridParts(
        lists, {list_id: total for list_id, total in totals.items() if any(f.id == list_id for f in lists)}
    )


def left_off_status(fld: Field, answers: Mapping[str, Any]) -> str | None:
    """The ``left_off`` option a menu row holds with nothing else written ("Doesn't apply to me": a
    take-home copy omits the row), or None."""
    found: str | None = None
    for col in fld.columns:
        value = answers.get(col.id)
        if is_blank(col, value):
            continue
        options = {o.id: o for o in col.options}
        if value in options and options[value].left_off:
            found = value
        else:
            return None
    return None if retired_cells(fld, answers) else found
