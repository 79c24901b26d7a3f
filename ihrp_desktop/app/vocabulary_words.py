"""The interface's words for the fixed vocabularies (core.vocabulary): a status and who filled a
worksheet in, said with the word catalogue's words (core/words) so the screen and the paper say the
same word for each (tests/app/test_vocabulary_words.py).

Shown in the interface language (chosen at start-up).
"""

from __future__ import annotations

from ..core.vocabulary import FilledBy, Status, word_key
from ..core.words import word
from .i18n import interface_language


def status_words() -> dict[str, str]:
    """Each status in the interface language, by stored value."""
    return {str(m): word(word_key(m), interface_language()) for m in Status}


def filled_by_words() -> dict[str, str]:
    """Each "filled by" choice in the interface language, as the paper's "Filled in by: ..." says it."""
    label = word("page.filled_by", interface_language())
    return {str(m): f"{label}: {word(word_key(m), interface_language())}" for m in FilledBy}
