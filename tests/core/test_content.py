"""What the editor and the printer both decide about answers lives once, in core/forms/content.py."""

from __future__ import annotations

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.content import grid_parts, has_content, retired_cells, row_has_content
from ihrp_desktop.core.forms.values import display_text

RETIRED = "Only after dinner, never before noon"


def _limits():  # type: ignore[no-untyped-def]
    return default_library().get("optimal_use_plan").field("limits")


def test_a_retired_column_counts_as_something_typed() -> None:
    limits = _limits()
    assert row_has_content(limits, {"limit": "", "per_week": RETIRED})
    assert has_content(limits, [{"limit": " "}, {"gone": RETIRED}])
    assert retired_cells(limits, {"limit": "x", "gone": RETIRED, "empty": ""}) == {"gone": RETIRED}


def test_rows_of_empty_cells_hold_nothing() -> None:
    limits = _limits()
    assert not has_content(limits, [{"limit": " ", "gone": ""}, {}])
    assert not row_has_content(limits, {"limit": "", "gone": None})
    assert retired_cells(limits, {"limit": "x"}) == {}


def test_the_editor_text_shows_the_retired_answer() -> None:
    assert RETIRED in display_text(_limits(), [{"limit": "", "per_week": RETIRED}])


def test_grid_parts_of_the_decisional_balance() -> None:
    form = default_library().get("decisional_balance")
    section = next(s for s in form.sections if s.layout == "grid")
    parts = grid_parts(section)
    assert len(parts.lists) == 4
    assert set(parts.sums) == {f.id for f in parts.lists}
    assert all(parts.in_grid(f) for f in parts.lists)
    assert all(parts.in_grid(total) for total in parts.sums.values())
    assert not any(parts.in_grid(f) for f in section.fields if f.type == "guidance")
