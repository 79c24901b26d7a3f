"""A client's progress over the sessions: the values the definitions mark ``chart = true``, as series.

What is charted is data: a ``scale``, ``number`` or ``score`` field with ``chart = true`` (the
decisional balance's rulers, the check-in's end scales, the plan's days a week, the AUDIT scores).
Fields of one worksheet that share a range share a chart. One point per worksheet that answers the
field, at its session's date; a plan's points carry its version number (a mark per version). A
client's separate plans of one kind (each its own chain of versions) are separate series, named
"Plan 1, from <date>", "Plan 2, ..." with marks per plan (tests/core/test_progress_plans.py). A
measure's score is charted only when complete (an incomplete score has no value to draw; it is
counted in ``left_out``). Used by the client page's charts (app/progress_view.py) and the clinician
progress report (core/pdf/progress_report.py); no Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from .forms.kinds import FieldKind
from .forms.library import FormLibrary
from .forms.model import Field, FormDefinition, Section
from .forms.scoring import score
from .words import long_date, word

# Charted values need at least this many sessions to show a change; fewer gets the empty state.
MIN_SESSIONS = 2


@dataclass(frozen=True)
class Point:
    """One charted answer: its session's date, the value, the worksheet it comes from."""

    day: dt.date
    value: float
    worksheet_id: int
    version: int  # the plan version (1 for a worksheet that is not revised into versions)
    plan: int = 0  # which of the client's plans of this kind (1, 2, ...) when there are several, else 0
    mark: str = ""  # the version's mark as shown on the chart and in its table ("v2", "Plan 2 v1"), or ""


@dataclass(frozen=True)
class Series:
    """One charted field's answers, oldest first."""

    field_id: str
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class BandRange:
    """A measure's score band (both ends included) and its words, for the clinician."""

    low: int
    high: int
    label: str

    @property
    def range_text(self) -> str:
        """The band's range as shown beside a chart: "8\u201315", or "3" for a band of one value."""
        return str(self.low) if self.low == self.high else f"{self.low}\u2013{self.high}"


@dataclass(frozen=True)
class Chart:
    """One small chart: the charted fields of one worksheet kind that share a range."""

    key: str  # "<form id>.<first field id>": stable, for tests and widgets' object names
    worksheet_title: str
    title: str
    low: float
    high: float
    unit: str  # the value's unit in words ("days a week"), or ""
    series: tuple[Series, ...]
    bands: tuple[BandRange, ...]
    versions: bool  # the worksheet is revised into versions: each point is marked "v<n>"
    left_out: int  # worksheets whose score is incomplete, so not charted

    def version_marks(self) -> list[Point]:
        """The first point of each plan version, oldest first: one mark each, two versions on one day
        included (one plan's versions never merge with another's)."""
        firsts: dict[tuple[int, int], Point] = {}
        for point, _values in self.rows():
            firsts.setdefault((point.plan, point.version), point)
        return list(firsts.values()) if self.versions else []

    @property
    def days(self) -> list[dt.date]:
        """Every date that has a point, oldest first."""
        return sorted({p.day for s in self.series for p in s.points})

    def rows(self) -> list[tuple[Point, list[float | None]]]:
        """The table under the chart: one row per worksheet (oldest first), a value per series."""
        firsts: dict[int, Point] = {}
        for s in self.series:
            for p in s.points:
                firsts.setdefault(p.worksheet_id, p)
        order = sorted(firsts.values(), key=lambda p: (p.day, p.worksheet_id))
        table: list[tuple[Point, list[float | None]]] = []
        for first in order:
            values: list[float | None] = []
            for s in self.series:
                found = [p.value for p in s.points if p.worksheet_id == first.worksheet_id]
                values.append(found[0] if found else None)
            table.append((first, values))
        return table

    def band_of(self, value: float) -> str:
        """The band's words for a score, or ""."""
        return next((b.label for b in self.bands if b.low <= value <= b.high), "")


@dataclass(frozen=True)
class Progress:
    """Every chart of one client, in the library's worksheet order, and how many sessions they span."""

    charts: tuple[Chart, ...]
    sessions: int  # distinct session dates with at least one charted value

    @property
    def enough(self) -> bool:
        """True when there is a change to see: charted values in two sessions or more."""
        return self.sessions >= MIN_SESSIONS


