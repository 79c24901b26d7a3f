"""The fixed vocabularies of the program, once: languages, statuses, who filled a worksheet, audit actions.

Each is a ``StrEnum`` whose values are the words stored in the vault and written in export files,
so a member compares equal to its stored text and nothing stored changes. Code compares against
these members (never against string literals); a new language is added here and in the word tables
(``tests/core/test_vocabulary.py`` checks every member has its words). Nothing here imports the
rest of the program, so the vault, the definitions and the printer can all use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Protocol, TypeVar

V = TypeVar("V", bound=StrEnum)


class Language(StrEnum):
    """A client language: worksheets are filled and printed in it."""

    EN = "en"
    ES = "es"


DEFAULT_LANGUAGE = Language.EN
# The stored codes, in order (argparse choices, definition languages).
LANGUAGE_CODES: tuple[str, ...] = tuple(Language)
# Each language's own name, written the same in every interface language (never translated).
LANGUAGE_NAMES: dict[str, str] = {Language.EN: "English", Language.ES: "Español"}


class Register(StrEnum):
    """How a client's worksheets address them, in a language with two registers (Spanish tú / usted)."""

    INFORMAL = "informal"
    FORMAL = "formal"


# The languages whose client-facing text has two registers (the only ones a register choice is offered for).
REGISTER_LANGUAGES: tuple[str, ...] = (Language.ES,)
DEFAULT_REGISTER = Register.INFORMAL  # what the shipped Spanish is written in; older vaults and exports
# Where a text's formal variant sits: ``es_formal`` beside ``es`` in a definition's inline table, and
# ``key_formal`` beside ``key`` in the word catalogue.
FORMAL_SUFFIX = "_formal"


class _Formal(str):
    """A language code read in the formal register. It equals, hashes and prints as the plain code, so
    storage, dictionaries and PDF metadata see ``es``; only :func:`pick` (the one lookup of every text:
    definitions, safety points, the word catalogue) notices it and prefers the formal variant."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"in_register({str(self)!r}, Register.FORMAL)"


def in_register(language: str, register: str = DEFAULT_REGISTER) -> str:
    """``language`` as the text lookups read it: formal texts first for ``Register.FORMAL``."""
    plain = str(language)
    return _Formal(plain) if register == Register.FORMAL else plain


class _HasLanguage(Protocol):
    language: str
    register: str


def client_language(client: _HasLanguage, language: str | None = None) -> str:
    """The language a client's texts are read in: ``language`` (else the client's own) in the client's
    register when that language has two, so a usted client's picker and report read usted (the one
    rule; tests/core/test_client_language.py, tests/app/test_carry_register.py)."""
    lang = language or client.language
    return in_register(lang, client.register if lang in REGISTER_LANGUAGES else DEFAULT_REGISTER)


def register_of(language: str) -> Register:
    """The register a language code carries (see :func:`in_register`)."""
    return Register.FORMAL if isinstance(language, _Formal) else Register.INFORMAL


def pick(texts: Mapping[str, str], language: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text of ``language`` in ``texts`` (by language code): the formal variant first when
    ``language`` is read formally (falling back to the plain one), then ``fallback``'s, else ""."""
    if isinstance(language, _Formal) and (formal := texts.get(f"{language}{FORMAL_SUFFIX}")):
        return formal
    return texts.get(str(language)) or texts.get(fallback) or ""


def pick_written(texts: Mapping[str, str], language: str, fallback: str = DEFAULT_LANGUAGE) -> str | None:
    """As :func:`pick`, but a text written as "" counts (a blank copy's form that prints nothing there);
    None when no language asked for has one."""
    formal = (f"{language}{FORMAL_SUFFIX}",) if isinstance(language, _Formal) else ()
    keys = (*formal, str(language), fallback)
    return next((texts[key] for key in keys if key in texts), None)


class Status(StrEnum):
    """Where a worksheet stands."""

    DRAFT = "draft"
    REVIEWED = "reviewed"


class FilledBy(StrEnum):
    """Who filled a worksheet in."""

    TOGETHER = "together"
    CLIENT = "client"
    THERAPIST = "therapist"


class AuditAction(StrEnum):
    """What an audit event records (the program's own actions; callers may add others of the same shape)."""

    CREATED = "created"
    UNLOCKED = "unlocked"
    FAILED_UNLOCK = "failed_unlock"
    PRINTED = "printed"
    EXPORTED = "exported"
    BACKED_UP = "backed_up"
    RESTORED = "restored"
    MIGRATED = "migrated"
    IMPORTED = "imported"
    PASSPHRASE_CHANGED = "passphrase_changed"
    RECOVERY_KEY_REPLACED = "recovery_key_replaced"
    RECOVERY_KEY_MADE = "recovery_key_made"
    OPENED = "opened"
    EDITED = "edited"
    LOCKED = "locked"
    KEYS_REPLACED = "keys_replaced"
    PRACTICE_CHANGED = "practice_changed"


# The vocabularies whose members have words in the word catalogue (core/words), and under which key:
# one word per member, said the same on the screen and on the paper.
_WORD_FAMILIES: dict[type[StrEnum], str] = {Status: "status", FilledBy: "filled_by"}


def word_key(member: StrEnum) -> str:
    """The catalogue key of a status or "filled by" member's words (``status.reviewed``)."""
    return f"{_WORD_FAMILIES[type(member)]}.{member.value}"


def checked(value: str, vocabulary: type[V], what: str) -> V:
    """The member ``value`` names; a ValueError in plain words when it names none."""
    try:
        return vocabulary(value)
    except ValueError:
        raise ValueError(f"{what} must be one of {', '.join(vocabulary)}") from None
