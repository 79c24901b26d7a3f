"""Read a definition's ``[safety]`` table: which answers choose the printed safety content.

``substances`` and ``routes`` name the fields whose answers pick the blocks of
``forms/safety/safety.toml``; ``after`` names the section the printed safety section follows;
``next_appointment`` names the date field printed as the next appointment on a take-home copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .kinds import FieldKind
from .model import Field, SafetyLinks, Section
from .reading import TomlReader

_KEYS = frozenset({"substances", "routes", "after", "next_appointment"})


def read_safety_links(
    reader: TomlReader, doc: Mapping[str, Any], fields: Mapping[str, Field], sections: list[Section]
) -> SafetyLinks | None:
    """The definition's safety links, or None when it has no ``[safety]``."""
    table = doc.get("safety")
    if table is None:
        return None
    where = reader.table_place("safety")
    if not isinstance(table, dict):
        raise reader.fail("'safety' must be a table: [safety]", where, key="safety")
    reader.check_keys(table, _KEYS, where)

    def ids(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise reader.fail(f"'{key}' must be a list of field ids in quotes", where, key=key)
        for fid in value:
            if fid not in fields:
                raise reader.fail(f"'{key}' names '{fid}', which is not a field of this worksheet",
                                  where, key=key, field=fid)
        return tuple(value)

    after = table.get("after")
    if not isinstance(after, str) or after not in {s.id for s in sections}:
        raise reader.fail("'after' must name a section of this worksheet", where, key="after")
    appointment = table.get("next_appointment")
    if appointment is not None and (not isinstance(appointment, str) or appointment not in fields
                                    or fields[appointment].type != FieldKind.DATE):
        raise reader.fail("'next_appointment' must name a date field of this worksheet", where,
                          key="next_appointment")
    return SafetyLinks(substances=ids("substances"), routes=ids("routes"), after=after,
                       next_appointment=appointment)
