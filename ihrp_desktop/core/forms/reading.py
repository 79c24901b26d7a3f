"""Where things are written in a definition file, and the typed getters that point at them.

tomllib gives values without positions; this module maps tables back to their lines so every
problem becomes a :class:`FormDefinitionError` naming the file, the line and the field.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..vocabulary import DEFAULT_LANGUAGE
from ..words import word
from .model import Text

_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
ID_PATTERN = _ID  # what a definition or field id may be (an import checks form ids with it)
# A language code, or its formal variant beside it ("es_formal": core.vocabulary.FORMAL_SUFFIX).
_LANG = re.compile(r"[a-z]{2}(-[A-Za-z]{2})?(_formal)?")


class FormDefinitionError(ValueError):
    """A worksheet definition that cannot be used, with where and why in plain words."""

    def __init__(self, file: Path | str, message: str, *, line: int | None = None, field: str | None = None):
        self.file = Path(file)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.text("en")

    def text(self, language: str) -> str:
        """Where and why in ``language`` (the reason itself is written in English by the loader)."""
        where = [self.file.name]
        if self.line is not None:
            where.append(word("failure.line", language, n=self.line))
        if self.field:
            where.append(word("failure.field", language, id=self.field))
        return word("failure.definition", language, where=", ".join(where), reason=self.message)


@dataclass
class Place:
    """Where one TOML table is written: its header line and the lines holding its own keys."""

    line: int | None
    end: int
    children: dict[str, list[Place]] = field(default_factory=dict)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")


def _table_map(lines: list[str]) -> Place:
    """Map the ``[[section]]`` / ``[[section.field]]`` ... headers to the tables tomllib returns.

    tomllib gives no positions; but arrays of tables keep the order of their headers, so the
    n-th ``[[section.field]]`` after a ``[[section]]`` header is that section's n-th field.
    """
    root = Place(line=None, end=len(lines))
    latest: dict[str, Place] = {}
    previous = root
    in_string: str | None = None  # inside a multi-line string, a "[[...]]" line is text
    for number, text in enumerate(lines, start=1):
        if in_string is None:
            match = _HEADER.match(text)
            if match is not None:
                previous.end = number - 1
                path = re.sub(r"[\s\"']", "", match.group(2))
                node = Place(line=number, end=len(lines))
                if match.group(1) == "[[":
                    parent_path, _, key = path.rpartition(".")
                    parent = latest.get(parent_path, root) if parent_path else root
                    parent.children.setdefault(key, []).append(node)
                    latest[path] = node
                elif "." not in path:  # a top-level [table] (e.g. [pocket_card])
                    root.children[path] = [node]
                previous = node
        for quote in ('"""', "'''"):
            if text.count(quote) % 2 and in_string in (None, quote):
                in_string = None if in_string else quote
    return root


