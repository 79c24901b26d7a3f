"""The field type -> flowable builder registry (one entry per type, as in rst2pdf).

Adding a field kind means one entry here or in ``fields.VALUE_BUILDERS`` (the column kinds, which
lists and menus build without this module); ``tests/app/test_field_kinds.py`` checks every
registry covers every kind, and a definition with an unknown type fails when it is loaded.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from ..forms.kinds import FieldKind
from ..forms.model import Field
from ..forms.scoring import score, score_text
from .context import RenderContext
from .fields import VALUE_BUILDERS, Builder, build_guidance, build_total
from .lists import build_list
from .markup import escape_text
from .menu import build_menu
from .paragraphs import Paragraph


def build_score(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """A measure's score, written as "AUDIT score: 14 of 40 · Zone II ..." (a line on a blank copy);
    an incomplete one says so and gives no band (``core.forms.scoring``)."""
    if ctx.blank:
        shown = "_____"
    else:
        shown = escape_text(score_text(fld, score(ctx.form, fld, ctx.values), ctx.language))
    return [Paragraph(f"<b>{escape_text(ctx.text(fld.label))}:</b> {shown}", ctx.style.value)]


BUILDERS: dict[FieldKind, Builder] = {
    **VALUE_BUILDERS,
    FieldKind.LIST: build_list,
    FieldKind.MENU: build_menu,
    FieldKind.TOTAL: build_total,
    FieldKind.SCORE: build_score,
    FieldKind.GUIDANCE: build_guidance,
}


def build_value(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """The flowables for one field and its value on this copy."""
    try:
        builder = BUILDERS[fld.type]
    except KeyError:
        raise ValueError(f"The printed page has no layout for the field type '{fld.type}'.") from None
    return builder(fld, value, ctx)
