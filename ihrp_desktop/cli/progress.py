"""Progress lines for long commands: one line on stderr every few seconds, none for quick runs."""

from __future__ import annotations

import sys
import time

EVERY_SECONDS = 3.0  # tests set 0 to see every line

_PHASES = {
    "read": "Reading the file: {percent}%",
    "check": "Checking: {done:,} of {total:,} worksheets",
    "write": "Writing: {done:,} of {total:,} worksheets",
}


class ProgressLines:
    """A progress callback ``(phase, done, total)`` that prints at most one line per ``EVERY_SECONDS``."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < EVERY_SECONDS:
            return
        self._last = now
        percent = 100 * done // total if total else 100
        print(_PHASES.get(phase, phase + " {percent}%").format(done=done, total=total, percent=percent),
              file=sys.stderr, flush=True)
