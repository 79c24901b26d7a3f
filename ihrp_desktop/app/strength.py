"""A rough, honest passphrase strength estimate for the create-vault page.

The hints are English source text, marked for translation; the page translates them when shown.
"""

from __future__ import annotations

import math
import string

from .i18n import QT_TRANSLATE_NOOP

_COMMON = {"password", "passwort", "contraseña", "haslo", "hasło", "пароль", "123456", "qwerty", "letmein",
           "iloveyou", "admin", "welcome", "therapy", "ihrp"}


def estimate_bits(passphrase: str) -> float:
    """Entropy-style estimate: pool size by character classes times length, minus obvious patterns."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 60
    distinct = len(set(passphrase))
    bits = min(len(passphrase), distinct * 2) * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    if any(word in lowered for word in _COMMON):
        bits *= 0.5
    return bits


def describe(passphrase: str) -> tuple[int, str]:
    """A 0-4 score and a plain-words hint."""
    bits = estimate_bits(passphrase)
    if len(passphrase) < 8:
        return 0, QT_TRANSLATE_NOOP("Strength", "Too short. Use at least 8 characters; a few unrelated "
                                    "words are easiest to remember.")
    if bits < 45:
        return 1, QT_TRANSLATE_NOOP("Strength", "Weak. Add another word or two.")
    if bits < 65:
        return 2, QT_TRANSLATE_NOOP("Strength", "Fair. One more word would make it strong.")
    if bits < 90:
        return 3, QT_TRANSLATE_NOOP("Strength", "Strong.")
    return 4, QT_TRANSLATE_NOOP("Strength", "Very strong.")
