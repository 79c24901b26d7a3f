"""Carry forward: what a client's earlier worksheets offer a new one, and where each item lands.

The links are declared in the receiving definition (``[[carry]]``, read by ``carry_links``). Every
item is offered for the person to pick; only picked items land, each with its source noted beside
it ("(from 18 Alternatives, December 1, 2026)"), so nothing is copied silently.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..words import long_date, word
from .content import is_blank
from .kinds import FieldKind
from .model import CarryRule, Field, FormDefinition
from .values import display_text, empty_row


@dataclass(frozen=True)
class SourceSheet:
    """An earlier worksheet of the client, as carry-forward reads it."""

    worksheet_id: int
    form: FormDefinition
    values: Mapping[str, Any]
    made_on: dt.date


@dataclass(frozen=True)
class CarryItem:
    """One item an earlier worksheet offers: its words, where it lands, where it came from."""

    worksheet_id: int
    into: str  # the receiving field's id
    text: str  # the item as the person reads it in the picker
    source: str  # "(from 18 Alternatives, December 1, 2026)": printed beside it where it lands
    cells: Mapping[str, str] = field(default_factory=dict)  # a list row's cells (list targets)


class _Versioned(Protocol):
    id: int
    previous_id: int | None


def source_forms(form: FormDefinition) -> frozenset[str]:
    """The worksheet kinds that offer items to a new ``form``."""
    return frozenset(rule.source_form for rule in form.carry)


def current_versions(sheets: Iterable[_Versioned], among: Iterable[int] | None = None) -> list[int]:
    """Ids of ``among`` (default: every sheet) that no later version in ``among`` replaces.

    The one rule for revised worksheets: a plan's versions offer their items once, from the newest
    version considered (the picker: every worksheet; ``new --carry``: the ones named).
    """
    listed = list(sheets)
    previous = {sheet.id: sheet.previous_id for sheet in listed}
    wanted = [sheet.id for sheet in listed] if among is None else [i for i in among if i in previous]
    replaced: set[int] = set()
    for sheet_id in wanted:  # every earlier version of a wanted one is replaced
        current = previous.get(sheet_id)
        while current is not None and current not in replaced:
            replaced.add(current)
            current = previous.get(current)
    return [sheet_id for sheet_id in dict.fromkeys(wanted) if sheet_id not in replaced]


def offered_items(
    form: FormDefinition, sources: Iterable[SourceSheet], language: str, at: str = "start"
) -> list[CarryItem]:
    """Every item ``sources`` offer a new ``form`` (``at="review"``: show at its review), source by
    source, in each rule's order."""
    items: list[CarryItem] = []
    seen: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
    for source in sources:
        note = word(
            "carry.source",
            language,
            title=source.form.title.get(language),
            date=long_date(source.made_on, language),
        )
        for rule in form.carry:
            if rule.source_form == source.form.id and rule.at == at:
                for item in _items(form, rule, source, note, language):
                    # An item is offered once per content: the same words for the same field from two
                    # worksheets (an earlier version named too) land once, with the first source's note
                    # (sources come newest first). Review notes are dated news: each one shows.
                    key = (item.into, item.text, tuple(sorted(item.cells.items())))
                    if at == "review" or key not in seen:
                        seen.add(key)
                        items.append(item)
    return items


