"""Settings that are not client data, declared once as data (Vorta's habit).

Stored in an INI file in the user config folder. Never put a client name, a worksheet id or any
answer here: the settings file is not encrypted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QSettings, Qt

from .. import APP_NAME
from ..core.durable import make_private_dirs
from ..core.paths import user_config_dir
from .i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Setting(NamedTuple):  # not a dataclass: importing dataclasses costs the start (docs/performance.md)
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
        self.folder = path.parent
        # A read-only or missing home folder must not stop the app: the settings then last until it
        # closes, and the window says so once (tests/hostile/test_app_room.py).
        self.kept = True
        try:
            make_private_dirs(path.parent)  # 0700: the per-user folders are the person's alone
            self.kept = os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
        except OSError:
            self.kept = False
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def tell_if_not_kept(self, parent: QWidget) -> None:
        """Once, after the window shows: settings changed now will not be there next time."""
        if self.kept:
            return
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        # Works, and holds the settings until it closes: tests/hostile/test_app_room.py.
        text = translate(
            "Settings", "Your settings (text size, theme, language) cannot be kept on this computer: "
            "the folder {folder} cannot be written to. IHRP Desktop works as usual; changes to the "
            "settings last until it closes.").format(folder=self.folder)

        def tell() -> None:
            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, QMessageBox.StandardButton.Ok,
                              parent)
            box.setObjectName("settingsNotKept")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        QTimer.singleShot(0, tell)

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
        if self.kept:
            self._store.sync()  # not kept: held in memory until the app closes
