"""The strength meter's words: zxcvbn's score (one core function, ``core.strength``) and its advice.

zxcvbn words its advice in English; each of its sentences is listed here so it is translated like
every other string of the app. A sentence a later zxcvbn adds shows in English until it is listed.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate

# core.strength (and zxcvbn) load on the first keystroke: the first-run screen's first frame needs
# neither (tests/app/test_start.py). The first-run screen imports this module.

_OURS = (
    QT_TRANSLATE_NOOP("Strength", "Too easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Strong."),
    QT_TRANSLATE_NOOP("Strength", "Very strong."),
    QT_TRANSLATE_NOOP("Strength", "This passphrase is too easy to guess. Choose a stronger one."),
    QT_TRANSLATE_NOOP("Strength", "Type a passphrase: a few unrelated words are easiest to remember."),
)
# zxcvbn 4.5.0's feedback sentences (zxcvbn/feedback.py), for the translators.
_ZXCVBN = (
    QT_TRANSLATE_NOOP("Strength", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("Strength", "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("Strength", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("Strength", "Avoid recent years."),
    QT_TRANSLATE_NOOP("Strength", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("Strength", "Avoid sequences."),
    QT_TRANSLATE_NOOP("Strength", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("Strength", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("Strength", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP("Strength", "Predictable substitutions like '@' instead of 'a' don't help very much."),
    QT_TRANSLATE_NOOP("Strength", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP("Strength", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    QT_TRANSLATE_NOOP("Strength", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP("Strength", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("Strength", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("Strength", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("Strength", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("Strength", "This is a very common password."),
    QT_TRANSLATE_NOOP("Strength", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("Strength", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("Strength", "Use a longer keyboard pattern with more turns."),
    # core/strength.py's own warning (this program's name as a passphrase)
    QT_TRANSLATE_NOOP("Strength", "This is built from this program's own name, the first thing a guesser "
                      "tries."),
)


def _advice(passphrase: str) -> tuple[int, str]:
    from ..core.strength import assess

    strength = assess(passphrase)
    sentences = [s for s in (strength.warning, *strength.suggestions) if s]
    return strength.score, " ".join(translate("Strength", s) for s in sentences)


def describe(passphrase: str) -> tuple[int, str]:
    """zxcvbn's 0-4 score and the meter's words (translated), the same score init and passwd use."""
    from ..core.strength import MIN_SCORE

    score, advice = _advice(passphrase)
    if score >= MIN_SCORE:
        return score, translate("Strength", "Very strong." if score == 4 else "Strong.")
    return score, (translate("Strength", "Too easy to guess.") + " " + advice).strip()


def refusal(passphrase: str) -> str | None:
    """Why the app refuses this new passphrase (score under 3, as the command line), or None.

    The estimator's advice is already under the field (``describe``): the refusal does not repeat it.
    """
    from ..core.strength import MIN_SCORE, assess

    if assess(passphrase).score >= MIN_SCORE:
        return None
    return translate("Strength", "This passphrase is too easy to guess. Choose a stronger one.")
