"""The plan's goal in the client's own terms: a goal choice and "my reasons"; plans written before
these fields existed keep every stored value."""

from __future__ import annotations

from ihrp_desktop.core.demo import demo_document
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.values import normalize


def test_the_goal_offers_every_direction_including_not_sure_yet() -> None:
    goal = default_library().get("optimal_use_plan").field("goal")
    assert [o.id for o in goal.options] == ["safer_use", "use_less", "take_a_break", "stop", "not_sure"]
    assert goal.option_label("not_sure", "es") == "Todavía no lo sé"
    assert default_library().get("optimal_use_plan").field("my_reasons").type == "multiline"


def test_existing_plans_keep_every_stored_value_and_start_the_new_fields_empty() -> None:
    plan = default_library().get("optimal_use_plan")
    plans = [  # the demo's plans saved under version 1 (before the goal existed)
        w["values"]
        for c in demo_document(new_uids=False)["clients"]
        for s in c["sessions"]
        for w in s["worksheets"]
        if w["form"] == "optimal_use_plan" and w["form_version"] == 1
    ]
    assert plans
    for values in plans:
        assert "goal" not in values  # written before the goal existed
        now = normalize(plan, values)
        for key, value in values.items():
            assert now[key] == value, key  # every stored answer, as it was
        assert now["goal"] == "" and now["my_reasons"] == ""
