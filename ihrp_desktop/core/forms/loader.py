"""Read and validate worksheet definition files (TOML) into :mod:`model` objects.

Every problem becomes a :class:`FormDefinitionError` naming the file, the line where it can be
found and the field, so a clinic that edits a definition knows exactly what to fix; one bad file
never stops the other worksheets from loading.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from .model import (
    COLUMN_TYPES,
    DEFAULT_LANGUAGE,
    FIELD_TYPES,
    Field,
    FormDefinition,
    MenuRow,
    Option,
    Section,
    Text,
)

_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
ID_PATTERN = _ID  # what a definition or field id may be (an import checks form ids with it)
_LANG = re.compile(r"[a-z]{2}(-[A-Za-z]{2})?")
_MAX_FILE_BYTES = 1_000_000  # a definition is a few kB; refuse anything absurd before parsing

_TOP_KEYS = frozenset(
    {"id", "version", "title", "purpose", "discreet_title", "revisable", "attribution", "section"}
)
_SECTION_KEYS = frozenset({"id", "title", "guidance", "layout", "audience", "field"})
_COMMON_FIELD_KEYS = frozenset({"id", "type", "label", "audience", "guidance", "placeholder"})
# The settings each field type understands, beyond the common ones.
_TYPE_KEYS: dict[str, frozenset[str]] = {
    "number": frozenset({"unit", "min", "max"}),
    "scale": frozenset({"min", "max", "low", "high"}),
    "choice": frozenset({"option"}),
    "multichoice": frozenset({"option", "other"}),
    "list": frozenset({"column", "row_label"}),
    "menu": frozenset({"column", "row", "row_label"}),
    "total": frozenset({"total_of"}),
}
_ALL_FIELD_KEYS = _COMMON_FIELD_KEYS.union(*_TYPE_KEYS.values(), {"text"})


class FormDefinitionError(ValueError):
    """A worksheet definition that cannot be used, with where and why in plain words."""

    def __init__(self, file: Path | str, message: str, *, line: int | None = None, field: str | None = None):
        self.file = Path(file)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file.name]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"Worksheet definition {', '.join(where)}: {self.message}"


@dataclass
class FormLibrary:
    """All usable definitions by id, plus the files that could not be used."""

    forms: dict[str, FormDefinition] = field(default_factory=dict)
    errors: list[FormDefinitionError] = field(default_factory=list)

    def get(self, form_id: str) -> FormDefinition:
        try:
            return self.forms[form_id]
        except KeyError:
            raise KeyError(f"There is no worksheet definition called '{form_id}'.") from None

    def ordered(self) -> list[FormDefinition]:
        """Built-in worksheets first in their shipped order, then user-added ones by title."""
        return sorted(self.forms.values(), key=lambda f: (not f.builtin, _order_key(f), f.title.get()))


def _order_key(form: FormDefinition) -> str:
    # Built-in files are named "10_decisional_balance.toml" etc.; the prefix keeps the book's order.
    # User files sort by title only.
    if not form.builtin:
        return ""
    return form.source.name if form.source is not None else form.id


# -- where things are written ---------------------------------------------------------------------


@dataclass
class _Table:
    """Where one TOML table is written: its header line and the lines holding its own keys."""

    line: int | None
    end: int
    children: dict[str, list[_Table]] = field(default_factory=dict)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")


def _table_map(lines: list[str]) -> _Table:
    """Map the ``[[section]]`` / ``[[section.field]]`` ... headers to the tables tomllib returns.

    tomllib gives no positions; but arrays of tables keep the order of their headers, so the
    n-th ``[[section.field]]`` after a ``[[section]]`` header is that section's n-th field.
    """
    root = _Table(line=None, end=len(lines))
    latest: dict[str, _Table] = {}
    previous = root
    in_string: str | None = None  # inside a multi-line string, a "[[...]]" line is text
    for number, text in enumerate(lines, start=1):
        if in_string is None:
            match = _HEADER.match(text)
            if match is not None:
                previous.end = number - 1
                path = re.sub(r"[\s\"']", "", match.group(2))
                node = _Table(line=number, end=len(lines))
                if match.group(1) == "[[":
                    parent_path, _, key = path.rpartition(".")
                    parent = latest.get(parent_path, root) if parent_path else root
                    parent.children.setdefault(key, []).append(node)
                    latest[path] = node
                previous = node
        for quote in ('"""', "'''"):
            if text.count(quote) % 2 and in_string in (None, quote):
                in_string = None if in_string else quote
    return root


