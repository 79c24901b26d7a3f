"""The commands that change a vault's keys (``passwd``, ``rekey``) and the strength rule every new
passphrase of the command line meets (``init`` too)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.vocabulary import AuditAction
from .codes import EXIT_OK
from .output import say
from .passphrase import PassphraseSource, UsageProblem


def refuse_weak(passphrase: str, nothing_done: str, current: str | None = None) -> None:
    """Exit 2 with zxcvbn's advice when a new passphrase scores under 3 of 4 (before any key work)."""
    from ..core.strength import refusal

    problem = refusal(passphrase, current)
    if problem is not None:
        raise UsageProblem(f"{problem} {nothing_done}")



class _Progress:
    """Prints how far a key change got, at most every few seconds (a large vault takes a while)."""

    EVERY_S = 3.0

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._last = self._clock()

    def __call__(self, fraction: float) -> None:
        now = self._clock()
        if now - self._last >= self.EVERY_S and fraction < 1.0:
            self._last = now
            say(f"Re-encrypting the vault: {fraction:.0%}")


def _change_keys(args: argparse.Namespace, *, seen: bool) -> int:
    from ..core.vault import Vault

    source = PassphraseSource(args.passphrase_stdin)
    old = source.existing("Current passphrase: ")
    new = source.new("New passphrase: ")
    refuse_weak(new, "The passphrase was not changed.", current=old)
    # Exclusive: VaultInUse (exit 1, nothing changed) while the app or another command has it open.
    with Vault.open(Path(args.vault), old, exclusive=True) as vault:
        say("Re-encrypting the vault under a new key...")
        vault.change_keys(old, new, "drop" if seen else "keep",
                          action=AuditAction.KEYS_REPLACED if seen else AuditAction.PASSPHRASE_CHANGED,
                          progress=_Progress())
    say("The passphrase was changed. Use the new one from now on.")
    # Promises below, proved by tests/core/vault/test_rotation.py: test_every_older_key_file_with_every_
    # older_secret_fails, test_old_backups_still_open_with_the_old_secret.
    say("Older copies of the key file no longer open this vault. Backups made before now still open "
        "with the passphrase they were made with.")
    if seen:
        say("Your recovery sheet, if you had one, no longer works: make a new one in the app "
            "(File > Make a recovery sheet).")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    return _change_keys(args, seen=False)


def cmd_rekey(args: argparse.Namespace) -> int:
    return _change_keys(args, seen=True)
