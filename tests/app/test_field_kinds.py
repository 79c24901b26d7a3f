"""Every registry keyed by field kind covers exactly the kinds it must: one test for all of them.

Adding a kind to ``core/forms/kinds.py`` fails here until the editor, the printed page and the
values each know it (a missing entry would otherwise fail only when a definition uses the kind).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from ihrp_desktop.app.editor.fields import VALUE_EDITORS
from ihrp_desktop.app.editor.registry import WIDGETS
from ihrp_desktop.core.forms import values
from ihrp_desktop.core.forms.kinds import TRAITS, FieldKind, kinds_with, traits
from ihrp_desktop.core.pdf import fields as pdf_fields
from ihrp_desktop.core.pdf.registry import BUILDERS

EVERY = frozenset(FieldKind)
COLUMNS = kinds_with("value")  # what a list or menu row holds
STORED = EVERY - kinds_with("derived")

REGISTRIES: dict[str, tuple[Mapping[FieldKind, Any], frozenset[FieldKind]]] = {
    "editor widgets (app/editor/registry.py)": (WIDGETS, EVERY),
    "editor cells of a row (app/editor/fields.py)": (VALUE_EDITORS, COLUMNS),
    "printed flowables (core/pdf/registry.py)": (BUILDERS, EVERY),
    "printed cells of a row (core/pdf/fields.py)": (pdf_fields.VALUE_BUILDERS, COLUMNS),
    "empty values (core/forms/values.py)": (values._DEFAULTS, EVERY),
    "value coercion (core/forms/values.py)": (values._COERCERS, STORED),
    "traits (core/forms/kinds.py)": (TRAITS, EVERY),
}


@pytest.mark.parametrize("name", list(REGISTRIES))
def test_every_registry_covers_its_kinds(name: str) -> None:
    registry, kinds = REGISTRIES[name]
    assert set(registry) == set(kinds), name
    assert all(isinstance(key, FieldKind) for key in registry), f"{name} is keyed by FieldKind"


def test_every_kind_is_exactly_one_of_value_container_derived() -> None:
    for kind in FieldKind:
        t = traits(kind)
        assert [t.value, t.container, t.derived].count(True) == 1, kind


def test_a_kind_compares_equal_to_its_toml_word() -> None:
    assert FieldKind("list") == "list" and traits("menu").container
    assert {FieldKind.TEXT: 1}["text"] == 1
