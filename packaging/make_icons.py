"""The app icon in every format an installer needs, made from packaging/icons/ihrp-desktop.svg at
build time: PNG sizes (Linux menus), a Windows .ico and a macOS .icns.

Qt draws the SVG (PySide6 is installed with the app); Pillow writes .ico and .icns.
"""

from __future__ import annotations

import shutil
from pathlib import Path

SVG = Path(__file__).resolve().parent / "icons" / "ihrp-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` as a ``size`` x ``size`` PNG with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")


def make_icons(out_dir: Path, svg: Path = SVG) -> Path:
    """Write ihrp-desktop.svg, ihrp-desktop-<size>.png, ihrp-desktop.png (256), .ico and .icns."""
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, out_dir / "ihrp-desktop.svg")
    for size in PNG_SIZES:
        render_png(svg, size, out_dir / f"ihrp-desktop-{size}.png")
    shutil.copyfile(out_dir / "ihrp-desktop-256.png", out_dir / "ihrp-desktop.png")
    big = out_dir / "ihrp-desktop-1024.png"
    render_png(svg, 1024, big)
    with Image.open(big) as image:
        image.save(out_dir / "ihrp-desktop.ico", sizes=[(s, s) for s in ICO_SIZES])
        image.save(out_dir / "ihrp-desktop.icns")
    big.unlink()
    return out_dir
