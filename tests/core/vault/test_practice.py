"""The practice profile: stored in a real vault, the shipped lines cited, confirmation before printing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ihrp_desktop.core.practice import Line, Practice, countries, shipped
from ihrp_desktop.core.vault import Vault


def test_the_profile_is_kept_in_the_vault_and_survives_a_reopen(vault: Vault) -> None:
    assert vault.practice() == Practice()  # nothing set yet: empty and unconfirmed
    saved = vault.save_practice(
        Practice(name="Riverside Counseling", phone="555-0100", paper="a4").with_country("US"))
    assert saved.crisis.number == "988" and saved.poison.number == "1-800-222-1222" and not saved.confirmed
    vault.save_practice(replace(saved, confirmed=True))
    path = vault.path
    vault.close()
    with Vault.open(path, "correct horse battery staple") as again:
        back = again.practice()
        assert back.name == "Riverside Counseling" and back.confirmed and back.country == "US"
        assert back.paper == "letter"  # with_country chose the country's paper after a4 was given
        assert again.audit_events()[-1].action in ("practice_changed", "unlocked")
        assert "practice_changed" in [e.action for e in again.audit_events()]


def test_every_shipped_number_has_its_official_source_and_the_day_it_was_checked() -> None:
    assert countries()  # at least one country ships lines
    for country in countries().values():
        for line in country.lines.values():
            assert re.search(r"https://\S+", line.source), (country.code, line.kind)
            if line.checked:  # "" = not re-read, shown as such by `practice`
                dt.date.fromisoformat(line.checked)
            assert line.number.strip()
    assert shipped("US", "crisis").number == "988"  # type: ignore[union-attr]
    assert shipped("US", "poison").number == "1-800-222-1222"  # type: ignore[union-attr]
    # Spain's 024 and 112 were found in press reports only, not on an official page: not shipped.
    assert shipped("ES", "crisis") is None and shipped("ES", "emergency") is None
    assert shipped("ES", "poison") is None


def test_a_country_change_or_a_typed_line_needs_confirming_again() -> None:
    confirmed = Practice(crisis=Line("", "988"), country="US", confirmed=True)
    assert not confirmed.with_country("ES").confirmed
    spain = Practice(poison=Line("", "91 000 00 00")).with_country("ES")
    assert spain.crisis.number == "" and spain.poison.number == "91 000 00 00"  # typed one kept
    assert spain.paper == "a4"


def test_labels_follow_the_page_language_and_a_discreet_copy_gets_neutral_ones() -> None:
    us = Practice(name="Harm Reduction Therapy Center", phone="555-0100").with_country("US")
    assert us.printed_lines("en")[0] == ("988 Suicide & Crisis Lifeline (call or text)", "988")
    assert us.printed_lines("es")[1][0].startswith("Poison Help")
    assert us.printed_lines("en", discreet=True) == [
        ("Talk to someone", "988"), ("Advice line", "1-800-222-1222"), ("Emergency", "911")]
    assert us.foot("en") == "Harm Reduction Therapy Center · 555-0100"
    assert us.foot("en", discreet=True) == "Call: 555-0100"  # never the practice's name
    own = Practice(crisis=Line("Our after-hours line", "555-0199"))
    assert own.printed_lines("es") == [("Our after-hours line", "555-0199")]
