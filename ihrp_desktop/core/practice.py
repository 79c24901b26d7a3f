"""The practice profile: who prints the take-home papers, and which help lines they carry.

Kept in the vault (``core.vault.practice``); set in Preferences or by ``ihrp-desktop practice``.
Shipped defaults per country come from ``forms/safety/lines.toml``, each number with its official
source and the day it was checked. The person confirms the lines before the first take-home print:
a wrong crisis number on paper is worse than none.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .paths import forms_dir

Paper = Literal["letter", "a4"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")

# Neutral labels for a discreet copy: a bare number must not say what it is for.
_WORDS = {
    "en": {"crisis": "Crisis line", "poison": "Poison line", "emergency": "Emergency",
           "crisis.discreet": "Talk to someone", "poison.discreet": "Advice line",
           "emergency.discreet": "Emergency", "call": "Call"},
    "es": {"crisis": "Línea de crisis", "poison": "Información toxicológica", "emergency": "Emergencias",
           "crisis.discreet": "Hablar con alguien", "poison.discreet": "Línea de consejo",
           "emergency.discreet": "Emergencias", "call": "Llamar"},
}


def practice_word(key: str, language: str) -> str:
    """A word of the practice lines in ``language`` (English when unknown)."""
    return _WORDS.get(language, _WORDS["en"]).get(key) or _WORDS["en"][key]


@dataclass(frozen=True)
class Line:
    """A help line to print: its label (empty = the shipped one, in the page's language) and number."""

    label: str = ""
    number: str = ""


@dataclass(frozen=True)
class LineSource:
    """A shipped number with where it comes from and when it was checked."""

    kind: str  # crisis | poison | emergency
    number: str
    label: dict[str, str]
    source: str
    checked: str  # the day the source was read; "" = not re-read (``practice`` says so)

    @property
    def checked_text(self) -> str:
        return f"checked {self.checked}" if self.checked else "not re-read"


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: dict[str, str]
    lines: dict[str, LineSource] = field(default_factory=dict)


def lines_file() -> Path:
    return forms_dir() / "safety" / "lines.toml"


@cache
def countries() -> dict[str, CountryLines]:
    """Every country with shipped lines, by ISO code (``US``, ``ES``)."""
    doc: dict[str, Any] = tomllib.loads(lines_file().read_text(encoding="utf-8"))
    out: dict[str, CountryLines] = {}
    for code, table in doc.items():
        lines = {
            kind: LineSource(kind, str(t["number"]), dict(t.get("label", {})), str(t["source"]),
                             str(t["checked"]))
            for kind, t in table.items()
            if isinstance(t, dict) and "number" in t
        }
        out[code] = CountryLines(code, dict(table.get("name", {})), lines)
    return out


def shipped(country: str, kind: str) -> LineSource | None:
    """The shipped ``kind`` line of ``country``, or None (a number we could not cite is not shipped)."""
    entry = countries().get(country.upper())
    return entry.lines.get(kind) if entry is not None else None


@dataclass(frozen=True)
class Practice:
    """The practice profile as the printouts use it."""

    name: str = ""
    phone: str = ""
    country: str = ""
    crisis: Line = Line()
    poison: Line = Line()
    paper: Paper = "letter"
    confirmed: bool = False

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"Unknown paper size '{self.paper}'; use 'letter' or 'a4'.")

    def is_typed(self, kind: str) -> bool:
        """Whether the ``kind`` line was typed by the person, not filled in from the shipped data.

        Recorded by the line itself: a shipped line is stored as the country's number with no label,
        so any other number, or any label, is typed (a typed copy of the shipped number counts as
        shipped: the same digits either way)."""
        line: Line = getattr(self, kind)
        if not line.number.strip():
            return False
        source = shipped(self.country, kind)
        return line.label.strip() != "" or source is None or source.number != line.number.strip()

    def with_country(self, country: str) -> Practice:
        """This profile for ``country``: the shipped lines of the old country are replaced by the new
        one's, or cleared when it has none (they must be typed); a line the person typed is kept.
        Always needs confirming again (tests/core/test_practice_country.py)."""
        code = country.strip().upper()

        def line(kind: str) -> Line:
            if self.is_typed(kind):
                kept: Line = getattr(self, kind)
                return kept
            source = shipped(code, kind)
            return Line("", source.number) if source else Line()

        return replace(
            self,
            country=code,
            crisis=line("crisis"),
            poison=line("poison"),
            paper="a4" if code and code not in ("US", "CA", "MX", "PH") else "letter",
            confirmed=False,
        )

    def label(self, kind: str, language: str, *, discreet: bool = False) -> str:
        """What to print before a line's number. A discreet copy uses a neutral word, never the label."""
        if discreet:
            return practice_word(f"{kind}.discreet", language)
        line: Line = Line(number=self.emergency) if kind == "emergency" else getattr(self, kind)
        if line.label.strip():
            return line.label.strip()
        source = shipped(self.country, kind)
        if source is not None and source.number == line.number.strip() and source.label:
            return source.label.get(language) or source.label.get("en") or practice_word(kind, language)
        return practice_word(kind, language)

    @property
    def emergency(self) -> str:
        """The country's emergency number, when shipped (else empty: the text says "emergency services")."""
        source = shipped(self.country, "emergency")
        return source.number if source is not None else ""

    def printed_lines(self, language: str, *, discreet: bool = False) -> list[tuple[str, str]]:
        """(label, number) of the lines a take-home prints, in order; empty numbers are left out."""
        out = [(self.label(kind, language, discreet=discreet), getattr(self, kind).number.strip())
               for kind in ("crisis", "poison")]
        if self.emergency:
            out.append((self.label("emergency", language, discreet=discreet), self.emergency))
        return [(label, number) for label, number in out if number]

    def foot(self, language: str, *, discreet: bool = False) -> str:
        """The take-home's foot: the practice's name and phone; a discreet one only "Call: <phone>"."""
        phone = self.phone.strip()
        if discreet:
            return f"{practice_word('call', language)}: {phone}" if phone else ""
        return " · ".join(part for part in (self.name.strip(), phone) if part)

    @property
    def has_lines(self) -> bool:
        return bool(self.crisis.number.strip() or self.poison.number.strip())


