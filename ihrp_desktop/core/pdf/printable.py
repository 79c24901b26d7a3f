"""Worksheet values made fit to print, without ever refusing to print.

Values are normalised with ``core.forms.values``. A value that no longer fits its field (a number
above a maximum lowered in a newer definition, a renamed option) is still printed as stored:
a printed copy never drops something a person typed and never fails because of it. A client's copy
(take-home, discreet, pocket card) of a worksheet written with the installed version prints only what
the definition declares (``PrintOptions.declared_only``); answers of another version (a retired
column) still print (tests/core/pdf/test_undeclared_answers.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..forms.kinds import FieldKind
from ..forms.model import Field, FormDefinition
from ..forms.values import FieldValueError, coerce, default_value


def printable_values(form: FormDefinition, values: Mapping[str, Any], *, declared_only: bool = False
                     ) -> dict[str, Any]:
    """Every stored field of ``form`` in its normal shape where possible, as stored otherwise;
    ``declared_only`` (a client's copy): only the fields and list columns the definition declares."""
    out: dict[str, Any] = {} if declared_only else dict(values)
    for _, fld in form.all_fields():
        if not fld.stores_value:
            out.pop(fld.id, None)
            continue
        out[fld.id] = _printable(fld, values.get(fld.id))
        if declared_only:
            out[fld.id] = _declared(fld, out[fld.id])
    return out


def _declared(fld: Field, value: Any) -> Any:
    """A list's or menu's rows with only the columns ``fld`` declares."""
    if not fld.traits.container:
        return value
    known = {col.id for col in fld.columns}

    def keep(row: Any) -> Any:
        return {k: v for k, v in row.items() if k in known} if isinstance(row, Mapping) else row

    if isinstance(value, list):
        return [keep(row) for row in value]
    if isinstance(value, Mapping):
        return {key: keep(row) for key, row in value.items()}
    return value


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
