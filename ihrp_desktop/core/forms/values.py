"""Worksheet values: defaults, checking and coercion, computed totals, display text.

A worksheet's answers are one JSON-compatible dict keyed by field id. Value shapes by type:

==============  ===========================================================
text/multiline  ``str``
number          ``int | float | None``
date            ``"YYYY-MM-DD"`` or ``""`` (a ``datetime.date`` is accepted and stored as text)
datetime        ``"YYYY-MM-DDTHH:MM"`` or ``""``
scale           ``int | None``
choice          option id ``str`` or ``""``
multichoice     ``{"selected": [option ids], "other": str}``
checkbox        ``bool``
list            ``[{column id: value}, ...]`` (ordered rows)
menu            ``{row id: {column id: value}}``
total/guidance  no stored value (computed / static text)
==============  ===========================================================

Values a definition does not know (a field removed in a newer version, an option renamed) are
kept as they are: nothing a person typed is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..words import word
from .content import is_blank, row_has_content
from .kinds import FieldKind
from .model import Field, FormDefinition

Values = dict[str, Any]


class FieldValueError(ValueError):
    """A value that does not fit its field, with the field id and a plain-words reason."""

    def __init__(self, field_id: str, message: str):
        self.field_id = field_id
        self.reason = message
        super().__init__(f"{field_id}: {message}")


def default_value(fld: Field) -> Any:
    """The empty value of a field, as a fresh worksheet starts."""
    return _DEFAULTS[fld.type](fld)


_DEFAULTS: dict[FieldKind, Callable[[Field], Any]] = {
    FieldKind.TEXT: lambda f: "",
    FieldKind.MULTILINE: lambda f: "",
    FieldKind.NUMBER: lambda f: None,
    FieldKind.DATE: lambda f: "",
    FieldKind.DATETIME: lambda f: "",
    FieldKind.SCALE: lambda f: None,
    FieldKind.CHOICE: lambda f: "",
    FieldKind.MULTICHOICE: lambda f: {"selected": [], "other": ""},
    FieldKind.CHECKBOX: lambda f: False,
    FieldKind.LIST: lambda f: [],
    FieldKind.MENU: lambda f: {},
    FieldKind.TOTAL: lambda f: None,
    FieldKind.SCORE: lambda f: None,
    FieldKind.GUIDANCE: lambda f: None,
}


def empty_values(form: FormDefinition) -> Values:
    """Every stored field of ``form`` at its empty value."""
    return {fld.id: default_value(fld) for _, fld in form.all_fields() if fld.stores_value}


def empty_row(fld: Field) -> dict[str, Any]:
    """A new, empty row of a list or menu field."""
    return {col.id: default_value(col) for col in fld.columns}


# -- coercion: bring a value from the editor, an import or an older definition to its shape -----


def _text(fld: Field, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise FieldValueError(fld.id, "expected text")


def _number(fld: Field, value: Any) -> int | float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldValueError(fld.id, "expected a number")
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ".").strip())
        except ValueError:
            raise FieldValueError(fld.id, f"'{value}' is not a number") from None
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise FieldValueError(fld.id, "expected a number")
    number: int | float = int(value) if isinstance(value, float) and value.is_integer() else value
    if fld.type == FieldKind.NUMBER and (
        (fld.min is not None and number < fld.min) or (fld.max is not None and number > fld.max)
    ):
        raise FieldValueError(fld.id, f"expected a number from {_plain(fld.min)} to {_plain(fld.max)}")
    return number


def _plain(bound: float | None) -> str:
    if bound is None:
        return "any"
    return str(int(bound)) if bound.is_integer() else str(bound)


def _scale(fld: Field, value: Any) -> int | None:
    number = _number(fld, value)
    if number is None:
        return None
    low, high = int(fld.min or 0), int(fld.max if fld.max is not None else 10)
    if number != int(number) or not low <= number <= high:
        raise FieldValueError(fld.id, f"expected a whole number from {low} to {high}")
    return int(number)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?")


def _date(fld: Field, value: Any) -> str:
    """A date as ``YYYY-MM-DD``, a datetime as ``YYYY-MM-DDTHH:MM`` (the stored shapes)."""
    with_time = fld.type == FieldKind.DATETIME
    if isinstance(value, dt.date):  # a Python date or datetime from the editor or an import
        parsed: dt.date = value
    elif value is None or (isinstance(value, str) and not value.strip()):
        return ""
    else:
        # Only the written shapes: Python's own parser also takes "20250301" or week dates.
        text = value.strip() if isinstance(value, str) else ""
        try:
            if not (_DATETIME if with_time else _DATE).fullmatch(text):
                raise ValueError(text)
            parsed = dt.datetime.fromisoformat(text) if with_time else dt.date.fromisoformat(text)
        except ValueError:
            shape = "YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD"
            raise FieldValueError(
                fld.id, f"'{value}' is not a {'date and time' if with_time else 'date'} ({shape})"
            ) from None
    if with_time:
        if not isinstance(parsed, dt.datetime):
            parsed = dt.datetime.combine(parsed, dt.time())
        # The wall-clock time a person wrote; a time zone would only confuse the page.
        return parsed.replace(tzinfo=None).isoformat(timespec="minutes")
    if isinstance(parsed, dt.datetime):
        parsed = parsed.date()
    return parsed.isoformat()


def _choice(fld: Field, value: Any) -> str:
    return _text(fld, value)  # an option id unknown to this version is kept, shown as stored


def _multichoice(fld: Field, value: Any) -> dict[str, Any]:
    if value is None:
        return {"selected": [], "other": ""}
    if isinstance(value, list):
        value = {"selected": value, "other": ""}
    if not isinstance(value, dict):
        raise FieldValueError(fld.id, "expected a set of choices")
    selected = value.get("selected", [])
    if not isinstance(selected, list) or not all(isinstance(s, str) for s in selected):
        raise FieldValueError(fld.id, "expected a list of chosen options")
    # Keep the order of the definition, then anything it does not know; no duplicates.
    known = [o.id for o in fld.options if o.id in selected]
    extra = [s for s in dict.fromkeys(selected) if s not in known]
    out = dict(value)
    out["selected"] = known + extra
    out["other"] = _text(fld, value.get("other", ""))
    return out


def _checkbox(fld: Field, value: Any) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise FieldValueError(fld.id, "expected yes or no")
    return value


def _row(fld: Field, row: Any, which: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise FieldValueError(fld.id, f"{which} must be a table of column values")
    out = dict(row)  # unknown columns are kept
    for col in fld.columns:
        try:
            out[col.id] = coerce(col, row.get(col.id))
        except FieldValueError as error:  # name the worksheet field; say which cell
            raise FieldValueError(fld.id, f"{which}, column '{col.id}': {error.reason}") from None
    return out


def _list(fld: Field, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldValueError(fld.id, "expected a list of rows")
    return [_row(fld, row, f"row {number}") for number, row in enumerate(value, start=1)]


def _menu(fld: Field, value: Any) -> dict[str, dict[str, Any]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FieldValueError(fld.id, "expected rows by id")
    return {str(row_id): _row(fld, row, f"row '{row_id}'") for row_id, row in value.items()}


_COERCERS: dict[FieldKind, Callable[[Field, Any], Any]] = {
    FieldKind.TEXT: _text,
    FieldKind.MULTILINE: _text,
    FieldKind.NUMBER: _number,
    FieldKind.DATE: _date,
    FieldKind.DATETIME: _date,
    FieldKind.SCALE: _scale,
    FieldKind.CHOICE: _choice,
    FieldKind.MULTICHOICE: _multichoice,
    FieldKind.CHECKBOX: _checkbox,
    FieldKind.LIST: _list,
    FieldKind.MENU: _menu,
}


def coerce(fld: Field, value: Any) -> Any:
    """Bring ``value`` to the shape of ``fld``; raise :class:`FieldValueError` if it cannot fit.

    Totals and guidance keep no value: they coerce to ``None``.
    """
    if fld.traits.derived:
        return None
    return storable(_COERCERS[fld.type](fld, value))


def storable(value: Any) -> Any:
    """``value`` with every non-finite number (NaN, infinity) emptied: JSON has no way to write them.

    Keys a definition does not know are kept as they come (an import may hold anything), so this
    runs over them too.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    return value


