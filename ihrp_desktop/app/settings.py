"""Settings that are not client data, declared once as data (Vorta's habit).

Stored in an INI file in the user config folder. Never put a client name, a worksheet id or any
answer here: the settings file is not encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from ..core.paths import user_config_dir


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str
    choices: tuple[Any, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting("auto_lock_minutes", 5, "Lock after this many idle minutes"),
    Setting("font_scale", 1.0, "Text size", (1.0, 1.15, 1.3, 1.5)),
    Setting("language", "system", "Interface language", ("system", "en", "es")),
    Setting("theme", "system", "Theme", ("system", "light", "dark", "high_contrast")),
    Setting("export_folder", "", "Default folder for saved PDFs"),
    Setting("vault_path", "", "Vault folder (empty: the default)"),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class AppSettings:
    """Typed access to the declared settings; unknown keys are refused."""

    def __init__(self, path: Path | None = None):
        path = path or user_config_dir() / "settings.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
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
