"""The program's own fixed words in each client language: one catalogue, one file per language.

Worksheet text comes from the definitions; these are the words the program adds around it (the
printed page, the editor, the recovery sheet) and the messages of vault errors and other failures.
Each language is a TOML file beside this module (``en.toml``, ``es.toml``), read on its first lookup
(about 1 ms), so importing this module costs nothing: the vault's errors import it on the unlock
screen's path (tests/app/test_start.py::test_the_first_frame_loads_nothing_but_the_unlock_screen).
Keys are dotted: ``page.copy.blank``, ``editor.add_row``; a few words shared by every part
(``yes``, ``total``, ...) have no section.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

_HERE = Path(__file__).parent
FALLBACK = "en"  # a word a language lacks, or a language this catalogue lacks, is shown in English


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


@cache
def languages() -> tuple[str, ...]:
    """The languages the catalogue has a file for."""
    return tuple(sorted(path.stem for path in _HERE.glob("*.toml")))


def catalogue(language: str) -> Mapping[str, str]:
    """Every word of ``language`` by dotted key (English for a language without a file)."""
    return _catalogue(str(language))  # the plain code: a formal reader shares its language's file


@cache
def _catalogue(language: str) -> Mapping[str, str]:
    """Every word of ``language`` by dotted key (English for a language without a file)."""
    import tomllib  # here, not at the top: the unlock screen's first frame does without it (and datetime)

    if language not in languages():
        language = FALLBACK
    with (_HERE / f"{language}.toml").open("rb") as file:
        return _flatten(tomllib.load(file))


def has_word(key: str) -> bool:
    """True when the catalogue knows ``key`` (in English, which has every key)."""
    return key in catalogue(FALLBACK)


def word(key: str, language: str = FALLBACK, **fill: object) -> str:
    """The word ``key`` in ``language`` with its ``{placeholders}`` filled; KeyError if no language has it.

    A language read in the formal register (``vocabulary.in_register``) gets ``key_formal`` where the
    catalogue has one (written beside ``key``), else ``key``.
    """
    from ..vocabulary import FORMAL_SUFFIX, register_of  # no Enum import on the unlock screen's first frame

    own = catalogue(language)
    formal = own.get(f"{key}{FORMAL_SUFFIX}") if register_of(language) == "formal" else None
    text = formal or own.get(key) or catalogue(FALLBACK)[key]
    return text.format(**fill) if fill else text


def section(name: str) -> Callable[..., str]:
    """A lookup for one part of the program: ``section("page")("total")`` is the word ``page.total``,
    or the shared ``total`` when the section has no word of its own."""

    def lookup(key: str, language: str = FALLBACK, **fill: object) -> str:
        full = f"{name}.{key}"
        return word(full if has_word(full) else key, language, **fill)

    lookup.__name__ = f"{name}_word"
    return lookup


def long_date(day: dt.date, language: str = FALLBACK) -> str:
    """A date as people write it ("March 5, 2025", "5 de marzo de 2025")."""
    month = word("page.months", language).split()[day.month - 1]
    return word("page.date_format", language, month=month, day=day.day, year=day.year)
