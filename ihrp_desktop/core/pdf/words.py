"""The printed page's own words (headers, footers, copy names, status and "filled by" words, months)
and dates in words.

Worksheet texts (titles, labels, options) come from the definition; the page's words live in the
one catalogue, ``core/words`` (section ``page``).
"""

from __future__ import annotations

import datetime as dt

from ..words import has_word, long_date, section

word = section("page")
__all__ = ["iso_date_text", "known_word", "long_date", "word"]


def known_word(prefix: str, value: str, language: str = "en") -> str:
    """A status or "filled by" id in words (the catalogue's shared words, as the screen says them:
    core.vocabulary.word_key); an id this table does not know is shown as given."""
    key = f"{prefix}.{value.strip().lower()}"
    if has_word(key):
        return word(key, language)
    return value


def iso_date_text(text: str, language: str = "en") -> str:
    """A stored ``YYYY-MM-DD`` (or ``...THH:MM``) value in words; anything else as stored."""
    try:
        if "T" in text:
            moment = dt.datetime.fromisoformat(text)
            return f"{long_date(moment.date(), language)}, {moment:%H:%M}"
        return long_date(dt.date.fromisoformat(text), language)
    except ValueError:
        return text
