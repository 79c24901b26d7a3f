"""The self-regulation, check-in and safety worksheets (issue 16): the demo holds a filled example of
each, and every copy kind (take-home, clinician, discreet) prints back every value typed in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ihrp_desktop.core.demo import load_demo
from ihrp_desktop.core.forms import FormDefinition, default_library
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
from ihrp_desktop.core.pdf.fields import value_text
from ihrp_desktop.core.practice import Practice
from ihrp_desktop.core.vault import KdfParams, Vault

NEW = ("urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c")
PASS = "demo ✓ pass"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The demo loaded through the importer into a real vault: each new worksheet's values, the practice."""
    path: Path = tmp_path_factory.mktemp("demo") / "vault"
    with Vault.create(path, PASS, kdf=KdfParams.fast()) as vault:
        load_demo(vault, default_library())
        sheets: dict[str, list[dict[str, Any]]] = {}
        for client in vault.clients():
            for info in vault.worksheets(client.id):
                sheets.setdefault(info.form_id, []).append(dict(vault.worksheet(info.id).values))
        return SimpleNamespace(sheets=sheets, practice=vault.practice())


def typed_texts(form: FormDefinition, values: dict[str, Any], *, clinician: bool) -> Iterator[str]:
    """Every answer as a page writes it (a choice by its label, a date in words, each list cell on its
    own), of the clinician's fields only or of the shared ones only."""
    for _, fld in form.all_fields():
        if form.is_clinician_field(fld.id) != clinician:
            continue
        value = values.get(fld.id)
        if fld.traits.container:
            rows = value if isinstance(value, list) else list((value or {}).values())
            cells = [(col, row.get(col.id)) for row in rows for col in fld.columns]
        else:
            cells = [(fld, value)] if fld.stores_value else []
        for col, cell in cells:
            text = value_text(col, cell, "en")
            if text.strip():
                yield text


def _header(practice: Practice) -> PrintHeader:
    return PrintHeader(client_name="Agnieszka Wróbel-Łęcka", session_date=dt.date(2026, 11, 16),
                       session_number=6, status="reviewed", filled_by="together", practice=practice)


def test_the_demo_holds_one_filled_example_of_each(demo: SimpleNamespace) -> None:
    library = default_library()
    for form_id in NEW:
        assert demo.sheets.get(form_id), form_id  # at least one (the check-ins chart over four sessions)
        for values in demo.sheets[form_id]:
            assert sum(1 for _ in typed_texts(library.get(form_id), values, clinician=False)) >= 3, form_id
            assert any(typed_texts(library.get(form_id), values, clinician=True)), form_id


@pytest.mark.parametrize("copy", ["take-home", "clinician", "discreet"])
@pytest.mark.parametrize("form_id", NEW)
def test_every_copy_prints_back_every_typed_value(
    kit: SimpleNamespace, demo: SimpleNamespace, form_id: str, copy: str
) -> None:
    form = default_library().get(form_id)
    copies = {"take-home": PrintOptions(), "clinician": PrintOptions(copy="clinician"),
              "discreet": PrintOptions(discreet=True)}
    options = copies[copy]
    for values in demo.sheets[form_id]:  # every demo example of the form
        text = kit.squash(kit.pdf_text(render_worksheet(form, values, _header(demo.practice), options)))
        shared = list(typed_texts(form, values, clinician=False))
        clinical = list(typed_texts(form, values, clinician=True))
        assert [t for t in shared if kit.squash(t) not in text] == []
        if copy == "clinician":
            assert [t for t in clinical if kit.squash(t) not in text] == []
        else:  # the therapist's notes never reach the client's paper
            assert [t for t in clinical if kit.squash(t) in text] == []


def test_the_safety_plan_prints_the_practice_lines(kit: SimpleNamespace, demo: SimpleNamespace) -> None:
    form = default_library().get("safety_plan")
    values = demo.sheets["safety_plan"][0]
    lines = demo.practice.printed_lines("en")
    assert lines, "the demo practice has help lines"
    plain = kit.squash(kit.pdf_text(render_worksheet(form, values, _header(demo.practice), PrintOptions())))
    for label, number in lines:
        assert kit.squash(f"{label}: {number}") in plain
    assert kit.squash("After a break, the old amount can be an overdose") in plain  # "for everyone"
    discreet = kit.squash(kit.pdf_text(
        render_worksheet(form, values, _header(demo.practice), PrintOptions(discreet=True))))
    for label, number in demo.practice.printed_lines("en", discreet=True):
        assert kit.squash(f"{label}: {number}") in discreet
    for label, _ in lines:
        assert kit.squash(label) not in discreet or label in ("Emergency",)
    assert "naloxone" not in discreet.lower() and "Mysafetyplan" not in discreet


def test_the_audit_score_and_zone_print_on_the_clinician_copy_only(
    kit: SimpleNamespace, demo: SimpleNamespace
) -> None:
    form = default_library().get("audit")
    values = demo.sheets["audit"][0]
    header = _header(demo.practice)
    def text(answers: dict[str, Any], options: PrintOptions) -> str:
        return kit.squash(kit.pdf_text(render_worksheet(form, answers, header, options)))

    clinician = text(values, PrintOptions(copy="clinician"))
    assert kit.squash("AUDIT score: 14 of 40 · Zone II (8-15): simple advice") in clinician
    assert kit.squash("AUDIT-C (questions 1-3): 8 of 12 · At or above") in clinician
    for options in (PrintOptions(), PrintOptions(discreet=True)):
        take_home = text(values, options)
        assert "Zone" not in take_home and "of40" not in take_home
    spanish = text(values, PrintOptions(copy="clinician", language="es"))
    assert kit.squash("Puntuación AUDIT: 14 de 40 · Zona II (8-15): consejo simple") in spanish
    unanswered = {k: v for k, v in values.items() if k not in ("audit_5", "clinician_note")}
    partial = text(unanswered, PrintOptions(copy="clinician"))
    assert kit.squash("AUDIT score: Incomplete: 9 of 10 questions answered (14 points so far)") in partial
    assert "Zone" not in partial  # no zone until every question is answered
