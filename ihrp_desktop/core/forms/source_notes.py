"""Words the program wrote into an answer, told apart from the client's words: the source note of a
carried item ("(from Microanalysis, December 1, 2026)") and a carried option's label.

Carrying writes the note after the item, in the answer, where the person sees it and may edit or
delete it (``core.forms.carrying``). It is the program's words, not the client's: a discreet copy
leaves out every note still in the form the program wrote (``word("carry.source")`` with a date
written out in any shipped language), and prints whatever the person typed, a changed note too
(tests/core/test_discreet_words.py, the carried-items cases).

A carried menu row starts with its option's label ("Carry naloxone and ... — my words"): a discreet
copy prints that label's discreet form where it stands as carrying wrote it (at the start of a line
or after "; ", followed by " — ", its note or the line's end), in any shipped language and register;
a label the person changed prints as typed (test_discreet_words.py, the carried-options cases).
A review's starting row puts the option's number before its label ("3. Avoid ..."; see
``core.forms.review_start``): the label after the number prints in its discreet form too
(tests/app/test_review_start.py::test_a_discreet_copy_prints_the_starting_rows_discreetly).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from ..vocabulary import FORMAL_SUFFIX, LANGUAGE_CODES, Register, in_register
from ..words import word
from .kinds import FieldKind
from .model import Field


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


@cache
def _carried_labels() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The labels carrying can write (menu rows of every carry rule's source), each with its discreet
    form in the language it is written in; a pattern that finds them where carrying puts them."""
    from . import default_library  # the library is built from this package: read it when first used

    library = default_library()
    discreet: dict[str, str] = {}
    for fld in _menus_written_from(library):
        for row in fld.rows:
            for lang, label in row.label.by_language.items():
                base, formal, _ = lang.partition(FORMAL_SUFFIX)
                neutral = row.label.get_discreet(in_register(base, Register.FORMAL) if formal else lang)
                if label and neutral and neutral != label:
                    discreet.setdefault(label, neutral)
    if not discreet:
        return None, discreet
    labels = "|".join(re.escape(label) for label in sorted(discreet, key=len, reverse=True))
    # A review's starting row puts the option's number first ("3. "; core.forms.review_start). Spaces,
    # a number's dot and the dash after the label are what a person retypes without meaning to change
    # the label: they do not hide it (a stranger's case: two spaces, " - " for " — ").
    return re.compile(
        rf"(?:^|(?<=\n)|(?<=;))([ \t]*(?:\d{{1,3}}\.?[ \t]+)?)({labels})"
        rf"(?=[ \t]*[—–-][ \t]| ?\(|[ \t]*(?:\n|;|$))"), discreet


def _menus_written_from(library: Any) -> Iterator[Field]:
    """The menus whose labels the program writes into answers: each carry rule's source menu, and the
    menu a review's list starts from (``starts_with``)."""
    for form in library.forms.values():
        for rule in form.carry:
            source = library.forms.get(rule.source_form)
            try:
                fld = source.field(rule.source_field) if source is not None else None
            except KeyError:
                continue
            if fld is not None and fld.type == FieldKind.MENU:
                yield fld
        for _, listed in form.all_fields():
            if listed.starts_with is not None:
                try:
                    yield form.field(listed.starts_with.menu)
                except KeyError:
                    continue


def with_discreet_labels(text: str) -> str:
    """``text`` with each option's label the program wrote (carried, or starting a review's row with
    its number) in its discreet form."""
    pattern, discreet = _carried_labels()
    return text if pattern is None else pattern.sub(lambda m: (m.group(1) or "") + discreet[m.group(2)], text)


def without_source_notes(values: Mapping[str, Any]) -> dict[str, Any]:
    """A worksheet's values as a discreet copy prints them: every source note left out, every carried
    option's label in its discreet form (answers, list cells, menu cells)."""
    return {key: _clean(value) for key, value in values.items()}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return without_note(with_discreet_labels(value))
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value
