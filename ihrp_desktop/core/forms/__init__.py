"""Worksheet definitions: load and validate ``forms/*.toml``; work with worksheet values."""

from __future__ import annotations

from functools import cache

from ..paths import forms_dir, user_forms_dir
from .library import FormLibrary, load_library
from .loader import FormDefinitionError, load_definition, parse_definition
from .model import Field, FormDefinition, MenuRow, Option, Section, Text

__all__ = [
    "Field", "FormDefinition", "FormDefinitionError", "FormLibrary", "MenuRow", "Option",
    "Section", "Text", "default_library", "load_definition", "load_library", "parse_definition",
]


@cache
def default_library() -> FormLibrary:
    """The shipped worksheets plus the user's own folder, parsed once per process."""
    return load_library(forms_dir(), user_forms_dir())
