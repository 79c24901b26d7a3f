"""The source note of a carried item ("(from Microanalysis, December 1, 2026)"), told apart from the
client's words.

Carrying writes the note after the item, in the answer, where the person sees it and may edit or
delete it (``core.forms.carrying``). It is the program's words, not the client's: a discreet copy
leaves out every note still in the form the program wrote (``word("carry.source")`` with a date
written out in any shipped language), and prints whatever the person typed, a changed note too
(tests/core/test_discreet_words.py, the carried-items cases).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..vocabulary import LANGUAGE_CODES
from ..words import word


@cache
def _note(language: str) -> re.Pattern[str]:
    """The note as carrying writes it in ``language``: any title, a long date of that language."""
    months = "|".join(re.escape(m) for m in word("page.months", language).split())
    date = re.escape(word("page.date_format", language, month="\0M", day="\0D", year="\0Y"))
    date = date.replace("\0M", f"(?:{months})").replace("\0D", r"\d{1,2}").replace("\0Y", r"\d{4}")
    note = re.escape(word("carry.source", language, title="\0T", date="\0A"))
    return re.compile(r"[ \t]?" + note.replace("\0T", r"[^()\n]{1,120}?").replace("\0A", date))


def without_note(text: str) -> str:
    """``text`` without the carried items' source notes, in every shipped language."""
    for language in LANGUAGE_CODES:
        text = _note(language).sub("", text)
    return text


def without_source_notes(values: Mapping[str, Any]) -> dict[str, Any]:
    """A worksheet's values with every source note left out (answers, list cells, menu cells)."""
    return {key: _clean(value) for key, value in values.items()}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return without_note(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value
