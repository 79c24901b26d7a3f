"""Failures in plain words: vault errors by class in every language, and one describe_failure."""

from __future__ import annotations

import errno
from collections.abc import Callable

import pytest

from ihrp_desktop.core.failure import describe_failure
from ihrp_desktop.core.forms.reading import FormDefinitionError
from ihrp_desktop.core.vault import errors
from ihrp_desktop.core.vault.errors import ERROR_WORDS, VaultError, error_message
from ihrp_desktop.core.words import languages

SECRET = "Maria Lopez"  # stands for client data an exception's own text could carry

# One example of each error class, as the vault raises it.
EXAMPLES: dict[type[VaultError], Callable[[], VaultError]] = {
    errors.WrongPassphrase: errors.WrongPassphrase,
    errors.DamagedVault: lambda: errors.DamagedVault(["The database file vault.db is empty."]),
    errors.NotAVault: errors.NotAVault,
    errors.PlainSqliteRefused: errors.PlainSqliteRefused,
    errors.VaultExists: errors.VaultExists,
    errors.VaultFromNewerVersion: errors.VaultFromNewerVersion,
    errors.RecordNotFound: lambda: errors.RecordNotFound("worksheet"),
    errors.VaultClosed: errors.VaultClosed,
    errors.AlreadyRevised: lambda: errors.AlreadyRevised(6, 2),
    errors.VaultInUse: errors.VaultInUse,
    errors.SaveFailed: lambda: errors.SaveFailed("disk_full", "worksheet"),
    errors.CopyNotWritten: lambda: errors.CopyNotWritten(OSError(errno.ENOENT, SECRET), "backup", "/media"),
    errors.KeyChangeFailed: lambda: errors.KeyChangeFailed("io"),
    errors.CannotOpen: lambda: errors.CannotOpen("permission"),
    errors.VaultBeingUpgraded: errors.VaultBeingUpgraded,
    errors.KeptCopy: lambda: errors.KeptCopy("/media/vault/pre-migration-0003-20261207T031500000000Z"),
    errors.UpgradeFailed: lambda: errors.UpgradeFailed("disk_full"),
}


def _concrete_errors() -> list[type[VaultError]]:
    found, todo = [], list(VaultError.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: cls.__name__)


def test_every_vault_error_class_has_its_own_words_and_an_example() -> None:
    assert [cls.__name__ for cls in _concrete_errors() if cls not in ERROR_WORDS] == []
    assert set(EXAMPLES) == set(_concrete_errors())


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("cls", _concrete_errors(), ids=lambda cls: cls.__name__)
def test_every_vault_error_has_a_message_in_every_language(cls: type[VaultError], language: str) -> None:
    exc = EXAMPLES[cls]()
    text = error_message(exc, language)
    assert text.strip() and "{" not in text and SECRET not in text
    if language != "en":
        assert text != exc.message  # its own words, not the English shown again
    assert describe_failure(exc, language) == text


@pytest.mark.parametrize("language", languages())
def test_the_damaged_vault_message_lists_the_problems_in_every_language(language: str) -> None:
    problems = ["The key file vault.key is damaged: it cannot be read.",
                "The database file vault.db is empty."]
    text = describe_failure(errors.DamagedVault(problems), language)
    assert all(problem in text for problem in problems)


def test_the_english_messages_are_the_ones_the_errors_carry() -> None:
    failed = errors.SaveFailed("read_only")
    assert failed.message == error_message(failed, "en") == (
        "The change could not be saved because the vault is in a place that cannot be written to. Your text "
        "is still on screen; move the vault to a writable folder and it will be saved.")
    # The command line has no screen holding the text.
    assert describe_failure(failed, screen=False) == (
        "The change could not be saved because the vault is in a place that cannot be written to. Nothing "
        "was half-written; move the vault to a writable folder and run the command again.")


def test_a_more_precise_english_message_shows_in_english_and_the_class_words_elsewhere() -> None:
    exc = errors.NotAVault("The file vault.key in this folder is not an IHRP Desktop key file.")
    assert describe_failure(exc, "en") == exc.message
    assert describe_failure(exc, "es") == error_message(errors.NotAVault(), "es")


OS_FAMILIES = [
    (errno.ENOSPC, {"en": "The disk is full", "es": "El disco está lleno"}),
    (errno.EDQUOT, {"en": "The disk is full", "es": "El disco está lleno"}),
    (errno.EACCES, {"en": "Permission denied", "es": "Permiso denegado"}),
    (errno.EPERM, {"en": "Permission denied", "es": "Permiso denegado"}),
    (errno.EROFS, {"en": "Permission denied", "es": "Permiso denegado"}),
    (errno.ENOENT, {"en": "Not found", "es": "No se encontró"}),
    (errno.EISDIR, {"en": "That is a folder", "es": "Eso es una carpeta"}),
    (errno.EIO, {"en": "could not be read or written", "es": "No se pudo leer ni escribir"}),
    (errno.ENOTCONN, {"en": "could not be read or written", "es": "No se pudo leer ni escribir"}),
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("code", "words"), OS_FAMILIES, ids=[errno.errorcode[c] for c, _ in OS_FAMILIES])
def test_each_storage_failure_in_plain_words(code: int, words: dict[str, str], language: str) -> None:
    exc = OSError(code, f"system text about {SECRET}", f"/home/me/{SECRET}.pdf")
    text = describe_failure(exc, language)
    assert words[language] in text
    assert SECRET not in text and "Traceback" not in text  # neither the system's text nor its file name
    assert "(out.pdf)" in describe_failure(exc, language, target="out.pdf")  # the path the person named


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_bad_definition_names_its_file_line_and_field(language: str) -> None:
    exc = FormDefinitionError("/x/plan.toml", "the option 'a' is listed twice", line=12, field="goals")
    text = describe_failure(exc, language)
    assert "plan.toml" in text and "12" in text and "'goals'" in text and "listed twice" in text
    assert text == exc.text(language) and (language != "en" or text == str(exc))


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_unexpected_error_is_named_by_its_kind_only(language: str) -> None:
    text = describe_failure(RuntimeError(f"a value: {SECRET}"), language)
    assert "RuntimeError" in text and SECRET not in text
