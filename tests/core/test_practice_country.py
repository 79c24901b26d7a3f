"""Changing the country (the stranger's case: after `practice --country FR` the US poison number stayed,
relabelled "Poison line", and one --confirm printed it): shipped lines are replaced by the new country's,
or cleared; a typed line is kept; the confirmation is always cleared. Real vault, real PDF."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.practice import Line, Practice
from ihrp_desktop.core.vault import KdfParams, Vault


def test_a_country_without_data_clears_the_shipped_lines_and_the_confirmation(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v", "correct horse battery staple", kdf=KdfParams.fast()) as vault:
        vault.save_practice(Practice(phone="555-0100", confirmed=True).with_country("US"))
        us = vault.save_practice(replace_confirmed(vault.practice()))
        assert us.confirmed and us.poison.number == "1-800-222-1222"
        france = vault.save_practice(vault.practice().with_country("FR"))
        assert (france.crisis, france.poison, france.emergency) == (Line(), Line(), "")
        assert not france.confirmed
        again = vault.save_practice(replace_confirmed(vault.practice()))  # one --confirm
        data = render_worksheet(default_library().get("optimal_use_plan"), {"substance": "Heroin"},
                                PrintHeader(client_name="Zofia", practice=again), PrintOptions())
        text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        assert "1-800-222-1222" not in text and "988" not in text and "911" not in text


def test_a_typed_line_is_kept_and_a_shipped_one_replaced() -> None:
    typed = Practice(country="US", crisis=Line("", "988"), poison=Line("", "555-0199"), confirmed=True)
    assert not typed.is_typed("crisis") and typed.is_typed("poison")
    moved = typed.with_country("ES")
    assert moved.crisis == Line() and moved.poison == Line("", "555-0199") and not moved.confirmed
    labelled = Practice(country="US", crisis=Line("Our own line", "988"))
    assert labelled.is_typed("crisis") and labelled.with_country("FR").crisis == Line("Our own line", "988")
    back = moved.with_country("US")
    assert back.crisis.number == "988" and back.poison.number == "555-0199"


def test_the_same_country_again_still_needs_confirming() -> None:
    assert not Practice(confirmed=True).with_country("US").with_country("US").confirmed


def replace_confirmed(practice: Practice) -> Practice:
    from dataclasses import replace
    return replace(practice, confirmed=True)
