"""Printed worksheets (ReportLab): take-home, clinician and blank copies, returned as PDF bytes.

Built from the same worksheet definition as the editor: each field type has one flowable builder
(:mod:`.registry`). Nothing is written to disk.
"""

from __future__ import annotations

from .document import render_blank, render_worksheet
from .options import PrintHeader, PrintOptions
from .pocket_card import render_pocket_card
from .recovery_sheet import render_recovery_sheet
from .warm import prepare

# Done when the package is imported: the app imports it on a worker thread while the passphrase
# is typed, so the first print preview does not wait for the fonts to be parsed.
prepare()

__all__ = [
    "PrintHeader",
    "PrintOptions",
    "prepare",
    "render_blank",
    "render_pocket_card",
    "render_recovery_sheet",
    "render_worksheet",
]
