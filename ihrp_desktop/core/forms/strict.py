"""The strict check of answers written for this very definition version (an import file's worksheet).

:func:`core.forms.values.normalize` is lenient on purpose: the editor types "7" for 7, and answers of
another definition version (a renamed option, a retired column) are kept as they are. A worksheet
whose ``form_version`` is the installed definition's own has no such excuse: an option that is not
one of the field's, a column or field the definition does not have, or a value of the wrong type
is refused, naming where it is (tests/core/test_exchange_strict.py). Messages never quote an answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .kinds import FieldKind
from .model import Field, FormDefinition

_TEXT_KINDS = (FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.DATE, FieldKind.DATETIME)


def _name(key: object) -> str:
    """A key of the file as it may appear in a message: short, on one line."""
    text = " ".join(str(key).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _cell(fld: Field, value: Any) -> str | None:
    """Why ``value`` does not fit ``fld`` (a field or a column), or None."""
    if value is None:
        return None
    if fld.type == FieldKind.CHOICE:
        if value == "":
            return None  # unanswered
        if not isinstance(value, str) or value not in {o.id for o in fld.options}:
            return f"not one of this question's options ({', '.join(o.id for o in fld.options)})"
    elif fld.type == FieldKind.MULTICHOICE and isinstance(value, Mapping):
        selected = value.get("selected")
        known = {o.id for o in fld.options}
        if isinstance(selected, list) and any(s not in known for s in selected):
            return f"a choice that is not one of this question's options ({', '.join(sorted(known))})"
    elif fld.type in (FieldKind.NUMBER, FieldKind.SCALE):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "expected a number, not text" if isinstance(value, str) else "expected a number"
    elif fld.type in _TEXT_KINDS and not isinstance(value, str):
        return "expected text"
    return None


def _rows(fld: Field, value: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(value, list):
        yield from ((f"[{n}]", row) for n, row in enumerate(value) if isinstance(row, Mapping))
    elif isinstance(value, Mapping):
        yield from ((f".{_name(key)}", row) for key, row in value.items() if isinstance(row, Mapping))


def strict_problems(form: FormDefinition, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(where, why)`` for every answer that does not fit ``form`` exactly; ``where`` is a path
    under the values ("urges[0].start", "audit_1", "evil")."""
    fields = {fld.id: fld for _, fld in form.all_fields()}
    out = [(_name(key), "this worksheet has no such question (its definition version is the installed one)")
           for key in values if key not in fields]
    for fid, fld in fields.items():
        value = values.get(fid)
        if not fld.stores_value or value is None:
            continue
        if not fld.traits.container:
            why = _cell(fld, value)
            out += [(fid, why)] if why else []
            continue
        columns = {col.id: col for col in fld.columns}
        menu_rows = {row.id for row in fld.rows}
        for where, row in _rows(fld, value):
            if fld.type == FieldKind.MENU and where[1:] not in menu_rows:
                out.append((f"{fid}{where}", "this list has no such row"))
                continue
            for key, cell in row.items():
                col = columns.get(str(key))
                why = "this list has no such column" if col is None else _cell(col, cell)
                out += [(f"{fid}{where}.{_name(key)}", why)] if why else []
    return out
