"""What a command hands back to the person at the terminal: files they asked for, and messages.

Imports nothing but ``sys``, ``typing`` and the file guard.
"""

from __future__ import annotations

import sys
from typing import BinaryIO, cast

from ..core import file_guard


def say(message: str) -> None:
    """A plain-words message for the person at the terminal (stderr keeps stdout for data)."""
    print(message, file=sys.stderr)


STARTED_WITHOUT: set[str] = set()  # "stdout", "stderr": closed when the program started (>&-)
STDOUT = "-"  # ``-o -``: standard output, as other tools read it (tests/cli/test_output_dash.py)
NO_STDOUT = "There is no standard output to write to. Nothing was written; name a file instead."
TERMINAL = ("Standard output is a terminal, which cannot show a file. Nothing was written; "
            "send it on (| another program, > a file) or name a file instead.")


def checked_output(path: str) -> str:
    """Refuse (file_guard.RefusedTarget) an ``-o`` the program must never write, before any work."""
    if path == STDOUT:
        if _stdout() is None:
            raise file_guard.RefusedTarget(NO_STDOUT)
        if sys.stdout.isatty():
            raise file_guard.RefusedTarget(TERMINAL)
        return path
    return file_guard.checked_file(path)


def written_to(path: str) -> str:
    """Where the output went, in the words a message uses."""
    return "standard output" if path == STDOUT else path


def say_written(path: str) -> None:
    """The one message after a command wrote its output ("Written to standard output." for ``-o -``:
    tests/cli/test_output_dash.py)."""
    say(f"Written to {written_to(path)}.")


def write_file(path: str, data: bytes) -> None:
    """Write a file the person asked for through the one guard (never onto a vault, a folder or a
    device; new file, 0600, renamed into place), whole or not at all; an error names their file, not
    the temporary one beside it. ``-`` writes the bytes to standard output."""
    if path == STDOUT:
        out = _stdout()
        if out is None:
            raise file_guard.RefusedTarget(NO_STDOUT)
        out.write(data)
        out.flush()
        return
    try:
        file_guard.write_file(path, data)
    except OSError as exc:
        exc.filename = path
        raise


def _stdout() -> BinaryIO | None:
    """Standard output as bytes, or None when the program was started without one (``>&-``)."""
    stream = sys.stdout
    if "stdout" in STARTED_WITHOUT:  # what stands in for it goes nowhere: no place for the file
        return None
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    return cast("BinaryIO | None", buffer)
