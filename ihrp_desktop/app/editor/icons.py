"""Small line icons drawn in the theme's text colour at paint time (they follow a theme change).

Drawn, not taken from a font: the bundled Noto Sans has no arrows or calendar, and emoji fonts
differ from machine to machine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

Drawing = Callable[[QPainter, QRectF], None]


def _up(p: QPainter, r: QRectF) -> None:
    path = QPainterPath(QPointF(r.left() + r.width() * 0.2, r.top() + r.height() * 0.62))
    path.lineTo(r.center().x(), r.top() + r.height() * 0.3)
    path.lineTo(r.right() - r.width() * 0.2, r.top() + r.height() * 0.62)
    p.drawPath(path)


def _down(p: QPainter, r: QRectF) -> None:
    path = QPainterPath(QPointF(r.left() + r.width() * 0.2, r.top() + r.height() * 0.38))
    path.lineTo(r.center().x(), r.top() + r.height() * 0.7)
    path.lineTo(r.right() - r.width() * 0.2, r.top() + r.height() * 0.38)
    p.drawPath(path)


def _plus(p: QPainter, r: QRectF) -> None:
    c, d = r.center(), r.width() * 0.3
    p.drawLine(QPointF(c.x() - d, c.y()), QPointF(c.x() + d, c.y()))
    p.drawLine(QPointF(c.x(), c.y() - d), QPointF(c.x(), c.y() + d))


def _cross(p: QPainter, r: QRectF) -> None:
    c, d = r.center(), r.width() * 0.24
    p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
    p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))


def _calendar(p: QPainter, r: QRectF) -> None:
    box = r.adjusted(r.width() * 0.18, r.height() * 0.24, -r.width() * 0.18, -r.height() * 0.16)
    p.drawRoundedRect(box, 2, 2)
    top = box.top() + box.height() * 0.3
    p.drawLine(QPointF(box.left(), top), QPointF(box.right(), top))
    for x in (0.3, 0.7):
        px = box.left() + box.width() * x
        p.drawLine(QPointF(px, box.top() - r.height() * 0.08), QPointF(px, box.top() + r.height() * 0.06))


DRAWINGS: dict[str, Drawing] = {
    "up": _up,
    "down": _down,
    "plus": _plus,
    "remove": _cross,
    "calendar": _calendar,
}


class _LineIcon(QIconEngine):
    def __init__(self, name: str, quiet: bool = False):
        super().__init__()
        self._name = name
        self._quiet = quiet

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QApplication.palette()
        if mode == QIcon.Mode.Disabled:
            color = QColor(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText))
            color.setAlphaF(0.45)
        elif mode == QIcon.Mode.Normal and self._quiet:
            color = QColor(
                palette.color(QPalette.ColorRole.PlaceholderText)
            )  # row tools stay in the background
        else:
            color = QColor(palette.color(QPalette.ColorRole.ButtonText))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(color, max(1.6, rect.width() / 11))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        DRAWINGS[self._name](painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _LineIcon(self._name, self._quiet)


def icon(name: str, *, quiet: bool = False) -> QIcon:
    """A line icon by name: up, down, plus, remove, calendar. ``quiet``: drawn faint until hovered."""
    return QIcon(_LineIcon(name, quiet))
