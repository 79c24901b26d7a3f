"""Read and validate worksheet definition files (TOML) into :mod:`model` objects.

Every problem becomes a :class:`FormDefinitionError` naming the file, the line where it can be
found and the field, so a clinic that edits a definition knows exactly what to fix; one bad file
never stops the other worksheets from loading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from .card import read_pocket_card
from .carry_links import read_carry
from .discreet import check_discreet
from .kinds import FieldKind, kinds_with
from .kinds import traits as traits_of
from .model import Field, FormDefinition, MenuRow, Option, Section, Text, TotalOf
from .overview import read_overview
from .reading import ID_PATTERN, FormDefinitionError, Place, TomlReader, parse_toml
from .review_start import check_starts_with, read_starts_with
from .safety_links import read_safety_links
from .score_reading import SCORE_KEYS, check_scores, option_score, read_scoring

__all__ = [
    "ID_PATTERN",
    "FormDefinitionError",
    "load_definition",
    "parse_definition",
]

_ALL_KINDS = frozenset(FieldKind)
_COLUMN_KINDS = kinds_with("value")  # a list or menu row holds single answers only
_MAX_FILE_BYTES = 1_000_000  # a definition is a few kB; refuse anything absurd before parsing

_TOP_KEYS = frozenset(
    {"id", "version", "title", "purpose", "discreet_title", "revisable", "attribution", "section"}
    | {"pocket_card", "safety", "review_section", "carry", "overview"}
)
_SECTION_KEYS = frozenset({"id", "title", "guidance", "layout", "audience", "beside_previous", "field"})
_COMMON_FIELD_KEYS = frozenset(
    {"id", "type", "label", "audience", "guidance", "placeholder", "resets_on_revise", "on_blank"}
)
# The settings each field type understands, beyond the common ones.
_TYPE_KEYS: dict[FieldKind, frozenset[str]] = {
    FieldKind.NUMBER: frozenset({"unit", "min", "max", "chart"}),
    FieldKind.SCALE: frozenset({"min", "max", "low", "high", "chart"}),
    FieldKind.CHOICE: frozenset({"option"}),
    FieldKind.MULTICHOICE: frozenset({"option", "other"}),
    FieldKind.LIST: frozenset({"column", "row_label", "blank_rows", "starts_with"}),
    FieldKind.MENU: frozenset({"column", "row", "row_label", "take_home_rows"}),
    FieldKind.TOTAL: frozenset({"total_of"}),
    FieldKind.SCORE: SCORE_KEYS | {"chart"},
    FieldKind.GUIDANCE: frozenset({"text"}),
}
_ALL_FIELD_KEYS = _COMMON_FIELD_KEYS.union(*_TYPE_KEYS.values())


class _Reader(TomlReader):
    """Walks one parsed TOML document, turning each table into model objects."""

    known_keys = _ALL_FIELD_KEYS

    def __init__(self, path: Path, raw_text: str):
        super().__init__(path, raw_text)
        self.field_tables: dict[str, Place] = {}

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
            if section.beside_previous and (not sections or "grid" in (section.layout, sections[-1].layout)):
                raise self.fail("'beside_previous' needs a previous section; neither may be a 'grid'", where,
                                key="beside_previous")
            sections.append(section)
        if not sections:
            raise self.fail("a worksheet needs at least one [[section]]", top)
        self.check_totals([f for s in sections for f in s.fields])
        review = doc.get("review_section")
        if review is not None and (not isinstance(review, str) or review not in seen):
            raise self.fail(f"'review_section' names '{review}', which is not a section here", top,
                            key="review_section")
        check_scores(self, [f for s in sections for f in s.fields], top)
        check_starts_with(self, {f.id: f for s in sections for f in s.fields}, self.field_tables)
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
            pocket_card=read_pocket_card(self, doc, {f.id: f for s in sections for f in s.fields}),
            safety=read_safety_links(self, doc, {f.id: f for s in sections for f in s.fields}, sections),
            review_section=cast(Any, review),
            carry=read_carry(self, doc, {f.id: f for s in sections for f in s.fields}),
            overview=read_overview(self, doc, {f.id: f for s in sections for f in s.fields}),
        )

    def section(self, table: Mapping[str, Any], where: Place, fields_seen: set[str]) -> Section:
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
            if sum(1 for f in fields if f.type == FieldKind.LIST) != 4:
                raise self.fail(
                    f"{named} is a 'grid': it needs exactly four list fields (the 2x2 boxes)",
                    where,
                    key="layout",
                )
            for fld in fields:
                if fld.type not in (FieldKind.LIST, FieldKind.TOTAL, FieldKind.GUIDANCE):
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
            beside_previous=self.boolean(table, "beside_previous", where),
            fields=tuple(fields),
        )

    def field(self, table: Mapping[str, Any], where: Place, parent: str, *, column: bool) -> Field:
        what = "column" if column else "field"
        fid = self.ident(table, where, f"every {what} (in {parent})")
        name = f"{parent}.{fid}" if column else fid
        ftype = table.get("type")
        allowed_types = _COLUMN_KINDS if column else _ALL_KINDS
        if not isinstance(ftype, str) or ftype not in _ALL_KINDS:
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
        ftype = FieldKind(ftype)
        allowed = _COMMON_FIELD_KEYS | _TYPE_KEYS.get(ftype, frozenset())
        if ftype == FieldKind.GUIDANCE:
            allowed = frozenset({"id", "type", "label", "audience", "text"})
        if column:  # a column shows to whoever sees its list: a clinician-only cell would leak on paper
            allowed = allowed - {"audience", "chart"}  # a chart follows one answer per worksheet
        self.check_keys(table, allowed, where, name, f"a {'column' if column else ftype + ' field'}")
        kwargs: dict[str, Any] = {}
        if traits_of(ftype).numeric:
            self._bounds(table, where, name, ftype, kwargs)
        elif traits_of(ftype).options:
            self._options(table, where, name, kwargs)
            if ftype == FieldKind.MULTICHOICE:
                kwargs["other"] = self.boolean(table, "other", where, name)
        elif traits_of(ftype).container:
            self._rows(table, where, name, fid, ftype == FieldKind.MENU, kwargs)
            kwargs["starts_with"] = read_starts_with(self, table, where, name)
        elif ftype == FieldKind.TOTAL:
            target = table.get("total_of")
            if not isinstance(target, str) or target.count(".") != 1:
                raise self.fail(
                    "'total_of' must name a list column as \"list_id.column_id\"",
                    where,
                    key="total_of",
                    field=name,
                )
            kwargs["total_of"] = TotalOf(*target.split("."))  # parsed once; every reader uses its parts
        elif ftype == FieldKind.GUIDANCE:
            kwargs["text"] = self.text(table, "text", where, field=name, required=True)
        elif ftype == FieldKind.SCORE:
            kwargs["scoring"] = read_scoring(self, table, where, name)
        label = self.text(table, "label", where, field=name, required=ftype != FieldKind.GUIDANCE)
        return Field(
            id=fid,
            type=ftype,
            label=label or Text.of(en=""),
            audience=cast(Any, self.choice(table, "audience", ("shared", "clinician"), where, name)),
            guidance=self.text(table, "guidance", where, field=name),
            placeholder=self.text(table, "placeholder", where, field=name),
            resets_on_revise=self.boolean(table, "resets_on_revise", where, name),
            chart=self.boolean(table, "chart", where, name),
            on_blank="on_blank" not in table or self.boolean(table, "on_blank", where, name),
            blank_rows=self._blank_rows(table, where, name),
            answered_rows_only=self.choice(table, "take_home_rows", ("all", "answered"), where, name)
            == "answered",
            **kwargs,
        )

    def _blank_rows(self, table: Mapping[str, Any], where: Place, name: str) -> int | None:
        """How many empty rows a blank copy offers this list (1 to 10), or None for the default."""
        rows = self.number(table, "blank_rows", where, name)
        if rows is not None and (not rows.is_integer() or not 1 <= rows <= 10):
            raise self.fail(
                "'blank_rows' is a whole number from 1 to 10", where, key="blank_rows", field=name
            )
        return None if rows is None else int(rows)

    def _bounds(
        self, table: Mapping[str, Any], where: Place, name: str, ftype: str, kwargs: dict[str, Any]
    ) -> None:
        low, high = self.number(table, "min", where, name), self.number(table, "max", where, name)
        if ftype == FieldKind.SCALE:
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

    def _options(self, table: Mapping[str, Any], where: Place, name: str, kwargs: dict[str, Any]) -> None:
        options: list[Option] = []
        seen: set[str] = set()
        for opt, owhere in self.tables(table, "option", where, name):
            self.check_keys(opt, {"id", "label", "not_marked", "left_off", "score", "on_blank"}, owhere, name)
            oid = self.ident(opt, owhere, "every option", name)
            self.check_new(seen, oid, "options", owhere, name)
            label = cast(Text, self.text(opt, "label", owhere, field=name, required=True))
            marked = self.boolean(opt, "not_marked", owhere, name)
            left_off = self.boolean(opt, "left_off", owhere, name)
            score = option_score(self, opt, owhere, name)
            on_blank = "on_blank" not in opt or self.boolean(opt, "on_blank", owhere, name)
            options.append(Option(oid, label, marked or left_off, left_off, score, on_blank))
        if not options:
            raise self.fail("a choice needs at least one [[...option]]", where, field=name)
        kwargs["options"] = tuple(options)

    def _rows(
        self,
        table: Mapping[str, Any],
        where: Place,
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
            self.check_keys(row, {"id", "label", "group", "caution"}, rwhere, name)
            rid = self.ident(row, rwhere, "every row", name)
            self.check_new(seen, rid, "rows", rwhere, name)
            rows.append(
                MenuRow(
                    rid,
                    cast(Text, self.text(row, "label", rwhere, field=name, required=True)),
                    self.text(row, "group", rwhere, field=name),
                    self.text(row, "caution", rwhere, field=name),
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
            list_id, column_id = fld.total_of.list_id, fld.total_of.column_id
            source = by_id.get(list_id)
            if source is None or not source.traits.container:
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
            if not column.traits.numeric:
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


def parse_definition(text: str, path: Path, *, builtin: bool = False) -> FormDefinition:
    """Parse definition text (already read) that came from ``path``."""
    doc = parse_toml(text, path)
    form = replace(_Reader(path, text).form(doc), builtin=builtin)
    check_discreet(form)  # a discreet copy never prints a listed word the client did not type
    return form