class _Reader:
    """Walks one parsed TOML document, turning each table into model objects."""

    def __init__(self, path: Path, raw_text: str):
        self.path = path
        self.lines = raw_text.split("\n")  # TOML counts lines by newlines only
        self.root = _table_map(self.lines)
        self.field_tables: dict[str, _Table] = {}

    # -- errors ----------------------------------------------------------------------------------
    def fail(
        self, message: str, where: _Table, *, key: str | None = None, field: str | None = None
    ) -> FormDefinitionError:
        return FormDefinitionError(self.path, message, line=self.line_of(where, key), field=field)

    def line_of(self, table: _Table, key: str | None) -> int | None:
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
        where: _Table,
        field: str | None = None,
        what: str = "",
    ) -> None:
        for key in table:
            if key not in allowed:
                known = key in _ALL_FIELD_KEYS and what
                message = (
                    f"'{key}' does not apply to {what}"
                    if known
                    else f"unknown setting '{key}' (check the spelling)"
                )
                raise self.fail(message, where, key=key, field=field)

    def ident(self, table: Mapping[str, Any], where: _Table, what: str, field: str | None = None) -> str:
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
        where: _Table,
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
        for lang, words in value.items():
            if not _LANG.fullmatch(lang):
                raise self.fail(f"'{key}' has an unknown language code '{lang}'", where, key=key, field=field)
            if not isinstance(words, str):
                raise self.fail(f"'{key}.{lang}' must be text", where, key=key, field=field)
        if not value.get(DEFAULT_LANGUAGE, "").strip():
            raise self.fail(f"'{key}' needs an English text ({key}.en)", where, key=key, field=field)
        return Text(MappingProxyType({k: v.strip() for k, v in value.items()}))

    def number(self, table: Mapping[str, Any], key: str, where: _Table, fid: str) -> float | None:
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
        where: _Table,
        field: str | None = None,
    ) -> str:
        value = table.get(key, allowed[0])
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(f"'{key}' must be one of: {', '.join(allowed)}", where, key=key, field=field)
        return value

    def boolean(self, table: Mapping[str, Any], key: str, where: _Table, field: str | None = None) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false", where, key=key, field=field)
        return value

    def tables(
        self, table: Mapping[str, Any], key: str, where: _Table, field: str | None = None
    ) -> list[tuple[Mapping[str, Any], _Table]]:
        """The ``[[key]]`` tables under ``table``, each with where it is written."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"'{key}' must be written as [[...{key}]] tables", where, key=key, field=field)
        written = where.children.get(key, [])
        if len(written) != len(value):  # written inline (key = [{...}]): point at the key
            written = [_Table(line=self.line_of(where, key), end=where.end)] * len(value)
        return list(zip(value, written, strict=True))

    def check_new(self, seen: set[str], ident: str, what: str, where: _Table, field: str | None) -> None:
        if ident in seen:
            raise self.fail(
                f"two {what} share the id '{ident}'; give each its own", where, key="id", field=field
            )
        seen.add(ident)

    # -- structure -------------------------------------------------------------------------------
    def form(self, doc: Mapping[str, Any]) -> FormDefinition:
        top = self.root
        self.check_keys(doc, _TOP_KEYS, top)
        form_id = self.ident(doc, top, "the worksheet")
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.fail("'version' must be a whole number, 1 or more", top, key="version")
        title = cast(Text, self.text(doc, "title", top, required=True))
        sections: list[Section] = []
        seen: set[str] = set()
        fields_seen: set[str] = set()
        for table, where in self.tables(doc, "section", top):
            section = self.section(table, where, fields_seen)
            self.check_new(seen, section.id, "sections", where, None)
            sections.append(section)
        if not sections:
            raise self.fail("a worksheet needs at least one [[section]]", top)
        self.check_totals([f for s in sections for f in s.fields])
        return FormDefinition(
            id=form_id,
            version=version,
            title=title,
            purpose=self.text(doc, "purpose", top),
            discreet_title=cast(Any, self.choice(doc, "discreet_title", ("notes", "plan"), top)),
            revisable=self.boolean(doc, "revisable", top),
            attribution=self.text(doc, "attribution", top),
            sections=tuple(sections),
            source=self.path,
        )

    def section(self, table: Mapping[str, Any], where: _Table, fields_seen: set[str]) -> Section:
        self.check_keys(table, _SECTION_KEYS, where)
        section_id = self.ident(table, where, "every [[section]]")
        named = f"section '{section_id}'"
        fields = []
        for ftable, fwhere in self.tables(table, "field", where):
            fld = self.field(ftable, fwhere, named, column=False)
            self.check_new(fields_seen, fld.id, "fields", fwhere, fld.id)
            self.field_tables[fld.id] = fwhere
            fields.append(fld)
        if not fields:
            raise self.fail(f"{named} needs at least one [[section.field]]", where)
        layout = self.choice(table, "layout", ("stack", "grid"), where)
        if layout == "grid":
            if sum(1 for f in fields if f.type == "list") != 4:
                raise self.fail(
                    f"{named} is a 'grid': it needs exactly four list fields (the 2x2 boxes)",
                    where,
                    key="layout",
                )
            for fld in fields:
                if fld.type not in ("list", "total", "guidance"):
                    raise self.fail(
                        "a 'grid' section holds only its four lists, their totals and guidance",
                        self.field_tables[fld.id],
                        key="type",
                        field=fld.id,
                    )
        return Section(
            id=section_id,
            title=cast(Text, self.text(table, "title", where, required=True)),
            guidance=self.text(table, "guidance", where),
            layout=cast(Any, layout),
            audience=cast(Any, self.choice(table, "audience", ("shared", "clinician"), where)),
            fields=tuple(fields),
        )

    def field(self, table: Mapping[str, Any], where: _Table, parent: str, *, column: bool) -> Field:
        what = "column" if column else "field"
        fid = self.ident(table, where, f"every {what} (in {parent})")
        name = f"{parent}.{fid}" if column else fid
        ftype = table.get("type")
        allowed_types = COLUMN_TYPES if column else FIELD_TYPES
        if not isinstance(ftype, str) or ftype not in FIELD_TYPES:
            shown = (
                f"'{ftype}' is unknown"
                if isinstance(ftype, str)
                else ("is missing" if ftype is None else "must be a type name in quotes")
            )
            raise self.fail(
                f"the type {shown}; use one of: {', '.join(sorted(allowed_types))}",
                where,
                key="type",
                field=name,
            )
        if ftype not in allowed_types:
            raise self.fail(
                f"type '{ftype}' cannot be a column of a list or menu", where, key="type", field=name
            )
        allowed = _COMMON_FIELD_KEYS | _TYPE_KEYS.get(ftype, frozenset())
        if ftype == "guidance":
            allowed = frozenset({"id", "type", "label", "audience", "text"})
        if column:  # a column shows to whoever sees its list: a clinician-only cell would leak on paper
            allowed = allowed - {"audience"}
        self.check_keys(table, allowed, where, name, f"a {'column' if column else ftype + ' field'}")
        kwargs: dict[str, Any] = {}
        if ftype in ("number", "scale"):
            self._bounds(table, where, name, ftype, kwargs)
        elif ftype in ("choice", "multichoice"):
            self._options(table, where, name, kwargs)
            if ftype == "multichoice":
                kwargs["other"] = self.boolean(table, "other", where, name)
        elif ftype in ("list", "menu"):
            self._rows(table, where, name, fid, ftype == "menu", kwargs)
        elif ftype == "total":
            target = table.get("total_of")
            if not isinstance(target, str) or target.count(".") != 1:
                raise self.fail(
                    "'total_of' must name a list column as \"list_id.column_id\"",
                    where,
                    key="total_of",
                    field=name,
                )
            kwargs["total_of"] = target
        elif ftype == "guidance":
            kwargs["text"] = self.text(table, "text", where, field=name, required=True)
        label = self.text(table, "label", where, field=name, required=ftype != "guidance")
        return Field(
            id=fid,
            type=ftype,
            label=label or Text.of(en=""),
            audience=cast(Any, self.choice(table, "audience", ("shared", "clinician"), where, name)),
            guidance=self.text(table, "guidance", where, field=name),
            placeholder=self.text(table, "placeholder", where, field=name),
            **kwargs,
        )

    def _bounds(
        self, table: Mapping[str, Any], where: _Table, name: str, ftype: str, kwargs: dict[str, Any]
    ) -> None:
        low, high = self.number(table, "min", where, name), self.number(table, "max", where, name)
        if ftype == "scale":
            low = 0.0 if low is None else low
            high = 10.0 if high is None else high
            if not low.is_integer() or not high.is_integer() or not 0 < high - low <= 20:
                raise self.fail(
                    "a scale runs between whole numbers, at most 20 steps apart (e.g. 0 to 10)",
                    where,
                    key="min" if "min" in table else "max",
                    field=name,
                )
            kwargs.update(
                low=self.text(table, "low", where, field=name),
                high=self.text(table, "high", where, field=name),
            )
        elif low is not None and high is not None and low >= high:
            raise self.fail("'min' must be smaller than 'max'", where, key="min", field=name)
        else:
            kwargs["unit"] = self.text(table, "unit", where, field=name)
        kwargs.update(min=low, max=high)

    def _options(self, table: Mapping[str, Any], where: _Table, name: str, kwargs: dict[str, Any]) -> None:
        options: list[Option] = []
        seen: set[str] = set()
        for opt, owhere in self.tables(table, "option", where, name):
            self.check_keys(opt, {"id", "label"}, owhere, name)
            oid = self.ident(opt, owhere, "every option", name)
            self.check_new(seen, oid, "options", owhere, name)
            options.append(
                Option(oid, cast(Text, self.text(opt, "label", owhere, field=name, required=True)))
            )
        if not options:
            raise self.fail("a choice needs at least one [[...option]]", where, field=name)
        kwargs["options"] = tuple(options)

    def _rows(
        self,
        table: Mapping[str, Any],
        where: _Table,
        name: str,
        fid: str,
        fixed: bool,
        kwargs: dict[str, Any],
    ) -> None:
        columns: list[Field] = []
        seen: set[str] = set()
        for ctable, cwhere in self.tables(table, "column", where, name):
            col = self.field(ctable, cwhere, fid, column=True)
            self.check_new(seen, col.id, "columns", cwhere, name)
            columns.append(col)
        if not columns:
            raise self.fail("a list needs at least one [[...column]]", where, field=name)
        kwargs.update(columns=tuple(columns), row_label=self.text(table, "row_label", where, field=name))
        if not fixed:
            return
        rows: list[MenuRow] = []
        seen = set()
        for row, rwhere in self.tables(table, "row", where, name):
            self.check_keys(row, {"id", "label", "group"}, rwhere, name)
            rid = self.ident(row, rwhere, "every row", name)
            self.check_new(seen, rid, "rows", rwhere, name)
            rows.append(
                MenuRow(
                    rid,
                    cast(Text, self.text(row, "label", rwhere, field=name, required=True)),
                    self.text(row, "group", rwhere, field=name),
                )
            )
        if not rows:
            raise self.fail("a menu needs at least one [[...row]]", where, field=name)
        kwargs["rows"] = tuple(rows)

    def check_totals(self, fields: list[Field]) -> None:
        by_id = {f.id: f for f in fields}
        for fld in fields:
            if fld.total_of is None:
                continue
            where = self.field_tables[fld.id]
            list_id, column_id = fld.total_of.split(".")
            source = by_id.get(list_id)
            if source is None or source.type not in ("list", "menu"):
                raise self.fail(
                    f"'total_of' names '{list_id}', which is not a list in this worksheet",
                    where,
                    key="total_of",
                    field=fld.id,
                )
            try:
                column = source.column(column_id)
            except KeyError:
                raise self.fail(
                    f"'total_of' names a column '{column_id}' that '{list_id}' does not have",
                    where,
                    key="total_of",
                    field=fld.id,
                ) from None
            if column.type not in ("number", "scale"):
                raise self.fail(
                    f"'total_of' must name a number or scale column, not a {column.type} column",
                    where,
                    key="total_of",
                    field=fld.id,
                )


def load_definition(path: Path, *, builtin: bool = False) -> FormDefinition:
    """Read one definition file; raise :class:`FormDefinitionError` if it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormDefinitionError(path, f"the file cannot be read ({exc.strerror or exc})") from None
    if len(raw) > _MAX_FILE_BYTES:
        raise FormDefinitionError(path, "the file is too large to be a worksheet definition")
    try:
        text = raw.decode("utf-8-sig")  # Windows editors may start the file with a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FormDefinitionError(path, "the file is not UTF-8 text; save it as UTF-8", line=line) from None
    return parse_definition(text, path, builtin=builtin)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse_definition(text: str, path: Path, *, builtin: bool = False) -> FormDefinition:
    """Parse definition text (already read) that came from ``path``."""
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
    return replace(_Reader(path, text).form(doc), builtin=builtin)


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


def load_library(builtin_dir: Path, user_dir: Path | None = None) -> FormLibrary:
    """Load every shipped definition, then a clinic's own ones from ``user_dir``.

    A user file whose id is already taken is reported, and the shipped worksheet stays.
    """
    library = FormLibrary()
    for directory, builtin in ((builtin_dir, True), (user_dir, False)):
        if directory is None or not directory.is_dir():
            continue
        # Hidden files ("._name.toml" from macOS on shared drives) are not definitions.
        for path in sorted(p for p in directory.glob("*.toml") if not p.name.startswith(".")):
            try:
                form = load_definition(path, builtin=builtin)
            except FormDefinitionError as exc:
                library.errors.append(exc)
                continue
            taken = library.forms.get(form.id)
            if taken is not None:
                owner = taken.source.name if taken.source else "another worksheet"
                library.errors.append(
                    FormDefinitionError(
                        path,
                        f"the id '{form.id}' is already used by {owner}; give this worksheet its own id",
                        line=_top_id_line(path),
                    )
                )
                continue
            library.forms[form.id] = form
    return library


def _top_id_line(path: Path) -> int | None:
    try:
        reader = _Reader(path, path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeError):
        return None
    return reader.line_of(reader.root, "id")
