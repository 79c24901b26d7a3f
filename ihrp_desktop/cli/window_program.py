"""In the installed bundle the command line is a program of its own, without Qt, so scripts start
fast (packaging/ihrp-desktop.spec). ``ihrp-desktop`` without a command still opens the window: it
hands its arguments to the window's program beside it, ``ihrp-desktop-gui``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .codes import EXIT_ERROR

WINDOW_PROGRAM = "ihrp-desktop-gui"


def window_program(executable: str | None = None) -> Path | None:
    """The window's program when this process is the bundle's Qt-free command line, else None (a
    venv, or the window's program itself: they open the window in this process)."""
    if not getattr(sys, "frozen", False) and executable is None:
        return None
    exe = Path(executable or sys.executable)
    if exe.stem == WINDOW_PROGRAM:
        return None
    return exe.resolve().parent / (WINDOW_PROGRAM + (".exe" if sys.platform == "win32" else ""))


def hand_over(program: Path, args: list[str]) -> int:
    """Run the window's program with these arguments; on POSIX it replaces this process."""
    if not program.is_file():
        print(f"ihrp-desktop: the window's program ({program.name}) is missing beside this one; "
              "reinstall IHRP Desktop.", file=sys.stderr)
        return EXIT_ERROR
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(program, [str(program), *args])
    return subprocess.call([str(program), *args])
