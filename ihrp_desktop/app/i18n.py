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


def failure_message(exc: BaseException, *, op: str | None = None) -> str:
    """Any failure (a vault error, a disk or permission problem, ...) as a sentence in the interface
    language: the core's one :func:`~ihrp_desktop.core.failure.describe_failure`."""
    from ..core.failure import describe_failure

    return describe_failure(exc, _current, op=op)
