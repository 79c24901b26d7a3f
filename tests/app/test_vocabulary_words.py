"""Every member of the fixed vocabularies (core.vocabulary) has its words, in every client language
where the program has words for it: on the screen (translated through the interface catalogue) and
on the printed page. A member added to an enum without its words fails here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum

import pytest
from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.activity import WORDS as ACTIVITY_WORDS
from ihrp_desktop.app.i18n import install_translators, remove_translators, translate
from ihrp_desktop.app.vocabulary_words import FILLED_BY_WORDS, STATUS_WORDS
from ihrp_desktop.core.activity import words_for
from ihrp_desktop.core.pdf.words import known_word
from ihrp_desktop.core.vocabulary import LANGUAGE_NAMES, AuditAction, FilledBy, Language, Status

# Vocabulary -> (translators' context, English source text) of a member on screen.
ON_SCREEN: dict[type[StrEnum], Callable[[StrEnum], tuple[str, str]]] = {
    Status: lambda m: ("WorksheetPage", STATUS_WORDS[m]),
    FilledBy: lambda m: ("WorksheetPage", FILLED_BY_WORDS[m]),
    AuditAction: lambda m: ("Activity", words_for(m, "")),
}
# Vocabulary -> a member's words on the printed page, in a language.
ON_PAGE: dict[type[StrEnum], Callable[[StrEnum, str], str]] = {
    Status: lambda m, language: known_word("status", m, language),
    FilledBy: lambda m, language: known_word("filled_by", m, language),
}
CASES = [(m, language) for vocabulary in ON_SCREEN for m in vocabulary for language in Language]
CASES += [(language, language) for language in Language]  # each language: its name and its page words


@pytest.fixture
def interface(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[None]:
    language = request.node.callspec.params["language"]
    if language != Language.EN:
        assert install_translators(qapp, language) == language
    yield
    remove_translators(qapp)


@pytest.mark.parametrize(("member", "language"), CASES, ids=lambda v: f"{type(v).__name__}.{v}")
def test_every_member_has_its_words_in_each_language(member: StrEnum, language: Language,
                                                     interface: None) -> None:
    if isinstance(member, Language):
        assert LANGUAGE_NAMES[member].strip()  # its own name, the same in every interface language
        printed = known_word("status", Status.DRAFT, member)
        assert printed != Status.DRAFT
        assert member == Language.EN or printed != known_word("status", Status.DRAFT, Language.EN)
        return
    context, source = ON_SCREEN[type(member)](member)
    assert source.strip() and source != member.value
    if context == "Activity":
        assert source in ACTIVITY_WORDS  # marked for the translators
    shown = translate(context, source)
    assert shown.strip()
    assert language == Language.EN or shown != source, f"no {language} words for {member!r}"
    if type(member) in ON_PAGE:
        printed = ON_PAGE[type(member)](member, language)
        assert printed != member.value
        assert language == Language.EN or printed != ON_PAGE[type(member)](member, Language.EN)
