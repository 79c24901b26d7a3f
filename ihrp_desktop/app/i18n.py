"""The interface's words in the person's language: one helper for every visible string.

Every string a person can see in ``app/`` goes through :func:`translate` with a fixed context
(never ``self.tr``: PySide6 takes the context from the runtime class, which breaks for subclasses).
Text kept in module-level constants is marked with :func:`QT_TRANSLATE_NOOP` and translated where
it is shown, so the language chosen at start-up applies. ``pyside6-lupdate`` finds both names.

The interface language (setting ``language``: system, en, es) is independent of the language of a
client's worksheets and printouts, which comes from the client (definition text, editor words).
The translations live in ``ui/i18n/ihrp_<lang>.ts`` (source) and ``.qm`` (compiled, loaded here).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.paths import ui_dir

INTERFACE_LANGUAGES = ("en", "es")
_translators: list[QTranslator] = []
_current = "en"
_locale_before: QLocale | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language (``text`` itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for the translation files; translate it with :func:`translate` when shown."""
    return text


def interface_language() -> str:
    """The language the interface is shown in now ("en" or "es")."""
    return _current


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """The interface language for a setting value ("system" follows the system's locale)."""
    if setting in INTERFACE_LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in INTERFACE_LANGUAGES:
            return code
    return "en"


def translations_dir() -> str:
    return str(ui_dir() / "i18n")


def install_translators(app: QCoreApplication, setting: str = "system") -> str:
    """Load the interface translation (and Qt's own, for standard buttons); returns the language."""
    global _current, _locale_before
    remove_translators(app)
    _locale_before = QLocale()
    language = resolve_language(setting)
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"ihrp_{language}", translations_dir()):
            app.installTranslator(ours)
            _translators.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _translators.append(qt_own)
    QLocale.setDefault(QLocale(language))  # dates and numbers in the interface language
    _current = language
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Back to the English source text (tests, and before installing another language)."""
    global _current, _locale_before
    while _translators:
        app.removeTranslator(_translators.pop())
    if _locale_before is not None:
        QLocale.setDefault(_locale_before)
        _locale_before = None
    _current = "en"


# What the core's vault errors (plain English, no Qt below app/) say, in the interface language.
_VAULT_WORDS = {
    "WrongPassphrase": QT_TRANSLATE_NOOP(
        "VaultError",
        "The passphrase is not correct. Check Caps Lock and the keyboard language, then try again.",
    ),
    "DamagedVault": QT_TRANSLATE_NOOP(
        "VaultError",
        "The vault is damaged and was not opened, so nothing in it was changed. Keep these "
        "files as they are and restore your most recent backup.",
    ),
    "NotAVault": QT_TRANSLATE_NOOP(
        "VaultError",
        "No vault was found in this folder. Choose the folder that holds vault.key and vault.db.",
    ),
    "PlainSqliteRefused": QT_TRANSLATE_NOOP(
        "VaultError",
        "This installation's database library cannot encrypt, so the vault was not opened and "
        "nothing was written. Reinstall IHRP Desktop.",
    ),
    "VaultExists": QT_TRANSLATE_NOOP(
        "VaultError",
        "A vault or backup already exists in this place. Nothing was overwritten; choose a new folder.",
    ),
    "VaultFromNewerVersion": QT_TRANSLATE_NOOP(
        "VaultError",
        "This vault was last used by a newer version of IHRP Desktop. Update the program to "
        "open it; the vault was not changed.",
    ),
    "VaultClosed": QT_TRANSLATE_NOOP(
        "VaultError", "The vault is locked. Unlock it with your passphrase to continue."
    ),
    "SaveFailed": QT_TRANSLATE_NOOP(
        "VaultError",
        "The change could not be saved ({why}). Your text is still on screen; it will be saved "
        "as soon as the problem is solved.",
    ),
    "CopyNotWritten": QT_TRANSLATE_NOOP(
        "VaultError",
        "The copy could not be written in the folder you chose. Nothing else was changed; choose another "
        "folder and try again.",
    ),
    "CannotOpen": QT_TRANSLATE_NOOP(
        "VaultError",
        "The vault could not be opened ({why}). Nothing was changed; solve the problem and try again.",
    ),
}
_REASON_WORDS = {
    "disk_full": QT_TRANSLATE_NOOP("VaultError", "the disk is full: free some space"),
    "read_only": QT_TRANSLATE_NOOP(
        "VaultError", "the vault is in a place that cannot be written to: move it to a writable folder"
    ),
    "permission": QT_TRANSLATE_NOOP(
        "VaultError", "permission to write the vault file was denied: check the folder's permissions"
    ),
    "io": QT_TRANSLATE_NOOP(
        "VaultError", "the disk refused or failed the write: check that the disk is connected and working"
    ),
    "busy": QT_TRANSLATE_NOOP("VaultError", "another program is using the vault: close the other program"),
}


def vault_message(exc: BaseException) -> str:
    """A vault error's message in the interface language (the core's exact words in English)."""
    message = str(getattr(exc, "message", "") or exc)
    if _current == "en":
        return message
    for cls in type(exc).__mro__:
        words = _VAULT_WORDS.get(cls.__name__)
        if words is not None:
            reason = _REASON_WORDS.get(str(getattr(exc, "reason", "")), "")
            why = translate("VaultError", reason) if reason else ""
            return translate("VaultError", words).format(why=why)
    return message
