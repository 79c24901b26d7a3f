"""What a command hands back to the person at the terminal: files they asked for, and messages.

Imports nothing but ``os`` and ``sys``: the quick path of ``blank`` writes through it too.
"""

from __future__ import annotations

import sys

from ..core.durable import atomic_write_bytes


def say(message: str) -> None:
    """A plain-words message for the person at the terminal (stderr keeps stdout for data)."""
    print(message, file=sys.stderr)


def write_file(path: str, data: bytes) -> None:
    """Write a file the person asked for, whole or not at all; an error names their file, not the
    ``.partial`` one beside it. The folder is not flushed: the file is in place once written, and a
    folder that refuses a flush (write-only, some network disks) must not turn that into a failure."""
    try:
        atomic_write_bytes(path, data, visible_partial=True, flush_folder=False)
    except OSError as exc:
        exc.filename = path
        raise
