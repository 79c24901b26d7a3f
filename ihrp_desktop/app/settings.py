"""Settings that are not client data, declared once as data (Vorta's habit).

Stored in an INI file in the user config folder. Never put a client name, a worksheet id or any
answer here: the settings file is not encrypted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

from ..core.durable import make_private_dirs
from ..core.paths import user_config_dir
from .i18n import QT_TRANSLATE_NOOP


class Setting(NamedTuple):  # not a dataclass: importing dataclasses is 7 ms of the app's start here
    """One setting. ``label``, ``choice_labels`` and ``note`` are English source text, translated when shown
    (a language's own name, such as "Español", is written the same in every interface language)."""

    key: str
    default: Any
    label: str
    choices: tuple[Any, ...] = ()
    choice_labels: tuple[str, ...] = ()
    note: str = ""
    in_preferences: bool = True  # shown in the Preferences dialog


SETTINGS: tuple[Setting, ...] = (
    Setting("font_scale", 1.0, QT_TRANSLATE_NOOP("Settings", "Text size"), (1.0, 1.15, 1.3, 1.5),
            (QT_TRANSLATE_NOOP("Settings", "Normal"), QT_TRANSLATE_NOOP("Settings", "Large"),
             QT_TRANSLATE_NOOP("Settings", "Larger"), QT_TRANSLATE_NOOP("Settings", "Largest"))),
    Setting("theme", "system", QT_TRANSLATE_NOOP("Settings", "Theme"),
            ("system", "light", "dark", "high_contrast"),
            (QT_TRANSLATE_NOOP("Settings", "Same as the system"), QT_TRANSLATE_NOOP("Settings", "Light"),
             QT_TRANSLATE_NOOP("Settings", "Dark"), QT_TRANSLATE_NOOP("Settings", "High contrast"))),
    Setting("language", "system", QT_TRANSLATE_NOOP("Settings", "Interface language"), ("system", "en", "es"),
            (QT_TRANSLATE_NOOP("Settings", "Same as the system"), "English", "Español"),
            QT_TRANSLATE_NOOP("Settings", "The new language shows the next time IHRP Desktop starts. Each "
                              "client's worksheets keep their own language.")),
    Setting("auto_lock_minutes", 5, QT_TRANSLATE_NOOP("Settings", "Lock after this many idle minutes")),
    Setting("export_folder", "", QT_TRANSLATE_NOOP("Settings", "Default folder for saved PDFs"),
            in_preferences=False),
    Setting("vault_path", "", QT_TRANSLATE_NOOP("Settings", "Vault folder (empty: the default)"),
            in_preferences=False),
    # What the system's light/dark scheme was at the last start: the first frame's guess, checked
    # right after it is painted (asking the system before it costs the launch tens of milliseconds).
    Setting("system_scheme", "", QT_TRANSLATE_NOOP("Settings", "System colours at the last start"),
            ("", "light", "dark"), in_preferences=False),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class AppSettings:
    """Typed access to the declared settings; unknown keys are refused."""

    def __init__(self, path: Path | None = None):
        path = path or user_config_dir() / "settings.ini"
        make_private_dirs(path.parent)  # 0700: the per-user folders are the person's alone
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        raw = self._store.value(key, setting.default)
        try:
            value = type(setting.default)(raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        self._store.setValue(key, type(setting.default)(value))
        self._store.sync()
