"""Undo steps: one field's value before and after a change.

Typing in one box is one step while the person keeps typing (a pause of more than
:data:`TYPING_PAUSE` seconds, or a very long burst, starts a new step); a click, a row added,
moved or removed is always a step of its own.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

TYPING_PAUSE = 1.5
LONGEST_STEP = 20.0
_ID = 0x1E4


class EditTarget(Protocol):
    def apply_value(
        self, field_id: str, value: Any, *, refresh: bool, focus: tuple[Any, ...] | None
    ) -> None: ...


class FieldEdit(QUndoCommand):
    def __init__(self, target: EditTarget, field_id: str, old: Any, new: Any, merge_key: object, text: str):
        super().__init__(text)
        self.target = target
        self.field_id = field_id
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.merge_key = merge_key
        self.started = self.last = time.monotonic()
        self._first = True
        key = merge_key if isinstance(merge_key, tuple) else ()
        self.focus: tuple[Any, ...] = key[:3] if key[:1] == ("cell",) else ()

    def id(self) -> int:
        return _ID

    def redo(self) -> None:
        # The first time, the widget already shows the new value (the person just typed it).
        self.target.apply_value(
            self.field_id,
            copy.deepcopy(self.new),
            refresh=not self._first,
            focus=None if self._first else self.focus,
        )
        self._first = False

    def undo(self) -> None:
        self.target.apply_value(self.field_id, copy.deepcopy(self.old), refresh=True, focus=self.focus)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, FieldEdit) or self.merge_key is None:
            return False
        if other.field_id != self.field_id or other.merge_key != self.merge_key:
            return False
        if other.last - self.last > TYPING_PAUSE or other.last - self.started > LONGEST_STEP:
            return False
        self.new = other.new
        self.last = other.last
        if self.new == self.old:
            self.setObsolete(True)  # typed and deleted again: nothing to undo
        return True
