"""Read a definition's ``[[carry]]`` tables: what earlier worksheets offer a new one of this kind.

The receiving definition declares each link (data, not code), so a new worksheet can take part:
``from`` the source worksheet's id, ``field`` its list or menu, ``into`` a field here (a text,
multiline or list field), then either ``take`` (the source cells making one line of text) or
``columns`` (target column = source column, for a list), and optionally ``when`` (one source column
and the option ids that make a row an item) and ``need`` (a source column that must be filled).
A single answer as the source (a text, a choice) is one item when it is filled: the answers of the
``take`` fields of the same worksheet, in order. ``at = "review"`` shows the items at this
worksheet's review instead of offering them when one starts.
The source fields are checked when items are offered: a source definition may be a clinic's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, cast

from .kinds import FieldKind
from .model import CarryRule, Field
from .reading import Place, TomlReader

_KEYS = frozenset({"from", "field", "into", "take", "columns", "when", "need", "at"})
_TEXT_TARGETS = (FieldKind.TEXT, FieldKind.MULTILINE)


def _name(
    reader: TomlReader, table: Mapping[str, Any], where: Place, key: str, required: bool = True
) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise reader.fail(f"'{key}' must be an id in quotes", where, key=key)
    return value


def _names(reader: TomlReader, table: Mapping[str, Any], where: Place, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise reader.fail(f"'{key}' must be a list of ids in quotes", where, key=key)
    return tuple(value)


def read_carry(
    reader: TomlReader, doc: Mapping[str, Any], fields: Mapping[str, Field]
) -> tuple[CarryRule, ...]:
    """The definition's carry links, in file order (none without ``[[carry]]``)."""
    rules = []
    for table, where in reader.tables(doc, "carry", reader.root):
        reader.check_keys(table, _KEYS, where)
        into = _name(reader, table, where, "into")
        target = fields.get(into or "")
        if target is None or (target.type not in _TEXT_TARGETS and target.type != FieldKind.LIST):
            raise reader.fail(
                f"'into' names '{into}', which is not a text, multiline or list field here", where, key="into"
            )
        take = _names(reader, table, where, "take")
        columns = table.get("columns", {})
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise reader.fail(
                "'columns' must be a table: target column = \"source column\"", where, key="columns"
            )
        if target.type == FieldKind.LIST:
            if not columns:
                raise reader.fail(
                    "a list receives rows: give 'columns' (target column = \"source column\")",
                    where,
                    key="columns",
                )
            for column in columns:
                if column not in {c.id for c in target.columns}:
                    raise reader.fail(
                        f"'columns' names '{column}', which '{into}' does not have",
                        where,
                        key="columns",
                        field=into,
                    )
        elif not take:
            raise reader.fail(
                "a text field receives a line: give 'take' (the source columns)", where, key="take"
            )
        when = table.get("when", {})
        if (
            not isinstance(when, dict)
            or len(when) > 1
            or not all(isinstance(v, list) and all(isinstance(i, str) for i in v) for v in when.values())
        ):
            raise reader.fail(
                "'when' must be one column and its option ids: { status = [\"will_try\"] }", where, key="when"
            )
        when_column, when_values = next(iter(when.items()), (None, []))
        rules.append(
            CarryRule(
                source_form=_name(reader, table, where, "from") or "",
                source_field=_name(reader, table, where, "field") or "",
                into=into or "",
                take=take,
                columns=MappingProxyType(dict(columns)),
                when_column=when_column,
                when_values=tuple(when_values),
                need=_name(reader, table, where, "need", required=False),
                at=cast(Any, reader.choice(table, "at", ("start", "review"), where)),
            )
        )
    return tuple(rules)
