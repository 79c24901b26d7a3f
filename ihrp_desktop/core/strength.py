"""How hard a new passphrase is to guess, from zxcvbn (Dropbox's estimator, kept by its community).

One function for every place a passphrase is set: ``ihrp-desktop init`` and ``passwd``, the app's
first-run screen and its Change passphrase dialog, and the app's strength meter. zxcvbn is large,
so it is imported on the first call (when a passphrase is being set), never at launch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MIN_SCORE = 3  # zxcvbn's "safely unguessable": about 10^10 guesses or more
# zxcvbn 4.5 refuses longer input. A longer passphrase is scored on its first and on its last 72
# characters, and the better of the two counts (either alone is at most as strong as the whole).
_LOOKED_AT = 72
_SEPARATORS = re.compile(r"[-_.,;:/+|]+")
# Words a guesser would try first against this program's vaults.
_OWN_WORDS = ("ihrp", "ihrp desktop", "ihrpdesktop", "desktop", "ihrp desktop vault", "harm reduction",
              "harmreduction", "therapy", "therapist", "vault", "passphrase", "tatarsky", "demo")


@dataclass(frozen=True)
class Strength:
    """zxcvbn's 0-4 score and its advice (English, as zxcvbn words it)."""

    score: int
    warning: str
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE

    def advice(self) -> str:
        """The estimator's warning and suggestions as one plain sentence or two ('' when none)."""
        parts = [self.warning, *self.suggestions]
        return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts if p)


def assess(passphrase: str, known: tuple[str, ...] = ()) -> Strength:
    """Score ``passphrase`` (0 too guessable ... 4 very unguessable) with zxcvbn's advice.

    ``known``: more words a guesser would try first (the passphrase being replaced).
    """
    if not passphrase:
        return Strength(0, "", ("Type a passphrase: a few unrelated words are easiest to remember.",))
    from zxcvbn import zxcvbn

    words = [*_OWN_WORDS, *known]

    def score(text: str) -> dict[str, Any]:
        ends = {text[:_LOOKED_AT], text[-_LOOKED_AT:]}
        return max((zxcvbn(end, user_inputs=words) for end in ends), key=lambda r: r["score"])

    own = {w for phrase in _OWN_WORDS for w in phrase.split()}
    letters = re.findall(r"[^\W\d_]+", passphrase.lower())
    if letters and all(w in own for w in letters):  # "Desktop IHRP vault 2026", in any order
        return Strength(0, "This is built from this program's own name, the first thing a guesser tries.",
                        ("Add another word or two. Uncommon words are better.",))
    result = score(passphrase)
    # "IHRP-Desktop-vault" is this program's name with other separators: a guesser tries those too, and
    # zxcvbn matches its known words only between spaces (found by a stranger's re-check).
    spaced = _SEPARATORS.sub(" ", passphrase)
    if spaced != passphrase:
        result = min(result, score(spaced), key=lambda r: r["score"])
    feedback = result.get("feedback") or {}
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def refusal(passphrase: str, current: str | None = None) -> str | None:
    """Why a new passphrase is refused, in plain words with the estimator's advice; None if accepted.

    ``current``: the passphrase it replaces (the same one again is refused; one close to it scores low).
    """
    if current is not None and passphrase == current:
        return "The new passphrase is the same as the current one: choose a different one."
    strength = assess(passphrase, () if current is None else (current,))
    if strength.acceptable:
        return None
    advice = strength.advice() or "Add another word or two. Uncommon words are better."
    return (
        f"This passphrase is too easy to guess (strength {strength.score} of 4; at least {MIN_SCORE} is "
        f"needed). {advice}"
    )
