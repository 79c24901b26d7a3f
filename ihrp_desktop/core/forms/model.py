"""Typed, frozen objects a worksheet definition is read into.

The editor (app), the printed page (core.pdf) and the store (core.vault) are all built from
these objects, so a worksheet is described once, in ``forms/*.toml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from ..vocabulary import DEFAULT_LANGUAGE, pick, pick_written
from .kinds import FieldKind, Traits, traits

Audience = Literal["shared", "clinician"]


@dataclass(frozen=True)
class Text:
    """A piece of text in every shipped language; missing languages fall back to English.

    A formal variant sits beside its language (``es_formal`` beside ``es``); a language code read in
    the formal register (``vocabulary.in_register``) gets it, else the plain text (``vocabulary.pick``).
    """

    by_language: Mapping[str, str]
    # What a discreet copy prints instead (``label = { en = "...", discreet = { en = "..." } }``):
    # neutral words, checked against forms/safety/discreet_words.toml when the definition loads.
    discreet: Mapping[str, str] | None = None
    # What a blank copy (paper use) prints instead (``guidance = { en = "...", blank = { en = "..." } }``):
    # the words without what is only true in the app ("Starting a plan offers ..."), or a question
    # that also asks what a field left off the blank asked; "" when a blank prints nothing there.
    blank: Mapping[str, str] | None = None

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        return pick(self.by_language, language)

    def get_discreet(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The discreet form in ``language`` (its English, else the ordinary text when it has none)."""
        if self.discreet:
            return pick(self.discreet, language) or self.get(language)
        return self.get(language)

    def get_blank(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The blank copy's form in ``language`` (its English, else the ordinary text when it has none)."""
        if self.blank and (text := pick_written(self.blank, language)) is not None:
            return text  # "" is a form too: the blank prints nothing there
        return self.get(language)

    def __str__(self) -> str:
        return self.get(DEFAULT_LANGUAGE)

    @staticmethod
    def of(**by_language: str) -> Text:
        return Text(MappingProxyType(dict(by_language)))


@dataclass(frozen=True)
class Option:
    """One choice of a ``choice`` / ``multichoice`` field, or a column value."""

    id: str
    label: Text
    # Choosing it does not mark the row as chosen (the 18 Alternatives' "Not now").
    not_marked: bool = False
    # A row with this status and nothing else written is left off a take-home copy (the 18
    # Alternatives' "Doesn't apply to me"); the clinician copy prints it.
    left_off: bool = False
    # The points a measure's item gives this answer (a ``score`` field adds them up).
    score: int | None = None
    # Paper: ``on_blank = false`` leaves the option's tick box off a blank copy (a status only the
    # app needs, as "Doesn't apply to me", whose rows a take-home copy leaves off).
    on_blank: bool = True


@dataclass(frozen=True)
class MenuRow:
    """A fixed row of a ``menu`` field (e.g. one of the 18 Alternatives)."""

    id: str
    label: Text
    group: Text | None = None
    # Safety text printed with the row on every copy, at body size (the break and stop options).
    caution: Text | None = None


@dataclass(frozen=True)
class StartsWith:
    """The rows a list starts with at its review: one per row of ``menu`` whose status is in ``when``."""

    menu: str
    when: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    """One field of a worksheet. Which attributes matter depends on ``type``."""

    id: str
    type: FieldKind
    label: Text
    audience: Audience = "shared"
    guidance: Text | None = None
    # number / scale
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    low: Text | None = None  # scale end labels
    high: Text | None = None
    # choice / multichoice
    options: tuple[Option, ...] = ()
    other: bool = False  # multichoice: offer a free-text "other"
    # list / menu
    columns: tuple[Field, ...] = ()
    rows: tuple[MenuRow, ...] = ()
    row_label: Text | None = None  # "Link", "Item": what one row is called
    # total: the list column it adds up
    total_of: TotalOf | None = None
    # score: the measure's items, skip rules and bands (``core.forms.scoring`` computes it)
    scoring: Scoring | None = None
    # guidance: the body text (label is its optional heading)
    text: Text | None = None
    # text/multiline: a short hint shown inside the empty box
    placeholder: Text | None = None
    # A revised version starts this answer empty (a review, a date, a prediction): the old answer
    # shows beside it as "Before:" (``resets_on_revise = true``; see ``core.forms.revising``).
    resets_on_revise: bool = False
    # Charted over the sessions on the client's progress page and report (``chart = true``; number,
    # scale and score fields only; see ``core.progress``).
    chart: bool = False
    # Paper: ``on_blank = false`` leaves the field off a blank copy (asked elsewhere on the page);
    # ``blank_rows`` is how many empty rows a blank list offers (default: lists.BLANK_ROWS).
    on_blank: bool = True
    blank_rows: int | None = None
    # Paper: ``take_home_rows = "answered"`` leaves a menu's unanswered rows off a take-home copy (the
    # plan's review: a part not reviewed is no news to take home).
    answered_rows_only: bool = False
    # A list that starts with one row per menu option marked so, when its review opens
    # (``starts_with = { menu = ..., when = [...] }``; see ``core.forms.review_start``).
    starts_with: StartsWith | None = None

    @property
    def is_clinician(self) -> bool:
        return self.audience == "clinician"

    @property
    def traits(self) -> Traits:
        """What this field's kind is (see ``core.forms.kinds``)."""
        return traits(self.type)

    @property
    def stores_value(self) -> bool:
        """Whether this field keeps a value in the vault (totals and guidance are derived)."""
        return not self.traits.derived

    def column(self, column_id: str) -> Field:
        for col in self.columns:
            if col.id == column_id:
                return col
        raise KeyError(column_id)

    def option_label(self, option_id: str, language: str = DEFAULT_LANGUAGE, *,
                     discreet: bool = False) -> str:
        for opt in self.options:
            if opt.id == option_id:
                return opt.label.get_discreet(language) if discreet else opt.label.get(language)
        return option_id  # a value from an older definition: show it as stored


@dataclass(frozen=True)
class Section:
    """A titled group of fields. ``layout='grid'`` draws its lists as a 2x2 grid."""

    id: str
    title: Text
    fields: tuple[Field, ...]
    guidance: Text | None = None
    layout: Literal["stack", "grid"] = "stack"
    audience: Audience = "shared"
    # A blank copy prints this section's fields beside the previous section's, row for row
    # ("How it goes now" | "My optimal use"); its further fields follow at full width.
    beside_previous: bool = False

    @property
    def is_clinician(self) -> bool:
        return self.audience == "clinician"


@dataclass(frozen=True)
class PocketCard:
    """What a worksheet's wallet card holds, by field id (``[pocket_card]`` in its definition)."""

    front_lists: tuple[str, ...] = ()  # lists printed as bullets on the front
    front: tuple[str, ...] = ()  # single answers under them
    back: tuple[str, ...] = ()  # single answers on the safety side
    back_lists: tuple[str, ...] = ()  # lists printed as bullets on the safety side ("people to call")
    steps: str | None = None  # a guidance field whose text closes the safety side
    short_labels: Mapping[str, Text] = field(default_factory=dict)  # a card has no room for questions
    joined: Mapping[str, str] = field(default_factory=dict)  # field id -> the answer printed after it
    # front lists whose bullets print bare under their heading: no "Sign:" before each sign
    bare_lists: tuple[str, ...] = ()
    # back answers printed at the help lines' size, beside them: a number to call in a hurry
    large: tuple[str, ...] = ()

    def field_ids(self) -> tuple[str, ...]:
        """Every field the card names."""
        return (*self.front_lists, *self.front, *self.back, *self.back_lists,
                *((self.steps,) if self.steps else ()))


@dataclass(frozen=True)
class SafetyLinks:
    """Which answers choose the printed safety section (``[safety]`` in a definition)."""

    substances: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    after: str = ""  # the section it follows
    next_appointment: str | None = None  # a date field: the take-home header's "next appointment"


@dataclass(frozen=True)
class Overview:
    """A list at a glance (``[overview]``): the columns that make one short line per row."""

    field: str  # the list field
    title: Text
    columns: tuple[str, ...]  # in order; a scale column is shown as a level (bar and number)
    # Short names for long column labels. (``field`` above names the list: the factory is spelt out.)
    labels: Mapping[str, Text] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class CarryRule:
    """Items an earlier worksheet offers a new one (``[[carry]]`` in the receiving definition).

    Each filled row of ``source_form``'s list or menu ``source_field`` (with ``when`` met and ``need``
    filled) is one item. Into a text field it lands as one line made of the ``take`` cells (a menu
    row's label first); into a list it lands as a row whose cells come from ``columns``
    (target column -> source column). A single answer (``source_field`` a text, a choice...) is one
    item when filled, made of the answers of the ``take`` fields of the same worksheet. The person
    picks; nothing is carried on its own. ``at``: "start" offers the item when a new worksheet of this
    kind starts; "review" shows it at this worksheet's review (the source made since this one began).
    """

    source_form: str
    source_field: str
    into: str
    take: tuple[str, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)
    when_column: str | None = None
    when_values: tuple[str, ...] = ()
    need: str | None = None
    at: Literal["start", "review"] = "start"


@dataclass(frozen=True)
class FormDefinition:
    """A whole worksheet definition, as loaded from one ``forms/*.toml`` file."""

    id: str
    version: int
    title: Text
    sections: tuple[Section, ...]
    purpose: Text | None = None
    # Discreet take-home copies are titled "My plan" or "My notes".
    discreet_title: Literal["plan", "notes"] = "notes"
    # A revisable worksheet (the Optimal Use Plan) gets "Revise plan": a new linked version.
    revisable: bool = False
    source: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=True, compare=False)
    attribution: Text | None = None  # e.g. "adapted from harm reduction practice"
    pocket_card: PocketCard | None = None  # a worksheet with a wallet card (the Optimal Use Plan)
    safety: SafetyLinks | None = None  # answers that choose the printed safety content (``[safety]``)
    # The section reviewed before a new version is made (``review_section``; revisable worksheets).
    review_section: str | None = None
    # What earlier worksheets of the client offer a new one of this kind (``[[carry]]``).
    carry: tuple[CarryRule, ...] = ()
    # One line per row of a list, shown beside it and printed first (``[overview]``).
    overview: Overview | None = None

    def all_fields(self) -> Iterator[tuple[Section, Field]]:
        """Every top-level field with its section, in page order."""
        for section in self.sections:
            for fld in section.fields:
                yield section, fld

    def field(self, field_id: str) -> Field:
        for _, fld in self.all_fields():
            if fld.id == field_id:
                return fld
        raise KeyError(field_id)

    def field_ids(self) -> list[str]:
        return [fld.id for _, fld in self.all_fields() if fld.stores_value]

    def is_clinician_field(self, field_id: str) -> bool:
        for section, fld in self.all_fields():
            if fld.id == field_id:
                return section.is_clinician or fld.is_clinician
        return False


@dataclass(frozen=True)
class TotalOf:
    """What a ``total`` field adds up: one column of a list or menu (``"list_id.column_id"``)."""

    list_id: str
    column_id: str

    def __str__(self) -> str:
        return f"{self.list_id}.{self.column_id}"


@dataclass(frozen=True)
class Skip:
    """A measure's skip rule: when the items ``when_zero`` are answered and add up to 0, the items
    ``then`` are skipped (they count 0 and may stay empty), as the AUDIT's questions 1 to 3 direct."""

    when_zero: tuple[str, ...]
    then: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    """A range of a measure's score (both ends included) and what it means, for the clinician."""

    min: int
    max: int
    label: Text


@dataclass(frozen=True)
class Scoring:
    """What a ``score`` field adds up: the chosen options' points of its ``choice`` items."""

    items: tuple[str, ...]
    skips: tuple[Skip, ...] = ()
    bands: tuple[Band, ...] = ()
