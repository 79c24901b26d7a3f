"""A new version of a revisable worksheet: what it keeps and what starts empty.

Which answers no longer apply to a new version (the review, the dates, the prediction, the
clinician's note) is declared on the fields (``resets_on_revise = true``, on a field or on a column
of a list), never listed here. The old answers stay in the earlier version and show beside each
field as "Before:".
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .content import is_blank
from .model import Field, FormDefinition
from .review_start import is_starting_row


def resetting_fields(form: FormDefinition) -> tuple[str, ...]:
    """Ids of the fields a new version starts empty."""
    return tuple(fld.id for _, fld in form.all_fields() if fld.resets_on_revise and fld.stores_value)


def resetting_columns(form: FormDefinition) -> dict[str, tuple[str, ...]]:
    """List or menu field id -> its columns a new version starts empty (every row)."""
    found: dict[str, tuple[str, ...]] = {}
    for _, fld in form.all_fields():
        cols = tuple(col.id for col in fld.columns if col.resets_on_revise)
        if cols and not fld.resets_on_revise:
            found[fld.id] = cols
    return found


def revised_values(form: FormDefinition, values: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a new version starts with: every answer kept except those declared to reset.

    Keys the definition does not know (from an older or newer definition) are kept as they are.
    """
    kept = {key: copy.deepcopy(value) for key, value in values.items()}
    for field_id in resetting_fields(form):
        kept.pop(field_id, None)
    for field_id, columns in resetting_columns(form).items():
        rows = kept.get(field_id)
        if isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict):
                    for column in columns:
                        row.pop(column, None)
        elif isinstance(rows, dict):  # a menu: row id -> cells
            for cells in rows.values():
                if isinstance(cells, dict):
                    for column in columns:
                        cells.pop(column, None)
    return kept


def review_is_blank(form: FormDefinition, values: Mapping[str, Any]) -> bool:
    """Whether the section to review before revising (``review_section``) holds no answer yet: rows
    the program started the review with (``core.forms.review_start``) are no answer."""
    for section in form.sections:
        if section.id == form.review_section:
            fields = [fld for fld in section.fields if fld.stores_value]
            return all(_unanswered(form, fld, values.get(fld.id)) for fld in fields)
    return False  # nothing declared to review


def _unanswered(form: FormDefinition, fld: Field, value: Any) -> bool:
    if isinstance(value, list) and fld.starts_with is not None:
        value = [row for row in value if not is_starting_row(form, fld, row)]
    return is_blank(fld, value)
