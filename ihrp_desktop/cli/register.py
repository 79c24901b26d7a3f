"""`--formal` on `blank` and `print`: the language a printout is read in, tú or usted."""

from __future__ import annotations

from ..core.vocabulary import DEFAULT_REGISTER, LANGUAGE_NAMES, REGISTER_LANGUAGES, in_register
from .passphrase import UsageProblem


def in_register_asked(language: str, register: str, asked: bool) -> str:
    """``language`` read in ``register``; --formal for a language with one register is a usage error."""
    if asked and language not in REGISTER_LANGUAGES:
        raise UsageProblem("--formal chooses usted in Spanish; the worksheet prints in "
                           f"{LANGUAGE_NAMES[language]}, "
                           "which has one way to address the client. Add --lang es, or leave out --formal.")
    return in_register(language, register if language in REGISTER_LANGUAGES else DEFAULT_REGISTER)
