"""One rule for the language a client's texts are read in: the client's language in the client's register
(core.vocabulary.client_language), real clients of a real vault."""

from __future__ import annotations

from pathlib import Path

from ihrp_desktop.core.vault import KdfParams, Vault
from ihrp_desktop.core.vocabulary import Register, client_language, pick, register_of

TEXTS = {"en": "Write it", "es": "Escríbelo", "es_formal": "Escríbalo"}


def test_a_formal_client_reads_usted_an_informal_one_tu(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "vault", "pass phrase here", kdf=KdfParams.fast()) as vault:
        formal = vault.add_client("Ana", "es", register=Register.FORMAL)
        informal = vault.add_client("Bea", "es")
        english = vault.add_client("Cal", "en", register=Register.FORMAL)
        assert pick(TEXTS, client_language(formal)) == "Escríbalo"
        assert pick(TEXTS, client_language(informal)) == "Escríbelo"
        # English has one register: a formal mark stored on the client changes nothing.
        assert register_of(client_language(english)) == Register.INFORMAL
        assert client_language(english) == "en"


def test_a_language_asked_for_keeps_the_clients_register_where_it_has_two(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "vault", "pass phrase here", kdf=KdfParams.fast()) as vault:
        formal = vault.add_client("Ana", "es", register=Register.FORMAL)
        assert pick(TEXTS, client_language(formal, "es")) == "Escríbalo"
        assert pick(TEXTS, client_language(formal, "en")) == "Write it"
        assert register_of(client_language(formal, "en")) == Register.INFORMAL
