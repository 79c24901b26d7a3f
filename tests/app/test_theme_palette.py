"""The themes as data: one template, one palette file, the Qt palette and the icons made from them."""

from __future__ import annotations

import hashlib
import re
import tomllib

import pytest
from PySide6.QtGui import QColor, QPalette

from ihrp_desktop.app.editor.palette import (
    TOKEN,
    icon_path,
    icon_svg,
    icons,
    qt_roles,
    read_palettes,
    template,
    theme_names,
    tokens,
)
from ihrp_desktop.app.editor.theme import _ROLES, SIZES, THEMES, qt_palette, stylesheet, theme_dir
from ihrp_desktop.app.settings import SETTINGS

FILLED_BY_THE_APP = set(SIZES) | {"icons"}  # the text size and the theme's icon folder


def _rules() -> str:
    return re.sub(r"/\*.*?\*/", "", template(), flags=re.S)


def test_the_themes_are_the_palette_files_tables_and_the_settings_offer_each() -> None:
    assert THEMES == theme_names() == ("light", "dark", "high_contrast")
    assert next(s for s in SETTINGS if s.key == "theme").choices == ("system", *THEMES)


def test_the_apps_reader_reads_the_palette_file_as_tomllib_does() -> None:
    text = (theme_dir() / "palettes.toml").read_text(encoding="utf-8")
    assert read_palettes(text) == tomllib.loads(text)
    with pytest.raises(ValueError, match="line 2"):
        read_palettes('[light]\npage = { colour = "#000000" }\n')


@pytest.mark.parametrize("theme", THEMES)
def test_every_token_of_the_template_is_defined_in_every_palette(theme: str) -> None:
    used = set(TOKEN.findall(_rules()))
    assert used - FILLED_BY_THE_APP - set(tokens(theme)) == set(), theme
    # the palette's names do not shadow what the app fills in
    assert not set(tokens(theme)) & FILLED_BY_THE_APP


def test_every_theme_names_the_same_entries_and_each_is_used() -> None:
    names = set(tokens(THEMES[0]))
    for theme in THEMES:
        assert set(tokens(theme)) == names, theme
    used = set(TOKEN.findall(_rules())) | set(qt_roles().values()) | {i["colour"] for i in icons().values()}
    assert names - used == set()


@pytest.mark.parametrize("theme", THEMES)
def test_every_entry_is_a_colour_or_a_width(theme: str) -> None:
    for name, value in tokens(theme).items():
        if re.search(rf"@{name}@px", _rules()):
            assert value.isdigit(), (theme, name, value)
        else:
            assert re.fullmatch(r"#[0-9A-F]{6}", value), (theme, name, value)


@pytest.mark.parametrize("theme", THEMES)
def test_the_qt_palette_takes_each_role_from_the_palette_file(theme: str) -> None:
    palette = qt_palette(theme)
    colours = tokens(theme)
    assert set(qt_roles()) == set(_ROLES) | {"disabled"}
    for key, token in qt_roles().items():
        if key in _ROLES:
            assert palette.color(_ROLES[key]) == QColor(colours[token]), (theme, key)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled == QColor(colours[qt_roles()["disabled"]])
    assert palette.color(QPalette.ColorRole.WindowText) == QColor(colours[qt_roles()["text"]])


@pytest.mark.parametrize("theme", THEMES)
def test_the_icons_are_made_from_the_template(theme: str) -> None:
    for name in icons():
        assert icon_path(theme, name).read_text(encoding="utf-8") == icon_svg(theme, name), (
            f"{theme}/{name}.svg differs from palettes.toml: run python -m ihrp_desktop.app.editor.palette"
        )
    assert {p.stem for p in (theme_dir() / "icons" / theme).iterdir()} == set(icons())


# The SHA-256 of each theme's style sheet (text size 1.0, comments out, icon folder as ICONS). A change
# of look is deliberate: compare screenshots (docs/make_screenshots.py), then put the new digest here.
LOOK = {
    "light": "00d749b311e1f11e3eb8909fd17716ec8f8ca5c78eb6790278c76eb1cc5b509e",
    "dark": "22c6d53e88374311b1693c106a9cc246822e77e4defca21081ec1f421e68550c",
    "high_contrast": "5bb4691034c6444d302b6be98005be9cf3e42e8b4165162c90695c8588d94f80",
}


@pytest.mark.parametrize("theme", THEMES)
def test_the_style_sheet_of_each_theme_is_the_one_shipped(theme: str) -> None:
    qss = stylesheet(theme, 1.0).replace((theme_dir() / "icons" / theme).as_posix(), "ICONS")
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    digest = hashlib.sha256(qss.encode()).hexdigest()
    assert digest == LOOK.get(theme), f"the style sheet of {theme} changed; its digest is now {digest}"
