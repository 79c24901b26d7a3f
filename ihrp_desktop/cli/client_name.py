"""The one client a command's ``--client NAME`` means: named exactly (archived clients too), or a
plain sentence saying why none is (tests/cli/test_client_name.py)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .output import say

if TYPE_CHECKING:
    from ..core.vault import ClientInfo, Vault


def one_client(vault: Vault, name: str) -> ClientInfo | None:
    """The client called ``name`` exactly, or None once it has said why not (none, or several: a
    command cannot tell two clients of one name apart, so it acts on neither)."""
    from ..core.vault.clients import printable_name

    # As the vault keeps names (controls and bidi marks out, spaces collapsed), and one spelling of
    # each accented letter: "José" typed as é or as e + accent is one name to a person.
    shown = printable_name(name)
    wanted = unicodedata.normalize("NFC", shown)
    named = [c for c in vault.clients(include_archived=True)
             if unicodedata.normalize("NFC", printable_name(c.name)) == wanted]
    if len(named) == 1:
        return named[0]
    if not named:
        say(f"No client is called '{shown}' exactly. Nothing was written. See: ihrp-desktop list")
    else:
        say(f"{len(named)} clients are called '{shown}' exactly, so this cannot tell which one. Nothing "
            "was written. Give one of them a name of their own in the app (on their page), then run this "
            "again.")
    return None
