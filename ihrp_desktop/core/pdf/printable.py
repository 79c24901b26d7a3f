"""Worksheet values made fit to print, without ever refusing to print.

Values are normalised with ``core.forms.values``. A value that no longer fits its field (a number
above a maximum lowered in a newer definition, a renamed option) is still printed as stored:
a printed copy never drops something a person typed and never fails because of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..forms.kinds import FieldKind
from ..forms.model import Field, FormDefinition
from ..forms.values import FieldValueError, coerce, default_value


def printable_values(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, Any]:
    """Every stored field of ``form`` in its normal shape where possible, as stored otherwise."""
    out: dict[str, Any] = dict(values)
    for _, fld in form.all_fields():
        if not fld.stores_value:
            out.pop(fld.id, None)
            continue
        out[fld.id] = _printable(fld, values.get(fld.id))
    return out


def _printable(fld: Field, value: Any) -> Any:
    try:
        return coerce(fld, value)
    except FieldValueError:
        pass
    if fld.type == FieldKind.LIST and isinstance(value, list):
        return [_row(fld, row) for row in value if isinstance(row, Mapping)]
    if fld.type == FieldKind.MENU and isinstance(value, Mapping):
        return {str(key): _row(fld, row) for key, row in value.items() if isinstance(row, Mapping)}
    if fld.traits.container or fld.type in (FieldKind.MULTICHOICE, FieldKind.CHECKBOX):
        return default_value(fld)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return value  # shown as stored
    return default_value(fld)


def _row(fld: Field, row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for col in fld.columns:
        out[col.id] = _printable(col, row.get(col.id))
    return out
