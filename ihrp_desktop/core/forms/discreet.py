"""The discreet-copy check: no fixed text a discreet copy prints may name a substance, a drug, overdose,
naloxone, treatment, therapy, a clinic or the law (the word list in forms/safety/discreet_words.toml).

A discreet take-home copy prints every fixed text in its discreet form (``discreet = {...}`` beside
the languages) or, without one, as written. The loader refuses a definition where that text holds a
listed word, naming the file and the field (tests/core/test_discreet_words.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..safety import listed_words_in
from ..vocabulary import FORMAL_SUFFIX, Register, in_register
from .model import Field, FormDefinition, Text
from .reading import FormDefinitionError


def _field_texts(fld: Field) -> Iterator[tuple[str, str, Text | None]]:
    # The texts a filled copy prints beside answers (guidance and placeholders print on blanks only).
    yield fld.id, "label", fld.label
    yield fld.id, "unit", fld.unit
    yield fld.id, "low", fld.low
    yield fld.id, "high", fld.high
    yield fld.id, "row_label", fld.row_label
    if fld.type == "guidance":
        yield fld.id, "text", fld.text
    for option in fld.options:
        yield fld.id, f"option '{option.id}'", option.label
    for row in fld.rows:
        yield fld.id, f"row '{row.id}'", row.label
        yield fld.id, f"row '{row.id}' group", row.group
        yield fld.id, f"row '{row.id}' caution", row.caution
    for column in fld.columns:
        for fid, key, text in _field_texts(column):
            yield f"{fld.id}.{fid}", key, text


def discreet_facing(form: FormDefinition) -> Iterator[tuple[str, str, Text]]:
    """(field or section id, which text, the Text) for every fixed text a discreet copy can print."""
    for section in form.sections:
        if section.is_clinician:
            continue  # never on a take-home copy
        yield f"section {section.id}", "title", section.title
        for fld in section.fields:
            if fld.is_clinician:
                continue
            for where, key, text in _field_texts(fld):
                if text is not None:
                    yield where, key, text
    if form.pocket_card is not None:
        for fid, text in form.pocket_card.short_labels.items():
            yield fid, "pocket_card short label", text
    if form.overview is not None:  # printed first on every copy, the discreet one too
        yield form.overview.field, "overview title", form.overview.title
        for column, text in form.overview.labels.items():
            yield f"{form.overview.field}.{column}", "overview label", text


def check_discreet(form: FormDefinition) -> None:
    """Raise FormDefinitionError at the first discreet-facing text that holds a listed word."""
    for where, key, text in discreet_facing(form):
        languages = set(text.by_language) | set(text.discreet or {})
        for lang in sorted(languages):
            base, formal, _ = lang.partition(FORMAL_SUFFIX)  # a formal variant prints for formal readers
            found = listed_words_in(text.get_discreet(in_register(base, Register.FORMAL) if formal else lang))
            if found:
                raise FormDefinitionError(
                    form.source or form.id,
                    f"the {key} of {where} would print \"{', '.join(found)}\" on a discreet copy "
                    f"({lang}); add a neutral form: {key.split()[0]} = {{ en = \"...\", discreet = "
                    "{ en = \"...\", es = \"...\" } }",
                    field=where.removeprefix("section "),
                )
