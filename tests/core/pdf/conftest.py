"""Shared worksheets and answers for the PDF tests: the shipped forms, a synthetic one, real answers."""

from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from ihrp_desktop.core.forms import FormDefinition, default_library, load_definition
from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_blank, render_worksheet

HERE = Path(__file__).parent
SHIPPED = (
    "decisional_balance", "microanalysis", "alternatives", "optimal_use_plan",
    "urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c",
)

CLIENT = "Zofia Wąsowska-Крылова"
HEADER = PrintHeader(
    client_name=CLIENT,
    session_date=dt.date(2025, 3, 5),
    session_number=4,
    status="draft",
    filled_by="together",
    version_number=2,
    worksheet_id=17,
)

OPTIMAL_USE_PLAN: dict[str, Any] = {
    "substance": "Alcohol (mostly wine, sometimes vodka)",
    "current_amount": "A bottle of wine, sometimes more on weekends",
    "current_days": 6,
    "current_route": "Drinking, mostly at home",
    "current_context": (
        "Evenings after work, alone on the couch; Friday nights with friends from work at the bar "
        "around the corner, where rounds keep coming."
    ),
    "current_gets": (
        "It switches off the day. I stop replaying every conversation with my boss, and I feel "
        "less awkward with people."
    ),
    "current_problems": (
        "Bad sleep, headaches and a foggy morning. I have missed two school pick-ups this month, "
        "and my partner is worried and angry."
    ),
    "ideal_amount": "Two glasses of wine; three on a night out",
    "ideal_days": 3,
    "ideal_route": "Drinking, with food",
    "ideal_context": (
        "With dinner at home on Friday and Saturday; one evening out with friends, home by eleven."
    ),
    "ideal_gets": "Still a way to wind down and enjoy a meal and a night out with friends.",
    "ideal_avoid": "Blackouts, missing the kids' mornings, fights at home.",
    "limits": [
        {"limit": "3 drinks on a night out"},
        {"limit": "2 glasses at home"},
        {"limit": "1 drink per hour, water in between"},
    ],
    "use_free_days": "Monday to Thursday",
    "never": [
        {"item": "before driving or picking up the kids"},
        {"item": "with my sleeping pills"},
        {"item": "alone when I'm upset"},
    ],
    "naloxone_have": True,
    "naloxone_where": "Kitchen drawer and my handbag",
    "naloxone_who": "Marta (partner) and my sister",
    "test_strips": False,
    "checkin_person": "Marta",
    "checkin_number": "+48 600 123 456",
    "checkin_plan": "I text Marta when I start; if I don't answer in 20 minutes she calls, then comes over.",
    "tolerance_plan": "Half my usual amount, and wait an hour",
    "combinations_avoid": "No drinking on nights I take zolpidem; no mixing with anything from strangers.",
    "emergency_number": "112",
    "support_changes": (
        "Go to bed by 23:00; eat dinner before any drink; swimming on Tuesdays; cook with the kids "
        "on Thursdays."
    ),
    "support_people": [
        {"name": "Marta", "phone": "+48 600 123 456"},
        {"name": "Ewa (sister)", "phone": "+48 501 222 333"},
    ],
    "high_risk": [
        {
            "situation": "A hard day at work and an empty evening",
            "instead": "Walk home the long way, call Ewa, "
            "cook something; if I still want a drink, wait 20 minutes and surf the urge.",
        },
        {
            "situation": "Friday rounds at the bar",
            "instead": "Buy my own drinks, alternate with sparkling water, leave after the third.",
        },
        {
            "situation": "A fight with Marta",
            "instead": "Take a break outside, write down what I feel, talk when calm.",
        },
    ],
    "warning_signs": "Drinking on weekdays again, hiding bottles, skipping swimming, waking with no memory",
    "if_i_go_over": (
        "Be kind to myself: it is information, not failure. Tell Marta, note what happened, and bring "
        "it to the next session to adjust the plan."
    ),
    "experiment_start": "2025-03-08",
    "experiment_review": "2025-04-05",
    "experiment_prediction": "Weekdays will be the hardest for the first two weeks; weekends easier.",
    "experiment_tracking": "A note on my phone each evening",
    "clinician_note": "Ambivalent about weekday limits; watch sleeping-pill combination. Follow up on sleep.",
}


def shipped_form(form_id: str) -> FormDefinition:
    """A shipped worksheet definition (from forms/)."""
    return default_library().get(form_id)


@pytest.fixture(scope="session")
def synthetic() -> FormDefinition:
    """A test-only worksheet using every field type."""
    return load_definition(HERE / "synthetic.toml")


def pdf_text(data: bytes) -> str:
    """All text of a PDF, as pypdf extracts it."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Text without any whitespace (line wrapping in the PDF must not matter)."""
    return re.sub(r"\s+", "", text)


