"""Packing's side-by-side row must be laid out and drawn exactly like the one-row table it replaces."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from ihrp_desktop.core.pdf.document import _context
from ihrp_desktop.core.pdf.options import PrintOptions
from ihrp_desktop.core.pdf.packing import PairRow, field_cell, packable
from ihrp_desktop.core.pdf.printable import printable_values

# The table the row used to be.
TABLE_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 14),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _text_positions(story: list[Flowable]) -> list[tuple[str, float, float]]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER).build(story)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text, round(cm[4] + tm[4], 3), round(cm[5] + tm[5], 3)))

    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    "form_id", ["optimal_use_plan", "microanalysis", "alternatives", "decisional_balance"]
)
def test_pair_row_is_the_table_it_replaces(kit: SimpleNamespace, form_id: str) -> None:
    form = kit.shipped_form(form_id)
    values, _ = kit.every_value(form)
    if form_id == "optimal_use_plan":
        values = kit.OPTIMAL_USE_PLAN
    pairs = 0
    for copy in ("take-home", "clinician", "blank"):  # some copies of a form have no two packable fields
        ctx = _context(form, {} if copy == "blank" else printable_values(form, values),
                       PrintOptions(copy=copy))
        fields = [f for _, f in form.all_fields() if packable(f, ctx)]
        rows: list[Flowable] = []
        tables: list[Flowable] = []
        for first, second in zip(fields, fields[1:], strict=False):
            row = PairRow([field_cell(first, ctx), field_cell(second, ctx)], ctx.width)
            table = Table(
                [[field_cell(first, ctx), field_cell(second, ctx)]],
                colWidths=[ctx.width / 2] * 2,
                hAlign="LEFT",
                style=TABLE_STYLE,
            )
            assert row.wrap(ctx.width, 10_000) == table.wrap(ctx.width, 10_000), (copy, first.id, second.id)
            rows.append(row)
            tables.append(table)
        pairs += len(rows)  # counted first: building a document empties the list it is given
        if rows:
            positions = _text_positions(rows)
            assert positions and positions == _text_positions(tables), copy
    assert pairs > 0  # every shipped worksheet has fields that may share a row in some copy
