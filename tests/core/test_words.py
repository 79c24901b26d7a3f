"""The one word catalogue (core/words): every key in every language, none empty, every one used."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import ihrp_desktop
from ihrp_desktop.core.words import catalogue, languages, section, word

SOURCE = Path(ihrp_desktop.__file__).parent
ENGLISH = catalogue("en")
# A key is used when it is written whole as a string anywhere in the program, or its name without
# the section is written in one of these files, or its family is built from a prefix there.
USERS = {
    "page": ["core/pdf/*.py"],
    "editor": ["app/editor/*.py"],
    "recovery": ["core/pdf/recovery_sheet.py"],
    "progress": ["core/pdf/progress_report.py"],
    "vault": ["core/vault/*.py", "core/failure.py"],  # Said("problem...") where an error is raised
    "failure": ["core/failure.py"],
    "": ["**/*.py"],  # the shared words
}


def _sources(section_name: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for pattern in USERS[section_name] for path in SOURCE.glob(pattern)
    )


def _used(key: str) -> bool:
    if re.search(rf"[\"']{re.escape(key)}[\"']", _sources("")):  # looked up by its whole key
        return True
    head, _, rest = key.partition(".") if "." in key and key.split(".")[0] in USERS else ("", "", key)
    text = _sources(head)
    if re.search(rf"[\"']{re.escape(rest)}[\"']", text):
        return True
    # A family built from a prefix: f"copy.{kind}", known_word("status", ...), kind.{...} from a class.
    family = rest.rpartition(".")[0]
    return bool(family) and bool(
        re.search(rf"f[\"']{re.escape(family)}\.\{{|known_word\([\"']{re.escape(family)}[\"']", text)
    )


@pytest.mark.parametrize("language", languages())
def test_every_language_has_every_key_and_no_empty_word(language: str) -> None:
    words = catalogue(language)
    assert set(ENGLISH) - set(words) == set(), f"{language} lacks these words"
    # A formal variant (key_formal, tests/core/test_register.py) sits beside a word English has.
    own = {key.removesuffix("_formal") for key in words}
    assert own - set(ENGLISH) == set(), f"{language} has words English lacks"
    assert [key for key, text in words.items() if not text.strip()] == []


@pytest.mark.parametrize("language", languages())
def test_every_word_has_the_placeholders_of_its_english_word(language: str) -> None:
    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [key for key, text in catalogue(language).items()
            if names(text) != names(ENGLISH[key.removesuffix("_formal")])] == []


@pytest.mark.parametrize("key", sorted(ENGLISH))
def test_every_word_is_used(key: str) -> None:
    assert _used(key), f"{key} is in the catalogue but no code looks it up: remove it"


def test_both_shipped_languages_have_a_file() -> None:
    assert {"en", "es"} <= set(languages())


def test_a_language_without_a_file_reads_english_and_a_section_falls_back_to_the_shared_word() -> None:
    assert word("page.copy.blank", "pl") == "Blank worksheet"
    assert section("page")("yes", "es") == "Sí" == word("yes", "es")
    assert section("editor")("add_row", "es", row="fila") == "Agregar fila"
    with pytest.raises(KeyError):
        word("page.no_such_word")
