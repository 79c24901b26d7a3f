"""The worksheet editor: a page generated from a worksheet definition (one registry of widgets)."""

from __future__ import annotations

from .editor import WorksheetEditor

__all__ = ["WorksheetEditor"]