def page_bands(data: bytes, band: float = 34.0) -> list[tuple[str, str, str]]:
    """Per page: (header text, footer text, body text), split by the text's height on the page
    (header and footer baselines lie within 34 pt of the edge, the body beyond: styles.py margins)."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        parts: dict[str, list[str]] = {"head": [], "foot": [], "body": []}

        def visit(
            text: str,
            cm: Any,
            tm: Any,
            font: Any,
            size: Any,
            parts: dict[str, list[str]] = parts,
            height: float = height,
        ) -> None:
            y = tm[5] * cm[3] + cm[5] if cm else tm[5]
            zone = "head" if y > height - band else "foot" if y < band else "body"
            parts[zone].append(text)

        page.extract_text(visitor_text=visit)
        out.append(("".join(parts["head"]), "".join(parts["foot"]), "".join(parts["body"])))
    return out


# -- every field filled, with a distinct, findable answer -----------------------------------------


def _column_value(col: Any, tag: str) -> tuple[Any, list[str]]:
    """A value for one field or column, and the strings a filled copy must show for it."""
    if col.type in ("text", "multiline"):
        text = f"{tag}-Zażółć"
        return text, [text]
    if col.type == "number":
        number = int(col.max) - 1 if col.max is not None else 37
        return number, [str(number)]
    if col.type == "date":
        return "2025-03-05", ["March 5, 2025"]
    if col.type == "datetime":
        return "2025-03-05T21:30", ["March 5, 2025, 21:30"]
    if col.type == "scale":
        high = int(col.max if col.max is not None else 10)
        return high - 1, [f"{high - 1} / {high}"]
    if col.type == "choice":
        option = col.options[-1]
        return option.id, [option.label.get("en")]
    if col.type == "multichoice":
        chosen = [col.options[0], col.options[-1]]
        other = f"{tag}-other" if col.other else ""
        value = {"selected": [o.id for o in chosen], "other": other}
        return value, [o.label.get("en") for o in chosen] + ([other] if other else [])
    if col.type == "checkbox":
        return True, [col.label.get("en")]
    raise AssertionError(col.type)


def every_value(form: FormDefinition) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Answers for every field of ``form`` and, by field id, the texts each must print."""
    values: dict[str, Any] = {}
    expected: dict[str, list[str]] = {}
    for _, fld in form.all_fields():
        if not fld.stores_value:
            continue
        if fld.type == "list":
            rows, shows = [], []
            for n in range(2):
                row = {}
                for col in fld.columns:
                    row[col.id], texts = _column_value(col, f"{fld.id}{n}{col.id}")
                    shows += texts
                rows.append(row)
            values[fld.id], expected[fld.id] = rows, shows
        elif fld.type == "menu":
            menu, shows = {}, []
            for row in fld.rows[::3]:
                cells = {}
                for col in fld.columns:
                    cells[col.id], texts = _column_value(col, f"{row.id}{col.id}")
                    shows += texts
                menu[row.id] = cells
            values[fld.id], expected[fld.id] = menu, shows
        else:
            values[fld.id], expected[fld.id] = _column_value(fld, fld.id)
    return values, expected


@cache
def filled_copy(form_id: str, copy: str = "take-home", language: str = "en", discreet: bool = False) -> bytes:
    """A shipped worksheet with every field answered, rendered once per test run."""
    form = shipped_form(form_id)
    values, _ = every_value(form)
    return render_worksheet(
        form,
        values,
        HEADER,
        PrintOptions(
            copy=copy,
            language=language,  # type: ignore[arg-type]
            discreet=discreet,
        ),
    )


@cache
def blank_copy(form_id: str, language: str = "en") -> bytes:
    """A shipped worksheet's blank copy, rendered once per test run."""
    return render_blank(shipped_form(form_id), language)


@cache
def plan_copy(copy: str = "take-home", language: str = "en", discreet: bool = False) -> bytes:
    """The realistically filled Optimal Use Plan, rendered once per test run."""
    return render_worksheet(
        shipped_form("optimal_use_plan"),
        OPTIMAL_USE_PLAN,
        HEADER,
        PrintOptions(copy=copy, language=language, discreet=discreet),
    )  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """The helpers above, for test modules (conftest itself is not importable)."""
    return SimpleNamespace(
        CLIENT=CLIENT,
        HEADER=HEADER,
        SHIPPED=SHIPPED,
        OPTIMAL_USE_PLAN=OPTIMAL_USE_PLAN,
        shipped_form=shipped_form,
        pdf_text=pdf_text,
        squash=squash,
        page_bands=page_bands,
        every_value=every_value,
        filled_copy=filled_copy,
        blank_copy=blank_copy,
        plan_copy=plan_copy,
    )
