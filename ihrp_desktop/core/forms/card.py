"""Read a definition's ``[pocket_card]`` table: which fields its wallet card holds.

Every id must name a field of the worksheet of the right kind; a problem names the file, the
line of the key and the field id, like every other definition error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .kinds import FieldKind
from .model import Field, PocketCard, Text
from .reading import FormDefinitionError, Place, TomlReader

_KEYS = frozenset(
    {"front_lists", "front", "back", "back_lists", "steps", "short_labels", "joined", "bare_lists", "large"}
)


def read_pocket_card(
    reader: TomlReader, doc: Mapping[str, Any], fields: Mapping[str, Field]
) -> PocketCard | None:
    """The card of this definition, or None when it has no ``[pocket_card]``."""
    table = doc.get("pocket_card")
    if table is None:
        return None
    where = reader.table_place("pocket_card")
    if not isinstance(table, dict):
        raise reader.fail("'pocket_card' must be a table: [pocket_card]", where, key="pocket_card")
    reader.check_keys(table, _KEYS, where)

    def ids(key: str, kind: FieldKind | None = None) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise reader.fail(f"'{key}' must be a list of field ids in quotes", where, key=key)
        for fid in value:
            _check_field(reader, where, key, fid, fields, kind)
        return tuple(value)

    steps = table.get("steps")
    if steps is not None:
        if not isinstance(steps, str):
            raise reader.fail("'steps' must be a field id in quotes", where, key="steps")
        _check_field(reader, where, "steps", steps, fields, FieldKind.GUIDANCE)
    card = PocketCard(
        front_lists=ids("front_lists", FieldKind.LIST),
        front=ids("front"),
        back=ids("back"),
        back_lists=ids("back_lists", FieldKind.LIST),
        steps=steps,
        short_labels=_short_labels(reader, table, where, fields),
        joined=_joined(reader, table, where, fields),
        bare_lists=ids("bare_lists", FieldKind.LIST),
        large=ids("large"),
    )
    stray = [fid for fid in card.large if fid not in card.back]
    if stray:
        raise reader.fail(f"'large' names '{stray[0]}', which is not in 'back'", where, key="large",
                          field=stray[0])
    stray = [fid for fid in card.bare_lists if fid not in card.front_lists]
    if stray:
        raise reader.fail(f"'bare_lists' names '{stray[0]}', which is not in 'front_lists'", where,
                          key="bare_lists", field=stray[0])
    if not card.field_ids():
        raise reader.fail("a [pocket_card] needs at least one field to print", where)
    return card


def _check_field(
    reader: TomlReader, where: Place, key: str, fid: str, fields: Mapping[str, Field], kind: FieldKind | None
) -> None:
    fld = fields.get(fid)
    if fld is None:
        raise reader.fail(
            f"'{key}' names '{fid}', which is not a field of this worksheet", where, key=key, field=fid
        )
    if kind is not None and fld.type != kind:
        raise reader.fail(f"'{key}' takes {kind} fields; '{fid}' is a {fld.type}", where, key=key, field=fid)
    if kind is None and not fld.traits.value:
        raise reader.fail(f"'{key}' takes single answers; '{fid}' is a {fld.type}", where, key=key, field=fid)


def _short_labels(
    reader: TomlReader, table: Mapping[str, Any], where: Place, fields: Mapping[str, Field]
) -> dict[str, Text]:
    value = table.get("short_labels", {})
    if not isinstance(value, dict):
        raise reader.fail("'short_labels' must be a table of field id = text", where, key="short_labels")
    out: dict[str, Text] = {}
    for fid in value:
        _check_field(reader, where, "short_labels", fid, fields, None)
        try:
            text = reader.text(value, fid, where, field=fid, required=True)
        except FormDefinitionError as error:  # point at the short_labels line, where it is written
            message = f"'short_labels': {error.message}"
            raise reader.fail(message, where, key="short_labels", field=fid) from None
        assert text is not None
        out[fid] = text
    return out


def _joined(
    reader: TomlReader, table: Mapping[str, Any], where: Place, fields: Mapping[str, Field]
) -> dict[str, str]:
    value = table.get("joined", {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise reader.fail("'joined' must be a table of field id = \"field id\"", where, key="joined")
    for first, second in value.items():
        _check_field(reader, where, "joined", first, fields, None)
        _check_field(reader, where, "joined", second, fields, None)
    return dict(value)
