"""Blank worksheets printed once and reused: ``ihrp-desktop blank`` answers from the cache folder.

A blank copy holds no client data (only the definition's labels and prompts), so it may live in the
user cache folder. Each copy is filed under a fingerprint of everything its pages are made from: the
program version, every worksheet definition file (shipped and the clinic's own), the renderer's code
and the fonts. Editing any of them makes a new fingerprint, so a stale page is never handed out.

This module is on the fast path of the command: it imports nothing of the renderer and reads only
file names, sizes and modification times, then one file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .. import __version__
from .paths import forms_dir, ui_dir, user_cache_dir, user_forms_dir

_CORE = Path(__file__).resolve().parent
# The code a blank page is made from: its layout (pdf) and how definitions are read (forms).
_RENDERER_CODE = (_CORE / "pdf", _CORE / "forms", _CORE / "paths.py")


def _stat_lines(path: Path, suffixes: tuple[str, ...]) -> list[str]:
    """One line per file (name, size, mtime) under ``path``; a missing folder counts as its absence."""
    try:
        if path.is_file():
            st = path.stat()
            return [f"{path}|{st.st_size}|{st.st_mtime_ns}"]
        lines = []
        for entry in sorted(os.scandir(path), key=lambda e: e.name):
            if entry.name.endswith(suffixes):
                st = entry.stat()
                lines.append(f"{entry.path}|{st.st_size}|{st.st_mtime_ns}")
        return lines
    except OSError:
        return [f"{path}|unreadable"]


def fingerprint(form_id: str, language: str) -> str:
    """What a blank copy of ``form_id`` in ``language`` would be made from, one line per source."""
    lines = [f"IHRP Desktop {__version__}", form_id, language]
    for folder in (forms_dir(), user_forms_dir()):
        lines += _stat_lines(folder, (".toml",))
    for code in _RENDERER_CODE:
        lines += _stat_lines(code, (".py",))
    lines += _stat_lines(ui_dir() / "fonts", (".ttf",))
    return "\n".join(lines)


# A kept copy is one file: the fingerprint it was made from, this line, then the PDF's bytes.
# Comparing the whole fingerprint (not a digest of it) means no two sources can ever share a copy.
_SEPARATOR = b"\n--- PDF ---\n"


def _file(form_id: str, language: str) -> Path:
    return user_cache_dir() / "blank-copies" / f"{form_id}.{language}.pdf-kept"


def cached(form_id: str, language: str, made_from: str) -> bytes | None:
    """The kept blank copy, if it was made from exactly ``made_from`` (a ``fingerprint``); else None."""
    if not (form_id.isidentifier() and language.isidentifier()):
        return None  # not a definition id ("../x"): never a file name outside the cache folder
    try:
        data = _file(form_id, language).read_bytes()
    except OSError:
        return None
    head = made_from.encode("utf-8", "surrogateescape") + _SEPARATOR
    if not data.startswith(head):
        return None
    pdf = data[len(head):]
    # A copy cut short (a full disk when it was kept) is not a whole PDF; print afresh instead.
    return pdf if pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF") else None


def keep(form_id: str, language: str, made_from: str, pdf: bytes) -> None:
    """Keep a freshly printed blank copy in place of the older one of the same worksheet and language.

    The cache is a convenience: a read-only or full disk is ignored, never an error.
    """
    if not (form_id.isidentifier() and language.isidentifier()):
        return
    target = _file(form_id, language)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(made_from.encode("utf-8", "surrogateescape") + _SEPARATOR + pdf)
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
