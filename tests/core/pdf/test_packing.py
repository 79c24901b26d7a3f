"""Packing measures a shared row without building its table: the height must be the table's own."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ihrp_desktop.core.pdf.document import _context
from ihrp_desktop.core.pdf.options import PrintOptions
from ihrp_desktop.core.pdf.packing import _cell, _row, _row_height, packable
from ihrp_desktop.core.pdf.printable import printable_values


@pytest.mark.parametrize("copy", ["take-home", "clinician", "blank"])
@pytest.mark.parametrize(
    "form_id", ["optimal_use_plan", "microanalysis", "alternatives", "decisional_balance"]
)
def test_row_height_is_the_tables_height(kit: SimpleNamespace, form_id: str, copy: str) -> None:
    form = kit.shipped_form(form_id)
    values, _ = kit.every_value(form)
    if form_id == "optimal_use_plan":
        values = kit.OPTIMAL_USE_PLAN
    ctx = _context(form, {} if copy == "blank" else printable_values(form, values), PrintOptions(copy=copy))
    fields = [f for _, f in form.all_fields() if packable(f, ctx)]
    if len(fields) < 2:
        pytest.skip("no two fields of this copy may share a row")
    for first, second in zip(fields, fields[1:], strict=False):
        measured = _row_height([_cell(first, ctx), _cell(second, ctx)], ctx)
        _, height = _row([_cell(first, ctx), _cell(second, ctx)], ctx).wrap(ctx.width, 10_000)
        assert measured == height, (first.id, second.id)
