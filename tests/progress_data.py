"""Three sessions of one client for the progress tests: rulers, check-ins, AUDIT, AUDIT-C and two plan
versions, written to a real vault (the demo's records are not used: the charts' tests own their data).

Created out of date order on purpose (the third session's balance first): the charts must sort by the
session's date, not by when a worksheet was written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ihrp_desktop.core.forms import default_library

CLIENT = "Marisol Peña"
DAYS = (dt.date(2026, 9, 7), dt.date(2026, 9, 21), dt.date(2026, 10, 5))
# field id -> value per session, in date order
RULERS = {"importance": (5, 7, 9), "confidence": (3, 4, 6), "readiness": (2, 5, 8)}
CHECK_IN = {"listened": (6, 8, 9), "what_mattered": (5, 7, 8), "way_fit": (4, 7, 9)}
AUDIT_SCORES = (21, 14, 6)  # Zone IV, Zone II, Zone I
AUDIT_C_SCORES = (9, 6, 3)
PLAN_DAYS = ((5, 3), (4, 3))  # (current_days, ideal_days) of version 1 (session 1) and 2 (session 3)


def answers_scoring(form_id: str, score_field: str, total: int) -> dict[str, str]:
    """Answers to every item of a measure whose points add up to ``total`` (highest options first)."""
    form = default_library().forms[form_id]
    fld = form.field(score_field)
    assert fld.scoring is not None
    answers: dict[str, str] = {}
    left = total
    for item in fld.scoring.items:
        options = sorted(form.field(item).options, key=lambda o: o.score or 0)
        chosen = max((o for o in options if (o.score or 0) <= left), key=lambda o: o.score or 0)
        answers[item] = chosen.id
        left -= chosen.score or 0
    assert left == 0, "the items cannot add up to this total"
    return answers


def fill_three_sessions(vault: Any) -> int:
    """Add the client and the three sessions' worksheets; returns the client's id."""
    client = vault.add_client(CLIENT)
    sessions = [vault.add_session(client.id, day).id for day in DAYS]
    for n in (2, 0, 1):  # out of date order
        values: dict[str, Any] = {k: v[n] for k, v in RULERS.items()}
        values["change"] = "drinking only on weekends"
        vault.new_worksheet(client.id, "decisional_balance", 1, session_id=sessions[n], values=values)
    for n in range(3):
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=sessions[n],
                            values={k: v[n] for k, v in CHECK_IN.items()})
        vault.new_worksheet(client.id, "audit", 1, session_id=sessions[n],
                            values=answers_scoring("audit", "audit_score", AUDIT_SCORES[n]))
        vault.new_worksheet(client.id, "audit_c", 1, session_id=sessions[n],
                            values=answers_scoring("audit_c", "audit_c_score", AUDIT_C_SCORES[n]))
    (now1, ideal1), (now2, ideal2) = PLAN_DAYS
    first = vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=sessions[0],
                                values={"current_days": now1, "ideal_days": ideal1})
    vault.revise(first.id, session_id=sessions[2],
                 starts_with=lambda old: {**old, "current_days": now2, "ideal_days": ideal2})
    return int(client.id)


def fill_many_sessions(vault: Any, sessions: int) -> int:
    """A client with ``sessions`` weekly sessions, each with a check-in (one chart of three lines)."""
    client = vault.add_client(CLIENT)
    first = dt.date(2023, 1, 2)
    for n in range(sessions):
        session = vault.add_session(client.id, first + dt.timedelta(days=7 * n)).id
        vault.new_worksheet(client.id, "session_check_in", 1, session_id=session,
                            values={k: (n + i) % 11 for i, k in enumerate(CHECK_IN)})
    return int(client.id)
