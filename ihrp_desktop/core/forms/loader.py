"""Read and validate worksheet definition files (TOML) into :mod:`model` objects.

Every problem becomes a :class:`FormDefinitionError` naming the file, the line where it can be
found and the field, so a clinic that edits a definition knows exactly what to fix; one bad file
never stops the other worksheets from loading.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
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

_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_LANG = re.compile(r"^[a-z]{2}(-[A-Za-z]{2})?$")
_MAX_FILE_BYTES = 1_000_000  # a definition is a few kB; refuse anything absurd before parsing


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
    return form.source.name if form.source is not None else form.id


class _Reader:
    """Walks one parsed TOML document, turning each table into model objects."""

    def __init__(self, path: Path, raw_text: str):
        self.path = path
        self.raw_lines = raw_text.splitlines()

    # -- error helpers ---------------------------------------------------------------------------
    def fail(self, message: str, where: str | None = None, id_hint: str | None = None) -> FormDefinitionError:
        return FormDefinitionError(self.path, message, line=self.line_of(id_hint or where), field=where)

    def line_of(self, ident: str | None) -> int | None:
        """Best-effort line number: where ``id = "<ident>"`` is written."""
        if not ident:
            return None
        last = ident.rsplit(".", 1)[-1]
        pattern = re.compile(r"""^\s*id\s*=\s*["']""" + re.escape(last) + r"""["']""")
        for number, line in enumerate(self.raw_lines, start=1):
            if pattern.match(line):
                return number
        return None

    # -- typed getters ---------------------------------------------------------------------------
    def check_keys(self, table: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise self.fail(f"unknown setting '{unknown[0]}' (check the spelling)", where)

    def ident(self, table: Mapping[str, Any], where: str) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(
                "every item needs an id of lowercase letters, digits and '_' (starting with a letter)", where
            )
        return value

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> Text | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(f"'{key}' is missing (write it at least in English: {key} = {{ en = \"...\" }})",
                                where)
            return None
        if isinstance(value, str):  # a single-language definition is fine for a clinic's own worksheet
            value = {DEFAULT_LANGUAGE: value}
        if not isinstance(value, dict):
            raise self.fail(f"'{key}' must be text, or a table of texts by language", where)
        for lang, words in value.items():
            if not _LANG.match(lang):
                raise self.fail(f"'{key}' has an unknown language code '{lang}'", where)
            if not isinstance(words, str):
                raise self.fail(f"'{key}.{lang}' must be text", where)
        if not value.get(DEFAULT_LANGUAGE, "").strip():
            raise self.fail(f"'{key}' needs an English text ({key}.en)", where)
        return Text(MappingProxyType({k: v.strip() for k, v in value.items()}))

    def number(self, table: Mapping[str, Any], key: str, where: str) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"'{key}' must be a number", where)
        return float(value)

    def choice(self, table: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
        value = table.get(key, allowed[0])
        if value not in allowed:
            raise self.fail(f"'{key}' must be one of: {', '.join(allowed)}", where)
        return cast(str, value)

    def boolean(self, table: Mapping[str, Any], key: str, where: str, default: bool = False) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false", where)
        return value

    def tables(self, table: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"'{key}' must be written as [[{key}]] tables", where)
        return value

    def unique(self, items: Iterable[Any], what: str, where: str) -> None:
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise self.fail(f"two {what} share the id '{item.id}'", f"{where}.{item.id}", item.id)
            seen.add(item.id)

    # -- structure -------------------------------------------------------------------------------
    def form(self, doc: Mapping[str, Any]) -> FormDefinition:
        self.check_keys(
            doc, {"id", "version", "title", "purpose", "discreet_title", "revisable", "attribution", "section"},
            "(top of file)",
        )
        form_id = self.ident(doc, "id")
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise self.fail("'version' must be a whole number, 1 or more", "version")
        sections = tuple(self.section(t, i) for i, t in enumerate(self.tables(doc, "section", "section")))
        if not sections:
            raise self.fail("a worksheet needs at least one [[section]]", "section")
        self.unique(sections, "sections", "section")
        all_fields = [f for s in sections for f in s.fields]
        self.unique(all_fields, "fields", "field")
        self.check_totals(all_fields)
        return FormDefinition(
            id=form_id,
            version=version,
            title=cast(Text, self.text(doc, "title", "title", required=True)),
            purpose=self.text(doc, "purpose", "purpose"),
            discreet_title=cast(Any, self.choice(doc, "discreet_title", ("notes", "plan"), "discreet_title")),
            revisable=self.boolean(doc, "revisable", "revisable"),
            attribution=self.text(doc, "attribution", "attribution"),
            sections=sections,
            source=self.path,
        )

    def section(self, table: Mapping[str, Any], index: int) -> Section:
        where = f"section {index + 1}"
        self.check_keys(table, {"id", "title", "guidance", "layout", "audience", "field"}, where)
        section_id = self.ident(table, where)
        where = section_id
        fields = tuple(self.field(t, section_id, COLUMN_TYPES | {"list", "menu", "total", "guidance"})
                       for t in self.tables(table, "field", where))
        if not fields:
            raise self.fail("a section needs at least one [[section.field]]", where)
        layout = self.choice(table, "layout", ("stack", "grid"), where)
        if layout == "grid" and sum(1 for f in fields if f.type == "list") != 4:
            raise self.fail("a 'grid' section needs exactly four list fields (the 2x2 boxes)", where)
        return Section(
            id=section_id,
            title=cast(Text, self.text(table, "title", where, required=True)),
            guidance=self.text(table, "guidance", where),
            layout=cast(Any, layout),
            audience=cast(Any, self.choice(table, "audience", ("shared", "clinician"), where)),
            fields=fields,
        )

    _FIELD_KEYS = {
        "id", "type", "label", "audience", "guidance", "unit", "min", "max", "low", "high", "option", "other",
        "column", "row", "row_label", "total_of", "text", "placeholder",
    }

    def field(self, table: Mapping[str, Any], parent: str, allowed_types: Iterable[str]) -> Field:
        where = f"{parent}.?"
        fid = self.ident(table, where)
        self.check_keys(table, self._FIELD_KEYS, fid)
        ftype = table.get("type")
        if ftype not in FIELD_TYPES:
            raise self.fail(
                f"unknown type '{ftype}'; use one of: {', '.join(sorted(FIELD_TYPES))}", fid)
        if ftype not in allowed_types:
            raise self.fail(f"type '{ftype}' cannot be used inside a list or menu row", fid)
        label = self.text(table, "label", fid, required=ftype != "guidance") or Text.of(en="")
        kwargs: dict[str, Any] = {}
        builders: dict[str, Callable[[], None]] = {
            "number": lambda: self._number_field(table, fid, kwargs),
            "scale": lambda: self._scale_field(table, fid, kwargs),
            "choice": lambda: self._options(table, fid, kwargs),
            "multichoice": lambda: self._options(table, fid, kwargs, other=True),
            "list": lambda: self._rows_field(table, fid, kwargs, fixed_rows=False),
            "menu": lambda: self._rows_field(table, fid, kwargs, fixed_rows=True),
            "total": lambda: self._total_field(table, fid, kwargs),
            "guidance": lambda: kwargs.update(text=self.text(table, "text", fid, required=True)),
        }
        builder = builders.get(ftype)
        if builder is not None:
            builder()
        return Field(
            id=fid,
            type=ftype,
            label=label,
            audience=cast(Any, self.choice(table, "audience", ("shared", "clinician"), fid)),
            guidance=self.text(table, "guidance", fid),
            placeholder=self.text(table, "placeholder", fid),
            **kwargs,
        )

    def _number_field(self, table: Mapping[str, Any], fid: str, kwargs: dict[str, Any]) -> None:
        low, high = self.number(table, "min", fid), self.number(table, "max", fid)
        if low is not None and high is not None and low >= high:
            raise self.fail("'min' must be smaller than 'max'", fid)
        kwargs.update(min=low, max=high, unit=self.text(table, "unit", fid))

    def _scale_field(self, table: Mapping[str, Any], fid: str, kwargs: dict[str, Any]) -> None:
        low = self.number(table, "min", fid)
        high = self.number(table, "max", fid)
        low = 0.0 if low is None else low
        high = 10.0 if high is None else high
        if low != int(low) or high != int(high) or not 0 < high - low <= 20:
            raise self.fail("a scale runs between whole numbers, at most 20 steps apart (e.g. 0 to 10)", fid)
        kwargs.update(min=low, max=high, low=self.text(table, "low", fid), high=self.text(table, "high", fid))

    def _options(self, table: Mapping[str, Any], fid: str, kwargs: dict[str, Any], other: bool = False) -> None:
        options = []
        for opt in self.tables(table, "option", fid):
            self.check_keys(opt, {"id", "label"}, fid)
            oid = self.ident(opt, f"{fid} option")
            options.append(Option(oid, cast(Text, self.text(opt, "label", f"{fid}.{oid}", required=True))))
        if not options:
            raise self.fail("a choice needs at least one [[...option]]", fid)
        self.unique(options, "options", fid)
        kwargs.update(options=tuple(options))
        if other:
            kwargs.update(other=self.boolean(table, "other", fid, default=False))

    def _rows_field(self, table: Mapping[str, Any], fid: str, kwargs: dict[str, Any], fixed_rows: bool) -> None:
        columns = tuple(self.field(t, fid, COLUMN_TYPES) for t in self.tables(table, "column", fid))
        if not columns:
            raise self.fail("a list needs at least one [[...column]]", fid)
        self.unique(columns, "columns", fid)
        kwargs.update(columns=columns, row_label=self.text(table, "row_label", fid))
        if fixed_rows:
            rows = []
            for row in self.tables(table, "row", fid):
                self.check_keys(row, {"id", "label", "group"}, fid)
                rid = self.ident(row, f"{fid} row")
                rows.append(MenuRow(rid, cast(Text, self.text(row, "label", f"{fid}.{rid}", required=True)),
                                    self.text(row, "group", f"{fid}.{rid}")))
            if not rows:
                raise self.fail("a menu needs at least one [[...row]]", fid)
            self.unique(rows, "rows", fid)
            kwargs.update(rows=tuple(rows))

    def _total_field(self, table: Mapping[str, Any], fid: str, kwargs: dict[str, Any]) -> None:
        target = table.get("total_of")
        if not isinstance(target, str) or target.count(".") != 1:
            raise self.fail("'total_of' must name a list column as \"list_id.column_id\"", fid)
        kwargs.update(total_of=target)

    def check_totals(self, fields: list[Field]) -> None:
        by_id = {f.id: f for f in fields}
        for fld in fields:
            if fld.type != "total" or fld.total_of is None:
                continue
            list_id, column_id = fld.total_of.split(".")
            source = by_id.get(list_id)
            if source is None or source.type not in ("list", "menu"):
                raise self.fail(f"'total_of' names '{list_id}', which is not a list in this worksheet", fld.id)
            try:
                column = source.column(column_id)
            except KeyError:
                raise self.fail(f"'total_of' names a column '{column_id}' that '{list_id}' does not have",
                                fld.id) from None
            if column.type not in ("number", "scale"):
                raise self.fail(f"'total_of' must name a number or scale column, not '{column.type}'", fld.id)


def load_definition(path: Path, *, builtin: bool = False) -> FormDefinition:
    """Read one definition file; raise :class:`FormDefinitionError` if it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormDefinitionError(path, f"the file cannot be read ({exc.strerror or exc})") from None
    if len(raw) > _MAX_FILE_BYTES:
        raise FormDefinitionError(path, "the file is too large to be a worksheet definition")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FormDefinitionError(path, "the file is not UTF-8 text; save it as UTF-8", line=line) from None
    return parse_definition(text, path, builtin=builtin)


def parse_definition(text: str, path: Path, *, builtin: bool = False) -> FormDefinition:
    """Parse definition text (already read) that came from ``path``."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise FormDefinitionError(path, f"the TOML is not valid ({exc.msg if hasattr(exc, 'msg') else exc})",
                                  line=line) from None
    except RecursionError:
        raise FormDefinitionError(path, "the file is nested too deeply to be a worksheet definition") from None
    return replace(_Reader(path, text).form(doc), builtin=builtin)


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def load_library(builtin_dir: Path, user_dir: Path | None = None) -> FormLibrary:
    """Load every shipped definition, then a clinic's own ones from ``user_dir``.

    A user file whose id is already taken is reported, and the shipped worksheet stays.
    """
    library = FormLibrary()
    for directory, builtin in ((builtin_dir, True), (user_dir, False)):
        if directory is None or not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                form = load_definition(path, builtin=builtin)
            except FormDefinitionError as exc:
                library.errors.append(exc)
                continue
            taken = library.forms.get(form.id)
            if taken is not None:
                owner = taken.source.name if taken.source else "another worksheet"
                library.errors.append(FormDefinitionError(
                    path, f"the id '{form.id}' is already used by {owner}; give this worksheet its own id",
                    field="id"))
                continue
            library.forms[form.id] = form
    return library
