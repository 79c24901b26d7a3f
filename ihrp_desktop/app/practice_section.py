"""The "Practice" part of Preferences: the practice's name and phone, the help lines take-home papers
print, the paper size, and the person's confirmation that the lines are right.

Choosing a country fills in the lines shipped for it (forms/safety/lines.toml, each with its source);
changing any line clears the confirmation: take-home papers wait until the person confirms again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ..core.practice import Line, Practice, PracticeProblem, countries, shipped
from .i18n import translate


class PracticeSection(QGroupBox):
    """Inputs for the practice profile; ``practice()`` reads them back."""

    def __init__(self, practice: Practice, parent: QWidget | None = None):
        super().__init__(translate("Preferences", "Practice"), parent)
        self.setObjectName("practiceSection")
        self._start = practice
        self._country = practice.country  # the country the lines were filled for (before a change)
        form = QFormLayout(self)
        form.setVerticalSpacing(8)
        self.name = QLineEdit(practice.name)
        self.phone = QLineEdit(practice.phone)
        self.country = QComboBox()
        self.country.addItem(translate("Preferences", "Other (type the lines)"), "")
        for code, entry in sorted(countries().items()):
            self.country.addItem(entry.name.get("en", code), code)
        self.country.setCurrentIndex(max(0, self.country.findData(practice.country)))
        self.crisis_label = QLineEdit(practice.crisis.label)
        self.crisis_number = QLineEdit(practice.crisis.number)
        self.poison_label = QLineEdit(practice.poison.label)
        self.poison_number = QLineEdit(practice.poison.number)
        for label_edit in (self.crisis_label, self.poison_label):
            label_edit.setPlaceholderText(translate("Preferences", "label (empty: the official name)"))
        self.paper = QComboBox()
        self.paper.addItem(translate("Preferences", "Letter"), "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(practice.paper)))
        self.sources = QLabel()
        self.sources.setObjectName("quiet")
        self.sources.setWordWrap(True)
        self.confirmed = QCheckBox(
            translate("Preferences", "I checked these lines: print them on take-home papers"))
        self.confirmed.setChecked(practice.confirmed)
        rows = (
            (translate("Preferences", "Practice name"), self.name),
            (translate("Preferences", "Practice phone"), self.phone),
            (translate("Preferences", "Country"), self.country),
            (translate("Preferences", "Crisis line"), self.crisis_number),
            ("", self.crisis_label),
            (translate("Preferences", "Poison line"), self.poison_number),
            ("", self.poison_label),
            (translate("Preferences", "Paper"), self.paper),
        )
        for text, widget in rows:
            if text:
                widget.setAccessibleName(text)
            form.addRow(text, widget)
        form.addRow("", self.sources)
        form.addRow("", self.confirmed)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        form.addRow("", self.problem)
        self.country.currentIndexChanged.connect(self._country_chosen)
        for edit in (self.crisis_label, self.crisis_number, self.poison_label, self.poison_number):
            edit.textEdited.connect(lambda _text: self.confirmed.setChecked(False))
        self._show_sources()

    def _country_chosen(self) -> None:
        # The lines were filled for the previous country: which of them were typed is judged there.
        before = replace(self.practice(), country=self._country)
        filled = before.with_country(self.country.currentData() or "")
        self._country = filled.country
        self.crisis_label.setText(filled.crisis.label)
        self.crisis_number.setText(filled.crisis.number)
        self.poison_label.setText(filled.poison.label)
        self.poison_number.setText(filled.poison.number)
        self.paper.setCurrentIndex(max(0, self.paper.findData(filled.paper)))
        self.confirmed.setChecked(False)
        self._show_sources()

    def _show_sources(self) -> None:
        code = self.country.currentData() or ""
        found = [shipped(code, kind) for kind in ("crisis", "poison")]
        # The address only: the full citation is in the data file and in `ihrp-desktop practice`.
        notes = [f"{line.number}: {line.source.split()[0]} ("
                 + (f"{translate('Preferences', 'checked')} {line.checked}" if line.checked
                    else translate("Preferences", "not re-read")) + ")" for line in found if line is not None]
        self.sources.setText("\n".join(notes))
        self.sources.setVisible(bool(notes))

    def show_problem(self, text: str) -> None:
        """Why the profile was not saved (the field named in plain words), under the inputs."""
        self.problem.setText(text)
        self.problem.setVisible(True)

    def practice(self) -> Practice:
        """The profile as the inputs now say."""
        return replace(
            self._start,
            name=self.name.text().strip(),
            phone=self.phone.text().strip(),
            country=self.country.currentData() or "",
            crisis=Line(self.crisis_label.text().strip(), self.crisis_number.text().strip()),
            poison=Line(self.poison_label.text().strip(), self.poison_number.text().strip()),
            paper="a4" if self.paper.currentData() == "a4" else "letter",
            confirmed=self.confirmed.isChecked(),
        )


def problem_text(problem: PracticeProblem) -> str:
    """Why the profile was not saved, in the interface's language (the command line says it in
    English: core.practice.check_practice).
    tests/app/test_practice_app.py::test_the_refusal_in_the_spanish_interface"""
    names = {
        "practice phone": translate("Preferences", "The practice phone"),
        "crisis line number": translate("Preferences", "The crisis line number"),
        "poison line number": translate("Preferences", "The poison line number"),
        "practice name": translate("Preferences", "The practice name"),
        "crisis line label": translate("Preferences", "The crisis line label"),
        "poison line label": translate("Preferences", "The poison line label"),
    }
    field = names.get(problem.field, problem.field)
    # tests/app/test_practice_app.py::test_a_long_name_or_a_control_character_is_refused_in_the_window
    if problem.reason == "long":
        return translate(
            "Preferences", "{field} is {n} characters long; keep it to {limit} or fewer."
        ).format(field=field, n=problem.length, limit=problem.limit)
    if problem.reason == "control":
        return translate(
            "Preferences",
            "{field} holds a line break, a tab or another control character; type it on one "
            "line.",
        ).format(field=field)
    if problem.reason == "bidi":
        return translate(
            "Preferences",
            "{field} holds an invisible mark that changes the direction of the text; type it again "
            "without it.",
        ).format(field=field)
    return translate(
        "Preferences",
        "{field}: '{text}' is not a phone number: use digits, spaces and + - ( ) . only (an extension "
        "may follow as x123).").format(field=names.get(problem.field, problem.field), text=problem.value)
