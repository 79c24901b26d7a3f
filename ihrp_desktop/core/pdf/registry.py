"""The field type -> flowable builder registry (one entry per type, as in rst2pdf).

Adding a field type means one entry here (and one in the app's editor registry and in
``core.forms.values``); a definition with an unknown type already fails when it is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from ..forms.model import Field
from .context import RenderContext
from .fields import (
    build_checkbox,
    build_choice,
    build_guidance,
    build_scale,
    build_short,
    build_text,
    build_total,
)
from .lists import build_list
from .menu import build_menu

Builder = Callable[[Field, Any, RenderContext], list[Flowable]]

BUILDERS: dict[str, Builder] = {
    "text": build_text,
    "multiline": build_text,
    "number": build_short,
    "date": build_short,
    "datetime": build_short,
    "scale": build_scale,
    "choice": build_choice,
    "multichoice": build_choice,
    "checkbox": build_checkbox,
    "list": build_list,
    "menu": build_menu,
    "total": build_total,
    "guidance": build_guidance,
}


def build_value(fld: Field, value: Any, ctx: RenderContext) -> list[Flowable]:
    """The flowables for one field and its value on this copy."""
    try:
        builder = BUILDERS[fld.type]
    except KeyError:
        raise ValueError(f"The printed page has no layout for the field type '{fld.type}'.") from None
    return builder(fld, value, ctx)
