"""A measure's score: the points of the chosen options of its items, with its skip rules and bands.

A question left empty is never guessed: the score is *incomplete* (how many of how many are
answered, the points so far) and no band is given until every item is answered or skipped by the
instrument's own rule (the AUDIT's "skip to questions 9 and 10"). Tested against the WHO AUDIT
manual's zones in tests/core/test_scoring.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..words import word
from .model import Band, Field, FormDefinition


@dataclass(frozen=True)
class ScoreResult:
    points: int  # the answered items' points (skipped items count 0)
    answered: int  # items answered
    counted: int  # items answered or skipped by a rule
    items: int  # items the measure has
    maximum: int  # the highest score the measure can give
    band: Band | None  # the band of a complete score, else None
    unanswered: tuple[int, ...] = ()  # the numbers (1-based, in the measure's order) still to answer

    @property
    def complete(self) -> bool:
        return self.counted == self.items


def item_points(form: FormDefinition, item_id: str, values: Mapping[str, Any]) -> int | None:
    """The points of an item's chosen option, or None when it is unanswered (or the option unknown)."""
    fld = form.field(item_id)
    chosen = values.get(item_id)
    for option in fld.options:
        if option.id == chosen:
            return option.score
    return None


def score(form: FormDefinition, fld: Field, values: Mapping[str, Any]) -> ScoreResult:
    """The score a ``score`` field shows for these answers."""
    assert fld.scoring is not None
    points = {item: item_points(form, item, values) for item in fld.scoring.items}
    skipped: set[str] = set()
    for skip in fld.scoring.skips:
        conditions = [points[item] for item in skip.when_zero]
        if all(p is not None for p in conditions) and sum(p for p in conditions if p is not None) == 0:
            skipped |= set(skip.then)
    answered = [p for p in points.values() if p is not None]
    counted = sum(1 for item, p in points.items() if p is not None or item in skipped)
    # A skipped question counts 0 even when answered (WHO AUDIT manual, Box 4): Q1 "never" with
    # Q2-Q8 filled in anyway is 0 for them (tests/core/test_audit_published.py).
    total = sum(p for item, p in points.items() if p is not None and item not in skipped)
    unanswered = tuple(n for n, (item, p) in enumerate(points.items(), 1)
                       if p is None and item not in skipped)
    maximum = sum(max(o.score or 0 for o in form.field(item).options) for item in fld.scoring.items)
    complete = counted == len(points)
    band = next((b for b in fld.scoring.bands if b.min <= total <= b.max), None) if complete else None
    return ScoreResult(total, len(answered), counted, len(points), maximum, band, unanswered)


def score_text(fld: Field, result: ScoreResult, language: str = "en") -> str:
    """The score in words: "14 of 40 · Zone II ..." or why it is incomplete."""
    if result.answered == 0:
        return word("score.none", language)
    if not result.complete:
        so_far = word("score.so_far_one" if result.points == 1 else "score.so_far", language,
                      points=result.points)
        return word("score.incomplete", language, so_far=so_far, answered=result.counted,
                    items=result.items, missing=", ".join(str(n) for n in result.unanswered))
    shown = word("score.of", language, points=result.points, maximum=result.maximum)
    return f"{shown} · {result.band.label.get(language)}" if result.band is not None else shown
