"""The themes as data: one QSS template and one palette file (no Qt here).

``ui/theme/style.qss`` holds every rule once, with colours and line widths written as tokens
(``@accent@``, ``@line@px``); ``ui/theme/palettes.toml`` gives each theme a value for every token,
names the token behind each Qt palette role, and lists the icons drawn from ``ui/theme/icon.svg``.
The icons are files because QSS can only point at files: ``python -m
ihrp_desktop.app.editor.palette`` writes them, and a test fails when they differ from the palette.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from ...core.paths import ui_dir

TOKEN = re.compile(r"@([a-z0-9_]+)@")
# The palette file's lines: a [table] (dotted names nest), name = "text", name = number, or nothing
# (blank or comment). tomllib reads the same (a test checks) but costs the launch milliseconds.
_LINE = re.compile(
    r'\s*(?:\[(?P<table>[\w.-]+)\]|(?P<key>[\w-]+)\s*=\s*(?:"(?P<text>[^"\\]*)"|(?P<number>\d+(?:\.\d+)?)))?'
    r"\s*(?:#.*)?"
)
_NOT_THEMES = ("qt", "icons")  # the palette file's shared tables


def theme_dir() -> Path:
    return ui_dir() / "theme"


def read_palettes(text: str) -> dict[str, Any]:
    """The palette file's tables; a line it cannot read raises ValueError naming the line."""
    data: dict[str, Any] = {}
    table = data
    for number, line in enumerate(text.splitlines(), 1):
        match = _LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"palettes.toml, line {number}: not a [table], name = \"text\" or name = number")
        if match["table"]:
            table = data
            for part in match["table"].split("."):
                table = table.setdefault(part, {})
        elif match["key"]:
            number_text = match["number"]
            value: Any = match["text"] if number_text is None else (
                float(number_text) if "." in number_text else int(number_text))
            table[match["key"]] = value
    return data


@cache
def _palette_file() -> dict[str, Any]:
    return read_palettes((theme_dir() / "palettes.toml").read_text(encoding="utf-8"))


@cache
def template() -> str:
    return (theme_dir() / "style.qss").read_text(encoding="utf-8")


def theme_names() -> tuple[str, ...]:
    """The themes in the order the palette file lists them."""
    return tuple(name for name in _palette_file() if name not in _NOT_THEMES)


def tokens(theme: str) -> dict[str, str]:
    """Every token of ``theme`` as the text that replaces it."""
    return {name: str(value) for name, value in _palette_file()[theme].items()}


def qt_roles() -> dict[str, str]:
    """Qt palette role name ("window", "text", ...) -> the token whose colour it takes."""
    return dict(_palette_file()["qt"])


def icons() -> dict[str, dict[str, Any]]:
    return dict(_palette_file()["icons"])


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each known ``@token@`` replaced; others stay (the tests look for them)."""
    return TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def icon_svg(theme: str, name: str) -> str:
    spec = icons()[name]
    values = {"path": spec["path"], "colour": tokens(theme)[spec["colour"]], "width": str(spec["width"])}
    return fill((theme_dir() / "icon.svg").read_text(encoding="utf-8"), values)


def icon_path(theme: str, name: str) -> Path:
    return theme_dir() / "icons" / theme / f"{name}.svg"


def write_icons() -> list[Path]:
    """Write every theme's icons from the template; returns the files that changed."""
    changed = []
    for theme in theme_names():
        for name in icons():
            path, text = icon_path(theme, name), icon_svg(theme, name)
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="\n")
                changed.append(path)
    return changed


if __name__ == "__main__":
    for written in write_icons():
        print(written)