class ProgressSource(Protocol):
    """What progress reads from the vault (``Vault`` has these)."""

    def worksheets(self, client_id: int) -> list[Any]: ...

    def latest_values(self, client_id: int, form_ids: Collection[str]) -> dict[int, dict[str, Any]]: ...


@dataclass(frozen=True)
class _Sheet:
    """One charted worksheet: where it sits (date, plan version) and its latest answers."""

    id: int
    session_date: dt.date
    version_number: int
    values: dict[str, Any]
    plan: int = 0  # see Point.plan


def charted_fields(form: FormDefinition) -> list[tuple[Section, Field]]:
    """The fields of ``form`` its definition marks ``chart = true``, in page order."""
    return [(section, fld) for section, fld in form.all_fields() if fld.chart]


def _range(form: FormDefinition, fld: Field) -> tuple[float, float]:
    if fld.type == FieldKind.SCORE:
        assert fld.scoring is not None
        top = sum(max(o.score or 0 for o in form.field(item).options) for item in fld.scoring.items)
        return 0.0, float(top)
    low = fld.min if fld.min is not None else 0.0
    high = fld.max if fld.max is not None else 10.0
    return float(low), float(high)


def _value(form: FormDefinition, fld: Field, values: dict[str, Any]) -> float | None:
    if fld.type == FieldKind.SCORE:
        result = score(form, fld, values)
        return float(result.points) if result.complete else None
    raw = values.get(fld.id)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None  # unanswered (or a text kept from an older definition): nothing to draw
    return float(raw)


def _groups(form: FormDefinition) -> list[list[tuple[Section, Field]]]:
    """Charted fields grouped by range, in page order of each group's first field."""
    groups: dict[tuple[float, float], list[tuple[Section, Field]]] = {}
    for section, fld in charted_fields(form):
        groups.setdefault(_range(form, fld), []).append((section, fld))
    return list(groups.values())


def _chart(form: FormDefinition, group: list[tuple[Section, Field]], sheets: list[_Sheet],
           language: str) -> Chart:
    one_section = len({section.id for section, _ in group}) == 1
    series = []
    left_out = 0
    plans = sorted({sheet.plan for sheet in sheets})
    for section, fld in group:
        # A chart over two sections names each series by its section ("How it goes now: Days per week").
        label = fld.label.get(language) if one_section else \
            f"{section.title.get(language)}: {fld.label.get(language)}"
        for plan in plans:  # separate plans are separate lines, never one line jumping between them
            points = []
            for sheet in (s for s in sheets if s.plan == plan):
                value = _value(form, fld, sheet.values)
                if value is None:
                    left_out += fld.type == FieldKind.SCORE and bool(sheet.values)
                    continue
                points.append(Point(sheet.session_date, value, sheet.id, sheet.version_number, plan,
                                    _mark(form, plan, sheet.version_number, language)))
            if not plan:
                series.append(Series(fld.id, label, tuple(points)))
                continue
            began = min(s.session_date for s in sheets if s.plan == plan)
            name = word("progress.plan_name", language, n=plan, date=long_date(began, language))
            series.append(Series(f"{fld.id}.plan{plan}", f"{label} \u00b7 {name}", tuple(points)))
    first = group[0][1]
    low, high = _range(form, first)
    # A value kept from an older definition's wider range still shows, on an axis that reaches it.
    seen = [p.value for s in series for p in s.points]
    low, high = min([low, *seen]), max([high, *seen])
    bands = tuple(BandRange(b.min, b.max, b.label.get(language))
                  for b in (first.scoring.bands if first.scoring is not None else ()))
    return Chart(
        key=f"{form.id}.{first.id}",
        worksheet_title=form.title.get(language),
        title=_title(form, group, language),
        low=low,
        high=high,
        unit=first.unit.get(language) if first.unit is not None else "",
        series=tuple(series),
        bands=bands,
        versions=form.revisable,
        left_out=left_out,
    )


def _mark(form: FormDefinition, plan: int, version: int, language: str) -> str:
    if not form.revisable:
        return ""
    if not plan:
        return word("progress.version_mark", language, n=version)
    return word("progress.plan_version_mark", language, plan=plan, n=version)


