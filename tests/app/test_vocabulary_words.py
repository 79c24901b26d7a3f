"""Every member of the fixed vocabularies (core.vocabulary) has its words, in every client language
where the program has words for it: on the screen (translated through the interface catalogue) and
on the printed page. A member added to an enum without its words fails here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from ihrp_desktop.app.activity import WORDS as ACTIVITY_WORDS
from ihrp_desktop.app.i18n import install_translators, remove_translators, translate
from ihrp_desktop.app.vocabulary_words import filled_by_words, status_words
from ihrp_desktop.core.activity import words_for
from ihrp_desktop.core.pdf.words import known_word
from ihrp_desktop.core.vocabulary import LANGUAGE_NAMES, AuditAction, FilledBy, Language, Status

# Vocabulary -> (translators' context, English source text) of a member on screen. A status and who
# filled a worksheet in are the word catalogue's words on screen too (tested below with the paper).
ON_SCREEN: dict[type[StrEnum], Callable[[StrEnum], tuple[str, str]]] = {
    AuditAction: lambda m: ("Activity", words_for(m, "")),
}
# Vocabulary -> a member's words on the printed page, in a language.
ON_PAGE: dict[type[StrEnum], Callable[[StrEnum, str], str]] = {
    Status: lambda m, language: known_word("status", m, language),
    FilledBy: lambda m, language: known_word("filled_by", m, language),
}
CASES = [(m, language) for vocabulary in (*ON_SCREEN, *ON_PAGE) for m in vocabulary for language in Language]
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
    if type(member) not in ON_SCREEN:
        shown = {**status_words(), **filled_by_words()}[member]
        assert shown.strip() and ON_PAGE[type(member)](member, language) in shown
        english = ON_PAGE[type(member)](member, Language.EN)
        assert language == Language.EN or not shown.endswith(f": {english}")
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


@pytest.mark.parametrize("language", list(Language))
def test_the_screen_and_the_paper_say_the_same_status_words(language: Language, interface: None,
                                                            qtbot: Any, tmp_path: Path) -> None:
    """One word for each status and each "filled by", on the worksheet's bar and on its clinician copy."""
    from ihrp_desktop.app.worksheet_page import WorksheetPage
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
    from ihrp_desktop.core.vault import KdfParams, Vault
    from tests.core.pdf.conftest import pdf_text

    library = default_library()
    with Vault.create(tmp_path / "v", "correct horse battery staple", kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Ana", language)
        sheet = vault.new_worksheet(client.id, "urge_log", 1, values={}, filled_by=FilledBy.TOGETHER)
        vault.set_status(sheet.id, Status.REVIEWED)
        page = WorksheetPage(vault, library.get("urge_log"), sheet.id, writer=None)
        qtbot.addWidget(page)
        on_screen = (page.status.currentText(), page.filled_by.currentText())
    paper = " ".join(pdf_text(render_worksheet(
        library.get("urge_log"), {}, PrintHeader(status=Status.REVIEWED, filled_by=FilledBy.TOGETHER),
        PrintOptions(copy="clinician", language=language))).split())
    status_word = known_word("status", Status.REVIEWED, language)
    filled_word = known_word("filled_by", FilledBy.TOGETHER, language)
    assert on_screen[0] == status_word and on_screen[1].endswith(f": {filled_word}")
    assert status_word in paper and filled_word in paper
    label = on_screen[1].removesuffix(f": {filled_word}")
    assert label in paper  # "Filled in by" / "Quién la completó" on both
    if language == Language.ES:
        assert (status_word, filled_word, label) == ("Revisada", "Juntos", "Quién la completó")