# A number as people write one: digits, spaces, + - ( ) . and at most a short extension ("x12",
# "ext. 1234"); at least three digits (112, 988). Letters ("1-800-NALOXONE", "abc") are refused.
_NUMBER = re.compile(r"\+?[\d\s().-]*\d[\d\s().-]*(?:\s*(?:x|ext\.?)\s*\d{1,5})?", re.IGNORECASE)


def number_problem(text: str) -> str:
    """Why ``text`` is not a phone number ("" when it is one, or empty)."""
    text = text.strip()
    if not text:
        return ""
    main = re.split(r"(?i)\s*(?:x|ext\.?)\s*\d", text)[0]
    if _NUMBER.fullmatch(text) is None or sum(c.isdigit() for c in main) < 3:
        return (f"'{text}' is not a phone number: use digits, spaces and + - ( ) . only "
                "(an extension may follow as x123).")
    return ""


# The longest practice name or line label saved: it prints on one line at the foot of every page and
# beside a help line's number (tests/core/test_practice_values.py).
TEXT_LIMIT = 120
NUMBER_LIMIT = 40
# Invisible marks that turn the direction of the text around it: a number or name could print in
# an order other than the one typed.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class PracticeProblem(ValueError):
    """A practice profile that cannot be saved; the message names the field, in plain words.
    ``field`` ("practice phone"), ``value`` and ``reason`` ("number", "long", "control", "bidi") let
    the window say it in its own language."""

    def __init__(
        self, message: str, field: str = "", value: str = "", reason: str = "number", length: int = 0,
        limit: int = 0,
    ):
        super().__init__(message)
        self.field = field
        self.value = value
        self.reason = reason
        self.length, self.limit = length, limit  # a value too long: how long, and the most allowed


def text_reason(text: str, limit: int) -> str:
    """Why ``text`` cannot be saved in the profile ("" when it can): "long", "control" or "bidi"."""
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        return "control"  # line breaks, tabs, ESC, BEL: one line of plain text only
    if any(c in _BIDI for c in text):
        return "bidi"
    return "long" if len(text.strip()) > limit else ""


def shown(text: str) -> str:
    """``text`` safe to show on a terminal: control characters and direction marks as "?", at most
    TEXT_LIMIT characters (a value saved before the checks above)."""
    safe = "".join("?" if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in _BIDI else c for c in text)
    return safe if len(safe) <= TEXT_LIMIT else safe[:TEXT_LIMIT] + "…"


_REASONS = {
    "long": "is {n} characters long; keep it to {limit} or fewer.",
    "control": "holds a line break, a tab or another control character; type it on one line.",
    "bidi": "holds an invisible mark that changes the direction of the text; type it again without it.",
}


def check_practice(practice: Practice) -> None:
    """Refuse (PracticeProblem) a profile whose phone or line numbers are not numbers, or whose name,
    labels or numbers are too long, hold a control character or line break, or a direction mark.

    A line's label may hold words; labels and the practice's name never print on a discreet copy
    (it prints "Call: <phone>" and neutral line labels: tests/core/test_practice_numbers.py).
    """
    texts = (("practice name", practice.name, TEXT_LIMIT),
             ("crisis line label", practice.crisis.label, TEXT_LIMIT),
             ("poison line label", practice.poison.label, TEXT_LIMIT))
    numbers = (("practice phone", practice.phone), ("crisis line number", practice.crisis.number),
               ("poison line number", practice.poison.number))
    for name, value, limit in [*texts, *[(n, v, NUMBER_LIMIT) for n, v in numbers]]:
        reason = text_reason(value, limit)
        if reason:
            length = len(value.strip())
            said = _REASONS[reason].format(n=length, limit=limit)
            # The value itself is not repeated: a control character would act on the terminal.
            raise PracticeProblem(f"The {name} {said}", name, "", reason, length, limit)
    for name, value in numbers:
        problem = number_problem(value)
        if problem:
            raise PracticeProblem(f"The {name}: {problem}", name, value.strip())


class NotConfirmed(Exception):
    """A take-home was asked for before the person confirmed the printed lines."""

    message = (
        "The crisis and poison lines printed on take-home papers have not been confirmed yet. "
        "Check them, then confirm: ihrp-desktop practice --vault PATH --confirm "
        "(or in the app: Preferences, Practice)."
    )

    def __str__(self) -> str:
        return self.message
