"""The field kinds a definition may use, and what each kind is (its traits), in one table.

Every place that asks "is this a short answer", "does this hold rows", "does this keep a value"
reads a trait here instead of naming kinds. Adding a kind means one row in :data:`TRAITS` and one
entry in each registry keyed by :class:`FieldKind` (editor widgets, printed flowables, value
defaults and coercion); ``tests/app/test_field_kinds.py`` fails until every registry has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    """A field's ``type`` in a definition. A ``StrEnum``: it compares equal to its TOML word."""

    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"
    SCALE = "scale"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"
    CHECKBOX = "checkbox"
    LIST = "list"
    MENU = "menu"
    TOTAL = "total"
    SCORE = "score"
    GUIDANCE = "guidance"


@dataclass(frozen=True)
class Traits:
    """What a kind is. Each flag is read by the editor, the printer, the loader or the values."""

    value: bool = False  # keeps one answer; may be a column of a list or menu row
    container: bool = False  # holds rows of columns (list, menu)
    derived: bool = False  # keeps nothing: computed (total) or static text (guidance)
    written: bool = False  # free text a person types (text, multiline)
    short: bool = False  # a short, fixed-width answer (a number, a date, a tick)
    options: bool = False  # picks among the definition's options
    numeric: bool = False  # a number a total may add up
    lead: bool = False  # one click answers it: leads a menu row beside its title (editor)
    table_cell: bool = False  # fits side by side in an editor table row
    summary: bool = False  # a compact column of a printed menu (free text goes under the option)
    packs: bool = False  # a filled answer may share a printed row with a neighbour
    packs_blank: bool = False  # its empty box may share a row on a blank copy
    on_heading: bool = False  # a section's only answer of this kind prints on the section's heading line


_V = {"value": True}
TRAITS: dict[FieldKind, Traits] = {
    FieldKind.TEXT: Traits(
        **_V, written=True, table_cell=True, packs=True, packs_blank=True, on_heading=True
    ),
    FieldKind.MULTILINE: Traits(**_V, written=True, packs=True, packs_blank=True),
    FieldKind.NUMBER: Traits(
        **_V, short=True, numeric=True, table_cell=True, summary=True, packs=True, packs_blank=True,
        on_heading=True,
    ),
    FieldKind.DATE: Traits(
        **_V, short=True, table_cell=True, summary=True, packs=True, packs_blank=True, on_heading=True
    ),
    FieldKind.DATETIME: Traits(**_V, short=True, summary=True, packs=True, packs_blank=True),
    # A blank ruler shrinks its boxes to half the page (19 pt on Letter): it may sit beside a neighbour.
    FieldKind.SCALE: Traits(**_V, numeric=True, lead=True, summary=True, packs_blank=True),
    FieldKind.CHOICE: Traits(
        **_V, options=True, lead=True, summary=True, packs=True, packs_blank=True, on_heading=True
    ),
    FieldKind.MULTICHOICE: Traits(**_V, options=True, packs=True),
    FieldKind.CHECKBOX: Traits(
        **_V, short=True, lead=True, table_cell=True, summary=True, packs=True, packs_blank=True
    ),
    FieldKind.LIST: Traits(container=True),
    FieldKind.MENU: Traits(container=True),
    FieldKind.TOTAL: Traits(derived=True),
    FieldKind.SCORE: Traits(derived=True),  # a measure's score from its items' chosen options
    FieldKind.GUIDANCE: Traits(derived=True),
}


def traits(kind: str) -> Traits:
    """The traits of ``kind`` (a :class:`FieldKind` or its TOML word: both hash alike)."""
    return TRAITS[kind]  # type: ignore[index]


def kinds_with(trait: str) -> frozenset[FieldKind]:
    """Every kind that has ``trait`` (for messages and tests)."""
    return frozenset(kind for kind, t in TRAITS.items() if getattr(t, trait))
