"""What a command hands back to the person at the terminal: files they asked for, and messages.

Imports nothing but ``os`` and ``sys``.
"""

from __future__ import annotations

import sys

from ..core import file_guard


def say(message: str) -> None:
    """A plain-words message for the person at the terminal (stderr keeps stdout for data)."""
    print(message, file=sys.stderr)


def checked_output(path: str) -> str:
    """Refuse (file_guard.RefusedTarget) an ``-o`` the program must never write, before any work."""
    return file_guard.checked_file(path)


def write_file(path: str, data: bytes) -> None:
    """Write a file the person asked for through the one guard (never onto a vault, a folder or a
    device; new file, 0600, renamed into place), whole or not at all; an error names their file, not
    the temporary one beside it."""
    try:
        file_guard.write_file(path, data)
    except OSError as exc:
        exc.filename = path
        raise