def normalize(form: FormDefinition, values: Mapping[str, Any]) -> Values:
    """Every stored field coerced (missing ones empty), unknown keys kept untouched.

    Keys of totals and guidance are left out: they are computed, never typed.
    """
    out: Values = {key: storable(value) for key, value in values.items()}
    for _, fld in form.all_fields():
        if fld.stores_value:
            out[fld.id] = coerce(fld, values.get(fld.id))
        else:
            out.pop(fld.id, None)
    return out


def unknown_fields(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values this definition has no field for (kept from an older version; shown read-only)."""
    known = {fld.id for _, fld in form.all_fields()}
    return {k: v for k, v in values.items() if k not in known}


# -- computed values ---------------------------------------------------------------------------


def total(form: FormDefinition, fld: Field, values: Mapping[str, Any]) -> int | float:
    """The sum a ``total`` field shows: one list column added up (empty cells count 0)."""
    assert fld.total_of is not None
    list_id, column_id = fld.total_of.list_id, fld.total_of.column_id
    rows = values.get(list_id)
    if isinstance(rows, dict):  # a menu
        rows = list(rows.values())
    if not isinstance(rows, list):
        return 0
    result: int | float = 0
    for row in rows:
        cell = row.get(column_id) if isinstance(row, dict) else None
        if isinstance(cell, int | float) and not isinstance(cell, bool) and math.isfinite(cell):
            result += cell
    return result


def totals(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, int | float]:
    """Every ``total`` field of ``form`` with its current sum."""
    return {fld.id: total(form, fld, values) for _, fld in form.all_fields() if fld.type == FieldKind.TOTAL}


# -- display -----------------------------------------------------------------------------------


def display_text(fld: Field, value: Any, language: str = "en", *, discreet: bool = False) -> str:
    """A value as a person reads it (choices by label, numbers with units, rows one per line); ``discreet``:
    the definition's words in their discreet form (a discreet copy)."""
    if is_blank(fld, value):
        return ""
    if fld.type == FieldKind.CHOICE:
        return fld.option_label(str(value), language, discreet=discreet)
    if fld.type == FieldKind.MULTICHOICE and isinstance(value, dict):
        parts = [fld.option_label(str(s), language, discreet=discreet) for s in value.get("selected", [])]
        if str(value.get("other") or "").strip():
            parts.append(str(value["other"]).strip())
        return ", ".join(parts)
    if fld.type == FieldKind.CHECKBOX:
        # A word, not a tick: the bundled font has no check-mark glyph.
        return word("yes", language)
    if fld.type == FieldKind.NUMBER:
        unit = (fld.unit.get_discreet(language) if discreet else fld.unit.get(language)) if fld.unit else ""
        return f"{value} {unit}".strip()
    if fld.type == FieldKind.SCALE:
        return f"{value} / {int(fld.max if fld.max is not None else 10)}"
    if fld.type == FieldKind.DATETIME and isinstance(value, str):
        return value.replace("T", " ")
    if fld.type == FieldKind.LIST and isinstance(value, list):
        return "\n".join(_row_text(fld, row, language, discreet)
                         for row in value if row_has_content(fld, row))
    if fld.type == FieldKind.MENU and isinstance(value, dict):
        labels = {row.id: row.label.get_discreet(language) if discreet else row.label.get(language)
                  for row in fld.rows}
        lines = []
        for row_id, row in value.items():
            if row_has_content(fld, row):
                lines.append(f"{labels.get(row_id, row_id)}: {_row_text(fld, row, language, discreet)}")
        return "\n".join(lines)
    return str(value)


def _row_text(fld: Field, row: Any, language: str, discreet: bool = False) -> str:
    """One row as "cell · cell · cell", in column order, empty cells left out."""
    if not isinstance(row, dict):
        return str(row)
    cells = [display_text(col, row.get(col.id), language, discreet=discreet) for col in fld.columns]
    known = {col.id for col in fld.columns}
    cells += [str(cell) for key, cell in row.items() if key not in known and cell not in (None, "", False)]
    return " · ".join(cell for cell in cells if cell)
