"""Tab order that follows the page as it is laid out, also after rows are added or fields return.

Qt's default order is the order widgets were created in; rows added later, or a therapist's
field put back after client view, would otherwise be reached last.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLayout, QWidget

# Inputs that are one Tab stop however many parts they are made of.
_LEAVES = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)


def page_order(root: QWidget) -> list[QWidget]:
    """The Tab stops under ``root`` in layout order (top to bottom, left to right)."""
    found: list[QWidget] = []
    _visit_widget(root, found)
    return found


def apply_page_order(root: QWidget) -> None:
    stops = page_order(root)
    for first, second in zip(stops, stops[1:], strict=False):
        QWidget.setTabOrder(first, second)


def _visit_widget(widget: QWidget, found: list[QWidget]) -> None:
    if widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
        return  # hidden on purpose (a new row not shown yet is still a stop)
    if (
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    ):
        found.append(widget)
    if isinstance(widget, _LEAVES):
        return
    layout = widget.layout()
    placed = _visit_layout(layout, found) if layout is not None else set()
    for child in widget.children():  # widgets not in a layout (rare), in creation order
        if isinstance(child, QWidget) and child not in placed and not child.isWindow():
            _visit_widget(child, found)


def _visit_layout(layout: QLayout, found: list[QWidget]) -> set[QWidget]:
    placed: set[QWidget] = set()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child = item.widget()
        if child is not None:
            placed.add(child)
            _visit_widget(child, found)
        else:
            inner = item.layout()
            if inner is not None:
                placed |= _visit_layout(inner, found)
    return placed
