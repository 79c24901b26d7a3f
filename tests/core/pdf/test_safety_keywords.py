"""Which safety blocks a plan prints, read back from the real PDF: every keyword family of
forms/safety/safety.toml in both languages (potent opioids, pills, GHB, ketamine, slang), and each table
fed only by its own fields (substance words in the substance answer, route words in the route answers)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from ihrp_desktop.core.pdf import PrintOptions, render_worksheet
from ihrp_desktop.core.practice import Practice

PRACTICE = Practice(name="Riverside", phone="555-0100", confirmed=True).with_country("US")

TITLES = {  # each block's printed title, as safety.toml writes it
    "en": {"opioids": "Opioids: overdose", "depressants": "Alcohol, benzodiazepines and other depressants",
           "stimulants": "Stimulants: overamping", "dissociatives": "Ketamine and other dissociatives",
           "injecting": "Injecting"},
    "es": {"opioids": "Opioides: sobredosis", "depressants": "Alcohol, benzodiacepinas y otros depresores",
           "stimulants": "Estimulantes: sobreestimulación", "dissociatives": "Ketamina y otros disociativos",
           "injecting": "Inyectarse"},
}


def _blocks(kit: SimpleNamespace, substance: str, route: str = "", language: str = "en") -> set[str]:
    """The blocks whose title the printed plan shows."""
    header = SimpleNamespace(**{**kit.HEADER.__dict__, "practice": PRACTICE})
    values: dict[str, Any] = {"substance": substance, "current_route": route}
    data = render_worksheet(kit.shipped_form("optimal_use_plan"), values, header,
                            PrintOptions(language=language))
    text = kit.squash(kit.pdf_text(data))
    return {block for block, title in TITLES[language].items() if kit.squash(title + ".") in text}


@pytest.mark.parametrize(("substance", "language"), [
    ("nitazenes", "en"), ("carfentanil", "en"), ("fentanyl analogues, acetylfentanyl", "en"),
    ("kratom", "en"),
    ("xylazine (tranq)", "en"), ("tranq dope", "en"), ("buprenorphine / suboxone", "en"), ("bupe", "en"),
    ("H", "en"), ("dope", "en"), ("goofball", "en"), ("methadone", "en"),
    ("nitacenos", "es"), ("carfentanilo", "es"), ("xilacina", "es"), ("buprenorfina", "es"), ("kratom", "es"),
    ("heroína", "es"),
])
def test_potent_opioids_and_their_street_names_print_the_overdose_block(
    kit: SimpleNamespace, substance: str, language: str
) -> None:
    assert "opioids" in _blocks(kit, substance, language=language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_speedball_prints_both_the_opioid_and_the_stimulant_blocks(
    kit: SimpleNamespace, language: str
) -> None:
    assert {"opioids", "stimulants"} <= _blocks(kit, "speedball", language=language)


@pytest.mark.parametrize(("substance", "language"), [
    ("pills", "en"), ("pressed pills", "en"), ("counterfeit M30s", "en"), ("pastillas", "es"),
])
def test_pills_print_the_opioid_block_with_the_counterfeit_pill_warning_and_its_source(
    kit: SimpleNamespace, substance: str, language: str
) -> None:
    header = SimpleNamespace(**{**kit.HEADER.__dict__, "practice": PRACTICE})
    data = render_worksheet(kit.shipped_form("optimal_use_plan"), {"substance": substance}, header,
                            PrintOptions(language=language))
    text = kit.squash(kit.pdf_text(data))
    assert kit.squash(TITLES[language]["opioids"]) in text
    warning = {"en": "one pill can be enough to kill", "es": "una sola puede matar"}[language]
    assert kit.squash(warning) in text and "DEA" in text


@pytest.mark.parametrize(("substance", "language"),
                         [("GHB", "en"), ("G", "en"), ("GBL", "en"), ("GHB", "es")])
def test_ghb_prints_the_depressants_block_and_no_opioid_block(
    kit: SimpleNamespace, substance: str, language: str
) -> None:
    blocks = _blocks(kit, substance, language=language)
    assert "depressants" in blocks and "opioids" not in blocks


@pytest.mark.parametrize(("substance", "language"), [
    ("ketamine", "en"), ("ket", "en"), ("special K", "en"),
    ("ketamina", "es"), ("keta", "es"), ("tusi", "es"),
])
def test_ketamine_prints_the_dissociatives_block(kit: SimpleNamespace, substance: str, language: str) -> None:
    assert "dissociatives" in _blocks(kit, substance, language=language)


@pytest.mark.parametrize(("substance", "language"), [("perico", "es"), ("tusi", "en"), ("farlopa", "es")])
def test_spanish_street_names_of_stimulants_print_the_stimulant_block(
    kit: SimpleNamespace, substance: str, language: str
) -> None:
    assert "stimulants" in _blocks(kit, substance, language=language)


@pytest.mark.parametrize(("substance", "absent"), [
    ("hash", "opioids"),  # "H" is a whole word only
    ("tranquilizantes", "opioids"),  # "=tranq": not a word's start
    ("Guinness", "depressants"),  # "G" is a whole word only
    ("kettle chips", "dissociatives"),
])
def test_short_street_names_match_whole_words_only(kit: SimpleNamespace, substance: str, absent: str) -> None:
    assert absent not in _blocks(kit, substance)


def test_a_route_word_in_the_substance_answer_and_a_substance_word_in_the_route_do_not_count(
    kit: SimpleNamespace,
) -> None:
    # The stranger's case: ketamine taken "drinking it" printed the alcohol block.
    blocks = _blocks(kit, "ketamine", route="drinking it")
    assert "dissociatives" in blocks and "depressants" not in blocks
    assert "injecting" not in _blocks(kit, "the needle fear kept me off heroin", route="smoked")
    assert _blocks(kit, "wine", route="drinking") == {"depressants"}
    assert "injecting" in _blocks(kit, "heroin", route="injecting")


# A stranger's cases (issue 14, /tmp/r14/repro2.sh): names and routes the lists missed.
@pytest.mark.parametrize(("substance", "route", "language", "wanted"), [
    ("Fent", "smoking", "en", {"opioids"}),
    ("Chiva", "pinchándome", "es", {"opioids", "injecting"}),
    ("Lean (purple drank)", "", "en", {"opioids"}),
    ("Purple drank", "", "en", {"opioids"}),
    ("Booze", "Drinking", "en", {"depressants"}),
    ("Prosecco and cider", "", "en", {"depressants"}),
    ("Vodka, whisky, rum, gin and cava", "", "en", {"depressants"}),
    ("Ice", "shooting", "en", {"stimulants", "injecting"}),
    ("Heroin", "shooting up", "en", {"opioids", "injecting"}),
    ("Meth", "slamming", "en", {"stimulants", "injecting"}),
    ("Ambien and gabapentin", "", "en", {"depressants"}),
    ("zolpidem, pregabalina", "", "es", {"depressants"}),
])
def test_slang_and_common_drinks_print_their_family_s_block(
    kit: SimpleNamespace, substance: str, route: str, language: str, wanted: set[str]
) -> None:
    assert wanted <= _blocks(kit, substance, route=route, language=language)


@pytest.mark.parametrize(("substance", "route", "absent"), [
    ("Iced tea", "", "stimulants"),  # "ice" is a whole word only
    ("Leaning on wine", "", "opioids"),
    ("Heroin", "never shooting up", "injecting"),  # the negation rule holds for a phrase too
])
def test_the_new_names_keep_whole_words_and_negations(
    kit: SimpleNamespace, substance: str, route: str, absent: str
) -> None:
    assert absent not in _blocks(kit, substance, route=route)


def test_the_known_limit_a_whole_word_counts_wherever_it_stands(kit: SimpleNamespace) -> None:
    """safety.toml says so: "ice" in "wine with ice" prints the stimulants block too (one more block
    to talk through, never one missed)."""
    assert {"depressants", "stimulants"} <= _blocks(kit, "wine with ice")
