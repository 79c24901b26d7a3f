"""Worksheet values: defaults, checking and coercion, computed totals, display text.

A worksheet's answers are one JSON-compatible dict keyed by field id. Value shapes by type:

==============  ===========================================================
text/multiline  ``str``
number          ``int | float | None``
date            ``"YYYY-MM-DD"`` or ``""``
datetime        ``"YYYY-MM-DDTHH:MM"`` or ``""``
scale           ``int | None``
choice          option id ``str`` or ``""``
multichoice     ``{"selected": [option ids], "other": str}``
checkbox        ``bool``
list            ``[{column id: value}, ...]`` (ordered rows)
menu            ``{row id: {column id: value}}``
==============  ===========================================================

Values a definition does not know (a field removed in a newer version, an option renamed) are
kept as they are: nothing a person typed is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from .model import Field, FormDefinition

Values = dict[str, Any]


class FieldValueError(ValueError):
    """A value that does not fit its field, with the field id and a plain-words reason."""

    def __init__(self, field_id: str, message: str):
        self.field_id = field_id
        super().__init__(f"{field_id}: {message}")


def default_value(fld: Field) -> Any:
    """The empty value of a field, as a fresh worksheet starts."""
    return _DEFAULTS[fld.type](fld)


_DEFAULTS: dict[str, Callable[[Field], Any]] = {
    "text": lambda f: "",
    "multiline": lambda f: "",
    "number": lambda f: None,
    "date": lambda f: "",
    "datetime": lambda f: "",
    "scale": lambda f: None,
    "choice": lambda f: "",
    "multichoice": lambda f: {"selected": [], "other": ""},
    "checkbox": lambda f: False,
    "list": lambda f: [],
    "menu": lambda f: {},
    "total": lambda f: None,
    "guidance": lambda f: None,
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
    if value is None or value == "":
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
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


def _scale(fld: Field, value: Any) -> int | None:
    number = _number(fld, value)
    if number is None:
        return None
    low, high = int(fld.min or 0), int(fld.max if fld.max is not None else 10)
    if number != int(number) or not low <= number <= high:
        raise FieldValueError(fld.id, f"expected a whole number from {low} to {high}")
    return int(number)


def _date(fld: Field, value: Any) -> str:
    text = _text(fld, value).strip()
    if text:
        try:
            (dt.datetime.fromisoformat if fld.type == "datetime" else dt.date.fromisoformat)(text)
        except ValueError:
            raise FieldValueError(fld.id, f"'{text}' is not a date (YYYY-MM-DD)") from None
    return text


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


def _row(fld: Field, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise FieldValueError(fld.id, "each row must be a table of column values")
    out = dict(row)  # unknown columns are kept
    for col in fld.columns:
        out[col.id] = coerce(col, row.get(col.id))
    return out


def _list(fld: Field, value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldValueError(fld.id, "expected a list of rows")
    return [_row(fld, row) for row in value]


def _menu(fld: Field, value: Any) -> dict[str, dict[str, Any]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FieldValueError(fld.id, "expected rows by id")
    return {str(row_id): _row(fld, row) for row_id, row in value.items()}


_COERCERS: dict[str, Callable[[Field, Any], Any]] = {
    "text": _text,
    "multiline": _text,
    "number": _number,
    "date": _date,
    "datetime": _date,
    "scale": _scale,
    "choice": _choice,
    "multichoice": _multichoice,
    "checkbox": _checkbox,
    "list": _list,
    "menu": _menu,
}


def coerce(fld: Field, value: Any) -> Any:
    """Bring ``value`` to the shape of ``fld``; raise :class:`FieldValueError` if it cannot fit."""
    return _COERCERS[fld.type](fld, value)


def normalize(form: FormDefinition, values: Mapping[str, Any]) -> Values:
    """Every known field coerced (missing ones empty), unknown keys kept untouched."""
    out: Values = dict(values)
    for _, fld in form.all_fields():
        if fld.stores_value:
            out[fld.id] = coerce(fld, values.get(fld.id))
    return out


def unknown_fields(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values this definition has no field for (kept from an older version; shown read-only)."""
    known = set(form.field_ids())
    return {k: v for k, v in values.items() if k not in known}


# -- computed values ---------------------------------------------------------------------------

def total(form: FormDefinition, fld: Field, values: Mapping[str, Any]) -> int | float:
    """The sum a ``total`` field shows: one list column added up (empty cells count 0)."""
    assert fld.total_of is not None
    list_id, column_id = fld.total_of.split(".")
    rows = values.get(list_id) or []
    if isinstance(rows, dict):  # a menu
        rows = list(rows.values())
    result: int | float = 0
    for row in rows:
        cell = row.get(column_id) if isinstance(row, dict) else None
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            result += cell
    return result


def totals(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, int | float]:
    """Every ``total`` field of ``form`` with its current sum."""
    return {fld.id: total(form, fld, values) for _, fld in form.all_fields() if fld.type == "total"}


# -- display -----------------------------------------------------------------------------------

def is_blank(fld: Field, value: Any) -> bool:
    """Whether nothing was entered (used to skip or leave room on printed copies)."""
    if value is None or value == "" or value is False:
        return True
    if fld.type == "multichoice" and isinstance(value, dict):
        return not value.get("selected") and not str(value.get("other", "")).strip()
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return len(value) == 0
    return False


def display_text(fld: Field, value: Any, language: str = "en") -> str:
    """A value as a person reads it (choices by label, numbers with units)."""
    if is_blank(fld, value):
        return ""
    if fld.type in ("choice",):
        return fld.option_label(str(value), language)
    if fld.type == "multichoice" and isinstance(value, dict):
        parts = [fld.option_label(s, language) for s in value.get("selected", [])]
        if str(value.get("other", "")).strip():
            parts.append(str(value["other"]).strip())
        return ", ".join(parts)
    if fld.type == "checkbox":
        return "✓" if value else ""
    if fld.type == "number":
        unit = fld.unit.get(language) if fld.unit else ""
        return f"{value} {unit}".strip()
    if fld.type == "scale":
        return f"{value} / {int(fld.max if fld.max is not None else 10)}"
    if fld.type == "datetime" and isinstance(value, str):
        return value.replace("T", " ")
    return str(value)
