"""Reading passphrases for the command line: from a terminal prompt or from standard input.

Never from argv (it shows in process lists and shell history).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator


class UsageProblem(Exception):
    """The command was called in a way that cannot work (exit code 2)."""


class Stopped(Exception):
    """The person ended the input (Ctrl+D) at a prompt: nothing was done (exit code 1)."""


def _ask(prompt: str) -> str:
    """Prompt at the terminal without echo (getpass is imported here: most commands never ask)."""
    import getpass

    try:
        return _usable(getpass.getpass(prompt))
    except EOFError:
        raise Stopped() from None


def _usable(value: str) -> str:
    """A passphrase that can be turned into key bytes (UTF-8); a terminal in another encoding can
    hand over undecodable bytes as surrogates, which would fail deep in the key derivation."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageProblem(NOT_UTF8) from None
    return value


NOT_UTF8 = ("The passphrase is not readable text (it is not UTF-8). Set the terminal to UTF-8, "
            "or pipe in a UTF-8 line. Nothing was changed.")


def _read_stdin() -> str:
    """All of standard input as UTF-8 text (read as bytes where possible: the locale may not be UTF-8)."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        return _usable(sys.stdin.read())
    try:
        return str(raw.read().decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageProblem(NOT_UTF8) from None


class PassphraseSource:
    """Hands out passphrases in order: lines of stdin with ``--passphrase-stdin``, or prompts."""

    def __init__(self, from_stdin: bool):
        self._from_stdin = from_stdin
        self._lines: Iterator[str] | None = None

    def _next_line(self) -> str:
        if self._lines is None:
            text = _read_stdin()
            # The newline that ends the last line starts no further (empty) line.
            self._lines = iter(text.removesuffix("\n").split("\n") if text else [])
        line = next(self._lines, None)
        if line is None:
            raise UsageProblem(
                "A passphrase was expected on standard input, one per line, but none was left.")
        line = str(line).removesuffix("\r")
        if line == "":
            raise UsageProblem("A passphrase line on standard input was empty; a passphrase cannot be empty. "
                               "Nothing was changed.")
        return line

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
