"""Read a ``score`` field's settings (``score_of``, ``[[...skip]]``, ``[[...band]]``) and check them
against the worksheet: every item is a ``choice`` whose options all carry a ``score``.

Kept apart from the loader (which stays under 400 lines); the loader calls :func:`read_scoring`
for a score field and :func:`check_scores` once every field is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from .kinds import FieldKind
from .model import Band, Field, Scoring, Skip, Text

if TYPE_CHECKING:
    from .reading import Place, TomlReader

SCORE_KEYS = frozenset({"score_of", "skip", "band"})


def _ids(reader: TomlReader, table: Mapping[str, Any], key: str, where: Place, name: str) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise reader.fail(f"'{key}' must be a list of field ids in quotes", where, key=key, field=name)
    return tuple(value)


def _whole(reader: TomlReader, table: Mapping[str, Any], key: str, where: Place, name: str) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise reader.fail(f"'{key}' must be a whole number", where, key=key, field=name)
    return value


def read_scoring(reader: TomlReader, table: Mapping[str, Any], where: Place, name: str) -> Scoring:
    """The items, skip rules and bands of one score field, as written."""
    items = _ids(reader, table, "score_of", where, name)
    skips = []
    for skip, swhere in reader.tables(table, "skip", where, name):
        reader.check_keys(skip, {"when_zero", "then"}, swhere, name)
        when, then = _ids(reader, skip, "when_zero", swhere, name), _ids(reader, skip, "then", swhere, name)
        skips.append(Skip(when, then))
    bands = []
    for band, bwhere in reader.tables(table, "band", where, name):
        reader.check_keys(band, {"min", "max", "label"}, bwhere, name)
        low, high = _whole(reader, band, "min", bwhere, name), _whole(reader, band, "max", bwhere, name)
        if low > high:
            raise reader.fail("a band's 'min' must not be above its 'max'", bwhere, key="min", field=name)
        label = cast(Text, reader.text(band, "label", bwhere, field=name, required=True))
        bands.append(Band(low, high, label))
    return Scoring(items, tuple(skips), tuple(bands))


def option_score(reader: TomlReader, option: Mapping[str, Any], where: Place, name: str) -> int | None:
    """An option's ``score`` (the points a measure's item gives it), or None."""
    if "score" not in option:
        return None
    return _whole(reader, option, "score", where, name)


def check_scores(reader: TomlReader, fields: list[Field], where: Place) -> None:
    """Every score's items, skipped items and conditions are scored ``choice`` fields of the worksheet."""
    by_id = {f.id: f for f in fields}
    for fld in fields:
        if fld.scoring is None:
            continue
        named = set(fld.scoring.items)
        for skip in fld.scoring.skips:
            named |= set(skip.when_zero) | set(skip.then)
        for item in sorted(named):
            target = by_id.get(item)
            if item not in fld.scoring.items:
                problem = "is not one of its 'score_of' items"
            elif target is None:
                problem = "is not a field of this worksheet"
            elif target.type != FieldKind.CHOICE:
                problem = f"is a {target.type} field, not a choice"
            elif any(o.score is None for o in target.options):
                problem = "has an option without a 'score'"
            else:
                continue
            raise reader.fail(f"the score names '{item}', which {problem}", where, field=fld.id)
