"""The practice profile's part of ``Vault``: read it, save it, confirm its lines."""

from __future__ import annotations

from ..practice import Line, Practice, check_practice
from ..vocabulary import AuditAction
from .audit import append_event
from .schema import PracticeProfile, utc_now
from .store import Store


def _as_practice(row: PracticeProfile | None) -> Practice:
    if row is None:
        return Practice()
    return Practice(
        name=row.name,
        phone=row.phone,
        country=row.country,
        crisis=Line(row.crisis_label, row.crisis_number),
        poison=Line(row.poison_label, row.poison_number),
        paper="a4" if row.paper == "a4" else "letter",
        confirmed=row.confirmed_at is not None,
    )


class PracticeRecords(Store):
    """Practice profile methods of ``Vault`` (one row; an unset profile reads as ``Practice()``)."""

    def practice(self) -> Practice:
        """The practice profile (empty and unconfirmed until saved)."""
        with self._read() as session:
            return _as_practice(session.get(PracticeProfile, 1))

    def save_practice(self, practice: Practice) -> Practice:
        """Store ``practice``; ``practice.confirmed`` says whether the person confirmed these lines
        (callers clear it when a line changes: ``Practice.with_country``, the command line, Preferences)."""
        check_practice(practice)  # PracticeProblem names the field: nothing is written
        with self._write("practice profile") as session:
            row = session.get(PracticeProfile, 1)
            before = _as_practice(row)
            if row is None:
                row = PracticeProfile(id=1, updated_at=utc_now())
                session.add(row)
            lines_changed = (before.crisis, before.poison, before.country) != (
                practice.crisis, practice.poison, practice.country)
            row.name, row.phone, row.country = practice.name.strip(), practice.phone.strip(), practice.country
            row.crisis_label = practice.crisis.label.strip()
            row.crisis_number = practice.crisis.number.strip()
            row.poison_label = practice.poison.label.strip()
            row.poison_number = practice.poison.number.strip()
            row.paper = practice.paper
            if practice.confirmed and (not before.confirmed or lines_changed):
                row.confirmed_at = utc_now()
            elif not practice.confirmed:
                row.confirmed_at = None
            row.updated_at = utc_now()
            session.flush()
            append_event(session, AuditAction.PRACTICE_CHANGED,
                         detail="lines confirmed" if row.confirmed_at is not None else "lines not confirmed")
            return _as_practice(row)
