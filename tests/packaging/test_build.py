"""The build script's pieces that run anywhere: the icons it makes and the names of what it writes."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

import ihrp_desktop

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))
import build  # noqa: E402
from make_icons import ICO_SIZES, PNG_SIZES, make_icons  # noqa: E402


def test_the_icons_come_in_every_format_an_installer_needs(qapp, tmp_path) -> None:
    out = make_icons(tmp_path / "icons")
    for size in PNG_SIZES:
        with Image.open(out / f"ihrp-desktop-{size}.png") as png:
            assert png.size == (size, size)
            assert png.getpixel((size // 2, size // 2))[3] == 255  # drawn, not left transparent
            assert png.getpixel((0, 0))[3] == 0  # the rounded corner is transparent
    with Image.open(out / "ihrp-desktop.ico") as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in ICO_SIZES}
    with Image.open(out / "ihrp-desktop.icns") as icns:
        assert icns.format == "ICNS" and icns.size[0] >= 512
    assert (out / "ihrp-desktop.svg").read_bytes() == (PACKAGING / "icons" / "ihrp-desktop.svg").read_bytes()


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert version("ihrp-desktop") == ihrp_desktop.__version__
    stem = build.artifact_stem(version("ihrp-desktop"))
    assert stem.startswith(f"ihrp-desktop-{ihrp_desktop.__version__}-{build.system_name()}-")


def test_the_desktop_entry_starts_the_window_program() -> None:
    entry = (PACKAGING / "linux" / "ihrp-desktop.desktop").read_text().splitlines()
    assert entry[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in entry[1:] if "=" in line)
    assert fields["Exec"] == "ihrp-desktop-gui" and fields["Icon"] == "ihrp-desktop"
    assert fields["Type"] == "Application" and fields["Terminal"] == "false"
