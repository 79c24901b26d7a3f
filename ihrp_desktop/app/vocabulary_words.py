"""The interface's words for the fixed vocabularies (core.vocabulary), marked for translation once.

English source text, translated where shown (the interface language is chosen at start-up);
tests/app/test_vocabulary_words.py checks every member has its words, in English and Spanish.
"""

from __future__ import annotations

from ..core.vocabulary import FilledBy, Status
from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "WorksheetPage"  # the translators' context these words were always in

STATUS_WORDS: dict[str, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("WorksheetPage", "Draft"),
    Status.REVIEWED: QT_TRANSLATE_NOOP("WorksheetPage", "Reviewed"),
}
FILLED_BY_WORDS: dict[str, str] = {
    FilledBy.TOGETHER: QT_TRANSLATE_NOOP("WorksheetPage", "Filled together"),
    FilledBy.CLIENT: QT_TRANSLATE_NOOP("WorksheetPage", "Filled by the client"),
    FilledBy.THERAPIST: QT_TRANSLATE_NOOP("WorksheetPage", "Filled by the therapist"),
}
