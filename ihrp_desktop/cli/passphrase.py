"""Reading passphrases for the command line: from a terminal prompt or from standard input.

Never from argv (it shows in process lists and shell history).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator


def _ask(prompt: str) -> str:
    """Prompt at the terminal without echo (getpass is imported here: most commands never ask)."""
    import getpass

    return getpass.getpass(prompt)


class UsageProblem(Exception):
    """The command was called in a way that cannot work (exit code 2)."""


class PassphraseSource:
    """Hands out passphrases in order: lines of stdin with ``--passphrase-stdin``, or prompts."""

    def __init__(self, from_stdin: bool):
        self._from_stdin = from_stdin
        self._lines: Iterator[str] | None = None

    def _next_line(self) -> str:
        if self._lines is None:
            self._lines = iter(sys.stdin.read().split("\n"))
        line = next(self._lines, None)
        if line is None or line == "":
            raise UsageProblem(
                "A passphrase was expected on standard input, one per line, but none was left.")
        return str(line).removesuffix("\r")

    def _require_terminal(self) -> None:
        if not sys.stdin.isatty():
            raise UsageProblem(
                "A passphrase is needed. Type it at a terminal, or pipe it in with --passphrase-stdin."
            )

    def existing(self, prompt: str = "Vault passphrase: ") -> str:
        """A passphrase that already exists (asked once)."""
        if self._from_stdin:
            return self._next_line()
        self._require_terminal()
        return _ask(prompt)

    def new(self, prompt: str = "New passphrase: ") -> str:
        """A passphrase being set: asked twice on a terminal so a typo cannot lock the vault."""
        if self._from_stdin:
            value = self._next_line()
        else:
            self._require_terminal()
            value = _ask(prompt)
            if _ask("Type it again: ") != value:
                raise UsageProblem(
                    "The two passphrases were different. Nothing was changed; please try again.")
        if not value.strip():
            raise UsageProblem("The passphrase cannot be empty.")
        return value
