"""What every flowable builder needs to know about the page it is building."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..forms.content import has_content, row_has_content
from ..forms.kinds import FieldKind
from ..forms.model import Field, FormDefinition, Section, Text
from ..forms.values import totals
from .options import Copy
from .styles import Styles, styles
from .words import word


@dataclass
class RenderContext:
    """The worksheet, its values and the kind of copy being printed."""

    form: FormDefinition
    values: Mapping[str, Any]
    language: str
    copy: Copy
    discreet: bool = False
    width: float = 450.0  # frame width (points)
    height: float = 640.0  # frame height (points)
    style: Styles = field(default_factory=styles)
    sums: dict[str, int | float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.sums and not self.blank:
            self.sums = totals(self.form, self.values)

    # -- the copy ---------------------------------------------------------------------------------
    @property
    def blank(self) -> bool:
        return self.copy == "blank"

    @property
    def take_home(self) -> bool:
        return self.copy == "take-home"

    @property
    def for_client(self) -> bool:
        """The take-home copy and the blank for paper use: both go to the client, neither holds
        what the definition marks ``audience = "clinician"``."""
        return self.copy in ("take-home", "blank")

    def shows_section(self, section: Section) -> bool:
        """Clinician sections never leave the room on a take-home copy or a blank."""
        return not (self.for_client and section.is_clinician)

    def shows_field(self, section: Section, fld: Field) -> bool:
        """Whether ``fld`` belongs on this copy (audience first, then emptiness)."""
        if not self.shows_section(section) or (self.for_client and fld.is_clinician):
            return False
        if self.blank:
            return fld.on_blank
        if fld.type == FieldKind.GUIDANCE:
            return self.shows_guidance_field(section, fld)
        if fld.type == FieldKind.TOTAL:
            return self.has_value(self.total_source(fld))
        if fld.type == FieldKind.SCORE and fld.scoring is not None:  # once any of its items is answered
            return any(self.has_value(self.form.field(item)) for item in fld.scoring.items)
        return self.has_value(fld)

    def printed_fields(self, section: Section) -> list[Field]:
        """The fields of ``section`` this copy prints, as it prints them: on a blank, lists and menus
        without their ``on_blank = false`` columns and options (a paper form asks less than the app)."""
        shown = [f for f in section.fields if self.shows_field(section, f)]
        if not self.blank:
            return shown
        return [_on_paper(f) for f in shown]

    def shows_guidance_field(self, section: Section, fld: Field) -> bool:
        """Static guidance prints on blank copies, and on filled ones only beside answers."""
        return self.blank or any(self.has_value(f) for f in section.fields if f.stores_value)

    def has_value(self, fld: Field | None) -> bool:
        """Whether something was entered in ``fld`` (blank copies have nothing)."""
        if fld is None or self.blank:
            return False
        return has_content(fld, self.values.get(fld.id))

    def row_has_value(self, fld: Field, row: Any) -> bool:
        """Whether a list or menu row holds anything (a retired column's answer counts)."""
        return isinstance(row, Mapping) and row_has_content(fld, row)

    def total_source(self, fld: Field) -> Field | None:
        """The list a ``total`` field adds up."""
        if not fld.total_of:
            return None
        try:
            return self.form.field(fld.total_of.list_id)
        except KeyError:
            return None

    # -- words ------------------------------------------------------------------------------------
    def text(self, value: Text | None) -> str:
        """Definition text in the page's language ("" when absent); a discreet copy prints its discreet
        form, a blank copy its blank form."""
        if value is None:
            return ""
        if self.discreet:
            return value.get_discreet(self.language)
        return value.get_blank(self.language) if self.blank else value.get(self.language)

    def word(self, key: str, **values: object) -> str:
        """A page word (header, footer, copy name) in the page's language."""
        return word(key, self.language, **values)


def _on_paper(fld: Field) -> Field:
    """``fld`` as a blank prints it: without the columns and options marked ``on_blank = false``."""
    if all(c.on_blank and all(o.on_blank for o in c.options) for c in fld.columns):
        return fld
    columns = tuple(
        replace(c, options=tuple(o for o in c.options if o.on_blank)) for c in fld.columns if c.on_blank
    )
    return replace(fld, columns=columns)
