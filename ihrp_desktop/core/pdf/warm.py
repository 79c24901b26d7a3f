"""What every render needs once per process, done ahead of the first one.

Parsing the three Noto Sans files is most of a first render's extra cost (docs/performance.md); the
paragraph styles and their fragment templates (:mod:`.fragments`) come next. None of it holds
client data.
"""

from __future__ import annotations

import dataclasses

from .fragments import template
from .styles import styles


def prepare() -> None:
    """Register the fonts, build the paragraph styles and each style's fragment template."""
    built = styles()  # registers the fonts first
    for item in dataclasses.fields(built):
        template(getattr(built, item.name))