def _source_rows(fld: Field, value: Any, language: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(row heading, cells) for each row of a list ("" heading) or menu (its row's label)."""
    if fld.type == FieldKind.MENU and isinstance(value, dict):
        labels = {row.id: row.label.get(language) for row in fld.rows}
        for row_id, cells in value.items():
            if isinstance(cells, dict):
                yield labels.get(str(row_id)) or str(row_id), cells
    elif fld.type == FieldKind.LIST and isinstance(value, list):
        for cells in value:
            if isinstance(cells, dict):
                yield "", cells


def _items(
    form: FormDefinition, rule: CarryRule, source: SourceSheet, note: str, language: str
) -> Iterator[CarryItem]:
    try:
        fld = source.form.field(rule.source_field)
    except KeyError:
        return  # the source definition changed: it offers nothing here rather than failing
    if fld.traits.value:  # a single answer: when filled, the 'take' answers of its worksheet
        if not form.field(rule.into).traits.value:
            return  # one answer makes a line of text, not a row of a list
        yield from _answer_item(rule, source, fld, note, language)
        return
    columns = {col.id: col for col in fld.columns}

    def cell(cells: Mapping[str, Any], column_id: str) -> str:
        col = columns.get(column_id)
        value = cells.get(column_id)
        if col is None or is_blank(col, value):
            return ""
        return display_text(col, value, language).strip()

    for heading, cells in _source_rows(fld, source.values.get(rule.source_field), language):
        if rule.when_column is not None and cells.get(rule.when_column) not in rule.when_values:
            continue
        if rule.need is not None and not cell(cells, rule.need):
            continue
        if rule.columns:
            landed = {target: cell(cells, column) for target, column in rule.columns.items()}
            if not any(landed.values()):
                continue
            text = " → ".join(v for v in landed.values() if v)
            yield CarryItem(source.worksheet_id, rule.into, text, note, landed)
        else:
            parts = [heading] if heading else []
            parts += [text for column in rule.take if (text := cell(cells, column))]
            if parts:
                yield CarryItem(source.worksheet_id, rule.into, " — ".join(parts), note)


def _answer_item(
    rule: CarryRule, source: SourceSheet, fld: Field, note: str, language: str
) -> Iterator[CarryItem]:
    if is_blank(fld, source.values.get(fld.id)):
        return
    parts = []
    for field_id in rule.take:
        try:
            answer = source.form.field(field_id)
        except KeyError:
            continue
        value = source.values.get(field_id)
        if answer.traits.value and not is_blank(answer, value):
            parts.append(" ".join(display_text(answer, value, language).split()))
    if parts:
        yield CarryItem(source.worksheet_id, rule.into, " — ".join(parts), note)


def carry_into(
    form: FormDefinition, values: Mapping[str, Any], picked: Iterable[CarryItem]
) -> dict[str, Any]:
    """``values`` with the picked items added to their fields, each followed by its source.

    A text answer gains one line per item (after what it already holds); a list gains one row per
    item, the source noted after its last filled cell.
    """
    result = copy.deepcopy(dict(values))
    for item in picked:
        target = form.field(item.into)
        if target.type == FieldKind.LIST:
            row = empty_row(target)
            row.update({key: value for key, value in item.cells.items() if key in row})
            filled = [key for key in item.cells if row.get(key)]
            row[filled[-1]] = f"{row[filled[-1]]} {item.source}"
            rows = result.get(item.into)
            result[item.into] = [*(rows if isinstance(rows, list) else []), row]
        else:
            line = f"{one_line(item.text)} {item.source}"  # one item, one line, its source at its end
            old = str(result.get(item.into) or "").rstrip()
            joiner = "\n" if target.type == FieldKind.MULTILINE else "; "
            result[item.into] = f"{old}{joiner}{line}" if old else line
    return result


def one_line(text: str) -> str:
    """An answer written over several lines as one line (a text field holds one item per line): the
    lines joined with "; ", or a space after a line that ends a sentence already."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    joined = ""
    for line in filter(None, lines):
        joined += ("" if not joined else " " if joined[-1] in ".;:,!?…" else "; ") + line
    return joined


class _Library(Protocol):
    forms: Mapping[str, FormDefinition]


def review_notes(
    vault: Any, library: _Library, worksheet_id: int, form: FormDefinition, language: str
) -> list[CarryItem]:
    """What the client's worksheets made since ``worksheet_id`` began show at its review (the rules
    ``at = "review"``: the session check-ins' "how my plan went" at a plan's review), oldest first."""
    if not any(rule.at == "review" for rule in form.carry):
        return []
    info = vault.worksheet(worksheet_id)
    since = [s for s in gather_sources(vault, library, info.client_id, form)
             if s.worksheet_id != worksheet_id and s.made_on >= info.session_date]
    since.sort(key=lambda s: (s.made_on, s.worksheet_id))
    return offered_items(form, since, language, at="review")


def gather_sources(
    vault: Any, library: _Library, client_id: int, form: FormDefinition, only: Iterable[int] | None = None
) -> list[SourceSheet]:
    """The client's worksheets that offer items to a new ``form``, newest first.

    Without ``only``: every current version (a revised worksheet offers its newest version only) of
    the kinds ``form`` declares. With ``only``: those worksheets, except one whose later version is
    named too (``current_versions``: the same rule). ``vault``
    is a ``core.vault.Vault`` (read only); a worksheet whose definition is not installed offers nothing.
    """
    kinds = source_forms(form)
    infos = vault.worksheets(client_id)
    wanted = set(current_versions(infos, among=only))
    found = []
    for info in infos:
        if info.id in wanted and info.form_id in kinds and info.form_id in library.forms:
            sheet = vault.worksheet(info.id)
            found.append(SourceSheet(info.id, library.forms[info.form_id], sheet.values, info.session_date))
    return found
