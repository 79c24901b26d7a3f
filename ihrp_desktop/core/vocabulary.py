"""The fixed vocabularies of the program, once: languages, statuses, who filled a worksheet, audit actions.

Each is a ``StrEnum`` whose values are the words stored in the vault and written in export files,
so a member compares equal to its stored text and nothing stored changes. Code compares against
these members (never against string literals); a new language is added here and in the word tables
(``tests/core/test_vocabulary.py`` checks every member has its words). Nothing here imports the
rest of the program, so the vault, the definitions and the printer can all use it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

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


def checked(value: str, vocabulary: type[V], what: str) -> V:
    """The member ``value`` names; a ValueError in plain words when it names none."""
    try:
        return vocabulary(value)
    except ValueError:
        raise ValueError(f"{what} must be one of {', '.join(vocabulary)}") from None
