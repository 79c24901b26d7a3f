"""Date and date-and-time editors: a text box (empty is allowed) with a calendar button.

A line edit rather than a QDateEdit: a date edit cannot show "no date", and an unanswered date
must stay unanswered. The text is checked as it is typed; the stored value changes only when it is
a real date (or empty), and a plain-words hint says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...core.forms.kinds import FieldKind
from ...core.forms.model import Field
from .base import EditorContext, FieldEditor, name_widget
from .icons import icon
from .texts import TYPING
from .words import word
from .wrapped import wrapped_label

_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_TIME = re.compile(r"\s*(\d{1,2})[:.](\d{2})\s*")


def parse_date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.time(int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


def _mark(box: QLineEdit, bad: bool) -> None:
    if box.property("invalid") != bad:
        box.setProperty("invalid", bad)
        box.style().unpolish(box)
        box.style().polish(box)


class DateEditor(FieldEditor):
    """``date``: ``YYYY-MM-DD`` or ``""``; ``datetime`` adds a time box: ``YYYY-MM-DDTHH:MM``."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self._value = ""
        lang = ctx.language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        outer.addLayout(row)
        self.date_box = QLineEdit()
        self.date_box.setPlaceholderText(word("date_hint", lang))
        self.date_box.setMaxLength(10)
        self.date_box.textEdited.connect(self._typed)
        row.addWidget(self.date_box)
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setIcon(icon("calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The calendar itself (two dozen widgets) is made the first time it opens: an 18
        # Alternatives page has 18 date boxes, and most are typed into or left empty.
        self._calendar: QCalendarWidget | None = None
        self._calendar_name = ""
        menu = QMenu(self.calendar_button)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button.setMenu(menu)
        row.addWidget(self.calendar_button)
        self.time_box: QLineEdit | None = None
        if fld.type == FieldKind.DATETIME:
            self.time_box = QLineEdit()
            self.time_box.setPlaceholderText(word("time_hint", lang))
            self.time_box.setMaxLength(5)
            self.time_box.textEdited.connect(self._typed)
            row.addWidget(self.time_box)
        row.addStretch(1)
        self.problem = wrapped_label("", "fieldProblem")
        self.problem.hide()
        outer.addWidget(self.problem)
        self.setFocusProxy(self.date_box)
        self._fit_widths()

    def _fit_widths(self) -> None:
        """Wide enough for a whole date (or its hint) in the current font and text size."""
        for box, sample in ((self.date_box, "0000-00-00"), (self.time_box, "00:00")):
            if box is not None:
                metrics = box.fontMetrics()
                text = max(
                    metrics.horizontalAdvance(sample), metrics.horizontalAdvance(box.placeholderText())
                )
                box.setFixedWidth(text + 44)
        side = self.date_box.sizeHint().height()
        self.calendar_button.setFixedSize(side, side)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_widths()

    # -- value --------------------------------------------------------------------------------------
    def value(self) -> str:
        return self._value

    def _show(self, value: Any) -> None:
        self._value = value if isinstance(value, str) else ""
        date_text, _, time_text = self._value.partition("T")
        self.date_box.setText(date_text)
        if self.time_box is not None:
            self.time_box.setText(time_text[:5])
        self._check(quiet=True)

    def _typed(self, _text: str = "") -> None:
        parsed = self._check(quiet=False)
        if parsed is not None and parsed != self._value:
            self._value = parsed
            self.emit_edit(TYPING)

    def _check(self, *, quiet: bool) -> str | None:
        """The value the boxes hold now, or None (with a hint shown) when it is not a date yet."""
        date_text = self.date_box.text().strip()
        time_text = self.time_box.text().strip() if self.time_box is not None else ""
        date = parse_date(date_text) if date_text else None
        time = parse_time(time_text) if time_text else None
        date_bad = bool(date_text) and date is None
        time_bad = bool(time_text) and time is None
        if self.time_box is not None and time_text and not date_text and not time_bad:
            date_bad = True  # a time without a day cannot be kept
        _mark(self.date_box, date_bad and not quiet)
        if self.time_box is not None:
            _mark(self.time_box, time_bad and not quiet)
        lang = self.ctx.language
        hint = word("date_bad", lang) if date_bad else word("time_bad", lang) if time_bad else ""
        self.problem.setText(hint)
        self.problem.setVisible(bool(hint) and not quiet)
        if date_bad or time_bad:
            return None
        if date is None:
            return ""
        if self.time_box is None:
            return date.isoformat()
        return dt.datetime.combine(date, time or dt.time()).isoformat(timespec="minutes")

    # -- calendar ----------------------------------------------------------------------------------
    def calendar(self) -> QCalendarWidget:
        """The popup's calendar, made on first use."""
        if self._calendar is None:
            menu = self.calendar_button.menu()
            self._calendar = QCalendarWidget()
            self._calendar.setGridVisible(False)
            self._calendar.setAccessibleName(self._calendar_name)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
            action = QWidgetAction(menu)
            action.setDefaultWidget(self._calendar)
            menu.addAction(action)
        return self._calendar

    def _prepare_calendar(self) -> None:
        date = parse_date(self.date_box.text())
        shown = QDate(date.year, date.month, date.day) if date else QDate.currentDate()
        self.calendar().setSelectedDate(shown)

    def _picked(self, date: QDate) -> None:
        self.date_box.setText(date.toString("yyyy-MM-dd"))
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
        parsed = self._check(quiet=False)
        if parsed is not None and parsed != self._value:
            self._value = parsed
            self.emit_edit(None)
        (self.time_box or self.date_box).setFocus()

    def name_inputs(self, name: str, description: str) -> None:
        lang = self.ctx.language
        name_widget(self.date_box, name, description)
        self.calendar_button.setAccessibleName(word("pick_date", lang, label=name))
        self.calendar_button.setToolTip(word("pick_date", lang, label=name))
        self._calendar_name = word("pick_date", lang, label=name)
        if self._calendar is not None:
            self._calendar.setAccessibleName(self._calendar_name)
        if self.time_box is not None:
            name_widget(self.time_box, word("time_of", lang, label=name), description)
