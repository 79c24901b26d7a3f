"""A number box that can also be empty (an unanswered question is not zero)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

_UNBOUNDED = 1e9


class OptionalNumberBox(QDoubleSpinBox):
    """A spin box whose lowest step means "empty": it shows no text and reads as ``None``.

    The range's minimum is a sentinel one step below the real minimum; arrows from empty start
    at the lowest real value (or 0), typing any number works, deleting the text empties it.
    """

    def __init__(
        self, low: float | None, high: float | None, suffix: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._low = low if low is not None else -_UNBOUNDED
        self.setDecimals(2)
        self.setRange(self._low - 1, high if high is not None else _UNBOUNDED)
        self.setSpecialValueText(" ")  # what "empty" shows (an empty string would switch it off)
        if suffix:
            self.setSuffix(f" {suffix}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setKeyboardTracking(True)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.lineEdit().setTextMargins(10, 0, 0, 0)  # the theme's padding does not reach the inner box
        self.clear_number()

    # -- value ---------------------------------------------------------------------------------------
    def number(self) -> int | float | None:
        if self.is_empty():
            return None
        value = round(self.value(), self.decimals())
        return int(value) if float(value).is_integer() else value

    def is_empty(self) -> bool:
        return self.value() <= self.minimum()

    def set_number(self, number: int | float | None) -> None:
        if number is None:
            self.clear_number()
            return
        if number < self._low or number > self.maximum():
            # A stored value outside today's range is shown as it is, not clamped away.
            self.setRange(min(self.minimum(), number - 1), max(self.maximum(), number))
        self.setValue(float(number))

    def clear_number(self) -> None:
        self.setValue(self.minimum())

    # -- text --------------------------------------------------------------------------------------
    def _core(self, text: str) -> str:
        suffix = self.suffix()
        text = text.strip()
        if suffix.strip() and text.endswith(suffix.strip()):
            text = text[: -len(suffix.strip())]
        return text.strip().replace(",", ".")

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        core = self._core(text)
        if not core:
            return QValidator.State.Acceptable, text, pos
        try:
            value = float(core)
        except ValueError:
            partial = core in ("-", ".", "-.") or (
                core.count(".") == 1 and core.replace(".", "").lstrip("-").isdigit()
            )
            return (QValidator.State.Intermediate if partial else QValidator.State.Invalid), text, pos
        in_range = self.minimum() < value <= self.maximum()
        return (QValidator.State.Acceptable if in_range else QValidator.State.Intermediate), text, pos

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt naming
        core = self._core(text)
        if not core:
            return self.minimum()
        try:
            return float(core)
        except ValueError:
            return self.value()

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt naming
        if value <= self.minimum():
            return ""
        shown = f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".")
        return shown or "0"

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt naming
        if self.is_empty():
            start = self._low if self._low > -_UNBOUNDED else 0.0
            self.setValue(min(start, self.maximum()))
            return
        super().stepBy(steps)
        if self.is_empty() and steps < 0:
            self.setValue(self.minimum() + 1)  # arrows never empty it: deleting the text does

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt naming
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # scrolling the page never changes a number under the pointer
