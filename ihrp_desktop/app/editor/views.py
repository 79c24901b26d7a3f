"""Fields that keep no value: a live total, a measure's live score and a piece of guidance text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.forms.model import Field, FormDefinition
from ...core.forms.scoring import score, score_text
from .base import EditorContext
from .wrapped import wrapped_label


class TotalView(QWidget):
    """A read-only sum of one list column, updated as the weights change."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = fld
        self._label_text = fld.label.get(ctx.language)
        self._row = layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.label = QLabel(self._label_text)
        self.label.setObjectName("totalLabel")
        self.number = QLabel("0")
        self.number.setObjectName("totalValue")
        self.number.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.number.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.label)
        layout.addWidget(self.number)
        layout.addStretch(1)
        self.set_total(0)

    def set_total(self, total: int | float) -> None:
        shown = str(int(total)) if float(total).is_integer() else f"{total:.2f}".rstrip("0").rstrip(".")
        self.number.setText(shown)
        self.number.setAccessibleName(f"{self._label_text}: {shown}")

    def total_text(self) -> str:
        return self.number.text()


class ScoreView(TotalView):
    """A measure's score, updated as its questions are answered: "14 of 40 · Zone II ...", or
    incomplete with no band while a question is unanswered (``core.forms.scoring``)."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(fld, ctx, parent)
        self._language = ctx.language
        self.number.setWordWrap(True)
        self._row.takeAt(self._row.count() - 1)  # no trailing stretch: a long band wraps across the row
        self._row.setStretchFactor(self.number, 1)

    def show_score(self, form: FormDefinition, values: Mapping[str, Any]) -> None:
        shown = score_text(self.field, score(form, self.field, values), self._language)
        self.number.setText(shown)
        self.number.setAccessibleName(f"{self._label_text}: {shown}")


class GuidanceView(QWidget):
    """Static prompt text; a clinician's guidance is styled apart (and hidden in client view)."""

    def __init__(self, fld: Field, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = fld
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14 if fld.is_clinician else 0, 8, 14 if fld.is_clinician else 0, 8)
        layout.setSpacing(4)
        self.setObjectName("clinicianGuidance" if fld.is_clinician else "guidance")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        heading = fld.label.get(ctx.language)
        if heading:
            layout.addWidget(wrapped_label(heading, "guidanceTitle"))
        body = wrapped_label(fld.text.get(ctx.language) if fld.text else "", "guidanceText", selectable=True)
        layout.addWidget(body)
        self.body = body
