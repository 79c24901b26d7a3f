"""What happens to an error nobody expected: a plain message and a crash report without values.

Every entry point (the command line's ``main``, the app's launch, ``sys.excepthook``,
``threading.excepthook`` and the background runner) hands such an error to :func:`report`. The
report holds the exception's type and the frames (file, line, function) only: never the
exception's message or any local value, since both can hold a client's words
(tests/hostile/test_no_traceback.py). It is written 0600 in the per-user log folder, and the
message names the file so the person can choose to look at it or send it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from .. import APP_NAME, __version__

REPORT_MODE = 0o600
FOLDER_MODE = 0o700
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]
_MAX_CHAIN = 5  # causes and contexts followed, at most


def _where(file_name: str) -> str:
    """A frame's file, short: inside the program relative to it, elsewhere its last two parts."""
    path = Path(file_name)
    try:
        return str(Path("ihrp_desktop") / path.resolve().relative_to(_PACKAGE_ROOT))
    except (ValueError, OSError):
        return str(Path(*path.parts[-2:])) if len(path.parts) > 1 else file_name


def _frames(tb: TracebackType | None) -> list[str]:
    import traceback  # here: the app imports this module at launch, and most runs never need it

    # Only file, line and function are kept (never the source line, which can hold a literal).
    summary = traceback.extract_tb(tb)
    return [f"  {_where(f.filename)}:{f.lineno} in {f.name}" for f in summary]


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def report_text(exc: BaseException) -> str:
    """The report's text: program and system versions, then each exception's type and frames."""
    lines = [
        f"{APP_NAME} {__version__} crash report",
        f"Python {sys.version.split()[0]} on {sys.platform}",
        f"Time (UTC): {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())}",
        "This report holds the error's type and where in the program it happened. It never holds",
        "the error's message or any value (they can contain a client's words).",
        "",
    ]
    seen: set[int] = set()
    current: BaseException | None = exc
    first = True
    while current is not None and id(current) not in seen and len(seen) < _MAX_CHAIN:
        seen.add(id(current))
        if not first:
            lines.append("which happened while handling, or because of:")
        lines.append(f"Error type: {_type_name(current)}")
        lines.append("Frames (most recent call last):")
        lines += _frames(current.__traceback__)
        lines.append("")
        first = False
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "\n".join(lines)


def write_report(exc: BaseException, folder: Path | None = None) -> Path | None:
    """Write the report for ``exc`` (mode 0600, a new file each time); None when it cannot be written
    (a read-only or missing home folder must not turn one error into two)."""
    try:
        if folder is None:
            from .paths import user_log_dir

            folder = user_log_dir()
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        path = folder / f"crash-{stamp}-{os.getpid()}-{time.monotonic_ns() % 1_000_000:06d}.txt"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, REPORT_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(report_text(exc))
        return path
    except Exception:  # noqa: BLE001 - the report is a courtesy; the message still reaches the person
        return None


def message(exc: BaseException, report: Path | None) -> str:
    """Plain words for the person: what happened (the error's type only) and where the report is."""
    said = (f"Something went wrong that {APP_NAME} did not expect ({type(exc).__name__}). "
            "Nothing more was written.")
    if report is None:
        return said + " A crash report could not be saved on this computer."
    return (said + f" A crash report without any client data was saved in {report}; you can "
            "look at it and send it to whoever supports you with the program.")


def report(exc: BaseException) -> str:
    """Write the report and return the message that names it."""
    return message(exc, write_report(exc))
