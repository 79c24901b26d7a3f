"""The worksheets a program can use: every shipped definition, then a clinic's own ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loader import _Reader, load_definition
from .model import FormDefinition
from .reading import FormDefinitionError


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
                library.errors.append(FormDefinitionError(
                    path, f"the id '{form.id}' is already used by {owner}; give this worksheet its own id",
                    line=_top_id_line(path)))
                continue
            library.forms[form.id] = form
    return library


def _top_id_line(path: Path) -> int | None:
    try:
        reader = _Reader(path, path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeError):
        return None
    return reader.line_of(reader.root, "id")
