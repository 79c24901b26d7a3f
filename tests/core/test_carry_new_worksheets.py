"""The new worksheets in the review loop, each link with a real vault: starting a plan offers the urge
log's "what I did / what I learned" and the safety plan's safer steps and reasons; the plan's review
shows the session check-ins' "how my plan went" since the plan began (forms/40_optimal_use_plan.toml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.forms.carrying import carry_into, gather_sources, offered_items, review_notes
from ihrp_desktop.core.vault import KdfParams, Vault

URGES = {"urges": [
    {"where": "At the bus stop after work", "start": 6, "peak": 8, "did": "Walked home the long way",
     "learned": "It peaked and passed in twenty minutes"},
    {"where": "Friday, bar downstairs", "did": "", "learned": ""},  # nothing done or learned: nothing offered
]}
SAFETY = {"naloxone_have": True, "naloxone_where": "Kitchen drawer", "not_alone": "Ola, or I call her",
          "means": "Pills at my sister's", "my_reasons": [{"reason": "My daughter"}, {"reason": ""}]}
CHECK_IN = {"plan_went": "partly", "plan_notes": "Weekdays fine, Friday hard"}


def _vault(tmp_path: Path) -> Vault:
    return Vault.create(tmp_path / "v", "pass phrase", kdf=KdfParams.fast())


def test_a_new_plan_is_offered_the_urge_log_and_the_safety_plan(tmp_path: Path) -> None:
    library = default_library()
    plan = library.get("optimal_use_plan")
    with _vault(tmp_path) as vault:
        client = vault.add_client("Kamil Nowak")
        vault.new_worksheet(client.id, "urge_log", 1, values=URGES)
        vault.new_worksheet(client.id, "safety_plan", 1, values=SAFETY)
        vault.new_worksheet(client.id, "session_check_in", 1, values=CHECK_IN)
        other = vault.add_client("Bruno Díaz")
        vault.new_worksheet(other.id, "safety_plan", 1, values={"naloxone_where": "Bruno's car"})
        items = offered_items(plan, gather_sources(vault, library, client.id, plan), "en")
        offered = {(item.into, item.text) for item in items}
        assert offered == {
            ("high_risk", "At the bus stop after work → Walked home the long way"),
            ("support_changes", "It peaked and passed in twenty minutes"),
            ("naloxone_where", "Kitchen drawer"),
            ("checkin_person", "Ola, or I call her"),
            ("my_reasons", "My daughter"),
        }  # the check-in is for the review, not for a new plan; Bruno's worksheets offer nothing
        values = carry_into(plan, {}, items)
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", plan.version, values=values)
        stored = vault.worksheet(sheet.id).values
    today = dt.date.today()
    assert stored["high_risk"][0]["situation"] == "At the bus stop after work"
    assert stored["high_risk"][0]["instead"].startswith("Walked home the long way (from Urge log, ")
    assert stored["naloxone_where"].startswith("Kitchen drawer (from My safety plan, ")
    assert stored["checkin_person"].startswith("Ola, or I call her (from My safety plan")
    assert "My daughter (from My safety plan" in stored["my_reasons"]
    assert str(today.year) in stored["support_changes"]


def test_the_plans_review_shows_the_check_ins_since_it_began(tmp_path: Path) -> None:
    library = default_library()
    plan = library.get("optimal_use_plan")
    with _vault(tmp_path) as vault:
        client = vault.add_client("Kamil Nowak")
        before = vault.add_session(client.id, dt.date(2026, 10, 1))
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=before.id,
                            values={"plan_went": "no_plan", "plan_notes": "Before the plan"})
        began = vault.add_session(client.id, dt.date(2026, 10, 8))
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", plan.version, session_id=began.id)
        later = vault.add_session(client.id, dt.date(2026, 10, 15))
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=later.id, values=CHECK_IN)
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=later.id,
                            values={"plan_notes": "No answer to how it went"})  # plan_went empty: nothing
        notes = review_notes(vault, library, sheet.id, plan, "en")
        es = review_notes(vault, library, sheet.id, plan, "es")
    assert [(n.text, n.source) for n in notes] == [
        ("Partly — Weekdays fine, Friday hard", "(from Session check-in, October 15, 2026)")]
    assert es[0].text.startswith("En parte — ")
