"""Every location the program reads or writes, in one place.

Per-user folders come from platformdirs. Environment overrides let tests and portable installs
point everything elsewhere:

- ``IHRP_HOME``: one folder that holds every per-user folder (portable install, tests).
- ``IHRP_FORMS_DIR``: an extra folder of user worksheet definitions.

The per-user folders are created only when something is written there, each 0700 (with any folder
above it the program creates): ``durable.make_private_dirs``, used by the settings and a new vault.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .. import APP_AUTHOR, APP_DIR_NAME

_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # .../ihrp_desktop
_CHECKOUT_ROOT = _PACKAGE_ROOT.parent


def _per_user_dir(kind: str) -> Path:
    """``IHRP_HOME/<kind>`` when set, else the platform's per-user ``kind`` folder ("data", "config"...)."""
    if not _old_cache_swept:
        _sweep_old_cache()
    return _place(kind)


def _place(kind: str) -> Path:
    home = os.environ.get("IHRP_HOME")
    if home:
        return Path(home) / kind
    # Imported only here: platformdirs costs a command's start more than the rest of the command.
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_DIR_NAME, APP_AUTHOR))


_old_cache_swept = False


def _sweep_old_cache() -> None:
    """Remove the previous build's ``cache/blank-copies/`` (its removed ``blank`` quick path kept PDFs
    there), once per run at the first per-user folder look-up: every command that opens a vault or
    reads a setting, and the app (tests/core/test_old_cache.py). Nothing else in the cache is touched."""
    global _old_cache_swept
    _old_cache_swept = True
    old = _place("cache") / "blank-copies"
    try:
        if old.is_dir() and not old.is_symlink():
            import shutil

            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass  # a home this user may not read: nothing of the program's to tidy there


def user_data_dir() -> Path:
    """Where the default vault and user-added worksheet definitions live."""
    return _per_user_dir("data")


def user_config_dir() -> Path:
    """Where settings live (never client data)."""
    return _per_user_dir("config")


def user_state_dir() -> Path:
    """What this computer remembers about vaults it opened (never client data)."""
    return _per_user_dir("state")


def user_log_dir() -> Path:
    """Where crash reports go (never client data: core/crash_report.py writes no values)."""
    return _per_user_dir("log")


def default_vault_path() -> Path:
    """The vault the app opens when no ``--vault`` is given."""
    return user_data_dir() / "vault"


def user_forms_dir() -> Path:
    """Folder where a clinic drops its own worksheet definitions (``*.toml``)."""
    override = os.environ.get("IHRP_FORMS_DIR")
    if override:
        return Path(override)
    return user_data_dir() / "forms"


@cache
def bundled_dir(name: str) -> Path:
    """Find a bundled top-level folder (``forms``, ``ui`` or ``demo``).

    A source checkout has them at the repository root; an installed wheel carries them
    under ``ihrp_desktop/_bundled/``, and so does the PyInstaller bundle (packaging/ihrp-desktop.spec
    puts them there, under ``sys._MEIPASS``, where this module's ``__file__`` points when frozen).
    """
    for candidate in (_PACKAGE_ROOT / "_bundled" / name, _CHECKOUT_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The program's '{name}' folder is missing; reinstall IHRP Desktop.")


def forms_dir() -> Path:
    """The worksheet definitions shipped with the program."""
    return bundled_dir("forms")


def ui_dir() -> Path:
    """Theme, fonts, icons and translations shipped with the program."""
    return bundled_dir("ui")


def font_path(file_name: str) -> Path:
    """A bundled font file (used by the PDF renderer and the app)."""
    return ui_dir() / "fonts" / file_name
