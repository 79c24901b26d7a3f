"""A row whose only answer sits in a column a newer definition retired still prints (issue 17).

The printer's promise (``core/pdf/printable.py``): a printed copy never drops something a person
typed. The editor counts such a row as filled (``core.forms.content``); the printer must too.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.pocket_card import render_pocket_card

RETIRED = "Only after dinner, never before noon"


@pytest.mark.parametrize("copy", ["take-home", "clinician"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_limits_row_with_only_a_retired_column_prints(
    kit: SimpleNamespace, copy: str, language: str
) -> None:
    form = kit.shipped_form("optimal_use_plan")
    values = {"limits": [{"limit": "", "per_week": RETIRED}]}
    data = render_worksheet(form, values, kit.HEADER, PrintOptions(copy=copy, language=language))
    assert kit.squash(RETIRED) in kit.squash(kit.pdf_text(data))


def test_a_table_row_with_only_a_retired_column_prints(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("microanalysis")
    lists = [fld for _, fld in form.all_fields() if fld.type == "list"]
    values = {lists[0].id: [{"retired_column": RETIRED}]}
    data = render_worksheet(form, values, kit.HEADER, PrintOptions(copy="take-home"))
    assert kit.squash(RETIRED) in kit.squash(kit.pdf_text(data))


def test_the_pocket_card_keeps_a_retired_limit(kit: SimpleNamespace) -> None:
    form = kit.shipped_form("optimal_use_plan")
    data = render_pocket_card(form, {"limits": [{"limit": "", "per_week": RETIRED}]}, PrintOptions())
    assert kit.squash(RETIRED) in kit.squash(kit.pdf_text(data))