class TomlReader:
    """One definition's text: typed getters whose errors name the line a value is written on."""

    known_keys: frozenset[str] = frozenset()  # settings that exist somewhere ("does not apply" vs "unknown")

    def __init__(self, path: Path, raw_text: str):
        self.path = path
        self.lines = raw_text.split("\n")  # TOML counts lines by newlines only
        self.root = _table_map(self.lines)

    # -- errors ----------------------------------------------------------------------------------
    def fail(
        self, message: str, where: Place, *, key: str | None = None, field: str | None = None
    ) -> FormDefinitionError:
        return FormDefinitionError(self.path, message, line=self.line_of(where, key), field=field)

    def table_place(self, name: str) -> Place:
        """Where top-level table ``name`` is written: its ``[name]`` header, or the line of an inline
        ``name = { ... }`` (so an error inside it still names a line)."""
        if name in self.root.children:
            return self.root.children[name][0]
        line = self.line_of(self.root, name)
        return Place(line, line) if line is not None else self.root

    def line_of(self, table: Place, key: str | None) -> int | None:
        """The line of ``key`` inside ``table`` if it is written there, else the table's header."""
        if key is not None:
            first = table.line or 1
            pattern = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*[=.]""")
            for number in range(first, min(table.end, len(self.lines)) + 1):
                if pattern.match(self.lines[number - 1]):
                    return number
        return table.line

    # -- typed getters ---------------------------------------------------------------------------
    def check_keys(
        self,
        table: Mapping[str, Any],
        allowed: Iterable[str],
        where: Place,
        field: str | None = None,
        what: str = "",
    ) -> None:
        for key in table:
            if key not in allowed:
                known = key in self.known_keys and what
                message = (
                    f"'{key}' does not apply to {what}"
                    if known
                    else f"unknown setting '{key}' (check the spelling)"
                )
                raise self.fail(message, where, key=key, field=field)

    def ident(self, table: Mapping[str, Any], where: Place, what: str, field: str | None = None) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not _ID.fullmatch(value):
            shown = f" ('{value}')" if isinstance(value, str) else ""
            raise self.fail(
                f"{what} needs an id{shown} of lowercase letters, digits and '_', starting "
                "with a letter (at most 64)",
                where,
                key="id",
                field=field,
            )
        return value

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        where: Place,
        *,
        field: str | None = None,
        required: bool = False,
    ) -> Text | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(
                    f"'{key}' is missing (write it at least in English: {key} = {{ en = \"...\" }})",
                    where,
                    field=field,
                )
            return None
        if isinstance(value, str):  # a single-language definition is fine for a clinic's own worksheet
            value = {DEFAULT_LANGUAGE: value}
        if not isinstance(value, dict):
            raise self.fail(
                f"'{key}' must be text, or a table of texts by language", where, key=key, field=field
            )
        variants = {name: self._variant(value, name, key, where, field) for name in ("discreet", "blank")}
        value = {k: v for k, v in value.items() if k not in variants}
        for lang, words in value.items():
            if not _LANG.fullmatch(lang):
                raise self.fail(f"'{key}' has an unknown language code '{lang}'", where, key=key, field=field)
            if not isinstance(words, str):
                raise self.fail(f"'{key}.{lang}' must be text", where, key=key, field=field)
        if not value.get(DEFAULT_LANGUAGE, "").strip():
            raise self.fail(f"'{key}' needs an English text ({key}.en)", where, key=key, field=field)
        return Text(
            MappingProxyType({k: v.strip() for k, v in value.items()}),
            discreet=_frozen(variants["discreet"]),
            blank=_frozen(variants["blank"]),
        )

    def _variant(self, value: Mapping[str, Any], name: str, key: str, where: Place,
                 field: str | None) -> dict[str, str] | None:
        """A text's other form (``discreet`` or ``blank``): a table of texts by language, or None."""
        form = value.get(name)
        if form is None:
            return None
        if isinstance(form, str):
            form = {DEFAULT_LANGUAGE: form}
        # Only a blank form may be empty: the blank prints nothing there.
        if not isinstance(form, dict) or not all(
            _LANG.fullmatch(k) and isinstance(v, str) and (v.strip() or name == "blank")
            for k, v in form.items()
        ):
            raise self.fail(f"'{key}.{name}' must be a table of texts by language", where, key=key,
                            field=field)
        return dict(form)

    def number(self, table: Mapping[str, Any], key: str, where: Place, fid: str) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(f"'{key}' must be a number", where, key=key, field=fid)
        return float(value)

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        allowed: tuple[str, ...],
        where: Place,
        field: str | None = None,
    ) -> str:
        value = table.get(key, allowed[0])
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(f"'{key}' must be one of: {', '.join(allowed)}", where, key=key, field=field)
        return value

    def boolean(self, table: Mapping[str, Any], key: str, where: Place, field: str | None = None) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false", where, key=key, field=field)
        return value

    def tables(
        self, table: Mapping[str, Any], key: str, where: Place, field: str | None = None
    ) -> list[tuple[Mapping[str, Any], Place]]:
        """The ``[[key]]`` tables under ``table``, each with where it is written."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"'{key}' must be written as [[...{key}]] tables", where, key=key, field=field)
        written = where.children.get(key, [])
        if len(written) != len(value):  # written inline (key = [{...}]): point at the key
            written = [Place(line=self.line_of(where, key), end=where.end)] * len(value)
        return list(zip(value, written, strict=True))

    def check_new(self, seen: set[str], ident: str, what: str, where: Place, field: str | None) -> None:
        if ident in seen:
            raise self.fail(
                f"two {what} share the id '{ident}'; give each its own", where, key="id", field=field
            )
        seen.add(ident)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The TOML document in ``text``; a syntax error names its line and the field around it."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match and match.group(1) else None
        if match and match.group(1) is None:
            line = text.count("\n") + 1
        problem = _TOML_POSITION.sub("", message).lower()
        raise FormDefinitionError(
            path,
            f"this is not valid TOML ({problem}); check the quotes, brackets and commas there",
            line=line,
            field=_field_near(text.split("\n"), line) if line else None,
        ) from None
    except RecursionError:
        raise FormDefinitionError(
            path, "the file is nested too deeply to be a worksheet definition"
        ) from None
    return doc


_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"']*)["']""")


def _field_near(lines: list[str], line: int) -> str | None:
    """The field whose table holds ``line``, read from the raw text (the TOML could not be parsed)."""
    end = next((n - 1 for n in range(line + 1, len(lines) + 1) if _HEADER.match(lines[n - 1])), len(lines))
    column = None
    for n in range(min(line, len(lines)), 0, -1):
        header = _HEADER.match(lines[n - 1])
        if header is None:
            continue
        kind = re.sub(r"[\s\"']", "", header.group(2)).rpartition(".")[2]
        ident = next((m.group(1) for text in lines[n:end] if (m := _ID_LINE.match(text))), None)
        if kind == "column" and column is None:
            column = ident
        elif kind == "field":
            return f"{ident}.{column}" if ident and column else ident
        elif kind == "section":
            return None
        end = n - 1
    return None


def _frozen(form: dict[str, str] | None) -> Mapping[str, str] | None:
    return MappingProxyType({k: v.strip() for k, v in form.items()}) if form else None
