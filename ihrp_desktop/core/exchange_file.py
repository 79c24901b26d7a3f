"""Reading an export file safely: a regular file, of bounded size and nesting, UTF-8, strict JSON.

Everything here runs before a vault is touched. Each refusal is an ``ExportFormatError`` in plain
words that never quotes the file's content (it could be client text).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Limits (docs/export-format.md, "Limits"; tests/hostile/test_import_hostile.py proves each one).
MAX_FILE_BYTES = 128 * 1024 * 1024  # 2.5 times the 20,000-worksheet bench file
MAX_DEPTH = 64  # an export nests 7 deep, its answers a few levels more
_CHUNK = 4 * 1024 * 1024

Progress = Callable[[str, int, int], None]  # phase, done, total

# What the nesting check keeps of a file: brackets and quotes (escaped quotes and backslashes removed first).
_STRING = re.compile(rb'"[^"]*"')
_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')


class ExportFormatError(ValueError):
    """An import file that cannot be read, with where (a JSON path) and why in plain words."""

    def __init__(self, where: str, message: str):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


def read_export(path: str | os.PathLike[str], progress: Progress | None = None) -> Any:
    """The parsed JSON of an export file, or ExportFormatError; nothing else is read or written."""
    return parse_export(read_bytes(path, progress))


def read_bytes(path: str | os.PathLike[str], progress: Progress | None = None) -> bytes:
    """The whole file, refused before reading when it is not a regular file or too large."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(Path(path), flags)
    except FileNotFoundError:
        raise ExportFormatError("", "the file was not found") from None
    except IsADirectoryError:
        raise ExportFormatError("", "this is a folder, not an export file") from None
    except PermissionError:
        raise ExportFormatError("", "permission to read the file was denied") from None
    except OSError as exc:
        raise ExportFormatError(
            "", f"the file could not be opened ({exc.strerror or 'system error'})"
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ExportFormatError("", "this is a folder, not an export file")
        if not stat.S_ISREG(info.st_mode):
            raise ExportFormatError("", "this is not a regular file (a device, a pipe or a socket)")
        size = info.st_size
        if size == 0:
            raise ExportFormatError("", "the file is empty")
        if size > MAX_FILE_BYTES:
            raise ExportFormatError("", f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        parts: list[bytes] = []
        got = 0
        while got <= size:
            piece = os.read(fd, min(_CHUNK, size + 1 - got))
            if not piece:
                break
            parts.append(piece)
            got += len(piece)
            if progress is not None:
                progress("read", min(got, size), size)
        if got != size:
            raise ExportFormatError("", "the file changed while it was being read")
        return b"".join(parts)
    except OSError as exc:
        raise ExportFormatError(
            "", f"the file could not be read ({exc.strerror or 'system error'})"
        ) from None
    finally:
        os.close(fd)


def nesting_depth_over(data: bytes, limit: int) -> bool:
    """True when the JSON in ``data`` nests lists/objects more than ``limit`` deep (or its brackets do
    not pair up), found before parsing at C speed (about as long as parsing a large export once).

    Escaped backslashes, then escaped quotes are cut out, so every quote left opens or closes a
    string; of the rest only brackets and quotes are kept, strings (with the brackets typed in them)
    are cut out, and innermost pairs are removed one level a pass.
    """
    structure = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    brackets = _STRING.sub(b"", structure)
    if b'"' in brackets:
        return True  # a string that never ends: not JSON
    for _ in range(limit):
        if not brackets:
            return False
        shorter = _EMPTY_PAIR.sub(b"", brackets)
        if len(shorter) == len(brackets):
            return True  # unpaired brackets: not JSON (and possibly deep); never handed to the parser
        brackets = shorter
    return bool(brackets)


# A JSON escape of a UTF-16 surrogate (\ud800-\udfff): only then can a parsed string hold a lone
# one, which no UTF-8 file can store; the rare file that has one is walked to name the place.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


# A JSON escape of NUL: text never holds one (no keyboard types it; a C string would end there).
_NUL_ESCAPE = re.compile(rb"\\u0000")


def _is_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _is_nul(text: str) -> bool:
    return "\0" in text


def _bad_text_at(value: Any, where: str, bad: Callable[[str], bool]) -> str | None:
    """The JSON place of the first text (a value or an object's key) that is ``bad``."""
    if isinstance(value, str):
        return (where or "the file") if bad(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            shown = key if _PLAIN_KEY.fullmatch(key) else "(a key)"  # a place, never the file's text
            place = f"{where}.{shown}" if where else shown
            if bad(key):
                return f"{where}, a key" if where else "a key at the top"
            found = _bad_text_at(item, place, bad)
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _bad_text_at(item, f"{where}[{i}]", bad)
            if found is not None:
                return found
    return None


def _lone_surrogate_at(value: Any, where: str) -> str | None:
    """The JSON place of the first text (a value or an object's key) holding a lone surrogate."""
    return _bad_text_at(value, where, _is_lone_surrogate)


def _refuse_constant(name: str) -> Any:
    raise ExportFormatError("", f"the file holds {name}, which is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ExportFormatError("", "the file holds a number too large to store")
    return value


def parse_export(data: bytes) -> Any:
    """Strict JSON from UTF-8 bytes: no NaN or Infinity, nesting at most MAX_DEPTH."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark some editors add when the file is saved again
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExportFormatError("", "the file is not UTF-8 text (it may not be an export file)") from None
    if not text.strip():
        raise ExportFormatError("", "the file is empty")
    if nesting_depth_over(data, MAX_DEPTH):
        raise ExportFormatError(
            "", f"the file is not valid JSON, or nests lists and objects more than {MAX_DEPTH} levels deep"
        )
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except ExportFormatError:
        raise
    except json.JSONDecodeError as exc:
        raise ExportFormatError(
            "", f"the file is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise ExportFormatError(
            "", f"the file nests lists and objects more than {MAX_DEPTH} levels deep"
        ) from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise ExportFormatError("", "the file holds a number too large to store") from None
    if _SURROGATE_ESCAPE.search(data):
        place = _lone_surrogate_at(parsed, "")
        if place is not None:  # refused here, before a passphrase: it could never be written
            raise ExportFormatError(place, "holds text that is not valid Unicode (a lone surrogate)")
    if _NUL_ESCAPE.search(data):
        place = _bad_text_at(parsed, "", _is_nul)
        if place is not None:  # one rule with the surrogate: refused with its place, nothing imported
            raise ExportFormatError(place, "holds a NUL character (\\u0000), which text cannot hold")
    return parsed