def _plans(infos: list[Any], form_id: str) -> dict[int, int]:
    """Each worksheet of ``form_id`` -> its plan's number (1, 2, ... by the plan's first version), when
    the client has more than one plan of it (a chain of versions: ``previous_id`` back to the first);
    {} when one plan."""
    previous = {i.id: getattr(i, "previous_id", None) for i in infos}
    roots: dict[int, int] = {}
    for info in infos:  # oldest first
        if info.form_id != form_id:
            continue
        first, seen = info.id, {info.id}
        while previous.get(first) in previous and previous[first] not in seen:
            first = previous[first]
            seen.add(first)
        roots[info.id] = first
    numbers: dict[int, int] = {}
    for first in roots.values():
        numbers.setdefault(first, len(numbers) + 1)
    if len(numbers) < 2:
        return {}
    return {sheet_id: numbers[first] for sheet_id, first in roots.items()}


def _title(form: FormDefinition, group: list[tuple[Section, Field]], language: str) -> str:
    """One field, or fields of one label: the label ("AUDIT score", "Days per week"); one section: its
    title; else the worksheet's title."""
    if len({fld.label.get(language) for _, fld in group}) == 1:
        return group[0][1].label.get(language)
    if len({section.id for section, _ in group}) == 1:
        return group[0][0].title.get(language)
    return form.title.get(language)


def client_progress(vault: ProgressSource, library: FormLibrary, client_id: int,
                    language: str = "en") -> Progress:
    """The client's charts: one per range of charted fields of each worksheet kind the client has."""
    infos = sorted(vault.worksheets(client_id), key=lambda i: (i.session_date, i.created_at, i.id))
    forms = [form for form in library.ordered() if charted_fields(form)]
    values = vault.latest_values(client_id, [form.id for form in forms])
    charts: list[Chart] = []
    for form in forms:
        plans = _plans(infos, form.id) if form.revisable else {}
        sheets = [_Sheet(i.id, i.session_date, i.version_number or 1, values.get(i.id, {}),
                         plans.get(i.id, 0))
                  for i in infos if i.form_id == form.id]
        if not sheets:
            continue
        for group in _groups(form):
            chart = _chart(form, group, sheets, language)
            if any(s.points for s in chart.series) or chart.left_out:
                charts.append(chart)
    return Progress(tuple(charts), len(_days(charts)))


def _days(charts: Iterable[Chart]) -> set[dt.date]:
    return {day for chart in charts for day in chart.days}


def tick_step(span: float, most: int = 10) -> float:
    """The value axis' step: 1, 2, 5 or 10, whichever gives at most ``most`` steps (0-7: 1; 0-40: 5)."""
    for step in (1, 2, 5, 10):
        if span / step <= most:
            return float(step)
    return span / 8


def number_text(value: float | None) -> str:
    """A charted value as printed in the tables: "7", "2.5", or an em dash when not answered."""
    if value is None:
        return "\u2014"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def spaced_labels(positions: list[float], widths: list[float], gap: float) -> list[int]:
    """Which of the date labels to show so that none overlaps another, as indices into ``positions``.

    ``positions`` are the labels' centres along the axis (ascending), ``widths`` their widths, in one
    unit; two shown labels keep ``gap`` between them. The first date is always shown and the last when
    it fits beside the first; in between, each label that fits after the one before. Both the window's
    charts and the report's use this (many sessions: tests/app/test_progress_view.py and
    tests/core/pdf/test_progress_report.py).
    """
    if not positions:
        return []

    def apart(a: int, b: int) -> bool:
        return positions[b] - widths[b] / 2 >= positions[a] + widths[a] / 2 + gap

    kept = [0]
    for n in range(1, len(positions)):
        if apart(kept[-1], n):
            kept.append(n)
    last = len(positions) - 1
    if kept[-1] != last:
        while len(kept) > 1 and not apart(kept[-1], last):
            kept.pop()
        if apart(kept[-1], last):
            kept.append(last)
    return kept


def marker_size(spacing: float, size: float, least: float) -> float:
    """A point's mark, no wider than the room between two sessions' points (``spacing``, in the unit of
    ``size``); 0 when that would be smaller than ``least`` (the line alone shows the change)."""
    fitted = min(size, spacing - 1)
    return fitted if fitted >= least else 0.0
