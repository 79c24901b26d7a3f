"""The chain at a glance on paper: the first block of every filled microanalysis copy, each link's text
and urge level in it; a discreet copy's overview holds the client's words under neutral labels."""

from __future__ import annotations

import pytest

from ihrp_desktop.core.forms.discreet import discreet_facing
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from tests.core.pdf.conftest import pdf_text, shipped_form, squash

CHAIN = [
    {"event": "Dad's comment at dinner", "urge": 3, "options": "Step outside, text Ola",
     "action": "Ordered two beers"},
    {"event": "Bus home alone", "urge": 6, "options": "Call Ola"},
    {},  # an empty link prints no line (nor a card): the next is link 3 in both
    {"event": "Took the pills on top", "urge": 9},
]
VALUES = {"episode_summary": "After the birthday", "chain": CHAIN}


@pytest.mark.parametrize(
    ("copy", "discreet"), [("take-home", False), ("take-home", True), ("clinician", False)]
)
def test_the_overview_is_the_first_block_with_each_links_text_and_urge(copy: str, discreet: bool) -> None:
    form = shipped_form("microanalysis")
    pdf = render_worksheet(form, VALUES, PrintHeader(client_name="Kamil"),
                           PrintOptions(copy=copy, discreet=discreet))
    text = squash(pdf_text(pdf))
    start = text.index(squash("The chain at a glance"))
    first_section = text.index(squash("The moment we're looking at"))
    assert start < first_section  # before every section of the worksheet
    block = text[start:first_section]
    for line in ("1 Dad's comment at dinner 3 Step outside, text Ola", "2 Bus home alone 6 Call Ola",
                 "3 Took the pills on top 9"):
        assert squash(line) in block
    assert squash("What happened Urge Choice point") in block
    assert squash("Ordered two beers") not in block  # only the declared columns
    assert squash("Link 3 What happened: Took the pills on top") in text  # the same number on its card


def test_a_blank_or_an_empty_chain_prints_no_overview() -> None:
    form = shipped_form("microanalysis")
    for values, copy in (({}, "blank"), ({"episode_summary": "x", "chain": [{}]}, "take-home")):
        pdf = render_worksheet(form, values, PrintHeader(), PrintOptions(copy=copy))
        assert "at a glance" not in pdf_text(pdf)


def test_the_overviews_fixed_words_are_checked_for_the_discreet_copy() -> None:
    checked = {(where, key) for where, key, _ in discreet_facing(shipped_form("microanalysis"))}
    assert ("chain", "overview title") in checked
    assert ("chain.options", "overview label") in checked
