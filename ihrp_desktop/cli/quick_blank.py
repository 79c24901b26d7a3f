"""``ihrp-desktop blank`` answered from a kept copy with nothing but ``os`` and ``sys``.

People and scripts print blank worksheets between other things, and the command should cost about
what starting Python costs. Parsing with argparse, finding the folders with pathlib and
platformdirs, and reading the definitions would cost more than the interpreter's own start, so a
kept copy (``core/blank_copies.py``) is handed out here before any of them is loaded.

Only the plain spelling is understood here: ``blank FORM_ID -o OUT [--lang en|es]``, in any order,
with ``--output`` and ``--name=value`` allowed. Anything else (help, abbreviations, a value that
starts with "-", a repeated option) and any copy that is missing or out of date goes the full way,
through argparse and ``commands.cmd_blank``, which stays the one definition of the command.
"""

from __future__ import annotations

from ..core.file_guard import RefusedTarget
from .codes import EXIT_OK, LANGUAGES
from .output import say, write_file

_OPTIONS = {"-o": "output", "--output": "output", "--lang": "lang"}


def parse(words: list[str]) -> tuple[str, str, str] | None:
    """(form id, output file, language) from the words after ``blank``, or None to leave them to
    argparse. Whatever this accepts, argparse reads the same way (tests/cli/test_quick_blank.py)."""
    found: dict[str, str] = {}
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in _OPTIONS and name.startswith("--") and equals:
            pass
        elif word in _OPTIONS and rest:
            name, value = word, rest.pop(0)
        elif not word.startswith("-") and "form" not in found:
            name, value = "form", word
        else:
            return None
        key = _OPTIONS.get(name, name)
        if key in found or not value or value.startswith("-"):
            return None
        found[key] = value
    if "form" not in found or "output" not in found:
        return None
    language = found.get("lang", "en")
    if language not in LANGUAGES:
        return None
    return found["form"], found["output"], language


def answer(words: list[str]) -> int | None:
    """Write the kept copy the words ask for and return the exit code; None when the full command
    has to run (no kept copy, an out-of-date one, unusual words, or a file that cannot be written:
    the full way says why in plain words)."""
    asked = parse(words)
    if asked is None:
        return None
    from ..core import blank_copies

    form_id, output, language = asked
    pdf = blank_copies.cached(blank_copies.usual_cache_dir(), form_id, language)
    if pdf is None:
        return None
    try:
        write_file(output, pdf)
    except (OSError, RefusedTarget):
        return None  # the full way says why, in plain words
    return written(output)


def written(output: str) -> int:
    """The last word of ``blank``, both ways."""
    say(f"Blank worksheet written to {output}")
    return EXIT_OK
