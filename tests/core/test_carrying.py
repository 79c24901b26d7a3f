"""Carry forward: the items earlier worksheets offer a new plan, picked one by one, each landing in
the right field with its source noted (links declared in forms/*.toml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from ihrp_desktop.core.forms import FormDefinitionError, default_library, parse_definition
from ihrp_desktop.core.forms.carrying import (
    SourceSheet,
    carry_into,
    current_versions,
    offered_items,
    source_forms,
)

DAY = dt.date(2026, 12, 1)
BALANCE = {
    "change_benefits": [{"item": "More money for the kids", "weight": 8}, {"item": "", "weight": 3}],
    "keep_costs": [{"item": "Hangovers at work"}],
    "keep_benefits": [{"item": "Relaxing after work"}],  # a reason to keep things: not offered
}
ALTERNATIVES = {
    "alternatives": {
        "pace": {"status": "will_try", "my_version": "water between beers"},
        "naloxone": {"status": "already_doing", "my_version": ""},
        "stop": {"status": "not_now", "my_version": "maybe in spring"},
        "surf_urge": {"status": "considering", "my_version": "ten minutes"},
    },
    "other": [{"alternative": "Walk the dog first", "status": "will_try", "my_version": ""}],
}
MICRO = {
    "chain": [
        {"event": "Argument with Marta", "options": "Call my brother", "urge": 6},
        {"event": "Bought a six-pack", "options": ""},  # no "what else": not offered
    ],
    "risk_moments": [{"moment": "Drove home", "danger": "two beers", "safer": "Take the bus"}],
}


def forms():  # noqa: ANN201
    lib = default_library()
    return (
        lib.get("optimal_use_plan"),
        lib.get("decisional_balance"),
        lib.get("alternatives"),
        lib.get("microanalysis"),
    )


def sources() -> list[SourceSheet]:
    _, balance, alternatives, micro = forms()
    return [
        SourceSheet(1, balance, BALANCE, DAY),
        SourceSheet(2, alternatives, ALTERNATIVES, DAY),
        SourceSheet(3, micro, MICRO, DAY),
    ]


def test_the_plan_declares_its_sources() -> None:
    plan = forms()[0]
    assert source_forms(plan) == {"decisional_balance", "alternatives", "microanalysis", "urge_log",
                                  "safety_plan", "session_check_in"}
    assert source_forms(default_library().get("alternatives")) == {"microanalysis"}


def test_every_filled_item_is_offered_with_its_target_and_source() -> None:
    items = offered_items(forms()[0], sources(), "en")
    by_text = {item.text: item for item in items}
    assert set(by_text) == {
        "More money for the kids",
        "Hangovers at work",
        "Pace it: space doses, eat, drink water — water between beers",
        "Carry naloxone and make sure others know how to use it",  # "already doing" counts, label alone
        "Walk the dog first",
        "Argument with Marta → Call my brother",
        "Drove home → Take the bus",
    }
    assert by_text["More money for the kids"].into == "my_reasons"
    assert by_text["Walk the dog first"].into == "support_changes"
    assert by_text["Argument with Marta → Call my brother"].into == "high_risk"
    assert all(
        item.source == "(from Decisional balance, December 1, 2026)"
        for item in items
        if item.worksheet_id == 1
    )
    assert not any("spring" in t or "ten minutes" in t or "Relaxing" in t for t in by_text)


def test_nothing_lands_unless_picked_and_each_picked_item_lands_with_its_source() -> None:
    plan = forms()[0]
    items = offered_items(plan, sources(), "en")
    assert carry_into(plan, {"substance": "Beer"}, []) == {"substance": "Beer"}
    picked = [
        i for i in items if i.text in ("More money for the kids", "Argument with Marta → Call my brother")
    ]
    values = carry_into(plan, {"my_reasons": "My health"}, picked)
    assert values["my_reasons"] == (
        "My health\nMore money for the kids (from Decisional balance, December 1, 2026)"
    )
    assert values["high_risk"] == [
        {
            "situation": "Argument with Marta",
            "instead": "Call my brother (from Microanalysis, December 1, 2026)",
        }
    ]
    assert "support_changes" not in values


def test_items_and_sources_read_in_the_worksheets_language() -> None:
    items = offered_items(forms()[0], sources(), "es")
    assert any(i.text.startswith("Ir más despacio") for i in items)
    assert all(
        "de Balance decisional, 1 de diciembre de 2026" in i.source or i.worksheet_id != 1 for i in items
    )


def test_only_the_newest_version_of_a_revised_worksheet_offers_items() -> None:
    sheets = [
        SimpleNamespace(id=1, previous_id=None),
        SimpleNamespace(id=2, previous_id=1),
        SimpleNamespace(id=3, previous_id=None),
    ]
    assert current_versions(sheets) == [2, 3]


def test_named_versions_of_one_plan_offer_the_newest_ones_items_only() -> None:
    """A stranger's case (docs/reliability.md): `new --carry 21 23`, 23 revising 21, landed every item
    twice. Of the named worksheets, one a later named version replaces offers nothing."""
    sheets = [
        SimpleNamespace(id=5, previous_id=4),
        SimpleNamespace(id=4, previous_id=1),
        SimpleNamespace(id=3, previous_id=None),
        SimpleNamespace(id=1, previous_id=None),
    ]
    assert current_versions(sheets, among=[1, 5]) == [5]  # the chain 1 -> 4 -> 5, middle not named
    assert current_versions(sheets, among=[1, 3, 1]) == [1, 3]  # not replaced by anything named
    assert current_versions(sheets, among=[4, 1]) == [4]


def test_the_same_words_for_the_same_field_are_offered_once_with_the_newest_source() -> None:
    _, _, alternatives, _ = forms()
    newer = SourceSheet(7, alternatives, ALTERNATIVES, DAY)
    older = SourceSheet(2, alternatives, ALTERNATIVES, DAY - dt.timedelta(days=14))
    items = offered_items(forms()[0], [newer, older], "en")
    texts = [item.text for item in items]
    assert len(texts) == len(set(texts)) == 3
    assert {item.worksheet_id for item in items} == {7}
    assert all("December 1, 2026" in item.source for item in items)


def test_an_answer_over_several_lines_lands_as_one_line_with_its_source_at_its_end() -> None:
    """A stranger's case (docs/reliability.md): a carried answer with line breaks became several lines
    of a one-item-per-line field, the source note on the last one only."""
    plan, _, alternatives, _ = forms()
    answer = "Dinner first\n\nwater every hour.\n  then home"
    values = {"alternatives": {"pace": {"status": "will_try", "my_version": answer}}}
    items = offered_items(plan, [SourceSheet(2, alternatives, values, DAY)], "en")
    landed = carry_into(plan, {"support_changes": "Walk first"}, items)["support_changes"]
    assert landed.splitlines() == [
        "Walk first",
        "Pace it: space doses, eat, drink water — Dinner first; water every hour. then home "
        "(from 18 Alternatives, December 1, 2026)",
    ]


HEAD = 'id = "mine"\nversion = 1\ntitle = { en = "Mine", es = "Mío" }\n'
BODY = (
    '[[section]]\nid = "a"\ntitle = { en = "A", es = "A" }\n[[section.field]]\nid = "x"\ntype = "text"\n'
    'label = { en = "X", es = "X" }\n'
)


@pytest.mark.parametrize(
    ("carry", "says"),
    [
        (
            '[[carry]]\nfrom = "microanalysis"\nfield = "chain"\ninto = "nowhere"\ntake = ["options"]\n',
            "'into'",
        ),
        ('[[carry]]\nfrom = "microanalysis"\nfield = "chain"\ninto = "x"\n', "'take'"),
        (
            '[[carry]]\nfrom = "microanalysis"\nfield = "chain"\ninto = "x"\ntake = ["a"]\nwhen = "yes"\n',
            "'when'",
        ),
    ],
)
def test_a_bad_carry_link_is_named(carry: str, says: str) -> None:
    with pytest.raises(FormDefinitionError, match=says):
        parse_definition(HEAD + carry + BODY, Path("mine.toml"))


def test_every_shipped_link_names_real_source_fields_columns_and_options() -> None:
    library = default_library()
    for form in library.forms.values():
        for rule in form.carry:
            source_form = library.get(rule.source_form)
            source = source_form.field(rule.source_field)
            # A single answer's 'take' names answers of its worksheet; a list's, its columns.
            cols = {f.id: f for _, f in source_form.all_fields()} if source.traits.value else {
                col.id: col for col in source.columns}
            named = [*rule.take, *rule.columns.values(), *filter(None, (rule.need, rule.when_column))]
            assert set(named) <= set(cols), (form.id, rule)
            if rule.when_column:
                assert set(rule.when_values) <= {o.id for o in cols[rule.when_column].options}, (
                    form.id,
                    rule,
                )
