"""Printed worksheets (ReportLab): take-home, clinician and blank copies, returned as PDF bytes.

Built from the same worksheet definition as the editor: each field type has one flowable builder
(:mod:`.registry`). Nothing is written to disk.
"""

from __future__ import annotations

from .document import render_blank, render_worksheet
from .options import PrintHeader, PrintOptions
from .pocket_card import render_pocket_card
from .pocket_sheet import render_pocket_card_sheet
from .recovery_sheet import render_recovery_sheet
from .warm import prepare

__all__ = [
    "PrintHeader",
    "PrintOptions",
    "prepare",
    "render_blank",
    "render_pocket_card",
    "render_pocket_card_sheet",
    "render_recovery_sheet",
    "render_worksheet",
]
