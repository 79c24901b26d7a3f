"""The demo clients as data: a file in the export format, dated relative to today, loaded by the importer."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

from ihrp_desktop.core.demo import DEMO_FILE, demo_document
from ihrp_desktop.core.exchange import check_records
from ihrp_desktop.core.exchange_check import FORMAT, VERSION
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.paths import bundled_dir

ROOT = Path(__file__).resolve().parents[2]


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return [node] if isinstance(node, str) else []


def _uids(document: dict[str, Any]) -> list[str]:
    return [record["uid"] for client in document["clients"] for record in
            [client, *client["sessions"], *(w for s in client["sessions"] for w in s["worksheets"])]]


def test_the_demo_file_is_an_export_of_the_current_version_that_checks_clean() -> None:
    stored = json.loads((bundled_dir("demo") / DEMO_FILE).read_text(encoding="utf-8"))
    assert (stored["format"], stored["version"]) == (FORMAT, VERSION)
    checked = check_records(stored, default_library())
    assert not checked.unknown_forms


def test_every_date_moves_with_today_and_the_reference_day_gives_the_file_as_written() -> None:
    stored = json.loads((bundled_dir("demo") / DEMO_FILE).read_text(encoding="utf-8"))
    reference = dt.date.fromisoformat(stored["reference_day"])
    as_written = demo_document(reference, new_uids=False)
    assert as_written == stored
    later = demo_document(reference + dt.timedelta(days=400), new_uids=False)
    moved = [(a, b) for a, b in zip(_strings(as_written), _strings(later), strict=True) if a != b]
    # Session dates, dates and times in the answers, timestamps: each exactly 400 days on.
    assert len(moved) > 30
    for before, after in moved:
        moved_by = dt.date.fromisoformat(after[:10]) - dt.date.fromisoformat(before[:10])
        assert moved_by == dt.timedelta(days=400)
        assert before[10:] == after[10:]
    sessions = [s["date"] for c in later["clients"] for s in c["sessions"]]
    assert max(sessions) <= (reference + dt.timedelta(days=400)).isoformat()  # no session after "today"


def test_each_load_has_new_uids_with_the_revision_links_kept() -> None:
    first, second = demo_document(), demo_document()
    assert not set(_uids(first)) & set(_uids(second))
    for document in (first, second):
        uids = set(_uids(document))
        links = [w["previous_uid"] for c in document["clients"] for s in c["sessions"]
                 for w in s["worksheets"] if w["previous_uid"] is not None]
        assert links and set(links) <= uids
        assert check_records(document, default_library())


def test_the_wheel_carries_the_demo_folder() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert shipped["demo"] == "ihrp_desktop/_bundled/demo"
    assert (ROOT / "demo" / DEMO_FILE).is_file()


def test_one_client_s_story_runs_through_the_review_loop_and_one_plan_covers_a_combination() -> None:
    """Balance -> 18 Alternatives (some to try, some that don't apply, outcomes at review) -> a plan
    carrying items from both with their source notes -> its review -> version 2; and a plan for
    substances used together, whose safety section covers both."""
    from ihrp_desktop.core.forms.revising import review_is_blank
    from ihrp_desktop.core.pdf.safety_section import plan_blocks

    library = default_library()
    clients = demo_document(new_uids=False)["clients"]
    story = next(c for c in clients if c["name"].startswith("Agnieszka"))
    sheets = [w for s in story["sessions"] for w in s["worksheets"]]
    forms = [w["form"] for w in sheets]
    assert forms.index("decisional_balance") < forms.index("alternatives") < forms.index("optimal_use_plan")
    alternatives = next(w["values"] for w in sheets if w["form"] == "alternatives")
    statuses = {row.get("status") for row in alternatives["alternatives"].values()}
    assert {"will_try", "not_for_me"} <= statuses
    assert {r["worked"] for r in alternatives["review_options"]} >= {"yes", "partly", "didnt_try"}
    first, second = [w for w in sheets if w["form"] == "optimal_use_plan"]
    assert "(from Decisional balance, " in first["values"]["my_reasons"]
    assert "(from 18 Alternatives, " in first["values"]["support_changes"]
    assert not review_is_blank(library.get("optimal_use_plan"), first["values"])
    assert second["previous_uid"] == first["uid"] and not second["values"]["review_learned"]
    combined = [w for c in clients for s in c["sessions"] for w in s["worksheets"]
                if w["form"] == "optimal_use_plan" and w["values"].get("used_with")]
    assert combined
    blocks = {b.id for b in plan_blocks(library.get("optimal_use_plan"), combined[0]["values"])}
    assert {"stimulants", "depressants", "stimulants_alcohol"} <= blocks
