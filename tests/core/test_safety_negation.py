"""Safety blocks are not chosen by a negated word: "never injected" prints no injecting block, "sin alcohol"
no alcohol block (issue 14). The negation words are data (``[negations]`` in forms/safety/safety.toml)."""

from __future__ import annotations

import pytest

from ihrp_desktop.core.safety import blocks_for, groups_for


@pytest.mark.parametrize(
    ("substances", "routes", "absent"),
    [
        (["Heroin"], ["Smoked, never injected"], "injecting"),
        (["Heroin"], ["I don't inject"], "injecting"),
        (["Heroin"], ["I don’t inject"], "injecting"),  # a typographic apostrophe
        (["Cannabis, no alcohol"], [], "alcohol"),
        (["Cannabis without alcohol"], [], "alcohol"),
        (["Not opioids, only cannabis"], [], "opioids"),
        (["Heroína"], ["Fumada, nunca inyectada"], "injecting"),
        (["Heroína"], ["No me inyecto"], "injecting"),
        (["Cannabis, sin alcohol"], [], "alcohol"),
        (["Cannabis, jamás cocaína"], [], "stimulants"),
    ],
)
def test_a_keyword_right_after_a_negation_does_not_count(
    substances: list[str], routes: list[str], absent: str
) -> None:
    assert absent not in groups_for(substances, routes)


@pytest.mark.parametrize(
    ("substances", "routes", "present"),
    [
        (["Heroin"], ["Smoked, sometimes injected"], "injecting"),
        (["No more than two beers"], [], "alcohol"),  # "no" is not right before "beers"
        (["No alcohol, but benzos at night"], [], "benzodiazepines"),
        (["Heroína"], ["Fumada; a veces inyectada"], "injecting"),
        (["No sé: cerveza y vino"], [], "alcohol"),
    ],
)
def test_the_same_keyword_without_a_negation_right_before_still_counts(
    substances: list[str], routes: list[str], present: str
) -> None:
    assert present in groups_for(substances, routes)


def test_only_the_word_right_before_is_looked_at() -> None:
    """The limit docs/forms.md states: in "no alcohol or benzos", "benzos" still counts."""
    assert groups_for(["no alcohol or benzos"], []) == {"benzodiazepines"}


def test_a_negation_at_the_end_of_one_answer_does_not_reach_the_next() -> None:
    assert "injecting" in groups_for([], ["Smoked, never", "Injected"])


def test_the_injecting_block_is_left_out_of_a_plan_that_never_injects() -> None:
    ids = [b.id for b in blocks_for(["Heroin"], ["Smoked, never injected"])]
    assert "injecting" not in ids and "opioids" in ids


def test_the_any_substance_block_prints_on_every_plan() -> None:
    """docs/forms.md: "The block for any substance prints on every plan", negated words or none."""
    assert [b.id for b in blocks_for([], [])] == ["any"]
    assert "any" in [b.id for b in blocks_for(["no alcohol"], ["never injected"])]
