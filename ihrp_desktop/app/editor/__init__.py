"""The worksheet editor: a page generated from a worksheet definition (one registry of widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .editor import WorksheetEditor

__all__ = ["WorksheetEditor"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the theme module lives in this package and is needed at launch,
    # the editor only once a worksheet opens.
    if name == "WorksheetEditor":
        from .editor import WorksheetEditor

        return WorksheetEditor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
