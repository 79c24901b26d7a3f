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


@pytest.mark.parametrize(("column", "size", "filler"), [
    ("event", 2000, "word "), ("options", 2000, "word "), ("action", 5000, "word "), ("event", 5000, "word "),
    ("options", 3000, "WMWMW "), ("event", 3000, "W"), ("event", 3000, "line\n"),
])
def test_a_long_link_prints_shortened_at_a_glance_and_whole_in_its_block(column: str, size: int,
                                                                          filler: str) -> None:
    # Stranger's case R1: 2,000 characters of "What happened" made every copy fail (LayoutError).
    form = shipped_form("microanalysis")
    long = (filler * size)[: size - 4] + "ENDZ"
    link = {"event": "Bus home", "urge": 5, "options": "Call Ola", column: long}
    for copy in ("take-home", "clinician"):
        pdf = render_worksheet(form, {"episode_summary": "After work", "chain": [link]}, PrintHeader(),
                               PrintOptions(copy=copy))
        text = squash(pdf_text(pdf))
        start = text.index(squash("The chain at a glance"))
        block = text[start:text.index(squash("The moment we're looking at"))]
        if column in form.overview.columns:  # type: ignore[union-attr]
            assert "…" in block and "ENDZ" not in block
            lines = pdf_text(pdf).splitlines()
            start_line = next(n for n, line in enumerate(lines) if "Choice point" in line)
            end_line = next(n for n, line in enumerate(lines) if "The moment we're looking at" in line)
            # The link's line: its number, its urge, the short cell, and the long one on four lines at most.
            assert 4 <= end_line - start_line - 1 <= 3 + 4
        assert text.count("ENDZ") == 1  # the whole text, once: in the link's own block


@pytest.mark.parametrize("links", [12, 30])
def test_link_numbers_of_two_digits_print_whole_at_a_glance(links: int) -> None:
    # Stranger's case R3: "10" broke over two lines ("1" above "0") in the number column.
    form = shipped_form("microanalysis")
    chain = [{"event": f"Moment {n + 1}", "urge": n % 11} for n in range(links)]
    pdf = render_worksheet(form, {"chain": chain}, PrintHeader(), PrintOptions(copy="clinician"))
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    overview = lines[lines.index("The chain at a glance"):lines.index("The chain, link by link")]
    for n in range(1, links + 1):  # each number whole on its line, before its text
        assert overview[overview.index(f"Moment {n}") - 1] == str(n)
