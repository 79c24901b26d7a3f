"""Windows that fit the screen they open on: a 1366x768 laptop at the largest text size included.

A window asks for the size it would like; it gets at most the screen's available area less the
system's title bar and borders, and a window that grew after it was shown is moved back inside
(tests/hostile/test_app_room.py opens every window on a simulated 1366x768 screen).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room kept for what the system draws around a window (title bar, borders) before it is shown.
DECORATION_WIDTH, DECORATION_HEIGHT = 16, 48


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without task bars and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or less where its screen has less room."""
    area = available_area(widget)
    widget.resize(min(width, area.width() - DECORATION_WIDTH), min(height, area.height() - DECORATION_HEIGHT))


def keep_on_screen(widget: QWidget) -> None:
    """Move a shown window that grew past the screen's edge back inside (its top left first)."""
    if not widget.isWindow() or not widget.isVisible():
        return
    area = available_area(widget)
    frame = widget.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(x, y)
